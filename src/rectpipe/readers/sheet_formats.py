"""Date cells of an .xlsx workbook shown as a month through a date format of the workbook's
own (``yyyy.m`` shows 2024-09-30 as ``2024.9``; ``yyyy"年"m"月"`` as ``2024年9月``).

Internal. calamine gives a date cell's value, not how the sheet shows it. A ledger's 整改时限
kept as a date and shown as a month is read as the month a person sees: the day it stores is
not shown, so it is no part of the deadline. A date shown with its day keeps the reader's one
way of writing dates (``2024年9月30日``) whatever its layout, as in .xls and .ods files. Only
custom formats made of year and month tokens and literal text are rendered; one with times,
colours, conditions or codes other than a language tag is not.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import IO, Any

__all__ = ["DateFormats", "render_date", "xlsx_date_formats"]

# Per sheet name: (row, column) of a date cell, 0-based → its format code.
DateFormats = dict[str, dict[tuple[int, int], str]]

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
# The first id of a workbook's own number formats; lower ids are built in.
_CUSTOM_FORMATS = 164
_TOKEN = re.compile(r'"[^"]*"|\\.|yyyy|yy|mm|m|dd|d|[^A-Za-z"\\\[\]]|.', re.IGNORECASE)
_LANGUAGE_TAG = re.compile(r"^\[\$-[0-9A-Fa-f]{1,8}\]")
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


def render_date(value: dt.date, code: str) -> str | None:
    """``value`` as the format ``code`` shows it, or ``None`` when the code is not a plain
    year-and-month format (a day, times, colours, sections, other bracketed codes)."""
    # yyyy"年"m"月";@ (a text section after the date's, as Excel's own Chinese formats have)
    code = _LANGUAGE_TAG.sub("", code.strip()).removesuffix(";@")
    if not code or ";" in code:
        return None
    out: list[str] = []
    saw_date = False
    for token in _TOKEN.findall(code):
        lower = token.lower()
        if lower in ("yyyy", "yy"):
            out.append(f"{value.year:04d}" if lower == "yyyy" else f"{value.year % 100:02d}")
        elif lower in ("mm", "m"):
            out.append(f"{value.month:02d}" if lower == "mm" else str(value.month))
        elif lower in ("dd", "d"):
            return None  # a date shown with its day: the reader's own writing
        elif token.startswith('"'):
            out.append(token[1:-1])
            continue
        elif token.startswith("\\"):
            out.append(token[1:])
            continue
        elif (token.isascii() and token.isalpha()) or token in ("[", "]"):
            return None  # h, s, AM/PM, colours, conditions
        else:
            out.append(token)
            continue
        saw_date = True
    return "".join(out) if saw_date else None


def xlsx_date_formats(data: bytes) -> DateFormats:
    """The date cells of each sheet whose style uses one of the workbook's own month formats;
    ``{}`` when the workbook has none (or its parts cannot be read: the reader's defaults
    apply)."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            styles = _date_styles(etree.fromstring(package.read("xl/styles.xml")))
            if not styles:
                return {}
            book = etree.fromstring(package.read("xl/workbook.xml"))
            rels = etree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
            targets = {
                r.get("Id"): r.get("Target", "")
                for r in rels.iter(f"{{{_PACKAGE_REL}}}Relationship")
            }
            found: DateFormats = {}
            for sheet in book.iter(f"{{{_MAIN}}}sheet"):
                target = targets.get(sheet.get(f"{{{_REL}}}id"), "")
                member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                cells = _styled_cells(package.open(member), styles)
                if cells:
                    found[sheet.get("name", "")] = cells
            return found
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError):
        return {}


def _date_styles(styles: Any) -> dict[int, str]:
    """Cell style index → format code, for the styles whose number format is a custom month
    format."""
    codes = {
        int(f.get("numFmtId", "0")): f.get("formatCode", "")
        for f in styles.iter(f"{{{_MAIN}}}numFmt")
    }
    dated = {
        n: code
        for n, code in codes.items()
        if n >= _CUSTOM_FORMATS and render_date(dt.date(2001, 2, 3), code) is not None
    }
    found: dict[int, str] = {}
    for xfs in styles.iter(f"{{{_MAIN}}}cellXfs"):
        for index, xf in enumerate(xfs.iter(f"{{{_MAIN}}}xf")):
            code = dated.get(int(xf.get("numFmtId", "0")))
            if code is not None:
                found[index] = code
    return found


def _styled_cells(member: IO[bytes], styles: dict[int, str]) -> dict[tuple[int, int], str]:
    """(row, column) of each cell of a sheet's XML ``member`` styled with a date format of
    ``styles``, with that format's code."""
    from lxml import etree

    cells: dict[tuple[int, int], str] = {}
    for _, element in etree.iterparse(
        member, events=("end",), tag=f"{{{_MAIN}}}c", resolve_entities=False, no_network=True
    ):
        style = element.get("s")
        ref = _CELL_REF.fullmatch(element.get("r", ""))
        if style is not None and ref is not None and int(style) in styles:
            column = 0
            for letter in ref.group(1):
                column = column * 26 + ord(letter) - 64
            cells[(int(ref.group(2)) - 1, column - 1)] = styles[int(style)]
        element.clear()
    return cells
