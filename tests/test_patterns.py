"""The compiled-pattern store (rectpipe.runtime.patterns): a pattern made from the store is the
one ``regex`` compiles, the command line fills and uses it, and a bad store is only ignored."""

from __future__ import annotations

import importlib
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import regex

from rectpipe.runtime import patterns

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "samples" / "family-f-summary.txt"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


@pytest.fixture
def store(tmp_path: Path) -> Any:
    path = tmp_path / "store.marshal"
    patterns.use_store(path)
    yield path
    patterns.use_store(None)


def _engine_args(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``regex`` hands its engine for ``pattern``, freshly compiled (the store's record)."""
    patterns.use_store(Path(os.devnull))  # learn, never load
    try:
        patterns.compile_pattern(pattern, flags)
        made = dict(patterns._made)
    finally:
        patterns.use_store(None)
    return made[(pattern, flags)]


def test_without_a_store_it_is_regex_compile(tmp_path: Path) -> None:
    patterns.use_store(None)
    compiled = patterns.compile_pattern(r"第(?P<n>[一二三四五六七八九十]+)条", regex.V1)
    assert compiled.search("见第十二条").group("n") == "十二"
    assert not patterns.save_store()
    assert list(tmp_path.iterdir()) == []


def test_a_stored_pattern_matches_as_the_compiled_one(store: Path) -> None:
    source = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?|\p{Han}{2,4}局"
    fresh = patterns.compile_pattern(source, regex.IGNORECASE)
    assert patterns.save_store()
    patterns.use_store(store)  # a new run: loads the store
    assert (source, int(regex.IGNORECASE)) in patterns._stored
    again = patterns.compile_pattern(source, regex.IGNORECASE)
    assert again is not fresh
    text = "2024年3月5日，区水利局；2023年12月"
    assert [m.groupdict() for m in again.finditer(text)] == [
        m.groupdict() for m in fresh.finditer(text)
    ]
    assert again.groupindex == fresh.groupindex
    assert again.sub(r"\g<y>/\g<m>", text) == fresh.sub(r"\g<y>/\g<m>", text)
    assert not patterns._made  # nothing compiled afresh: nothing to save
    assert not patterns.save_store()


_FILL = (
    "import sys\n"
    "from rectpipe.runtime import patterns\n"
    "patterns.use_store(sys.argv[1])\n"
    "import rectpipe.pipeline, rectpipe.enrich\n"
    "from rectpipe.limits import Limits\n"
    "rectpipe.pipeline.parse_file_record(sys.argv[2], limits=Limits(), enrich=True)\n"
    "patterns.save_store()\n"
)
_CHECK = (
    "import marshal, sys\n"
    "from pathlib import Path\n"
    "from rectpipe.runtime import patterns\n"
    "entries = marshal.loads(Path(sys.argv[1]).read_bytes())['entries']\n"
    "patterns.use_store(Path('/nonexistent/store'))\n"
    "for key in entries: patterns.compile_pattern(*key)\n"
    "def same(a, b):\n"
    "    return len(a) == len(b) and all(\n"
    "        sorted(x) == sorted(y) if i == 2 else x == y for i, (x, y) in enumerate(zip(a, b)))\n"
    "print(len(entries), sum(not same(patterns._made[k], v) for k, v in entries.items()))\n"
)


def test_every_pattern_the_pipeline_compiles_is_stored_exactly(tmp_path: Path) -> None:
    """A command that imports every stage and parses a report fills the store. Each entry is
    what a fresh compilation in another process hands ``regex``'s engine, argument for argument
    (the opcodes up to their order: ``regex`` lists a set's members in an order that varies
    from one process to the next), and its pattern finds what a freshly compiled one finds in
    every sample text."""
    path = tmp_path / "pipeline.marshal"
    seed = str(ROOT / "samples" / "seed-yongzhou.txt")
    subprocess.run([sys.executable, "-c", _FILL, str(path), seed], check=True, env=ENV)
    checked = subprocess.run(
        [sys.executable, "-c", _CHECK, str(path)],
        check=True,
        env=ENV,
        capture_output=True,
        text=True,
    )
    count, differing = map(int, checked.stdout.split())
    assert count > 100
    assert differing == 0
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    patterns.use_store(path)
    try:
        for source, flags in marshal.loads(path.read_bytes())["entries"]:
            stored = patterns.compile_pattern(source, flags)
            fresh = regex.compile(source, flags)
            for text in texts:
                found = [m.span() for m in stored.finditer(text)]
                assert found == [m.span() for m in fresh.finditer(text)], source
        assert not patterns._made
    finally:
        patterns.use_store(None)


def test_the_standard_librarys_patterns_are_stored_exactly(tmp_path: Path) -> None:
    """``re`` patterns (the plain classes scanned in C) go through the same store: a stored
    one is ``re``'s own compilation, opcode for opcode, and finds what it finds."""
    path = tmp_path / "pipeline.marshal"
    seed = str(ROOT / "samples" / "seed-yongzhou.txt")
    subprocess.run([sys.executable, "-c", _FILL, str(path), seed], check=True, env=ENV)
    entries = marshal.loads(path.read_bytes())["re"]
    assert len(entries) >= 5
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    patterns.use_store(path)
    try:
        for (source, flags), args in entries.items():
            fresh = re.compile(source, flags)
            assert args[2] == [int(op) for op in _re_opcodes(source, flags)], source
            stored = patterns.compile_re(source, flags)
            assert stored is not fresh
            assert (stored.pattern, stored.flags, stored.groupindex) == (
                fresh.pattern,
                fresh.flags,
                fresh.groupindex,
            )
            for text in texts:
                found = [m.span() for m in stored.finditer(text)]
                assert found == [m.span() for m in fresh.finditer(text)], source
        assert not patterns._re_made
    finally:
        patterns.use_store(None)


def _re_opcodes(source: str, flags: int) -> list[int]:
    """The opcodes ``re`` compiles ``source`` to, in this process."""
    compiler: Any = importlib.import_module("re._compiler")
    parsed = compiler._parser.parse(source, flags)
    return list(compiler._code(parsed, flags | parsed.state.flags))


def test_an_re_pattern_without_a_store_is_re_compile() -> None:
    patterns.use_store(None)
    assert patterns.compile_re(r"[０-９]+") is re.compile(r"[０-９]+")


def test_the_command_fills_the_store_and_reads_it(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {**ENV, "RECTPIPE_CACHE_DIR": str(folder)}
    command = [sys.executable, "-m", "rectpipe", "extract", str(SMALL)]
    first = subprocess.run(command, capture_output=True, check=True, env=env)
    assert first.stdout == SMALL.with_name(SMALL.name + ".expected.json").read_bytes()
    stores = list(folder.iterdir())
    assert [p.name for p in stores] == [f"patterns-{sys.implementation.cache_tag}.marshal"]
    written = stores[0].stat().st_mtime_ns
    second = subprocess.run(command, capture_output=True, check=True, env=env)
    assert second.stdout == first.stdout
    assert stores[0].stat().st_mtime_ns == written  # nothing new: not written again
    off = subprocess.run(
        command, capture_output=True, check=True, env={**env, "RECTPIPE_PATTERN_STORE": "off"}
    )
    assert off.stdout == first.stdout


def test_a_second_run_compiles_nothing_whatever_the_format(tmp_path: Path) -> None:
    """The patterns a run builds from the profile come out the same in every process (no
    set's order in them), so the store, once filled, is not written again: a web page, a
    Word file and a workbook in one command (warm-up in the parent, one child each)."""
    env = {**ENV, "RECTPIPE_CACHE_DIR": str(tmp_path / "cache")}
    names = [
        "shape-r03-county-ducha-qingdan-xushi-table-web.html",
        "seed-yongzhou.docx",
        "shape-o03-hospital-shenji-workbook-category-column.xlsx",
    ]
    command = [sys.executable, "-m", "rectpipe", "extract", "-f", "jsonl"]
    command += [str(ROOT / "samples" / name) for name in names]
    subprocess.run(command, capture_output=True, check=True, env=env)
    (store,) = (tmp_path / "cache").iterdir()
    written = store.stat().st_mtime_ns
    for _ in range(2):  # each run with its own hash seed
        subprocess.run(command, capture_output=True, check=True, env=env)
        assert store.stat().st_mtime_ns == written


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal at all",
        marshal.dumps({"tag": "another release", "entries": {("a", 0): (1, 2)}}),
        marshal.dumps([1, 2, 3]),
    ],
    ids=["empty", "garbage", "other release", "not a store"],
)
def test_a_bad_store_is_ignored_and_replaced(store: Path, content: bytes) -> None:
    store.write_bytes(content)
    patterns.use_store(store)
    assert patterns._stored == {}
    assert patterns.compile_pattern(r"整改(完成|到位)").search("已整改完成").group(1) == "完成"
    assert patterns.save_store()
    assert marshal.loads(store.read_bytes())["tag"] == patterns._tag()


def test_code_comes_from_the_store_once_saved(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A record's methods (rectpipe.runtime.record) are compiled once and then read back."""
    source = "def twice(x):\n    return 2 * x\n"
    first = patterns.compile_code(source, "<twice>")
    assert patterns.compile_code(source, "<twice>") is first
    assert patterns.compile_code(source, "<other>").co_filename == "<other>"
    assert patterns.save_store()
    patterns.use_store(store)  # a new run
    monkeypatch.setattr(patterns, "compile", _no_compiling, raising=False)
    names: dict[str, Any] = {}
    exec(patterns.compile_code(source, "<twice>"), names)
    assert names["twice"](21) == 42
    with pytest.raises(AssertionError, match="compiled"):
        patterns.compile_code(source + "\n", "<twice>")


def _no_compiling(*args: Any) -> None:
    raise AssertionError("compiled afresh")


def test_an_entry_the_engine_refuses_is_compiled_afresh(store: Path) -> None:
    source = r"问题\d+"
    patterns.compile_pattern(source)
    patterns.save_store()
    data = marshal.loads(store.read_bytes())
    data["entries"][(source, 0)] = ("broken",)
    store.write_bytes(marshal.dumps(data))
    patterns.use_store(store)
    assert patterns.compile_pattern(source).fullmatch("问题12")


def test_a_store_that_cannot_be_written_is_left_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    patterns.use_store(blocker / "sub" / "store.marshal")  # its folder cannot be made
    try:
        patterns.compile_pattern(r"立行立改")
        assert not patterns.save_store()
    finally:
        patterns.use_store(None)
    assert blocker.read_text() == "x"


def test_where_the_command_keeps_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    name = f"patterns-{sys.implementation.cache_tag}.marshal"
    monkeypatch.delenv("RECTPIPE_PATTERN_STORE", raising=False)
    monkeypatch.setenv("RECTPIPE_CACHE_DIR", str(tmp_path / "mine"))
    assert patterns.default_store() == tmp_path / "mine" / name
    monkeypatch.delenv("RECTPIPE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert patterns.default_store() == tmp_path / "xdg" / "rectpipe" / name
    for off in ("off", "0", "no", "OFF"):
        monkeypatch.setenv("RECTPIPE_PATTERN_STORE", off)
        assert patterns.default_store() is None


@pytest.mark.parametrize(
    "text",
    ["问题（一）", "a.b*c+d?e", "[x]{2}|^$\\-#&~", "全角　空格 与\t制表\n换行", "", "1.3亿元"],
)
def test_escape_is_regex_escape(text: str) -> None:
    assert patterns.escape(text) == regex.escape(text)
    assert regex.fullmatch(patterns.escape(text), text)


def test_a_run_from_a_filled_store_never_loads_regex_s_compiler(tmp_path: Path) -> None:
    """With every pattern in the store, a text file's parse loads the engine alone, not the
    compiler in Python that ``import regex`` brings (about 10 ms of a short command)."""
    env = {**ENV, "RECTPIPE_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys, json\n"
        "from rectpipe.runtime import patterns\n"
        "patterns.use_store(patterns.default_store())\n"
        "from rectpipe.pipeline import parse_file_record\n"
        f"parse_file_record({str(SMALL)!r})\n"
        "patterns.save_store()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'regex')))\n"
    )
    command = [sys.executable, "-c", probe]
    first = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    assert "regex._main" in first.stdout  # the first run compiles, and fills the store
    second = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    assert second.stdout.strip() == '["regex._regex"]'


def test_the_engine_loaded_alone_is_the_one_regex_uses_later(tmp_path: Path) -> None:
    store = tmp_path / "store.marshal"
    fill = (
        "from rectpipe.runtime import patterns\n"
        f"patterns.use_store({str(store)!r})\n"
        "patterns.compile_pattern('问题(?P<n>[0-9]+)')\n"
        "assert patterns.save_store()\n"
    )
    use = (
        "import sys\n"
        "from rectpipe.runtime import patterns\n"
        f"patterns.use_store({str(store)!r})\n"
        "two = patterns.compile_pattern('问题(?P<n>[0-9]+)')\n"
        "assert 'regex._main' not in sys.modules\n"
        "engine = sys.modules['regex._regex']\n"
        "import regex\n"
        "assert regex._main._regex is engine\n"
        "assert two.sub(r'第\\g<n>项', '问题12') == '第12项'\n"  # a template: regex's helper
        "assert regex.compile('a+').fullmatch('aa')\n"
    )
    for code in (fill, use):
        subprocess.run([sys.executable, "-c", code], check=True, env=ENV, capture_output=True)


def test_the_escaped_blanks_are_every_space_python_knows() -> None:
    spaces = {c for c in map(chr, range(0x110000)) if c.isspace()}
    assert set(patterns._BLANKS) == spaces
    assert all(patterns.escape(c) == regex.escape(c) for c in spaces)
