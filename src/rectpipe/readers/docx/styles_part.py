"""Internal: ``styles.xml`` cut at its top-level ``w:style`` elements, each parsed when first used.

:func:`_load_styles` gives the part's root (``w:docDefaults``) and one stub per style carrying
its attributes; a style's element is parsed from its bytes only when a paragraph reaches it.
Whatever could make the cut unsafe sends the part to a whole-part parse instead.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lxml import etree

from .ooxml import W_NS, W_STYLE, UnsafeXMLError, safe_fromstring

# styles.xml is mostly definitions no paragraph uses (python-docx's template declares 176 styles
# in 355 KB; Word's own files carry 30-70 KB), and parsing it whole used to cost more than the
# rest of a short document. So the part is cut at its top-level ``w:style`` elements without
# parsing them, and one style is parsed the first time a paragraph reaches it. The cut relies on
# every ``<`` starting a tag; anything that could break that (a DOCTYPE, comment, CDATA section,
# processing instruction, an encoding other than UTF-8, content between the styles) sends the
# part to the whole-part parse instead, which is also what refuses DTDs.

_XML_WS = b" \t\r\n"
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?xml([ \t\r\n][^?]*)\?>)?[ \t\r\n]*")
_ENCODING = re.compile(rb"""encoding[ \t\r\n]*=[ \t\r\n]*["']([^"']*)["']""")
_ATTRIBUTES = rb"""(?:[ \t\r\n]+[^ \t\r\n=/>]+[ \t\r\n]*=[ \t\r\n]*(?:"[^"]*"|'[^']*'))*"""
_START_TAG = re.compile(rb"<([^ \t\r\n/>]+)" + _ATTRIBUTES + rb"[ \t\r\n]*(/?)>")


@dataclass(frozen=True, slots=True)
class _StylesXml:
    """``styles.xml`` as its root and its top-level ``w:style`` elements in document order.

    Each stub carries its style's attributes (id, type, default). When ``spans`` is ``None`` the
    stubs are the complete elements of a whole-part parse; otherwise a stub is only the start
    tag and :meth:`element` parses ``blob[start:end]`` on demand, inside ``wrap`` (the root's
    start and end tags, which hold the namespace declarations).
    """

    root: etree._Element
    stubs: list[etree._Element]
    spans: list[tuple[int, int]] | None = None
    blob: bytes = b""
    wrap: tuple[bytes, bytes] = (b"", b"")

    def element(self, index: int) -> etree._Element:
        """The complete ``w:style`` element of ``stubs[index]``."""
        if self.spans is None:
            return self.stubs[index]
        start, end = self.spans[index]
        try:
            return safe_fromstring(self.wrap[0] + self.blob[start:end] + self.wrap[1])[0]
        except etree.XMLSyntaxError:
            safe_fromstring(self.blob)  # raises the error a whole-part parse reports
            raise


def _load_styles(blob: bytes | None) -> _StylesXml | None:
    """``styles.xml`` cut at its styles when that is safe, else parsed whole (``None``: absent)."""
    if blob is None:
        return None
    split = _split_styles(blob)
    if split is not None:
        return split
    root = safe_fromstring(blob)
    return _StylesXml(root, list(root.iterchildren(W_STYLE)))


@functools.lru_cache(maxsize=8)
def _style_tags(prefix: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Patterns of a ``<prefix:style …>`` start tag and a ``</prefix:style>`` end tag."""
    name = re.escape(prefix + b"style")
    start = re.compile(b"<" + name + _ATTRIBUTES + rb"[ \t\r\n]*(/?)>")
    end = re.compile(b"</" + name + rb"[ \t\r\n]*>")
    return start, end


def _is_plain_utf8(blob: bytes) -> bool:
    """Whether every ``<`` in ``blob`` starts an element tag and the text is UTF-8.

    Single-byte searches first: ``!`` and ``?`` are rare outside ``<!`` and ``<?``, and a NUL
    byte means UTF-16 or UTF-32.
    """
    if b"\x00" in blob:
        return False
    if b"!" in blob and b"<!" in blob:
        return False
    prolog = _PROLOG.match(blob)
    assert prolog is not None  # every part of the pattern is optional
    declaration = prolog.group(1)
    if declaration is not None:
        encoding = _ENCODING.search(declaration)
        if encoding is not None and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
            return False
    end = prolog.end()
    return blob.find(b"?", end) == -1 or blob.find(b"<?", end) == -1


def _w_prefix(root_tag: bytes) -> bytes | None:
    """The one prefix (``b"w:"``, or ``b""`` for a default namespace) ``root_tag`` binds to W_NS."""
    try:
        root = safe_fromstring(root_tag[:-1] + b"/>")
    except (etree.XMLSyntaxError, UnsafeXMLError):
        return None
    prefixes = [prefix for prefix, uri in root.nsmap.items() if uri == W_NS]
    if len(prefixes) != 1:
        return None
    prefix = prefixes[0]
    return f"{prefix}:".encode() if prefix else b""


def _style_spans(blob: bytes, start: int, prefix: bytes) -> list[tuple[int, int, int]] | None:
    """``(start, start tag end, end)`` of each ``<prefix:style>`` element after ``start``.

    An element ends at the first ``</prefix:style>`` after its start tag. Were that the end of a
    nested style, the outer element's own end tag would be left over, and it could only sit
    between two spans or after the last: both must be whitespace (and the root's end tag), so a
    nesting gives ``None`` as do a tag that does not look well-formed and non-blank text or
    elements between the styles.
    """
    start_tag, end_tag = _style_tags(prefix)
    spans: list[tuple[int, int, int]] = []
    tag = start_tag.search(blob, start)
    while tag is not None:
        begin, tag_end = tag.span()
        end = tag_end
        if not tag.group(1):
            close = end_tag.search(blob, tag_end)
            if close is None:
                return None
            end = close.end()
        spans.append((begin, tag_end, end))
        tag = start_tag.search(blob, end)
        if tag is not None and tag.start() > end and blob[end : tag.start()].strip(_XML_WS):
            return None
    return spans


def _split_styles(blob: bytes) -> _StylesXml | None:
    """``blob`` cut at its top-level ``w:style`` elements, or ``None`` to parse it whole.

    What is parsed here is the part up to the first style, then every style's start tag (made
    self-closing), then the root's end tag: that gives ``w:docDefaults`` and each style's
    attributes, and proves the styles are children of the root. Whatever lies between and after
    the styles must be whitespace and the root's end tag.
    """
    if not _is_plain_utf8(blob):
        return None
    prolog = _PROLOG.match(blob)
    assert prolog is not None
    root_tag = _START_TAG.match(blob, prolog.end())
    if root_tag is None or root_tag.group(2):
        return None
    prefix = _w_prefix(root_tag.group(0))
    if prefix is None:
        return None
    spans = _style_spans(blob, root_tag.end(), prefix)
    if not spans:
        return None
    root_end = b"</" + root_tag.group(1) + b">"
    tail = blob[spans[-1][2] :].strip(_XML_WS)
    if not tail.endswith(b">") or tail[:-1].rstrip(_XML_WS) != root_end[:-1]:
        return None
    stubs = [
        blob[begin:tag_end] if tag_end == end else blob[begin : tag_end - 1] + b"/>"
        for begin, tag_end, end in spans
    ]
    try:
        root = safe_fromstring(blob[: spans[0][0]] + b"".join(stubs) + root_end)
    except (etree.XMLSyntaxError, UnsafeXMLError):
        return None
    children = list(root)
    head = len(children) - len(spans)
    if head < 0 or any(child.tag == W_STYLE for child in children[:head]):
        return None
    pairs = zip(children[head:], spans, strict=True)
    kept = [(child, span) for child, span in pairs if child.tag == W_STYLE]
    return _StylesXml(
        root=root,
        stubs=[child for child, _ in kept],
        spans=[(begin, end) for _, (begin, _, end) in kept],
        blob=blob,
        wrap=(root_tag.group(0), root_end),
    )
