"""Compiled patterns, and a store of them that spares a command their compilation.

Every stage compiles its ``regex`` patterns when its module is imported: some 110 of them, which
``regex`` parses and optimises in Python, took about a third of a short ``rectpipe extract``'s
run. What ``regex`` hands its C engine in the end is plain data (the pattern, its flags, a list
of opcodes, the group tables), so a command may keep that data in a file and, on its next run,
give it to the engine directly. The pattern made so matches as a freshly compiled one does
(``tests/test_patterns.py`` compares every stage's patterns on every sample text).

The standard library's ``re`` parses and optimises in Python too, and what it hands its engine
(``_sre``) is plain data as well: :func:`compile_re` keeps it in the same store. So does
:func:`compile_code` with the code of the methods :mod:`rectpipe.runtime.record` writes for
each value class (compiling them took a twelfth of a short ``rectpipe extract``). The store is
a file in the user's own cache folder, as Python's ``__pycache__`` files are, and is trusted
as they are.

The library compiles as ``regex.compile`` (and ``re.compile``) does until :func:`use_store` is
called: it never reads or writes a file of its own accord. ``rectpipe``'s command line calls it
with a file in rectpipe's cache folder (``RECTPIPE_CACHE_DIR``, else
``$XDG_CACHE_HOME/rectpipe`` or ``~/.cache/rectpipe``; ``RECTPIPE_PATTERN_STORE=off`` turns
the store off), and :func:`save_store` when it is done. The file is keyed by the ``regex``
release and the interpreter; a file of another release, or one that cannot be read, is ignored
and replaced.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import marshal
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import re

    import regex

__all__ = [
    "compile_code",
    "compile_pattern",
    "compile_re",
    "default_store",
    "escape",
    "save_store",
    "use_store",
]

_Key = tuple[str, int]
_Entries = dict[_Key, tuple[Any, ...]]
_FORMAT = 3
_MAX_ENTRIES = 4000  # beyond this a store keeps only what the run that saves it compiled

_METACHARS = "()[]{}?*+|^$\\.-#&~"  # what regex.escape escapes
# and every character str.isspace() holds true of (tests/test_patterns.py checks the list)
_BLANKS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ESCAPED = str.maketrans({c: f"\\{c}" for c in _METACHARS + _BLANKS})
_lock = threading.Lock()
_spec: importlib.machinery.ModuleSpec | None = None
_path: Path | None = None
_stored: _Entries = {}
_made: _Entries = {}
_live: dict[_Key, regex.Pattern[str]] = {}  # made in this process (regex's own cache, as it were)
_re_stored: _Entries = {}  # the same three for the standard library's re
_re_made: _Entries = {}
_re_live: dict[_Key, re.Pattern[str]] = {}
_CodeKey = tuple[str, str]  # source, file name
_code_stored: dict[_CodeKey, CodeType] = {}
_code_made: dict[_CodeKey, CodeType] = {}


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the store when one is in use and holds it."""
    if _path is None:
        import regex

        return regex.compile(pattern, flags)
    compiled: regex.Pattern[str] = _from_store(
        (pattern, int(flags)), _stored, _made, _live, _engine, _regex_compile
    )
    return compiled


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the store when one is in use and holds it."""
    if _path is None:
        import re

        return re.compile(pattern, flags)
    compiled: re.Pattern[str] = _from_store(
        (pattern, int(flags)), _re_stored, _re_made, _re_live, _re_engine, _re_compile
    )
    return compiled


def compile_code(source: str, filename: str) -> CodeType:
    """``compile(source, filename, "exec")``, from the store when one is in use and holds it."""
    if _path is None:
        return compile(source, filename, "exec")
    key = (source, filename)
    code = _code_stored.get(key) or _code_made.get(key)
    if code is None:
        code = _code_made[key] = compile(source, filename, "exec")
    return code


def _from_store(
    key: _Key,
    stored: _Entries,
    made: _Entries,
    live: dict[_Key, Any],
    engine: Callable[[], Any],
    compile_spied: Callable[[_Key, Callable[..., Any]], Any],
) -> Any:
    """The pattern of ``key``: made in this process already (``live``), made by ``engine``
    from the data ``stored`` holds, or compiled afresh with its engine's data kept in
    ``made``."""
    compiled = live.get(key)
    if compiled is not None:
        return compiled
    args = stored.get(key)
    if args is not None:
        try:
            compiled = engine().compile(*args)
        except Exception:  # a store written by a build it did not check: compile afresh
            stored.pop(key, None)
    if compiled is None:
        seen: list[tuple[Any, ...]] = []
        compiled = compile_spied(key, seen.append)
        if len(seen) == 1:
            kept = list(seen[0])
            kept[1] = int(kept[1])
            kept[2] = [int(op) for op in kept[2]]  # re's opcodes are named int constants
            made[key] = tuple(kept)
    live[key] = compiled
    return compiled


def _regex_compile(key: _Key, keep: Callable[..., Any]) -> Any:
    """Compile as ``regex`` does, ``keep`` given the data it hands its engine."""
    import regex
    from regex import _main  # regex's compiler: it hands the engine, ``_regex``, its data

    with _spying(_main, "_regex", key[0], keep):
        return regex.compile(key[0], key[1], cache_pattern=False)


def _re_compile(key: _Key, keep: Callable[..., Any]) -> Any:
    """Compile as ``re`` does, ``keep`` given the data it hands its engine (``_sre``)."""
    compiler: Any = importlib.import_module("re._compiler")  # re's compiler, in Python
    with _spying(compiler, "_sre", key[0], keep):
        return compiler.compile(key[0], key[1])


@contextlib.contextmanager
def _spying(compiler: Any, name: str, pattern: str, keep: Callable[..., Any]) -> Iterator[None]:
    """While the body runs, the engine module ``compiler.<name>`` hands ``keep`` the
    arguments of every ``compile`` call for ``pattern``."""
    engine = getattr(compiler, name)

    def spy(*args: Any) -> Any:
        if args and args[0] is pattern:
            keep(args)
        return engine.compile(*args)

    with _lock:
        setattr(compiler, name, _Spy(engine, spy))
        try:
            yield
        finally:
            setattr(compiler, name, engine)


def _re_engine() -> Any:
    """The standard library's engine module (``_sre``), built into the interpreter."""
    return importlib.import_module("_sre")


class _Spy:
    """``regex``'s engine module with its ``compile`` watched (only while one pattern is)."""

    def __init__(self, engine: Any, compile: Any) -> None:
        self._engine = engine
        self.compile = compile

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)


def escape(text: str) -> str:
    """``text`` as a literal in a pattern: ``regex.escape(text)``, without importing ``regex``."""
    return text.translate(_ESCAPED)


def _engine_spec() -> importlib.machinery.ModuleSpec:
    """Where ``regex``'s engine (the compiled module ``regex._regex``) is installed."""
    global _spec
    if _spec is not None:
        return _spec
    package = importlib.machinery.PathFinder.find_spec("regex")
    found = None
    if package is not None and package.submodule_search_locations:
        found = importlib.machinery.PathFinder.find_spec(
            "_regex", list(package.submodule_search_locations)
        )
    if found is None or found.origin is None:
        raise ImportError("regex's engine (regex._regex) is not installed")
    loader = importlib.machinery.ExtensionFileLoader("regex._regex", found.origin)
    spec = importlib.machinery.ModuleSpec("regex._regex", loader, origin=found.origin)
    spec.has_location = True
    _spec = spec
    return spec


def _engine() -> Any:
    """``regex``'s engine, which makes a pattern of stored data. Loaded alone, without
    ``regex``'s compiler (about 10 ms of start-up) when ``regex`` itself is not loaded yet; an
    ``import regex`` later finds it loaded and uses it."""
    engine: Any = sys.modules.get("regex._regex")
    if engine is None:
        spec = _engine_spec()
        loader: Any = spec.loader
        engine = loader.create_module(spec)
        engine.__spec__ = spec
        loader.exec_module(engine)
        sys.modules["regex._regex"] = engine
    return engine


def _tag() -> str:
    """The store's key: the engine's file (a new ``regex`` release replaces it) and the
    interpreter."""
    origin = _engine_spec().origin or ""
    try:
        stat = os.stat(origin)
    except OSError:
        return f"{_FORMAT}/{origin}/{sys.version}"
    return f"{_FORMAT}/{origin}/{stat.st_size}/{stat.st_mtime_ns}/{sys.version}"


def default_store() -> Path | None:
    """The command line's store: a file in :func:`~rectpipe.runtime.cache.cache_dir`, or
    ``None`` when ``RECTPIPE_PATTERN_STORE`` is ``off``."""
    if os.environ.get("RECTPIPE_PATTERN_STORE", "").strip().lower() in ("off", "0", "no"):
        return None
    from .cache import cache_dir

    return cache_dir() / f"patterns-{sys.implementation.cache_tag}.marshal"


def use_store(path: str | os.PathLike[str] | None) -> None:
    """Compile from (and learn into) the store at ``path``; ``None`` stops using one."""
    global _path
    for shelf in (_stored, _made, _live, _re_stored, _re_made, _re_live, _code_stored, _code_made):
        shelf.clear()
    _path = Path(path) if path is not None else None
    if _path is not None:
        entries, re_entries, code = _read(_path)
        _stored.update(entries)
        _re_stored.update(re_entries)
        _code_stored.update(code)


def _read(path: Path) -> tuple[_Entries, _Entries, dict[_CodeKey, CodeType]]:
    """The ``regex``, ``re`` and code entries of the store at ``path``: none when it is
    missing, unreadable or another release's."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}, {}, {}
    if isinstance(data, dict) and data.get("tag") == _tag():
        entries, re_entries, code = data.get("entries"), data.get("re"), data.get("code")
        if isinstance(entries, dict) and isinstance(re_entries, dict) and isinstance(code, dict):
            return entries, re_entries, code
    return {}, {}, {}


def save_store() -> bool:
    """Write what this run compiled into the store, if anything; ``True`` when written.

    The file is replaced whole (written beside it, then renamed), and a store that cannot be
    written (a read-only home, a full disk) is left as it was: it only ever saves time.
    """
    if _path is None or not (_made or _re_made or _code_made):
        return False
    # what another process of this run saved meanwhile (a parse's child) is kept
    saved, re_saved, code_saved = _read(_path)
    entries = {**saved, **_stored}
    re_entries = {**re_saved, **_re_stored}
    code = {**code_saved, **_code_stored}
    new = len(_made) + len(_re_made) + len(_code_made)
    if len(entries) + len(re_entries) + len(code) + new > _MAX_ENTRIES:
        entries, re_entries, code = dict(_stored), dict(_re_stored), dict(_code_stored)
    entries.update(_made)
    re_entries.update(_re_made)
    code.update(_code_made)
    part = _path.with_name(f".{_path.name}.{os.getpid()}.part")
    try:
        data = marshal.dumps({"tag": _tag(), "entries": entries, "re": re_entries, "code": code})
        _path.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(data)
        os.replace(part, _path)
    except (OSError, ValueError):  # ValueError: an entry marshal cannot write
        with contextlib.suppress(OSError):
            part.unlink()
        return False
    _stored.update(_made)
    _made.clear()
    _re_stored.update(_re_made)
    _re_made.clear()
    _code_stored.update(_code_made)
    _code_made.clear()
    return True
