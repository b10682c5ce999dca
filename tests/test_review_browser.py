"""The review page in a real browser: Debian's headless Chromium, driven over the DevTools
protocol on ``--remote-debugging-pipe`` (standard library only).

Skipped when Chromium is not installed, except under ``CI`` (which installs it): there a
missing browser fails the run. Screenshots are kept in ``out/review/``.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import rectpipe
from rectpipe.models import Report
from rectpipe.tools.review import render_review

from .conftest import ROOT

OUT = ROOT / "out" / "review"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
TIMEOUT = 20.0  # seconds for any one browser round trip
# Chromium reads the protocol from fd 3 and writes to fd 4: put the pipe ends there (via
# fds >= 10, so neither end is overwritten by the other's move), then become Chromium.
ONTO_3_AND_4 = """
import fcntl, os, sys
ends = [fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3]]
for fd in sys.argv[1:3]:
    os.close(int(fd))
for target, fd in zip((3, 4), ends):
    os.dup2(fd, target)
    os.close(fd)
os.execv(sys.argv[3], sys.argv[3:])
"""


def chromium() -> str:
    """The Chromium executable; skips the test, or fails it under CI."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; CI must install it (see .ci/run)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


class Browser:
    """One headless Chromium speaking the DevTools protocol over fds 3 (in) and 4 (out)."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="rectpipe-chromium-")
        command_read, self._command_write = os.pipe()
        self._reply_read, reply_write = os.pipe()
        trampoline = [sys.executable, "-c", ONTO_3_AND_4, str(command_read), str(reply_write)]
        args = [*FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe"]
        self.process = subprocess.Popen(
            [*trampoline, executable, *args, "about:blank"],
            pass_fds=(command_read, reply_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=os.setsid,  # a process group of its own, killed whole
        )
        os.close(command_read)
        os.close(reply_write)
        self._buffer = b""
        self._last_id = 0

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        address: dict[str, str] | None = None,
    ) -> Any:
        """Send one command and wait for its reply; events in between are dropped. ``address``
        names the tab a command is for, as the browser's reply to attaching gave it."""
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        message.update(address or {})
        os.write(self._command_write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._last_id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply["result"]
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no reply to {method} in {TIMEOUT}s")
            ready, _, _ = select.select([self._reply_read], [], [], left)
            if ready:
                chunk = os.read(self._reply_read, 1 << 16)
                if not chunk:
                    raise RuntimeError("the browser closed the pipe")
                self._buffer += chunk

    def close(self) -> None:
        """Ask the browser to quit; kill its process group if it does not."""
        try:
            self.send("Browser.close")
            self.process.wait(timeout=10)
        except (OSError, RuntimeError, TimeoutError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        finally:
            os.close(self._command_write)
            os.close(self._reply_read)
            shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab: evaluate JavaScript, wait for conditions, send input."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.browser = browser
        self.target: str = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        # the reply to attaching is the tab's address, sent along with every command for it
        self.address: dict[str, str] = browser.send(
            "Target.attachToTarget", {"targetId": self.target, "flatten": True}
        )
        self.viewport(1280, 900)
        self.send("Page.navigate", {"url": url})
        self.wait("document.readyState === 'complete' && document.body.dataset.ready === '1'")

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        return self.browser.send(method, params, self.address)

    def js(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, condition: str, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not self.js(f"!!({condition})"):
            if time.monotonic() > deadline:
                raise AssertionError(f"still false after {timeout}s: {condition}")
            time.sleep(0.05)

    def viewport(self, width: int, height: int, *, mobile: bool = False) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )

    def mouse(self, kind: str, x: float, y: float) -> None:
        params = {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}
        if kind == "mouseMoved":
            params["button"] = "none"
        self.send("Input.dispatchMouseEvent", params)

    def centre_of(self, selector: str) -> tuple[float, float]:
        """Scroll the element into view and return its centre in viewport pixels."""
        self.settle()
        box = self.js(
            f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
            " el.scrollIntoView({block: 'center', behavior: 'instant'});"
            " const r = el.getClientRects()[0];"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        self.settle()
        return float(box[0]), float(box[1])

    def settle(self) -> None:
        """Wait until nothing scrolls any more (smooth scrolling, scroll events delivered)."""
        self.send("Page.bringToFront")
        self.js(
            "(async () => { const tick = () => new Promise(r => setTimeout(r, 20));"
            " const where = () => [...document.querySelectorAll('*')]"
            "   .filter(e => e.scrollTop).map(e => e.scrollTop).join() + ',' + scrollY;"
            " const until = Date.now() + 5000; let last = where(), calm = 0;"
            " while (calm < 5 && Date.now() < until) {"
            "   await tick(); const now = where(); calm = now === last ? calm + 1 : 0; last = now;"
            " } })()"
        )

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    launched = Browser(chromium())
    try:
        yield launched
    finally:
        launched.close()


@pytest.fixture(scope="module")
def seed_page_path(seed_report: Report) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "seed-yongzhou.html"
    path.write_text(render_review(seed_report), "utf-8")
    return path


@pytest.fixture(scope="module")
def page(browser: Browser, seed_page_path: Path) -> Page:
    return Page(browser, seed_page_path.as_uri())


def expected_spans(report: Report) -> set[tuple[str, str, int, int]]:
    """(problem id, field, start, end) of every problem highlight the page must have."""
    spans: set[tuple[str, str, int, int]] = set()
    for problem in report.iter_problems():
        where = problem.provenance
        spans.add((problem.id, "problem", where.start, where.end))
        for name, source in problem.sources.items():
            spans.add((problem.id, name, source.start, source.end))
        for measure in problem.measures:
            spans.add((problem.id, "measure", measure.provenance.start, measure.provenance.end))
    return spans


HIGHLIGHTS_JS = """[...document.querySelectorAll('#doc .hl')].map(el => ({
  span: el.dataset.span, start: +el.dataset.start, end: +el.dataset.end,
  field: el.dataset.field, problem: el.dataset.problem || null, text: el.textContent}))"""


def test_every_problem_is_listed(page: Page, seed_report: Report) -> None:
    listed = page.js(
        "[...document.querySelectorAll('ol.problems a.problem')].map(a =>"
        " [a.dataset.problem, a.querySelector('.t').textContent,"
        "  a.querySelector('.badge').textContent])"
    )
    expected = [[p.id, p.title, p.status.value] for p in seed_report.iter_problems()]
    assert len(expected) == 26
    assert listed == expected


def test_document_text_is_intact(page: Page, seed_report: Report) -> None:
    assert page.js("document.getElementById('doc').textContent") == seed_report.text


def test_each_highlight_holds_its_source_text(page: Page, seed_report: Report) -> None:
    fragments = page.js(HIGHLIGHTS_JS)
    joined: dict[str, str] = defaultdict(str)
    spans: dict[str, tuple[str | None, str, int, int]] = {}
    for fragment in fragments:
        joined[fragment["span"]] += fragment["text"]
        spans[fragment["span"]] = (
            fragment["problem"],
            fragment["field"],
            fragment["start"],
            fragment["end"],
        )
    for key, (_, _, start, end) in spans.items():
        assert joined[key] == seed_report.text[start:end], spans[key]
    found = {span for span in spans.values() if span[0] is not None}
    assert found == expected_spans(seed_report)
    metadata = {field for problem, field, _, _ in spans.values() if problem is None}
    assert {f"metadata.{name}" for name in seed_report.metadata.sources} <= metadata
    assert "warning" in metadata  # the seed's irregular measure marker


def test_fields_nest_inside_their_problem(page: Page) -> None:
    outside = page.js(
        "[...document.querySelectorAll('#doc .hl[data-problem]:not(.hl-problem)')]"
        ".filter(el => el.closest('.hl-problem')?.dataset.problem !== el.dataset.problem)"
        ".map(el => el.dataset.problem + ' ' + el.dataset.field)"
    )
    assert outside == []


def test_clicking_a_problem_scrolls_to_and_flashes_its_source(
    page: Page, seed_report: Report
) -> None:
    problem = seed_report.iter_problems()[19]  # 20. 对关键少数监督不到位, far down the page
    page.js("window.scrollTo(0, 0)")
    link = f'a.problem[data-problem="{problem.id}"]'
    x, y = page.centre_of(link)
    page.mouse("mousePressed", x, y)
    page.mouse("mouseReleased", x, y)
    page.wait("document.body.dataset.current === 'pr-19'")
    page.wait(
        "(() => { const r = document.getElementById('pr-19').getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight; })()"
    )
    flashing = page.js(
        "[...document.querySelectorAll('.flash')].map(el => [el.dataset.problem, el.dataset.field])"
    )
    assert flashing and all(item == [problem.id, "problem"] for item in flashing)
    assert page.js("document.querySelector('ol.problems li.current').dataset.problem") == (
        problem.id
    )
    assert page.js("location.hash") == "#pr-19"


def test_field_links_and_warning_links_jump(page: Page) -> None:
    page.js("document.querySelector('ol.problems a[href=\"#pr-1-status\"]').click()")
    page.wait("document.body.dataset.current === 'pr-1-status'")
    assert page.js("document.querySelector('.flash').textContent") == "阶段性完成"
    page.js("document.querySelector('#warnings a[href=\"#w-0\"]').click()")
    page.wait("document.querySelector('.flash')?.dataset.field === 'warning'")


def test_hover_names_field_and_problem(page: Page) -> None:
    x, y = page.centre_of("#pr-4-title")
    page.mouse("mouseMoved", x, y)
    page.wait("!document.getElementById('tip').hidden")
    tip = page.js("document.getElementById('tip').textContent")
    assert tip.startswith("title — problem 5. ")


def test_opening_with_a_hash_shows_that_source(browser: Browser, seed_page_path: Path) -> None:
    tab = Page(browser, seed_page_path.as_uri() + "#pr-12-m2")
    try:
        tab.wait("document.body.dataset.current === 'pr-12-m2'")
        assert tab.js("document.querySelector('.flash').dataset.field") == "measure"
    finally:
        tab.close()


def test_phone_layout_has_no_sideways_scroll(page: Page) -> None:
    page.viewport(390, 844, mobile=True)
    try:
        page.wait("innerWidth === 390")
        assert page.js("document.documentElement.scrollWidth") <= 390
        columns = page.js("getComputedStyle(document.querySelector('.layout')).gridTemplateColumns")
        assert len(columns.split()) == 1, columns  # one column: the panel above the text
        page.js("window.scrollTo(0, 0)")
        page.settle()
        shot = page.send("Page.captureScreenshot", {"format": "png"})
        (OUT / "seed-yongzhou-phone.png").write_bytes(base64.b64decode(shot["data"]))
    finally:
        page.viewport(1280, 900)


def test_hostile_text_stays_text(browser: Browser, tmp_path: Path) -> None:
    text = (
        "关于<b>巡视</b>整改进展情况的通报\n"
        "一、集中整改期内已完成的整改事项\n"
        "（一）反馈问题：<script>window.pwned = 1</script>。\n"
        '1.标题<img src=x onerror="window.pwned = 2">含&amp;与"引号"。描述\'单引号\'。\n'
        "整改结果：完成。\n"
        "整改情况：一是</span></div>关闭标签。二是<!-- 注释 -->继续。\n"
    )
    report = rectpipe.parse_text(text)
    path = tmp_path / "hostile.html"
    path.write_text(render_review(report), "utf-8")
    tab = Page(browser, path.as_uri())
    try:
        assert tab.js("typeof window.pwned") == "undefined"
        assert tab.js("document.scripts.length") == 1
        assert tab.js("document.images.length") == 0
        assert tab.js("document.getElementById('doc').textContent") == report.text
        titles = tab.js("[...document.querySelectorAll('a.problem .t')].map(e => e.textContent)")
        assert titles == [p.title for p in report.iter_problems()]
    finally:
        tab.close()


def test_screenshot(seed_page_path: Path) -> None:
    from PIL import Image

    shot = OUT / "seed-yongzhou.png"
    shot.unlink(missing_ok=True)
    profile = tempfile.mkdtemp(prefix="rectpipe-chromium-")
    try:
        subprocess.run(
            [
                chromium(),
                *FLAGS,
                f"--user-data-dir={profile}",
                "--window-size=1280,1800",
                f"--screenshot={shot}",
                seed_page_path.as_uri(),
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert shot.exists(), "chromium wrote no screenshot"
    assert shot.stat().st_size > 50_000
    with Image.open(shot) as image:
        assert image.size == (1280, 1800)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 200  # text, badges, highlights: not blank


# -- PDF and image inputs: the page images beside the text ---------------------------------------


@pytest.fixture(scope="module")
def pdf_page(browser: Browser) -> Iterator[Page]:
    from rectpipe.tools.review_pages import page_images

    pdf = ROOT / "samples" / "seed-yongzhou.pdf"
    report = rectpipe.parse_file(pdf)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "seed-yongzhou-pdf.html"
    path.write_text(render_review(report, page_images(pdf.read_bytes(), pdf.name)), "utf-8")
    tab = Page(browser, path.as_uri())
    tab.viewport(1400, 900)
    try:
        yield tab
    finally:
        tab.close()


def test_pdf_pages_are_embedded_and_load_lazily(pdf_page: Page) -> None:
    assert pdf_page.js("document.querySelectorAll('#pages figure.pg').length") == 17
    assert (
        pdf_page.js("document.querySelectorAll('#pages img[data-src^=\"data:image/jpeg\"]').length")
        == 17
    )
    pdf_page.settle()
    loaded = pdf_page.js("document.querySelectorAll('#pages img[src]').length")
    assert 1 <= loaded < 17, loaded  # only the pages near the view
    pdf_page.js("document.getElementById('page-17').scrollIntoView()")
    pdf_page.wait("document.querySelector('#page-17 img').complete && "
                  "!!document.querySelector('#page-17 img').getAttribute('src')")  # fmt: skip


def test_selected_problem_boxes_are_drawn_and_a_clicked_field_flashes(pdf_page: Page) -> None:
    pdf_page.js("document.querySelector('ol.problems a.problem[href=\"#pr-2\"]').click()")
    pdf_page.wait("document.querySelectorAll('#pages .box').length > 2")
    anchors = pdf_page.js(
        "[...document.querySelectorAll('#pages .box')].map(b => b.dataset.anchor)"
    )
    assert {"pr-2", "pr-2-title", "pr-2-status"} <= set(anchors)
    assert all(a == "pr-2" or a.startswith("pr-2-") for a in anchors)
    pdf_page.js("document.querySelector('ol.problems a[href=\"#pr-2-title\"]').click()")
    pdf_page.wait("document.querySelector('#pages .box.flash')?.dataset.anchor === 'pr-2-title'")
    # the flashing box lies on its (loaded) page, where the title is printed
    inside = pdf_page.js(
        "(() => { const b = document.querySelector('#pages .box.flash');"
        " const f = b.parentNode, r = b.getBoundingClientRect(), p = f.getBoundingClientRect();"
        " return [f.id, !!f.querySelector('img').getAttribute('src'),"
        "  r.left >= p.left, r.right <= p.right, r.top >= p.top, r.bottom <= p.bottom,"
        "  r.width > 20, r.height > 5]; })()"
    )
    title = rectpipe.parse_file(ROOT / "samples" / "seed-yongzhou.pdf").iter_problems()[2]
    boxes = title.sources["title"].boxes
    assert boxes
    assert inside[0] == f"page-{boxes[0].page}" and all(inside[1:]), inside
    pdf_page.settle()
    shot = pdf_page.send("Page.captureScreenshot", {"format": "png"})
    (OUT / "seed-yongzhou-pdf.png").write_bytes(base64.b64decode(shot["data"]))
