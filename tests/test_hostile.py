"""Hostile and broken inputs: each ends in its documented error code (CLI and Python API),
one line on stderr, no traceback, no output file. Inputs are generated here, not stored."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import rectpipe
from rectpipe.errors import ERRORS, RectpipeError
from rectpipe.limits import Limits
from rectpipe.readers.legacy import soffice

from . import hostile
from .conftest import SAMPLES, SEED

EXIT = {cls.code: cls.exit_code for cls in ERRORS}
LEGACY_CODE = "corrupt" if soffice() else "missing_dependency"
SECRET = "TOP-SECRET-7f3a"

ORDINARY_TEXT = "今天天气很好，我们去公园散步。公园里有很多人，有的在跑步，有的在下棋。\n" * 40


def _truncated(name: str, fraction: float) -> Callable[[Path], bytes]:
    def build(_: Path) -> bytes:
        data = (SAMPLES / name).read_bytes()
        return data[: int(len(data) * fraction)]

    return build


def _odt(_: Path) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<broken")
    return buffer.getvalue()


def _plain_zip(_: Path) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("readme.txt", "hello")
    return buffer.getvalue()


def _xxe(tmp: Path) -> bytes:
    secret = tmp / "secret.txt"
    secret.write_text(SECRET, "utf-8")
    body = hostile.paragraph("一、关于整改情况&xxe;") + hostile.paragraph("1.问题&xxe;。")
    return hostile.docx_with_body(body, prolog=hostile.xxe(secret))


CASES: list[tuple[str, str, Callable[[Path], bytes], str, list[str]]] = [
    ("empty-txt", "empty.txt", lambda _: b"", "corrupt", []),
    ("empty-docx", "empty.docx", lambda _: b"", "corrupt", []),
    ("empty-pdf", "empty.pdf", lambda _: b"", "corrupt", []),
    ("binary-as-txt", "garbage.txt", lambda _: bytes(range(256)) * 64, "corrupt", []),
    ("truncated-docx", "cut.docx", _truncated("seed-yongzhou.docx", 0.5), "corrupt", []),
    ("truncated-pdf", "cut.pdf", _truncated("seed-yongzhou.pdf", 0.4), "corrupt", []),
    (
        "broken-xml-docx",
        "broken.docx",
        lambda _: hostile.docx_with_body("<w:p><w:r><w:t>未闭合"),
        "corrupt",
        [],
    ),
    ("zip-not-word", "archive.docx", _plain_zip, "unsupported_format", []),
    # A web page saved as MHTML (published under .doc) that holds no page, or a page cut short
    (
        "mht-without-page",
        "report.doc",
        lambda _: (
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=B\r\n\r\n"
            b"--B\r\nContent-Type: image/png\r\n\r\nxx\r\n--B--\r\n"
        ),
        "corrupt",
        [],
    ),
    (
        "mht-truncated",
        "page.mht",
        _truncated("shape-r10-soe-port-autonum-zhenggai-jinzhan.mht", 0.02),
        "corrupt",
        [],
    ),
    # Found by the fuzzer: a sheet member that fails its CRC was an internal_error.
    ("xlsx-bad-crc", "book.xlsx", lambda _: hostile.xlsx_with_damaged_sheet(), "corrupt", []),
    # Without LibreOffice these say what to install; with it, the conversion fails.
    ("broken-odt", "report.odt", _odt, LEGACY_CODE, []),
    (
        "broken-legacy-doc",
        "report.doc",
        lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000,
        LEGACY_CODE,
        [],
    ),
    (
        "png-as-pdf",
        "scan.pdf",
        lambda _: b"\x89PNG\r\n\x1a\n" + b"\0" * 100,
        "unsupported_format",
        [],
    ),
    (
        "user-password-pdf",
        "locked.pdf",
        lambda _: hostile.encrypted_pdf(user_password="u", owner_password="o"),
        "password_required",
        [],
    ),
    ("image-only-pdf", "scan.pdf", lambda _: hostile.image_only_pdf(), "no_text_layer", []),
    ("cid-glyphs-pdf", "cid.pdf", lambda _: hostile.glyph_garbage_pdf(), "low_text_yield", []),
    (
        "zip-bomb",
        "bomb.docx",
        lambda _: hostile.zip_bomb(24),
        "too_large",
        ["--max-unzipped-mb", "8"],
    ),
    (
        "billion-laughs",
        "lol.docx",
        lambda _: hostile.docx_with_body(
            hostile.paragraph("&lol9;"), prolog=hostile.BILLION_LAUGHS
        ),
        "corrupt",
        [],
    ),
    ("xxe", "xxe.docx", _xxe, "corrupt", []),
    (
        "not-a-report-docx",
        "novel.docx",
        lambda _: hostile.docx_with_body(
            "".join(hostile.paragraph(line) for line in ORDINARY_TEXT.splitlines())
        ),
        "structure_not_found",
        [],
    ),
    ("not-a-report-txt", "novel.txt", lambda _: ORDINARY_TEXT.encode(), "structure_not_found", []),
    (
        "unknown-security-handler-pdf",
        "odd.pdf",
        lambda _: hostile.unknown_security_pdf(),
        "encrypted_unsupported",
        [],
    ),
    (
        "duplicate-entry-docx",
        "twice.docx",
        lambda _: hostile.docx_with_duplicate_document(),
        "corrupt",
        [],
    ),
    (
        "very-long-line",
        "long.txt",
        lambda _: ("很长的一行没有结构的文字，" * 200_000).encode(),
        "structure_not_found",
        [],
    ),
]


def _write(tmp_path: Path, name: str, build: Callable[[Path], bytes]) -> Path:
    path = tmp_path / name
    path.write_bytes(build(tmp_path))
    return path


def _limits(options: list[str]) -> Limits:
    if "--max-unzipped-mb" in options:
        mb = float(options[options.index("--max-unzipped-mb") + 1])
        return Limits(max_unzipped_bytes=int(mb * 1024 * 1024))
    return Limits()


@pytest.mark.parametrize(
    ("name", "build", "code", "options"),
    [(c[1], c[2], c[3], c[4]) for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_cli_error(
    tmp_path: Path, name: str, build: Callable[[Path], bytes], code: str, options: list[str]
) -> None:
    path = _write(tmp_path, name, build)
    out = tmp_path / "out.json"
    result = subprocess.run(
        [sys.executable, "-m", "rectpipe", "extract", str(path), "-o", str(out), *options],
        capture_output=True,
        timeout=120,
        check=False,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == EXIT[code], stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"rectpipe: {path}: {code}: ")
    assert "Traceback" not in stderr and SECRET not in stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


@pytest.mark.parametrize(
    ("name", "build", "code", "options"),
    [(c[1], c[2], c[3], c[4]) for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_api_error(
    tmp_path: Path, name: str, build: Callable[[Path], bytes], code: str, options: list[str]
) -> None:
    path = _write(tmp_path, name, build)
    with pytest.raises(RectpipeError) as caught:
        rectpipe.parse_file(path, limits=_limits(options))
    assert caught.value.code == code
    assert SECRET not in str(caught.value)


def test_owner_password_pdf_reads_normally(tmp_path: Path) -> None:
    path = tmp_path / "restricted.pdf"
    path.write_bytes(hostile.encrypted_pdf(user_password="", owner_password="owner"))
    assert len(rectpipe.parse_file(path).iter_problems()) == 26


def test_pdf_named_docx_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "mislabelled.docx"
    path.write_bytes((SAMPLES / "seed-yongzhou.pdf").read_bytes())
    report = rectpipe.parse_file(path)
    assert report.source.format == "pdf" and len(report.iter_problems()) == 26


def test_html_saved_as_doc_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.doc"
    path.write_bytes((SAMPLES / "seed-yongzhou.html").read_bytes())
    report = rectpipe.parse_file(path)
    assert report.source.format == "html" and len(report.iter_problems()) == 26


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    depth = 20_000
    page = "<html><body>" + "<div>" * depth + "一、整改情况" + "</div>" * depth + "</body></html>"
    path = tmp_path / "deep.html"
    path.write_text(page, "utf-8")
    try:
        rectpipe.parse_file(path)
    except RectpipeError as exc:
        assert exc.code in ("structure_not_found", "too_large", "corrupt")


def test_mixed_encodings_parse_with_a_warning(tmp_path: Path) -> None:
    lines = SEED.read_text("utf-8").splitlines()
    data = b"\n".join(
        line.encode("gbk") if i % 7 == 3 else line.encode("utf-8") for i, line in enumerate(lines)
    )
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    report = rectpipe.parse_file(path)
    assert len(report.iter_problems()) == 26
    assert any(w.code == "mixed_encoding" for w in report.warnings)


def test_timeout_in_the_api() -> None:
    with pytest.raises(RectpipeError) as caught:
        rectpipe.parse_file(SEED, limits=Limits(timeout=0.001))
    assert caught.value.code == "timeout"


def test_page_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes((SAMPLES / "seed-yongzhou.pdf").read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "rectpipe", "extract", str(path), "--max-pages", "3"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == EXIT["too_large"]
    assert b"pages, over the 3 page limit" in result.stderr


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("target", ["doc", "odt"])
def test_legacy_formats_read_through_libreoffice(tmp_path: Path, target: str) -> None:
    """A .doc / .odt made by LibreOffice from the seed's Word file reads like the seed."""
    program = soffice()
    assert program is not None
    source = tmp_path / "seed.docx"
    source.write_bytes((SAMPLES / "seed-yongzhou.docx").read_bytes())
    subprocess.run(
        [program, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", target, "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    report = rectpipe.parse_file(tmp_path / f"seed.{target}")
    assert report.source.format == target
    assert len(report.iter_problems()) == 26


def test_legacy_format_without_libreoffice_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    with pytest.raises(RectpipeError) as caught:
        rectpipe.parse_file(path)
    assert caught.value.code == "missing_dependency"
    assert "install LibreOffice" in str(caught.value)


@pytest.mark.parametrize("count", [1, 2, 5])
def test_stray_nul_bytes_do_not_switch_utf8_to_utf16(tmp_path: Path, count: int) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(hostile.utf8_with_nul(SEED.read_text("utf-8"), count=count))
    report = rectpipe.parse_file(path)
    assert len(report.iter_problems()) == 26
    assert "\0" not in report.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_still_recognised(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(SEED.read_text("utf-8").encode(encoding))
    assert len(rectpipe.parse_file(path).iter_problems()) == 26


def test_problem_ids_match_the_naive_uniquifier() -> None:
    import random

    from rectpipe.extract.builder import Builder

    builder = Builder.__new__(Builder)
    builder.ids, builder.next_suffix = set(), {}
    naive: set[str] = set()

    def reference(base: str) -> str:
        candidate, n = base, 2
        while candidate in naive:
            candidate, n = f"{base}~{n}", n + 1
        naive.add(candidate)
        return candidate

    rng = random.Random(16)
    bases = ["p1", "p1~2", "p1~3", "s1-1", "p2", "p1~2~2"]
    for _ in range(3000):
        base = rng.choice(bases)
        assert builder.unique(base) == reference(base)


def test_repeated_numbering_takes_linear_time() -> None:
    """8,000 repeats of one numbering (~640 KB) took 28 s when each id rescanned ~2, ~3…"""
    import time

    lines = ["关于巡视整改进展情况的通报", "一、整改情况"]
    lines += ["（一）反馈问题：某问题。", "1.问题说明。整改情况：已完成。"] * 8000
    started = time.perf_counter()
    report = rectpipe.parse_text("\n".join(lines))
    elapsed = time.perf_counter() - started
    problems = report.iter_problems()
    assert len(problems) == 8000 and problems[-1].id == "p1-1-1~8000"
    assert elapsed < 15, f"{elapsed:.1f} s"
