"""The command's silence: libraries underneath log warnings about damaged fonts and streams,
and some attach console handlers of their own when imported; the command's contract is one line
per failed file, so no log record is emitted at all.

``logging`` is not loaded for that (about 4 ms of a short command's start-up): when it is
loaded already it is disabled at once, else as soon as something loads it.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import sys
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

__all__ = ["silence_logging"]


def silence_logging() -> None:
    """Disable every log record of this process, now or when ``logging`` is loaded."""
    module = sys.modules.get("logging")
    if module is not None:
        module.disable(module.CRITICAL)
    elif not any(isinstance(finder, _DisableLoggingWhenImported) for finder in sys.meta_path):
        sys.meta_path.insert(0, _DisableLoggingWhenImported())


class _DisableLoggingWhenImported:
    """Finds ``logging`` as the interpreter would, and disables it once it has loaded."""

    def find_spec(
        self, name: str, path: Any = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != "logging":
            return None
        spec = PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        spec.loader = cast("Loader", _DisablingLoader(spec.loader, self))
        return spec


class _DisablingLoader:
    """``logging``'s own loader, which disables it after running it."""

    def __init__(self, loader: Any, finder: _DisableLoggingWhenImported) -> None:
        self._loader = loader
        self._finder = finder

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        created: ModuleType | None = self._loader.create_module(spec)
        return created

    def exec_module(self, module: Any) -> None:
        self._loader.exec_module(module)
        module.disable(module.CRITICAL)
        if self._finder in sys.meta_path:
            sys.meta_path.remove(self._finder)
