"""Internal: the glyphs of a PDFium text page, read column by column.

PDFium functions are re-typed to take and return plain values (:class:`_FastApi`) and write into
buffers reused page after page (:class:`_Scratch`); the per-glyph work is driven by ``map`` and
slicing rather than a Python loop per glyph, and the glyphs come back as
:class:`~.glyphs.CharColumns`.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import operator
from array import array
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from ...runtime.patterns import compile_re
from ...runtime.record import record
from .glyphs import REPLACEMENT, Char, CharColumns, _char_class
from .native import NativeLoops, native_loops


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
    raw: Any,
    textpage: Any,
    y_origin: float,
    x_origin: float,
    scratch: _Scratch,
    upright_tolerance: float,
    turn: float = 0.0,
) -> tuple[Sequence[Char], Collection[int | None]]:
    """The non-generated, non-blank characters of a PDFium text page, and the text objects
    they belong to (addresses; ``None`` for none). ``turn``: how far (radians) the page turns
    its content when it is shown (its ``/Rotate``): a glyph is upright as shown.

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
    text = _page_text(raw, textpage, count, scratch)
    loops = native_loops()
    if loops is not None:
        kept = loops.kept(text)
        if not kept:
            return [], ()
        joined = text if len(kept) == len(text) else _SKIPPED_RUN.sub("", text)
        return _native_chars(
            loops, raw, textpage, kept, joined, x_origin, y_origin, upright_tolerance, turn
        )
    keep, joined = _kept_glyphs(text)
    if not keep:
        return [], ()
    texts = list(joined)
    api = _fast_api(raw)
    page = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
    objects = list(map(api.glyph_object, itertools.repeat(page), keep))
    info, checked = _object_info(api, page, objects, keep, upright_tolerance, turn)
    if checked:
        _mark_unmapped(api, page, texts, objects, keep, checked)
        joined = "".join(texts)  # U+FFFD: still one character each
    lefts, rights, tops, bottoms = _loose_boxes(api, page, keep, y_origin, x_origin, scratch)
    styles = list(map(info.__getitem__, objects))
    return CharColumns(texts, lefts, rights, tops, bottoms, styles, joined), info.keys()


def _native_chars(
    loops: NativeLoops,
    raw: Any,
    textpage: Any,
    keep: array[int],
    joined: str,
    x_origin: float,
    y_origin: float,
    upright_tolerance: float,
    turn: float,
) -> tuple[CharColumns, Collection[int | None]]:
    """:func:`_pdfium_chars` through the native loop: the glyphs' boxes and text objects, and
    the objects' sizes, angles, map errors and fonts, in one call (:meth:`NativeLoops.page`);
    what is left here is per text object (font names, uprightness), not per glyph."""
    page = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
    read = loops.page(raw, page, keep, x_origin, y_origin)
    api = _fast_api(raw)
    names = {font: _base_font_name(api, font) for font in set(read.fonts)}
    angles = read.angles
    uprights: Iterable[bool]
    if angles.count(angles[0]) == len(angles):  # the usual page: one angle (0)
        all_upright = _is_upright(angles[0], upright_tolerance, turn)
        uprights = itertools.repeat(all_upright)
    else:
        upright = {angle: _is_upright(angle, upright_tolerance, turn) for angle in set(angles)}
        all_upright = all(upright.values())
        uprights = map(upright.__getitem__, angles)
    properties = list(zip(read.sizes, map(names.__getitem__, read.fonts), uprights, strict=False))
    styles = list(map(properties.__getitem__, read.slots))
    texts: Sequence[str] = joined  # one character a glyph: the string is the column
    if 1 in read.errors:  # glyphs of an object whose first glyph is unmapped: one by one
        checked = {slot for slot, error in enumerate(read.errors) if error == 1}
        marked = list(joined)
        for position, slot in enumerate(read.slots):
            if slot in checked and api.map_error(page, keep[position]) == 1:
                marked[position] = REPLACEMENT
        texts = joined = "".join(marked)  # U+FFFD: still one character each
    columns = CharColumns(
        texts,
        read.lefts,
        read.rights,
        read.tops,
        read.bottoms,
        styles,
        joined,
        size_column=read.glyph_sizes,
        all_upright=all_upright,
    )
    return columns, read.objects  # (the native graphics loop does not ask for them)


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


_SKIPPED_RUN = compile_re(_char_class(_SKIPPED) + "+")
_NOT_BMP = compile_re("[\ud800-\udfff\U00010000-\U0010ffff]")


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
    api: _FastApi,
    page: ctypes.c_void_p,
    objects: list[int | None],
    keep: list[int],
    upright_tolerance: float,
    turn: float = 0.0,
) -> tuple[dict[int | None, tuple[float, str, bool]], set[int | None]]:
    """``(size, font name, upright)`` of each text object in ``objects`` (read from its first
    glyph, ``keep`` holding the glyphs' indices), and the objects whose first glyph has a
    Unicode map error.

    A page has hundreds of text objects (a few glyphs each): they too are handled column-wise,
    and font names and uprightness are worked out once per distinct font and angle.
    """
    # each object's first glyph: filled backwards, so that the smallest index is the last put
    firsts = dict(zip(reversed(objects), reversed(keep), strict=True))
    keys, indices = list(firsts), list(firsts.values())
    repeat = itertools.repeat
    sizes = list(map(api.font_size, repeat(page), indices))
    angles = list(map(api.angle, repeat(page), indices))
    errors = list(map(api.map_error, repeat(page), indices))
    fonts: list[int | None]
    if None in firsts:  # glyphs without a text object: no font either
        fonts = [api.object_font(key) if key else None for key in keys]
    else:
        fonts = list(map(api.object_font, keys))
    names = {font: _base_font_name(api, font) for font in set(fonts)}
    uprights: Iterable[bool]
    if angles.count(angles[0]) == len(angles):  # the usual page: one angle (0)
        uprights = repeat(_is_upright(angles[0], upright_tolerance, turn))
    else:
        upright = {angle: _is_upright(angle, upright_tolerance, turn) for angle in set(angles)}
        uprights = map(upright.__getitem__, angles)
    properties = zip(sizes, map(names.__getitem__, fonts), uprights, strict=False)
    checked = set(itertools.compress(keys, map(operator.eq, errors, repeat(1))))
    return dict(zip(keys, properties, strict=True)), checked


_TAU = 6.283185307179586


def _is_upright(angle: float, tolerance: float, turn: float = 0.0) -> bool:
    """Whether a glyph rotated by ``angle`` (radians, from PDFium: clockwise) is upright on a
    page shown turned by ``turn`` (clockwise), give or take ``tolerance``."""
    if turn:
        angle = (angle + turn) % _TAU
    return abs(angle) < tolerance or abs(angle - _TAU) < tolerance


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


@record
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
    matrix: Any
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
                matrix=retype(raw.FPDFPageObj_GetMatrix, i, vp, vp),
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
