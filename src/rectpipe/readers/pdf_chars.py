"""Where the PDF reader gets its characters from: a small :class:`CharSource` interface.

A source yields one :class:`PageChars` per page, in page order: the positioned glyphs of the page
(:class:`Char`, top-left origin, PDF points; the PDFium source keeps them column by column, as
:class:`CharColumns`), the straight ruling segments that tables are drawn with (:class:`Edge`)
and the number of images. Nothing else of the page is kept, so a source can
release each page as soon as it has been yielded.

Two implementations: :class:`PdfplumberCharSource` (pdfminer's layout, the reference) and
:class:`PdfiumCharSource` (PDFium through pypdfium2; the whole reader runs 8–10 times faster on
it). Both give the same blocks on the fixture PDFs. PDFium is not thread-safe: use processes, not
threads, to read several PDFs at once.

This module also holds the glyph repairs every source needs (:func:`repair_chars`): Kangxi /
CJK-supplement radicals, unmapped ``(cid:NN)`` glyphs. (Duplicated glyphs from simulated bold are
dropped by :func:`rectpipe.readers.pdf_layout.build_lines`, where they are neighbours.)
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import math
import operator
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, NamedTuple, Protocol, overload

from ..runtime.record import record

__all__ = [
    "RADICALS",
    "REPLACEMENT",
    "Char",
    "CharColumns",
    "CharSource",
    "Edge",
    "PageChars",
    "PdfiumCharSource",
    "PdfplumberCharSource",
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
    one tuple per glyph. Indexing and iteration build :class:`Char` values on demand.
    ``styles[k]`` is ``(size, fontname, upright)`` of glyph ``k`` (one tuple shared by the
    glyphs of a text object). ``characters`` is given when every glyph's text is one
    character: those characters as one string (``texts == list(characters)``), which spares
    joining them again (:meth:`joined`, and the layout's lines).
    """

    __slots__ = ("bottoms", "characters", "styles", "texts", "tops", "x0s", "x1s")

    def __init__(
        self,
        texts: list[str],
        x0s: list[float],
        x1s: list[float],
        tops: list[float],
        bottoms: list[float],
        styles: list[tuple[float, str, bool]],
        characters: str | None = None,
    ) -> None:
        if not len(texts) == len(x0s) == len(x1s) == len(tops) == len(bottoms) == len(styles):
            raise ValueError("CharColumns: columns of different lengths")
        if characters is not None and len(characters) != len(texts):
            raise ValueError("CharColumns: not one character per glyph")
        self.texts, self.x0s, self.x1s = texts, x0s, x1s
        self.tops, self.bottoms, self.styles = tops, bottoms, styles
        self.characters = characters

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

    def sizes(self) -> list[float]:
        """The glyphs' font sizes."""
        return list(map(_STYLE_SIZE, self.styles))

    def uprights(self) -> list[bool]:
        """The glyphs' ``upright`` flags."""
        return list(map(_STYLE_UPRIGHT, self.styles))


_new_char = functools.partial(tuple.__new__, Char)
"""``Char`` from one tuple of its eight fields, without the keyword handling of ``Char(...)``."""
_STYLE_SIZE, _STYLE_UPRIGHT = operator.itemgetter(0), operator.itemgetter(2)


@record
class Edge:
    """A horizontal or vertical ruling segment (a table border), top-left origin, in points."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def orientation(self) -> str:
        """``"h"`` when the segment is wider than tall, else ``"v"``."""
        return "h" if (self.x1 - self.x0) >= (self.bottom - self.top) else "v"


@dataclass(slots=True)
class PageChars:
    """Everything the reader needs from one page. ``number`` is 1-based.

    ``error`` is set (and the lists are empty) when the page could not be read; the source goes
    on with the next page.
    """

    number: int
    width: float
    height: float
    chars: Sequence[Char]
    edges: list[Edge]
    image_count: int = 0
    error: str | None = None


class CharSource(Protocol):
    """A PDF opened for reading its glyphs page by page.

    ``pages()`` may be called once; each page's resources are released before the next one is
    produced, so memory does not grow with the page count. ``close()`` is idempotent.
    """

    @property
    def page_count(self) -> int: ...

    def pages(self) -> Iterator[PageChars]: ...

    def close(self) -> None: ...


class _SourceBase:
    """Context-manager plumbing shared by the implementations."""

    def close(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def __enter__(self) -> _SourceBase:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# --------------------------------------------------------------------------------------------
# pdfplumber


def _edge_from_obj(obj: dict[str, Any]) -> list[Edge]:
    """Ruling segments of a pdfplumber line / rect / curve object (curves: straight pieces)."""
    kind = obj.get("object_type")
    x0, x1 = float(obj["x0"]), float(obj["x1"])
    top, bottom = float(obj["top"]), float(obj["bottom"])
    if kind == "line":
        return [Edge(x0, top, x1, bottom)]
    if kind == "rect":
        if x1 - x0 <= 2.0 or bottom - top <= 2.0:  # a border drawn as a thin filled rectangle
            return [Edge(x0, top, x1, bottom)]
        return [
            Edge(x0, top, x1, top),
            Edge(x0, bottom, x1, bottom),
            Edge(x0, top, x0, bottom),
            Edge(x1, top, x1, bottom),
        ]
    edges: list[Edge] = []
    points = obj.get("pts") or []
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        if abs(ax - bx) < 0.5 or abs(ay - by) < 0.5:
            edges.append(Edge(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
    return edges


class PdfplumberCharSource(_SourceBase):
    """Glyphs as pdfminer lays them out, through pdfplumber.

    Opening raises whatever pdfplumber raises on unreadable input; callers classify the file
    before opening it. Each page is closed (its object cache flushed) after it was yielded.
    """

    def __init__(self, data: bytes) -> None:
        import io

        import pdfplumber

        self._pdf = pdfplumber.open(io.BytesIO(data))
        self._closed = False

    @property
    def page_count(self) -> int:
        return len(self._pdf.pages)

    def pages(self) -> Iterator[PageChars]:
        for number, page in enumerate(self._pdf.pages, start=1):
            try:
                width, height = float(page.width), float(page.height)
                chars = [
                    Char(
                        text=str(c["text"]),
                        x0=float(c["x0"]),
                        x1=float(c["x1"]),
                        top=float(c["top"]),
                        bottom=float(c["bottom"]),
                        size=float(c["size"]),
                        fontname=str(c.get("fontname") or ""),
                        upright=bool(c.get("upright", True)),
                    )
                    for c in page.chars
                ]
                edges: list[Edge] = []
                for obj in (*page.lines, *page.rects, *page.curves):
                    edges.extend(_edge_from_obj(obj))
                result = PageChars(number, width, height, chars, edges, len(page.images))
            except Exception as exc:
                result = PageChars(number, 0.0, 0.0, [], [], 0, f"{type(exc).__name__}: {exc}")
            finally:
                page.close()
            yield result

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._pdf.close()


# --------------------------------------------------------------------------------------------
# pypdfium2

_FPDF_PAGEOBJ_PATH = 2
_FPDF_PAGEOBJ_IMAGE = 3
_FPDF_PAGEOBJ_FORM = 5


class PdfiumCharSource(_SourceBase):
    """Glyphs through PDFium (pypdfium2): the fast path.

    Boxes are PDFium's *loose* character boxes (font ascent to descent, advance width), close to
    pdfminer's. Generated characters (the spaces and line ends PDFium infers) are skipped: the
    reader works from positions. Glyphs PDFium cannot map to Unicode become U+FFFD. Opening
    raises ``pypdfium2.PdfiumError`` on unreadable or password-protected input.

    Pages are loaded through PDFium's own functions rather than pypdfium2's ``PdfPage``, which
    registers every page with the document and a finalizer (a measurable share of a page's
    cost when its text is read in a fraction of a millisecond); each page is closed before the
    next one is loaded.

    PDFium keeps every object it has parsed for the life of the document, about 75 KB a page
    in a Word export: the document is opened afresh every :attr:`PAGES_PER_OPENING` pages, so
    that memory stops growing with the page count (a 200-page file: peak RSS 71 → 62 MB, for
    about 3% more time, spent parsing shared objects such as fonts again).
    """

    PAGES_PER_OPENING = 64

    def __init__(self, data: bytes, password: str | None = None) -> None:
        import pypdfium2 as pdfium

        self._data = data  # PDFium reads from this buffer lazily: keep it alive
        self._password = password
        self._doc = pdfium.PdfDocument(data, password=password)
        self._closed = False
        self._scratch = _Scratch()

    @property
    def page_count(self) -> int:
        return len(self._doc)

    def _reopen(self) -> None:
        import pypdfium2 as pdfium

        self._doc.close()
        self._doc = pdfium.PdfDocument(self._data, password=self._password)

    def pages(self) -> Iterator[PageChars]:
        import pypdfium2.raw as raw

        for index in range(len(self._doc)):
            if self._closed:
                return
            if index and index % self.PAGES_PER_OPENING == 0:
                self._reopen()
            page = raw.FPDF_LoadPage(self._doc.raw, index)
            if not page:  # the message pypdfium2's ``PdfDocument.get_page`` raises
                yield PageChars(index + 1, 0.0, 0.0, [], [], 0, "PdfiumError: Failed to load page.")
                continue
            textpage = None
            try:
                textpage = raw.FPDFText_LoadPage(page)
                result = self._read(raw, page, textpage, index + 1)
            except Exception as exc:
                result = PageChars(index + 1, 0.0, 0.0, [], [], 0, f"{type(exc).__name__}: {exc}")
            finally:
                if textpage:
                    raw.FPDFText_ClosePage(textpage)
                raw.FPDF_ClosePage(page)
            yield result

    def _read(self, raw: Any, page: Any, textpage: Any, number: int) -> PageChars:
        """Glyphs, ruling segments and images of the loaded ``page``."""
        import pypdfium2 as pdfium

        width = float(raw.FPDF_GetPageWidthF(page))
        height = float(raw.FPDF_GetPageHeightF(page))
        bbox = raw.FS_RECTF()
        if not raw.FPDF_GetPageBoundingBox(page, bbox):
            raise pdfium.PdfiumError("Failed to get page bounding box.")
        left, origin = float(bbox.left), height + float(bbox.bottom)
        chars, text_objects = _pdfium_chars(raw, textpage, origin, left, self._scratch)
        edges, images = _pdfium_graphics(raw, page, origin, left, text_objects)
        return PageChars(number, width, height, chars, edges, images)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._doc.close()


class _Scratch:
    """Buffers PDFium writes into, allocated once per document and reused page after page.

    ``boxes`` holds four floats per glyph and ``slots[k]`` points at glyph ``k``'s four (a
    ``ctypes.byref``, made once instead of once per glyph and page); ``text`` receives a
    page's UTF-16 text. Page after page the same few sizes recur, so they are grown (doubled)
    and never shrunk.
    """

    __slots__ = ("boxes", "slots", "text")

    def __init__(self) -> None:
        self.boxes = (ctypes.c_float * 0)()
        self.slots: list[Any] = []
        self.text = ctypes.create_string_buffer(0)

    def box_slots(self, count: int) -> tuple[Any, list[Any]]:
        """``boxes`` and ``slots`` for ``count`` glyphs at least."""
        if len(self.slots) < count:
            size = max(count, 2 * len(self.slots))
            self.boxes = (ctypes.c_float * (4 * size))()
            self.slots = list(
                map(ctypes.byref, itertools.repeat(self.boxes), range(0, 16 * size, 16))
            )
        return self.boxes, self.slots

    def text_buffer(self, size: int) -> Any:
        """``text``, of ``size`` bytes at least."""
        if len(self.text) < size:
            self.text = ctypes.create_string_buffer(max(size, 2 * len(self.text)))
        return self.text


def _pdfium_chars(
    raw: Any, textpage: Any, y_origin: float, x_origin: float, scratch: _Scratch
) -> tuple[Sequence[Char], Collection[int | None]]:
    """The non-generated, non-blank characters of a PDFium text page, and the text objects
    they belong to (addresses; ``None`` for none).

    Font size, font name and rotation are read once per text object (they are constant in
    one), and so is the Unicode-map check: a glyph is U+FFFD when PDFium reports a map error
    for it, checked glyph by glyph only in text objects whose first glyph has one.

    Written column-wise rather than as one loop over the glyphs: a page has hundreds of glyphs,
    and the per-glyph work (two PDFium calls, four coordinates) is driven by ``map``, slicing
    and list comprehensions, which cost a fraction of a loop's bytecode per glyph. The glyphs
    are returned as :class:`CharColumns`, without a tuple per glyph.
    """
    if not textpage:
        return [], ()
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], ()
    keep, joined = _kept_glyphs(_page_text(raw, textpage, count, scratch))
    if not keep:
        return [], ()
    texts = list(joined)
    api = _fast_api(raw)
    page = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
    objects: list[int | None] = list(map(api.glyph_object, itertools.repeat(page), keep))
    info, checked = _object_info(api, page, objects, keep)
    if checked:
        _mark_unmapped(api, page, texts, objects, keep, checked)
        joined = "".join(texts)  # U+FFFD: still one character each
    lefts, rights, tops, bottoms = _loose_boxes(api, page, keep, y_origin, x_origin, scratch)
    styles = list(map(info.__getitem__, objects))
    return CharColumns(texts, lefts, rights, tops, bottoms, styles, joined), info.keys()


_BLANKS = frozenset(
    {
        0x7F,
        0x85,
        0xA0,
        0x1680,
        0x2028,
        0x2029,
        0x202F,
        0x205F,
        0x3000,
        0xFEFF,
        *range(0x2000, 0x200C),
    }
)
_SKIPPED = frozenset({*range(0x21), *range(0xD800, 0xE000), *_BLANKS})
"""Code points PDFium gives that are no glyph to lay out: controls and spaces (generated or
not), blanks and lone surrogates."""


def _char_class(codes: Iterable[int]) -> str:
    """A regular-expression character class matching exactly the characters ``codes``."""
    ranges = []
    for _, run in itertools.groupby(enumerate(sorted(codes)), lambda pair: pair[1] - pair[0]):
        members = [code for _, code in run]
        ranges.append(f"\\U{members[0]:08x}-\\U{members[-1]:08x}")
    return f"[{''.join(ranges)}]"


_SKIPPED_RUN = re.compile(_char_class(_SKIPPED) + "+")
_NOT_BMP = re.compile("[\ud800-\udfff\U00010000-\U0010ffff]")


def _kept_glyphs(text: str) -> tuple[list[int], str]:
    """Indices and characters (as one string) of ``text`` that are glyphs to lay out (not
    :data:`_SKIPPED`).

    Skipped characters are few (mostly the line ends PDFium generates) and come in runs: the
    kept ones are taken run by run between them, with no Python code per character.
    """
    indices: list[int] = []
    runs: list[str] = []
    start = 0
    for match in _SKIPPED_RUN.finditer(text):
        end = match.start()
        indices += range(start, end)
        runs.append(text[start:end])
        start = match.end()
    indices += range(start, len(text))
    runs.append(text[start:])
    return indices, "".join(runs)


def _page_text(raw: Any, textpage: Any, count: int, scratch: _Scratch) -> str:
    """The text page's characters, one per character index (``len(result) == count``).

    Read in one call as UTF-16. Characters outside the BMP (surrogate pairs) shift the UTF-16
    text against the character indices: the text is then read character by character.
    """
    buffer = scratch.text_buffer((count + 1) * 2)
    got = raw.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    units = ctypes.string_at(buffer, max(got - 1, 0) * 2)
    text = units.decode("utf-16-le", "surrogatepass")
    if len(units) != 2 * count or _NOT_BMP.search(text):
        codes = map(raw.FPDFText_GetUnicode, itertools.repeat(textpage), range(count))
        text = "".join(map(chr, map(int, codes)))
    return text


def _object_info(
    api: _FastApi, page: ctypes.c_void_p, objects: list[int | None], keep: list[int]
) -> tuple[dict[int | None, tuple[float, str, bool]], set[int | None]]:
    """``(size, font name, upright)`` of each text object in ``objects`` (read from its first
    glyph, ``keep`` holding the glyphs' indices), and the objects whose first glyph has a
    Unicode map error.

    A page has thousands of text objects (a few glyphs each): they too are handled column-wise,
    and font names and uprightness are worked out once per distinct font and angle.
    """
    # each object's first glyph: filled backwards, so that the smallest index is the last put
    firsts = dict(zip(reversed(objects), reversed(keep), strict=True))
    keys, indices = list(firsts), list(firsts.values())
    repeat = itertools.repeat
    sizes = list(map(api.font_size, repeat(page), indices))
    angles = list(map(api.angle, repeat(page), indices))
    errors = list(map(api.map_error, repeat(page), indices))
    if None in firsts:  # glyphs without a text object: no font either
        fonts = [api.object_font(key) if key else None for key in keys]
    else:
        fonts = list(map(api.object_font, keys))
    names = {font: _base_font_name(api, font) for font in set(fonts)}
    uprights: Iterable[bool]
    if angles.count(angles[0]) == len(angles):  # the usual page: one angle (0)
        uprights = repeat(_is_upright(angles[0]))
    else:
        upright = {angle: _is_upright(angle) for angle in set(angles)}
        uprights = map(upright.__getitem__, angles)
    properties = zip(sizes, map(names.__getitem__, fonts), uprights, strict=False)
    checked = set(itertools.compress(keys, map(operator.eq, errors, repeat(1))))
    return dict(zip(keys, properties, strict=True)), checked


def _is_upright(angle: float) -> bool:
    """Whether a glyph rotated by ``angle`` (radians, from PDFium) is upright."""
    return abs(angle) < 0.02 or abs(angle - 6.283185307179586) < 0.02


def _mark_unmapped(
    api: _FastApi,
    page: ctypes.c_void_p,
    texts: list[str],
    objects: list[int | None],
    keep: list[int],
    checked: set[int | None],
) -> None:
    """Replace by U+FFFD the glyphs of ``checked`` objects that PDFium cannot map to Unicode."""
    for position, key in enumerate(objects):
        if key in checked and api.map_error(page, keep[position]) == 1:
            texts[position] = REPLACEMENT


def _loose_boxes(
    api: _FastApi,
    page: ctypes.c_void_p,
    keep: list[int],
    y_origin: float,
    x_origin: float,
    scratch: _Scratch,
) -> tuple[list[float], list[float], list[float], list[float]]:
    """PDFium's loose boxes of the glyphs ``keep``: their x0, x1, top and bottom (top-left
    origin at ``x_origin``, ``y_origin`` in PDF coordinates).

    All boxes are written into one float array (the document's, reused), one call per glyph,
    and read back one edge at a time through strided views. A glyph whose box cannot be read
    takes its predecessor's (zeros for the first), as a single reused rectangle would give.
    """
    n = len(keep)
    boxes, slots = scratch.box_slots(n)
    done = list(map(api.loose_box, itertools.repeat(page), keep, slots))
    view = memoryview(boxes).cast("B").cast("f")[: 4 * n]  # left, top, right, bottom, left, ...
    if 0 in done:
        _fill_unread(view, done)
    values: Sequence[float] = view
    if x_origin == 0.0 and math.copysign(1.0, x_origin) > 0.0:  # v - 0.0 is v, even for -0.0
        lefts, rights = list(values[0::4]), list(values[2::4])
    else:
        lefts = [v - x_origin for v in values[0::4]]
        rights = [v - x_origin for v in values[2::4]]
    tops = [y_origin - v for v in values[1::4]]
    bottoms = [y_origin - v for v in values[3::4]]
    return lefts, rights, tops, bottoms


def _fill_unread(view: memoryview[float], done: list[int]) -> None:
    """Give each glyph whose box was not read (``done[k]`` false) its predecessor's box, and
    the first glyph zeros: what the buffer would hold had it been fresh."""
    if not done[0]:
        view[0:4] = memoryview(bytes(16)).cast("f")
    for k in range(1, len(done)):
        if not done[k]:
            view[4 * k : 4 * k + 4] = view[4 * k - 4 : 4 * k]


def _base_font_name(api: _FastApi, font: int | None) -> str:
    """Base font name of a PDFium font, ``""`` if unknown (or no font)."""
    if not font:
        return ""
    buffer = ctypes.create_string_buffer(128)
    got = api.font_name(font, buffer, 128)
    return buffer.value.decode("utf-8", "replace") if got else ""


@dataclass(frozen=True, slots=True)
class _FastApi:
    """PDFium functions re-typed to take and return plain values.

    Most take and return addresses as ints: the calls then skip ctypes' pointer conversions,
    which cost as much as the calls themselves. The ones called per glyph or per page object
    (``glyph_object`` to ``angle``, and ``page_object``) are declared without argument types
    at all, which is cheaper still: they must be passed the text page or page as a
    ``ctypes.c_void_p``, pointers as ``ctypes.byref(...)`` and indices as ints (ctypes passes
    any int as a C ``int``).
    """

    glyph_object: Any
    loose_box: Any
    map_error: Any
    font_size: Any
    angle: Any
    object_font: Any
    font_name: Any
    page_count: Any
    page_object: Any
    form_count: Any
    form_object: Any
    object_type: Any
    bounds: Any


_FAST_API: list[_FastApi] = []


def _fast_api(raw: Any) -> _FastApi:
    if not _FAST_API:
        vp, i, f = ctypes.c_void_p, ctypes.c_int, ctypes.CFUNCTYPE

        def retype(function: Any, restype: Any, *argtypes: Any) -> Any:
            return ctypes.cast(function, f(restype, *argtypes))

        _FAST_API.append(
            _FastApi(
                glyph_object=retype(raw.FPDFText_GetTextObject, vp),
                loose_box=retype(raw.FPDFText_GetLooseCharBox, i),
                map_error=retype(raw.FPDFText_HasUnicodeMapError, i),
                font_size=retype(raw.FPDFText_GetFontSize, ctypes.c_double),
                angle=retype(raw.FPDFText_GetCharAngle, ctypes.c_float),
                object_font=retype(raw.FPDFTextObj_GetFont, vp, vp),
                page_count=retype(raw.FPDFPage_CountObjects, i, vp),
                page_object=retype(raw.FPDFPage_GetObject, vp),
                form_count=retype(raw.FPDFFormObj_CountObjects, i, vp),
                form_object=retype(raw.FPDFFormObj_GetObject, vp, vp, ctypes.c_ulong),
                object_type=retype(raw.FPDFPageObj_GetType, i, vp),
                bounds=retype(raw.FPDFPageObj_GetBounds, i, vp, vp, vp, vp, vp),
                font_name=retype(
                    raw.FPDFFont_GetBaseFontName,
                    ctypes.c_size_t,
                    vp,
                    ctypes.c_char_p,
                    ctypes.c_size_t,
                ),
            )
        )
    return _FAST_API[0]


def _pdfium_graphics(
    raw: Any,
    page: Any,
    y_origin: float,
    x_origin: float,
    text_objects: Collection[int | None] = (),
) -> tuple[list[Edge], int]:
    """Ruling segments (from path objects' bounds) and the image count of a PDFium page.

    A thin path is one segment; any other path is taken as a rectangle (its four sides), which
    is what cell borders and shaded cells are. Form XObjects are searched recursively.
    ``text_objects`` (known from the glyphs) are skipped without asking PDFium for their type:
    a page has thousands of text objects and only a few paths and images.
    """
    api = _fast_api(raw)
    edges: list[Edge] = []
    images = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    boxes = [ctypes.addressof(v) for v in (left, bottom, right, top)]

    # Form XObjects are entered with an explicit stack rather than a recursive closure: a
    # closure that calls itself is a reference cycle, and would keep each page's objects
    # (and the glyph data they reach) alive until the garbage collector runs.
    address = ctypes.cast(page, ctypes.c_void_p).value or 0
    first = map(
        api.page_object, itertools.repeat(ctypes.c_void_p(address)), range(api.page_count(address))
    )
    stack: list[tuple[Iterator[int | None], int]] = [(first, 0)]
    while stack:
        objects, depth = stack.pop()
        for obj in itertools.filterfalse(text_objects.__contains__, objects):
            kind = api.object_type(obj)
            if kind == _FPDF_PAGEOBJ_IMAGE:
                images += 1
            elif kind == _FPDF_PAGEOBJ_FORM and depth < 8:
                count = api.form_count(obj)
                stack.append((objects, depth))  # the rest of this level, after the form
                stack.append((map(api.form_object, itertools.repeat(obj), range(count)), depth + 1))
                break
            elif kind == _FPDF_PAGEOBJ_PATH:
                if not api.bounds(obj, *boxes):
                    continue
                x0, x1 = left.value - x_origin, right.value - x_origin
                t, b = y_origin - top.value, y_origin - bottom.value
                if x1 - x0 <= 2.0 or b - t <= 2.0:
                    edges.append(Edge(x0, t, x1, b))
                else:
                    edges.extend(
                        (
                            Edge(x0, t, x1, t),
                            Edge(x0, b, x1, b),
                            Edge(x0, t, x0, b),
                            Edge(x1, t, x1, b),
                        )
                    )
    return edges, images


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

_CID = re.compile(r"\(cid:\d+\)")
_REPAIRABLE = re.compile(r"[\s" + _char_class(map(ord, RADICALS))[1:])
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
