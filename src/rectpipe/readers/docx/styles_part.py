"""Internal: ``styles.xml`` parsed into its root and its top-level ``w:style`` elements.

The part is parsed whole, like every other part of the package. (Cutting it at its styles
without parsing them once paid off only on files made from python-docx's 355 KB template; Word
and WPS write 30-70 KB, mostly ``w:latentStyles``, and LibreOffice about 2 KB, where a whole
parse takes well under a millisecond.)
"""

from __future__ import annotations

from lxml import etree

from ...runtime.record import record
from .ooxml import W_STYLE, safe_fromstring


@record
class _StylesXml:
    """``styles.xml``'s root and its top-level ``w:style`` elements, in document order."""

    root: etree._Element
    stubs: list[etree._Element]

    def element(self, index: int) -> etree._Element:
        """The ``w:style`` element ``stubs[index]``."""
        return self.stubs[index]


def _load_styles(blob: bytes | None) -> _StylesXml | None:
    """``styles.xml`` parsed (``None`` when the package has none)."""
    if blob is None:
        return None
    root = safe_fromstring(blob)
    return _StylesXml(root, list(root.iterchildren(W_STYLE)))
