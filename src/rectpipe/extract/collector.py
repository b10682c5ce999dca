"""The collector that fills a report's metadata: first value wins, each with its source.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models.records import Metadata, MetadataOrigin, Provenance
from ..profiles.profile import Profile
from ..text.textmap import TextMap

__all__ = ["Collector"]


class Collector:
    """Fills a :class:`Metadata`, first value wins, with the provenance of each value."""

    def __init__(self, textmap: TextMap, profile: Profile) -> None:
        self.textmap = textmap
        self.profile = profile
        self.meta = Metadata()
        self.sources: dict[str, Provenance] = {}
        self.origins: dict[str, MetadataOrigin] = {}
        self.fallbacks: dict[str, tuple[str, int, int, MetadataOrigin]] = {}
        # The title is a news item's headline (title_lines.headline): a repost's 原标题 names
        # the report itself and replaces it.
        self.headline_title = False

    def put_fallback(
        self, name: str, value: str | None, start: int, end: int, origin: MetadataOrigin = "body"
    ) -> None:
        """A value to take only when nothing else gives ``name`` (:meth:`settle`): a
        subtitle's month (——2023年4月在…会议上) yields to a page's day."""
        if value and name not in self.fallbacks:
            self.fallbacks[name] = (value, start, end, origin)

    def settle(self) -> None:
        """Put the fallback values of the fields still empty."""
        for name, (value, start, end, origin) in self.fallbacks.items():
            self.put(name, value, start, end, origin)

    def put(
        self, name: str, value: str | None, start: int, end: int, origin: MetadataOrigin = "body"
    ) -> None:
        if value and getattr(self.meta, name) is None:
            setattr(self.meta, name, value)
            self.sources[name] = self.textmap.provenance(start, end)
            self.origins[name] = origin

    def forget(self, name: str) -> None:
        """Take back the value of ``name`` put so far, with its sources and origin, so that a
        better reading may put it."""
        setattr(self.meta, name, None)
        for key in [k for k in self.sources if k == name or k.startswith(f"{name}.")]:
            del self.sources[key]
        self.origins.pop(name, None)

    def put_pieces(
        self, name: str, pieces: Sequence[tuple[int, int]], origin: MetadataOrigin
    ) -> None:
        """A value written over several lines (a wrapped title or signature): the pieces of
        text joined as one line; ``sources[name]`` covers the first, ``name.2``… the others."""
        text = self.textmap.text
        value = "".join(text[start:end] for start, end in pieces)
        if not value or getattr(self.meta, name) is not None:
            return
        setattr(self.meta, name, value)
        self.origins[name] = origin
        for n, (start, end) in enumerate(pieces, start=1):
            self.sources[name if n == 1 else f"{name}.{n}"] = self.textmap.provenance(start, end)

    def stripped_span(self, index: int) -> tuple[int, int]:
        """The span of block ``index`` without its leading and trailing blanks."""
        start, end = self.span(index)
        line = self.textmap.text[start:end]
        lead = len(line) - len(line.lstrip())
        return start + lead, start + len(line.rstrip())

    def span(self, index: int) -> tuple[int, int]:
        start = self.textmap.starts[index]
        return start, self.textmap.block_end(index)

    def line(self, index: int) -> str:
        return self.textmap.block_text(index)
