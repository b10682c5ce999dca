"""A sample's text rendered as Word files (tests/renderings.py), written as a package of
WordprocessingML parts with East Asian fonts set as the fixtures do: a paragraph a line, one
paragraph of soft line breaks, a one-cell frame, heading styles, titles and signatures over two
lines, automatic numbering (a list per marker form, or one multi-level list).
"""

from __future__ import annotations

import io
import re
import zipfile

from .render_lines import _H1, _H2, _H3, _H4, Line, _esc, lead, lines_of, printed_lines

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FANGSONG, HEITI, KAITI, TITLE_FONT = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/></Relationships>'
)


def _rfonts(east_asia: str) -> str:
    return (
        '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        f'w:eastAsia="{east_asia}" w:cs="Times New Roman"/>'
    )


_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>{_rfonts(FANGSONG)}'
    '<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" '
    'w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/>'
    '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/>'
    '<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/>'
    '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/>'
    '<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:jc w:val="center"/>'
    '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/>'
    '<w:sz w:val="44"/></w:rPr></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/>'
    "</w:style>"
    '<w:style w:type="table" w:styleId="a3"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="a1"/></w:style></w:styles>'
)


def _run(text: str, font: str | None = None, *, bold: bool = False, size: int = 32) -> str:
    props = (_rfonts(font) if font else "") + ("<w:b/><w:bCs/>" if bold else "")
    if size != 32:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


def _para(
    runs: str, *, jc: str | None = None, indent: bool = True, num: str = "", style: str = ""
) -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    ind = '<w:ind w:firstLineChars="200" w:firstLine="640"/>' if indent else ""
    jc_xml = f'<w:jc w:val="{jc}"/>' if jc else ""
    return f"<w:p><w:pPr>{style_xml}{num}{ind}{jc_xml}</w:pPr>{runs}</w:p>"


def _line_paragraph(line: Line, text: str | None = None, num: str = "") -> str:
    """A line as Word paragraph: the title centred in 方正小标宋, the signature right-aligned,
    一、 headings in 黑体, （一） headings' first sentence in 楷体, the rest in 仿宋."""
    body = line.text if text is None else text
    if line.role in ("title", "head"):
        return _para(_run(body, TITLE_FONT, size=44), jc="center", indent=False)
    if line.role == "closing":
        return _para(_run(body), jc="right", indent=False)
    if line.role == "h1":
        return _para(_run(body, HEITI), num=num)
    if line.role == "h2":
        head, rest = lead(body)
        return _para(_run(head, KAITI) + (_run(rest) if rest else ""), num=num)
    return _para(_run(body), num=num)


def _package(body: str, numbering: str = "") -> bytes:
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
        'w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>'
        "</w:sectPr></w:body></w:document>"
    )
    numbering_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{_W}">'
        f"{numbering}</w:numbering>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _ROOT_RELS),
            ("word/_rels/document.xml.rels", _DOC_RELS),
            ("word/document.xml", document),
            ("word/styles.xml", _STYLES),
            ("word/numbering.xml", numbering_xml),
        ):
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data.encode("utf-8"))
    return out.getvalue()


def word_paragraphs(text: str) -> bytes:
    """(f) One paragraph a line, first-line indent, 仿宋 body, 黑体/楷体 headings."""
    return _package(
        "".join(_line_paragraph(line) for line in lines_of(text) if line.role != "blank")
    )


def word_soft_breaks(text: str) -> bytes:
    """(g) The title a paragraph, then the whole rest in one paragraph with soft line breaks
    (``w:br``) between lines, as a paste from a web page gives."""
    lines = [line for line in lines_of(text) if line.role != "blank"]
    title = [line for line in lines if line.role == "title"]
    rest = [line for line in lines if line.role != "title"]
    runs = "<w:r><w:br/></w:r>".join(_run(line.text) for line in rest)
    return _package("".join(_line_paragraph(line) for line in title) + _para(runs))


def word_heading_styles(text: str) -> bytes:
    """As (f), with the title in Word's Title style and the short 一、 and （一） heading lines
    in the built-in heading 1 and heading 2 styles (outline levels 0 and 1)."""
    out: list[str] = []
    for line in lines_of(text):
        if line.role == "blank":
            continue
        if line.role == "title":
            out.append(_para(_run(line.text), style="a5", indent=False))
        elif line.role in ("h1", "h2") and len(line.text) <= 40:
            out.append(_para(_run(line.text), style="1" if line.role == "h1" else "2"))
        else:
            out.append(_line_paragraph(line))
    return _package("".join(out))


_TITLE_TOP = re.compile(r"^附件\s*\d+$|^中共.{2,30}$|^.{2,30}(?:委员会|党组|党委|人民政府)$")


def word_closing_breaks(text: str) -> bytes:
    """As (f), with a title set on two lines in one paragraph (附件N, or the issuer's name,
    over the title line) and the signature over its date in one, a soft line break
    (``w:br``) between the lines, as writers set them."""
    lines = [line for line in lines_of(text) if line.role != "blank"]
    out: list[str] = []
    group: list[Line] = []

    def flush() -> None:
        if group:
            runs = "<w:r><w:br/></w:r>".join(_run(line.text) for line in group)
            jc = "right" if group[0].role == "closing" else "center"
            out.append(_para(runs, jc=jc, indent=False))
            group.clear()

    for k, line in enumerate(lines):
        above_title = k + 1 < len(lines) and lines[k + 1].role == "title"
        if line.role == "head" and above_title and _TITLE_TOP.match(line.text):
            flush()
            group.append(line)
            continue
        if line.role == "title" and group:
            group.append(line)
            flush()
            continue
        if line.role == "closing":
            if group and group[0].role != "closing":
                flush()
            group.append(line)
            if len(group) == 2:
                flush()
            continue
        flush()
        out.append(_line_paragraph(line))
    flush()
    return _package("".join(out))


def word_frame(text: str) -> bytes:
    """(h) The whole report inside a one-cell table with borders (a frame)."""
    inner = "".join(_line_paragraph(line) for line in lines_of(text) if line.role != "blank")
    border = "".join(
        f'<w:{side} w:val="single" w:sz="12" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right")
    )
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="a3"/><w:tblW w:w="5000" w:type="pct"/>'
        f"<w:tblBorders>{border}</w:tblBorders></w:tblPr>"
        '<w:tblGrid><w:gridCol w:w="8844"/></w:tblGrid>'
        f'<w:tr><w:tc><w:tcPr><w:tcW w:w="8844" w:type="dxa"/></w:tcPr>{inner}</w:tc></w:tr>'
        "</w:tbl>"
    )
    return _package(table + "<w:p/>")


_CN_DIGITS = "零一二三四五六七八九"


def _cn_value(text: str) -> int:
    """一 … 九十九 as a number."""
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (
            _CN_DIGITS.index(ones) if ones else 0
        )
    return _CN_DIGITS.index(text)


def _numbered(line: Line) -> tuple[str, str, int, str] | None:
    """``(list key, Word lvlText, number, text after the marker)`` of a marked line."""
    for role, pattern, fmt in (
        ("h1", _H1, "chineseCounting"),
        ("h2", _H2, "chineseCounting"),
        ("h3", _H3, "decimal"),
        ("h4", _H4, "decimal"),
    ):
        if line.role != role:
            continue
        match = pattern.match(line.text)
        if match is None:
            return None
        groups = match.groups()
        if role in ("h1", "h3"):
            value, lvl_text = groups[0], f"%1{groups[1]}"
        else:
            value, lvl_text = groups[1], f"{groups[0]}%1{groups[2]}"
        number = _cn_value(value) if fmt == "chineseCounting" else int(value)
        rest = line.text[match.end() :].lstrip(" \u3000")
        if not rest or number < 1:
            return None
        return f"{fmt}|{lvl_text}", lvl_text, number, rest
    return None


def word_autonum(text: str) -> bytes:
    """(i) As (f), with each heading's number (一、（一）1.（1）) from Word automatic numbering:
    one list per marker form; where the typed number is not the list's next one, a new
    ``w:num`` restarts the list there (``w:startOverride``), as Word writes "restart at"."""
    abstracts: dict[str, int] = {}
    counters: dict[str, int] = {}
    current_num: dict[str, int] = {}
    nums: list[str] = []
    paragraphs: list[str] = []
    for line in lines_of(text):
        if line.role == "blank":
            continue
        numbered = _numbered(line)
        if numbered is None:
            paragraphs.append(_line_paragraph(line))
            continue
        key, _lvl_text, number, rest = numbered
        if key not in abstracts:
            abstracts[key] = len(abstracts)
        if key not in current_num or counters[key] + 1 != number:
            num_id = len(nums) + 1
            nums.append(
                f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstracts[key]}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{number}"/></w:lvlOverride>'
                "</w:num>"
            )
            current_num[key] = num_id
        counters[key] = number
        num = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{current_num[key]}"/></w:numPr>'
        paragraphs.append(_line_paragraph(line, rest, num))
    definitions = "".join(
        f'<w:abstractNum w:abstractNumId="{index}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{key.split("|")[0]}"/>'
        f'<w:suff w:val="nothing"/><w:lvlText w:val="{_esc(key.split("|")[1])}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>'
        "</w:lvl></w:abstractNum>"
        for key, index in abstracts.items()
    )
    return _package("".join(paragraphs), definitions + "".join(nums))


_LEVELS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3}


def word_multilevel(text: str) -> bytes:
    """As (i), with one multi-level list as Word's outline numbering gives: 一、 on level 0,
    （一） on level 1, 1. on level 2, （1） on level 3, each level restarting after a shallower
    one; each level's form is the one the document uses first (a line of another form keeps
    its typed number), its suffix Word's default (a tab), and a ``w:num`` with
    ``w:startOverride`` is written where the typed number is not the level's next."""
    lines = [line for line in lines_of(text) if line.role != "blank"]
    forms: dict[int, tuple[str, str]] = {}  # level -> (key, lvlText)
    for line in lines:
        numbered = _numbered(line)
        if numbered is not None and _LEVELS[line.role] not in forms:
            level = _LEVELS[line.role]  # the level's own number is %<level + 1>
            forms[level] = (numbered[0], numbered[1].replace("%1", f"%{level + 1}"))
    counters = [0, 0, 0, 0]
    nums: list[str] = []
    current = 0
    paragraphs: list[str] = []
    for line in lines:
        numbered = _numbered(line)
        level = _LEVELS.get(line.role)
        if numbered is None or level is None or forms[level][0] != numbered[0]:
            paragraphs.append(_line_paragraph(line))
            continue
        _key, _lvl_text, number, rest = numbered
        if current == 0 or counters[level] + 1 != number:
            current = len(nums) + 1
            nums.append(
                f'<w:num w:numId="{current}"><w:abstractNumId w:val="0"/>'
                f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{number}"/>'
                "</w:lvlOverride></w:num>"
            )
        counters[level] = number
        for deeper in range(level + 1, 4):
            counters[deeper] = 0
        num = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{current}"/></w:numPr>'
        paragraphs.append(_line_paragraph(line, rest, num))
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{forms[level][0].split("|")[0] if level in forms else "decimal"}"/>'
        f'<w:lvlText w:val="{_esc(forms[level][1]) if level in forms else f"%{level + 1}."}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>'
        for level in range(4)
    )
    definition = (
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        f"{levels}</w:abstractNum>"
    )
    return _package("".join(paragraphs), definition + "".join(nums))


_OUTLINE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})(?:\.(?!\d))?[ \u3000]*")


def word_outline(text: str) -> bytes:
    """(m) An outline numbered by Word's one multi-level list, as a firm's template gives: a
    line typed ``2.`` on level 0 (``%1.``), ``2.1`` on level 1 (``%1.%2``), ``2.1.1`` on
    level 2 (``%1.%2.%3``), a blank after each number; the numbers come from the list (a
    ``w:num`` restarts level 0 where the typed number is not its next), every other line a
    plain paragraph."""
    forms = ("%1.", "%1.%2", "%1.%2.%3")
    counters = [0, 0, 0]
    nums: list[str] = []
    paragraphs: list[str] = []
    for line in lines_of(text):
        if line.role == "blank":
            continue
        match = _OUTLINE.match(line.text)
        rest = line.text[match.end() :] if match else ""
        if match is None or not rest or ("." not in match.group(0) and line.role != "h3"):
            paragraphs.append(_line_paragraph(line))
            continue
        parts = [int(n) for n in match.group(1).split(".")]
        level = len(parts) - 1
        if not nums or (level == 0 and counters[0] + 1 != parts[0]):
            nums.append(
                f'<w:num w:numId="{len(nums) + 1}"><w:abstractNumId w:val="0"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{parts[0]}"/>'
                "</w:lvlOverride></w:num>"
            )
        counters[level] = parts[level]
        for deeper in range(level + 1, 3):
            counters[deeper] = 0
        num = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{len(nums)}"/></w:numPr>'
        paragraphs.append(_para(_run(rest, HEITI if level < 2 else None), num=num))
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:suff w:val="space"/><w:lvlText w:val="{form}"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>'
        for level, form in enumerate(forms)
    )
    definition = (
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        f"{levels}</w:abstractNum>"
    )
    return _package("".join(paragraphs), definition + "".join(nums))


def word_wrapped(text: str) -> bytes:
    """A PDF's text pasted into Word as lines: a paragraph a paragraph, cut into the PDF's
    printed lines (30 em) by soft line breaks."""
    return _package(
        "".join(
            _para(
                "<w:r><w:br/></w:r>".join(_run(piece) for piece in printed_lines(line.text)),
                indent=line.role not in ("title", "head", "closing"),
            )
            for line in lines_of(text)
            if line.role != "blank"
        )
    )
