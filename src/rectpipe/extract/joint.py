"""Joint issuers: two bodies that report together, named one after the other in the title.

``中共岚溪县卫生健康局党组 中共岚溪县红十字会党组关于…的通报``: the blank between the two names
is the only thing that tells them apart, and copies lose it (a Word file's blank is closed like
any blank between Han characters, a PDF's text layer has none). When the issuer taken from the
title holds a second name — ``中共`` right after a name's ending (党组, 党委, 委员会…) — the two
are written with one blank between them, in the issuer and in the title.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from .collector import Collector

__all__ = ["separate_joint_issuers"]

_SECOND = "中共"


def separate_joint_issuers(found: Collector) -> None:
    """Put one blank between two names glued in the title's issuer (…党组中共…党组)."""
    issuer, title = found.meta.issuer, found.meta.title
    if not issuer or not title or found.origins.get("issuer") != "title":
        return
    suffixes = found.profile.issuer_suffixes
    at = issuer.find(_SECOND, 2)
    while at != -1:
        first, second = issuer[:at].rstrip(), issuer[at:]
        if any(first.endswith(s) for s in suffixes) and any(second.endswith(s) for s in suffixes):
            joined = f"{first} {second}"
            found.meta.issuer = joined
            if title.startswith(issuer):
                found.meta.title = joined + title[len(issuer) :]
            return
        at = issuer.find(_SECOND, at + 1)
