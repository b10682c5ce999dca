"""Import cost: what ``import rectpipe`` and a plain extraction load, checked in a fresh
interpreter through ``sys.modules``."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

from .conftest import ROOT, SEED

#: Never loaded by ``import rectpipe`` nor by extracting a text file without a profile (the
#: report is built as records and written as JSON from them: no pydantic model is made).
HEAVY = (
    "pydantic",
    "pydantic_core",
    "rectpipe.models.report",
    "rectpipe.models.enrichment",
    "rectpipe.enrich",
    "yaml",
    "jieba",
    "rectpipe.readers.pdf",
    "rectpipe.readers.docx",
    "rectpipe.readers.html",
    "rectpipe.readers.legacy",
    "rectpipe.readers.sheet",
    "rectpipe.readers.ocr",
    "rectpipe.profiles.model",
    "rectpipe.tools.diff",
    "rectpipe.batch",
    "rectpipe.db",
    "pdfplumber",
    "pypdfium2",
    "docx",
    "lxml",
    "sqlalchemy",
    "python_calamine",
    "xlsxwriter",
    "rapidocr_onnxruntime",
    "multiprocessing",
    # value classes are records (rectpipe.runtime.record): dataclasses loads inspect, ast, dis
    "dataclasses",
    "inspect",
)


def _loaded(code: str) -> list[str]:
    probe = (
        f"{code}\nimport sys, json\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{sorted({h.split('.')[0] for h in HEAVY})!r} "
        f"and any(m == h or m.startswith(h + '.') for h in {list(HEAVY)!r}))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return list(json.loads(out.strip().splitlines()[-1]))


def test_import_rectpipe_loads_nothing_heavy() -> None:
    assert _loaded("import rectpipe") == []


def test_import_rectpipe_loads_only_its_errors() -> None:
    """The public names are looked up on first use: importing the package builds no model,
    compiles no ``regex`` pattern and loads no stage of the pipeline."""
    probe = (
        "import sys, json\nimport rectpipe\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('rectpipe', 'pydantic', 'pydantic_core', 'regex'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    loaded = json.loads(out.strip().splitlines()[-1])
    assert loaded == ["rectpipe", "rectpipe.errors", "rectpipe.runtime", "rectpipe.runtime.names"]


@pytest.mark.parametrize(
    "isolation",
    [[], ["--timeout", "0", "--max-memory-mb", "0"]],
    ids=["in-a-child", "in-process"],
)
def test_extracting_a_text_file_loads_nothing_heavy(isolation: list[str]) -> None:
    """By default the parse runs in a forked child, which this probe does not see; parsed in
    the process itself, the reader for text files is all that the parse adds."""
    code = (
        "import contextlib, io\n"
        "from rectpipe.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['extract', {str(SEED)!r}, *{isolation!r}]) == 0\n"
    )
    assert _loaded(code) == []


def test_enriching_does_load_the_enrichment_package() -> None:  # the probe sees what it should
    code = f"import rectpipe\nrectpipe.parse_file({str(SEED)!r}, enrich=True)"
    assert "rectpipe.enrich" in _loaded(code)


def test_the_library_leaves_logging_state_alone() -> None:
    code = (
        "import logging, json, warnings\n"
        "import jieba, jieba.posseg, jieba.analyse\n"
        "def state():\n"
        "    names = sorted(logging.Logger.manager.loggerDict)\n"
        "    levels = {n: logging.getLogger(n).level for n in names}\n"
        "    root = logging.getLogger()\n"
        "    return [levels, root.level, len(root.handlers), repr(logging.lastResort),\n"
        "            len(warnings.filters)]\n"
        "before = state()\n"
        "import rectpipe\n"
        f"rectpipe.parse_file({str(SEED)!r}, enrich=True)\n"
        "after = state()\n"
        "after[0] = {n: v for n, v in after[0].items() if n in before[0]}\n"
        "print(json.dumps(before == after))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip().splitlines()[-1] == "true"


def test_logging_is_configured_only_by_the_command_line() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "src" / "rectpipe").rglob("*.py")
        if "cli" not in path.relative_to(ROOT / "src" / "rectpipe").parts
        for needle in ("basicConfig", "lastResort", ".addHandler(", "logging.disable(")
        if needle in path.read_text("utf-8")
    ]
    assert offenders == []


def test_every_public_name_resolves() -> None:
    import rectpipe
    import rectpipe.batch

    for module in (rectpipe, rectpipe.batch):
        for name in module.__all__:
            assert getattr(module, name) is not None, name
    assert set(rectpipe.__all__) <= set(dir(rectpipe))
    assert rectpipe.diff_reports.__module__ == "rectpipe.tools.diff"


def test_every_package_declares_all_and_internal_modules_say_so() -> None:
    package = ROOT / "src" / "rectpipe"
    public = {"__init__.py", "__main__.py", "batch/__init__.py"}
    missing_all, not_marked = [], []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        text = path.read_text("utf-8")
        if path.name == "__init__.py" and "__all__" not in text:
            missing_all.append(name)
        doc = ast.get_docstring(ast.parse(text)) or ""
        underscored = any(
            part.startswith("_") and part != "__init__.py" for part in name.split("/")
        )
        if name not in public and not underscored and "Internal" not in doc:
            not_marked.append(name)
    assert missing_all == []
    assert not_marked == []


def test_the_command_silences_logging_without_loading_it() -> None:
    """No log record leaves a command; a text file's extraction does not load ``logging``
    for that, and whatever loads it later finds it disabled."""
    code = (
        "import contextlib, io, sys\n"
        "from rectpipe.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['extract', {str(SEED)!r}, '--timeout', '0']) == 0\n"
        "print('logging' in sys.modules)\n"
        "import logging\n"
        "logging.getLogger('some.dependency').error('must not be seen')\n"
        "print(logging.root.manager.disable)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["False", "50"]
    assert "must not be seen" not in done.stderr
