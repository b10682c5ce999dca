"""Internal: positioned glyphs, kept one by one or column by column, and their repairs.

:class:`Char` is one glyph (top-left origin, PDF points); :class:`CharColumns` holds a page's
glyphs column by column, as the PDFium source reads them; :class:`_Glyphs` is the column view
the line building works on. :func:`repair_chars` holds the glyph repairs every source needs:
Kangxi / CJK-supplement radicals, unmapped ``(cid:NN)`` glyphs. (Duplicated glyphs from
simulated bold are dropped by :func:`~rectpipe.readers.pdf.lines.build_lines`, where they are
neighbours.)
"""

from __future__ import annotations

import functools
import itertools
import operator
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, overload

from ...runtime.patterns import compile_re
from ...runtime.record import record

__all__ = [
    "RADICALS",
    "RADICAL_TRANSLATION",
    "REPLACEMENT",
    "Char",
    "CharColumns",
    "fold_radicals",
    "repair_chars",
]

REPLACEMENT = "\ufffd"
"""What an unmapped glyph (pdfminer's ``(cid:NN)``, PDFium's map errors) becomes."""


class Char(NamedTuple):
    """One glyph. ``top``/``bottom`` grow downwards from the top of the page, in points.

    ``text`` is normally one character (a ligature may give several). ``upright`` is false for
    rotated glyphs (stamps, watermarks, vertical text). A named tuple: sources create thousands
    per page and the layout reads their fields in tight loops.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    fontname: str = ""
    upright: bool = True


class CharColumns(Sequence[Char]):
    """Glyphs stored column by column: a read-only sequence of :class:`Char`.

    The PDFium source reads its glyphs' fields as columns and the layout works on columns, so
    that source keeps them as they are instead of building (and the layout taking apart again)
    one tuple per glyph (the coordinates may be lists or arrays of doubles, as the source
    reads them). Indexing and iteration build :class:`Char` values on demand.
    ``styles[k]`` is ``(size, fontname, upright)`` of glyph ``k`` (one tuple shared by the
    glyphs of a text object). ``characters`` is given when every glyph's text is one
    character: those characters as one string (``list(texts) == list(characters)``; ``texts``
    may be that string itself), which spares joining them again (:meth:`joined`, and the
    layout's lines). A source that has them at hand may also give ``size_column``, the sizes
    of ``styles`` as a column of their own, and ``all_upright`` when every style is upright
    (:meth:`sizes` and :meth:`uprights` then need not read every style).
    """

    __slots__ = (
        "_all_upright",
        "_size_column",
        "bottoms",
        "characters",
        "styles",
        "texts",
        "tops",
        "x0s",
        "x1s",
    )

    def __init__(
        self,
        texts: Sequence[str],
        x0s: Sequence[float],
        x1s: Sequence[float],
        tops: Sequence[float],
        bottoms: Sequence[float],
        styles: list[tuple[float, str, bool]],
        characters: str | None = None,
        *,
        size_column: Sequence[float] | None = None,
        all_upright: bool = False,
    ) -> None:
        if not len(texts) == len(x0s) == len(x1s) == len(tops) == len(bottoms) == len(styles):
            raise ValueError("CharColumns: columns of different lengths")
        if size_column is not None and len(size_column) != len(texts):
            raise ValueError("CharColumns: columns of different lengths")
        if characters is not None and len(characters) != len(texts):
            raise ValueError("CharColumns: not one character per glyph")
        self.texts, self.x0s, self.x1s = texts, x0s, x1s
        self.tops, self.bottoms, self.styles = tops, bottoms, styles
        self.characters = characters
        self._size_column, self._all_upright = size_column, all_upright

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Char: ...

    @overload
    def __getitem__(self, index: slice) -> list[Char]: ...

    def __getitem__(self, index: int | slice) -> Char | list[Char]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        geometry = (
            self.texts[index],
            self.x0s[index],
            self.x1s[index],
            self.tops[index],
            self.bottoms[index],
        )
        return _new_char(geometry + self.styles[index])

    def __iter__(self) -> Iterator[Char]:
        columns = zip(self.texts, self.x0s, self.x1s, self.tops, self.bottoms, strict=True)
        return map(_new_char, map(operator.add, columns, self.styles))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (CharColumns, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable columns, compared by value

    def __repr__(self) -> str:
        return f"CharColumns({list(self)!r})"

    def joined(self) -> str:
        """The glyphs' texts joined into one string."""
        return "".join(self.texts) if self.characters is None else self.characters

    def sizes(self) -> Sequence[float]:
        """The glyphs' font sizes."""
        if self._size_column is not None:
            return self._size_column
        return list(map(_STYLE_SIZE, self.styles))

    def uprights(self) -> list[bool]:
        """The glyphs' ``upright`` flags."""
        if self._all_upright:
            return [True] * len(self.texts)
        return list(map(_STYLE_UPRIGHT, self.styles))

    def with_boxes(
        self,
        x0s: Sequence[float],
        x1s: Sequence[float],
        tops: Sequence[float],
        bottoms: Sequence[float],
    ) -> CharColumns:
        """The same glyphs in other boxes (a turned page's, as shown: :mod:`.turned`)."""
        return CharColumns(
            self.texts,
            x0s,
            x1s,
            tops,
            bottoms,
            self.styles,
            self.characters,
            size_column=self._size_column,
            all_upright=self._all_upright,
        )


_new_char = functools.partial(tuple.__new__, Char)
"""``Char`` from one tuple of its eight fields, without the keyword handling of ``Char(...)``."""
_STYLE_SIZE, _STYLE_UPRIGHT = operator.itemgetter(0), operator.itemgetter(2)


@record
class _Glyphs:
    """Glyphs of ``source`` (those at ``index``) with their fields column by column:
    ``texts[k]`` is ``source[index[k]].text``.

    The line building works on columns: one C-level pass (``map``, ``all``, ``max``, a
    ``str.join``) per field over a whole page, or per field and line, instead of a Python loop
    reading every field of every glyph, which is several times slower. :class:`Char` values
    are only looked at where a line needs the glyph-by-glyph treatment. ``text`` is ``texts``
    joined when every glyph's text is one character (so that ``text[a:b]`` is the text of
    glyphs ``a`` to ``b``, without a join), else ``None``.
    """

    source: Sequence[Char]
    index: Sequence[int]
    texts: Sequence[str]
    x0s: Sequence[float]
    x1s: Sequence[float]
    tops: Sequence[float]
    bottoms: Sequence[float]
    sizes: Sequence[float]
    text: str | None = None

    @classmethod
    def of(cls, chars: Sequence[Char]) -> tuple[_Glyphs, Sequence[bool]]:
        """All of ``chars`` (at least one), and their ``upright`` flags.

        :class:`CharColumns` give their columns as they are; other glyphs are transposed in
        one ``zip``.
        """
        if isinstance(chars, CharColumns):
            columns = (chars.texts, chars.x0s, chars.x1s, chars.tops, chars.bottoms)
            glyphs = cls(chars, range(len(chars)), *columns, chars.sizes(), chars.characters)
            return glyphs, chars.uprights()
        texts, x0s, x1s, tops, bottoms, sizes, _, upright = zip(*chars, strict=True)
        return cls(chars, range(len(texts)), texts, x0s, x1s, tops, bottoms, sizes), upright

    def take(self, positions: Sequence[int]) -> _Glyphs:
        """The glyphs at ``positions`` (at least two), in that order."""
        get = operator.itemgetter(*positions)
        identity = self.index == range(len(self.index))  # as :meth:`of` gives: no lookup
        return _Glyphs(
            self.source,
            positions if identity else get(self.index),
            get(self.texts),
            get(self.x0s),
            get(self.x1s),
            get(self.tops),
            get(self.bottoms),
            get(self.sizes),
        )

    def slice(self, start: int, end: int) -> _Glyphs:
        """The glyphs ``start`` to ``end`` (excluded)."""
        return _Glyphs(
            self.source,
            self.index[start:end],
            self.texts[start:end],
            self.x0s[start:end],
            self.x1s[start:end],
            self.tops[start:end],
            self.bottoms[start:end],
            self.sizes[start:end],
            None if self.text is None else self.text[start:end],
        )

    def chars(self) -> list[Char]:
        """The glyphs as :class:`Char` values."""
        return list(map(self.source.__getitem__, self.index))


def _char_class(codes: Iterable[int]) -> str:
    """A regular-expression character class matching exactly the characters ``codes``."""
    ranges = []
    for _, run in itertools.groupby(enumerate(sorted(codes)), lambda pair: pair[1] - pair[0]):
        members = [code for _, code in run]
        ranges.append(f"\\U{members[0]:08x}-\\U{members[-1]:08x}")
    return f"[{''.join(ranges)}]"


# --------------------------------------------------------------------------------------------
# glyph repairs


def _build_radicals() -> dict[str, str]:
    """Radical code points → the unified ideograph a reader sees (⼀ → 一, ⻓ → 长)."""
    table: dict[str, str] = {}
    for code in range(0x2F00, 0x2FD6):  # Kangxi radicals: NFKC gives the ideograph
        folded = unicodedata.normalize("NFKC", chr(code))
        if folded != chr(code):
            table[chr(code)] = folded
    for code in range(0xF900, 0xFB00):  # CJK compatibility ideographs: NFC gives the ideograph
        char = chr(code)
        folded = unicodedata.normalize("NFC", char)
        if folded != char and len(folded) == 1:
            table[char] = folded
    # CJK radicals supplement: NFKC maps only ⺟ and ⻳; the rest by hand where the radical is
    # the shape of a whole character (components such as ⺮ are left alone).
    supplement = {
        0x2E8A: "卜", 0x2E96: "忄", 0x2E98: "扌", 0x2E9F: "母", 0x2EA0: "民", 0x2EA1: "氵",
        0x2EA8: "犭", 0x2EA9: "王", 0x2EAD: "礻", 0x2EAF: "糹", 0x2EB0: "纟", 0x2EBE: "艹",
        0x2EBF: "艹", 0x2EC0: "艹", 0x2EC2: "衤", 0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角",
        0x2EC8: "讠", 0x2EC9: "贝", 0x2ECB: "车", 0x2ECC: "辶", 0x2ECD: "辶", 0x2ECF: "阝",
        0x2ED0: "钅", 0x2ED1: "長", 0x2ED3: "长", 0x2ED4: "门", 0x2ED6: "阝", 0x2ED8: "青",
        0x2ED9: "韦", 0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EE0: "饣",
        0x2EE2: "马", 0x2EE3: "骨", 0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤",
        0x2EE8: "麦", 0x2EE9: "黄", 0x2EEA: "黾", 0x2EEC: "齐", 0x2EEE: "齿", 0x2EF0: "龙",
        0x2EF3: "龟",
    }  # fmt: skip
    table.update({chr(code): value for code, value in supplement.items()})
    return table


RADICALS: dict[str, str] = _build_radicals()
"""Radical and compatibility code points → unified ideographs (⼀ → 一, ⻓ → 长, 﨑 → 崎)."""

RADICAL_TRANSLATION: dict[int, str] = {ord(k): v for k, v in RADICALS.items()}
""":data:`RADICALS` as a ``str.translate`` table."""

_CID = compile_re(r"\(cid:\d+\)")
_REPAIRABLE = compile_re(r"[\s" + _char_class(map(ord, RADICALS))[1:])
"""Whitespace or a radical: a character :func:`repair_chars` drops or replaces."""
_TEXT = operator.itemgetter(0)


def fold_radicals(text: str) -> str:
    """``text`` with radicals and compatibility ideographs replaced by unified ideographs."""
    return text.translate(RADICAL_TRANSLATION)


def repair_chars(chars: Sequence[Char]) -> tuple[Sequence[Char], int]:
    """Glyphs fit for layout, and the number of unmapped ones among them.

    Whitespace glyphs are dropped (the layout works from positions), pdfminer's ``(cid:NN)``
    becomes U+FFFD and radicals are folded to ideographs (:func:`fold_radicals`). Duplicated
    glyphs (simulated bold) are removed later, line by line, by the layout. The count lets the
    caller measure the text yield. :class:`CharColumns` with nothing to repair (the usual
    case) come back as they are, other glyphs as a new list.
    """
    columns = isinstance(chars, CharColumns)
    joined = chars.joined() if isinstance(chars, CharColumns) else "".join(map(_TEXT, chars))
    if "(cid:" not in joined and not _REPAIRABLE.search(joined):
        return (chars if columns else list(chars)), joined.count(REPLACEMENT)
    out: list[Char] = []
    unmapped = 0
    for char in chars:
        text = char.text
        if text.isspace() or not text:
            continue
        if text[0] == "(" and text.startswith("(cid:"):
            text = _CID.sub(REPLACEMENT, text)
        folded = RADICALS.get(text, text) if len(text) == 1 else fold_radicals(text)
        if REPLACEMENT in folded:
            unmapped += 1
        out.append(char if folded is text and text is char.text else char._replace(text=folded))
    return out, unmapped
