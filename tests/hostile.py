"""Builders for hostile inputs, made at test time (no large binaries in git)."""

from __future__ import annotations

import ctypes
import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from .conftest import SAMPLES

MINIMAL_DOCX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    ),
}
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_body(body_xml: str, *, prolog: str = "") -> bytes:
    """A minimal Word package whose document.xml holds ``body_xml`` (after ``prolog``)."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"{prolog}<w:document {W}><w:body>{body_xml}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in MINIMAL_DOCX_PARTS.items():
            package.writestr(name, text)
        package.writestr("word/document.xml", document)
    return buffer.getvalue()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def zip_bomb(uncompressed_mb: int) -> bytes:
    """A Word package with a member that inflates to ``uncompressed_mb`` megabytes of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in MINIMAL_DOCX_PARTS.items():
            package.writestr(name, text)
        package.writestr("word/document.xml", f"<w:document {W}><w:body/></w:document>")
        chunk = b"\0" * (1024 * 1024)
        with package.open("word/media/padding.bin", "w", force_zip64=True) as member:
            for _ in range(uncompressed_mb):
                member.write(chunk)
    return buffer.getvalue()


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
)


def xxe(path: Path) -> str:
    return f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{path}">]>'


def seed_pdf() -> bytes:
    return (SAMPLES / "seed-yongzhou.pdf").read_bytes()


def encrypted_pdf(*, user_password: str, owner_password: str) -> bytes:
    """The seed PDF encrypted with pypdf (empty user password = edit-restricted only)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(seed_pdf())))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf() -> bytes:
    """A one-page PDF holding only an image (a scan), no text."""
    pixels = b"\x80" * (8 * 8)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
    ]
    content = b"q 500 0 0 700 40 70 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
    )
    return _pdf(objects)


def glyph_garbage_pdf() -> bytes:
    """A PDF whose text uses a Type0 font with no ToUnicode map: extractors see (cid:NN)."""
    glyphs = "".join(f"{n:04X}" for n in range(100, 400))
    content = f"BT /F1 12 Tf 40 800 Td <{glyphs}> Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    return _pdf(objects)


def unknown_security_pdf() -> bytes:
    """A PDF encrypted with a security handler no reader knows (``/Filter /FooSecurity``):
    PDFium refuses it with FPDF_ERR_SECURITY (5)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /FooSecurity /V 1 /R 2 /O <00> /U <00> /P -4 >>",
    ]
    ident = b"<0123456789abcdef0123456789abcdef>"
    return _pdf(objects, trailer=b"/Encrypt 4 0 R /ID [" + ident + ident + b"] ")


def docx_with_duplicate_document() -> bytes:
    """A Word package holding ``word/document.xml`` twice (the format forbids it); a reader
    that takes the last one silently loses the first."""
    import warnings

    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            for name, text in MINIMAL_DOCX_PARTS.items():
                package.writestr(name, text)
            for title in ("一、第一份正文", "一、第二份正文"):
                body = paragraph(title) + paragraph("1.问题。整改情况：已完成。")
                package.writestr(
                    "word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>"
                )
    return buffer.getvalue()


def utf8_with_nul(text: str, *, at_line: int = 3, count: int = 1) -> bytes:
    """``text`` as UTF-8 with ``count`` NUL bytes at the start of line ``at_line`` (within
    the first 4 KB, where the UTF-16 guess looks)."""
    lines = text.encode("utf-8").split(b"\n")
    lines[at_line] = b"\0" * count + lines[at_line]
    return b"\n".join(lines)


def _pdf(objects: list[bytes], *, trailer: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


# --- hostile environments: run the command line in a child with something taken away ---

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def drop_permission_override() -> None:
    """For ``preexec_fn``: a root child loses the capabilities that let it ignore file
    permissions (so a read-only folder or a chmod 000 file is refused, as for anyone)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def permissions_enforceable() -> bool:
    """Whether a child can be made to obey file permissions (not root, or root that may drop
    its capabilities)."""
    if os.geteuid() != 0:
        return True
    result = subprocess.run(
        [sys.executable, "-c", "open('/proc/self/status')"],
        preexec_fn=drop_permission_override,
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def device_node(path: Path, major: int, minor: int) -> bool:
    """Make a character device at ``path`` (``1, 3``: a null device; ``1, 7``: a full one), so
    tests never write to the machine's own ``/dev`` nodes. ``False`` when not allowed."""
    import stat

    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
        with open(path, "wb"):
            pass
    except OSError:
        return False
    return True


def rectpipe(
    *args: str | Path,
    preexec_fn: Callable[[], None] | None = None,
    stdin: int | None = None,
    stdout: int | None = subprocess.PIPE,
    timeout: float = 120,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m rectpipe ARGS`` in a child, stderr captured."""
    return subprocess.run(
        [sys.executable, "-m", "rectpipe", *map(os.fsdecode, args)],
        preexec_fn=preexec_fn,
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=timeout,
        cwd=cwd,
        check=False,
    )


def error_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    """The lines on stderr; asserts there is no traceback among them."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return stderr.strip().splitlines()


def leftovers(folder: Path) -> list[str]:
    """Temporary files left anywhere under ``folder``."""
    return sorted(p.name for p in folder.rglob("*.tmp"))


def flate_bomb_pdf(inflated_mb: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated_mb`` MB of blanks."""
    import zlib

    packer = zlib.compressobj(9)
    block = b" " * (1 << 20)
    bomb = b"".join(packer.compress(block) for _ in range(inflated_mb)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def form_xobject_pdf(shape: str) -> bytes:
    """A one-page PDF whose page draws Form XObject ``X1``, and the forms draw each other:
    ``self`` (X1 draws X1), ``cycle`` (X1 → X2 → X1), ``twice`` (X1 draws X1 twice: 2^41
    drawings at PDFium's depth) or ``fanout`` (30 forms, each drawing the next twice: 2^30
    drawings and no cycle at all)."""
    text = b"BT /F1 12 Tf 10 10 Td (x) Tj ET "
    forms: dict[int, bytes] = {
        "self": {1: text + b"/X1 Do"},
        "cycle": {1: text + b"/X2 Do", 2: text + b"/X1 Do"},
        "twice": {1: text + b"/X1 Do /X1 Do"},
        "fanout": {n: text + b"/X%d Do /X%d Do" % (n + 1, n + 1) for n in range(1, 30)}
        | {30: text},
    }[shape]
    xobjects = b" ".join(b"/X%d %d 0 R" % (n, 5 + n) for n in forms)
    resources = b"<< /Font << /F1 5 0 R >> /XObject << " + xobjects + b" >> >>"
    page = b"q /X1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
        + resources
        + b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(page) + page + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for n in sorted(forms):
        objects.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources "
            + resources
            + b" /Length %d >>\nstream\n" % len(forms[n])
            + forms[n]
            + b"\nendstream"
        )
    return _pdf(objects)


_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "open(sys.argv[1], 'w').write(str(peak))\n"
    "sys.exit(code)\n"
)


def measured(
    report: Path, *args: str | Path, timeout: float = 120
) -> tuple[subprocess.CompletedProcess[bytes], float, float]:
    """``rectpipe ARGS`` run from a small parent that reads, when it ends, the peak resident
    memory of the largest process below it (the parse child, when there is one); returns the
    completed process, that peak in MB and the wall-clock seconds. ``report`` is a scratch
    file for the figure."""
    import time

    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(report), sys.executable, "-m", "rectpipe"]
        + [os.fsdecode(arg) for arg in args],
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    seconds = time.perf_counter() - started
    return result, int(report.read_text() or 0) / 1024, seconds


def type3_glyph_pdf() -> bytes:
    """A one-page PDF with one letter in a Type 3 font whose glyph program draws a form that
    draws itself twice (PDFium parses glyph programs when the text is loaded: 2^41 drawings)."""
    resources = b"<< /XObject << /X1 6 0 R >> >>"
    glyph = b"0 0 d0 /X1 Do"
    form = b"0 0 m 1 1 l S /X1 Do /X1 Do"
    page = b"BT /T1 12 Tf 10 10 Td (a) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /T1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(page) + page + b"\nendstream",
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] "
        b"/CharProcs << /a 7 0 R >> /Encoding << /Differences [97 /a] >> /FirstChar 97 "
        b"/LastChar 97 /Widths [1000] /Resources " + resources + b" >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources "
        + resources
        + b" /Length %d >>\nstream\n" % len(form)
        + form
        + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(glyph) + glyph + b"\nendstream",
    ]
    return _pdf(objects)


def xlsx_with_damaged_sheet() -> bytes:
    """A workbook whose sheet member no longer matches its CRC (stored uncompressed, one byte
    of its XML changed): the zip's directory reads fine, the member does not."""
    from .conftest import ROOT

    source = ROOT / "tests" / "fixtures" / "ledgers" / "ledger-progress.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(buffer, "w") as package:
        for info in original.infolist():
            package.writestr(info.filename, original.read(info), zipfile.ZIP_STORED)
    data = buffer.getvalue()
    assert data.count(b"<sheetData") == 1
    return data.replace(b"<sheetData", b"<sheetDatX")
