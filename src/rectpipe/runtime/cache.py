"""rectpipe's cache folder: one place for what a run keeps to spare the next one work (jieba's
dictionary cache, the command line's compiled-pattern store).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir"]


def cache_dir() -> Path:
    """The folder for rectpipe's caches, created when missing.

    ``$RECTPIPE_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/rectpipe``, else
    ``~/.cache/rectpipe``; when that cannot be created or written, a private folder
    ``rectpipe-<uid>`` in the temp directory.
    """
    explicit = os.environ.get("RECTPIPE_CACHE_DIR")
    xdg = os.environ.get("XDG_CACHE_HOME")
    candidates = [Path(explicit)] if explicit else []
    candidates.append(Path(xdg) / "rectpipe" if xdg else Path.home() / ".cache" / "rectpipe")
    for folder in candidates:
        if _usable(folder):
            return folder
    import tempfile  # the last resort only: a command's start-up need not load it

    uid = os.getuid() if hasattr(os, "getuid") else "user"
    private = Path(tempfile.gettempdir()) / f"rectpipe-{uid}"
    return private if _usable(private) else Path(tempfile.gettempdir())


def _usable(folder: Path) -> bool:
    """``folder`` exists (made when missing, private to the user) and may be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return False
    return os.access(folder, os.W_OK)
