"""The stylesheet and script inlined into every review page (no network, no CDN).

The script reads only ``data-*`` attributes and writes only ``textContent`` and classes, so
no document text is ever interpreted as HTML or code.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

__all__ = ["CSS", "JS", "STATUS_COLOURS"]

# Status → badge and bar colour; keys are Status values.
STATUS_COLOURS = {
    "completed": "#2e7d32",
    "partially_completed": "#ef8f00",
    "in_progress": "#1565c0",
    "ongoing": "#00838f",
    "not_completed": "#c62828",
    "unknown": "#757575",
}

_STATUS_CSS = "\n".join(f".st-{name}{{--st:{colour}}}" for name, colour in STATUS_COLOURS.items())

CSS = (
    """
:root{--fg:#1d232a;--muted:#5b6670;--bg:#fff;--panel:#f5f6f8;--line:#dde1e6;--accent:#0b57d0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);
 font:15px/1.65 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",
 "Microsoft YaHei",sans-serif}
header{padding:12px 16px;border-bottom:1px solid var(--line)}
h1{font-size:1.25rem;margin:0 0 4px}
h2{font-size:1rem;margin:16px 0 6px}
.sub{color:var(--muted);font-size:.9rem;margin:0}
.layout{display:grid;grid-template-columns:minmax(0,1fr)}
.side{background:var(--panel);padding:4px 16px 16px;border-bottom:1px solid var(--line);min-width:0}
.main{min-width:0}
@media (min-width:900px){
 .layout{grid-template-columns:minmax(300px,400px) minmax(0,1fr)}
 .side{position:sticky;top:0;height:100vh;overflow:auto;border-bottom:0;
  border-right:1px solid var(--line)}
}
.doc{white-space:pre-wrap;overflow-wrap:anywhere;padding:12px 16px 40vh;max-width:62em;margin:0}
a{color:var(--accent)}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:2px 6px;border-bottom:1px solid var(--line)}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.differs td{background:#fdecea}
.badge{display:inline-block;padding:0 6px;border-radius:9px;font-size:.75rem;line-height:1.5;
 color:#fff;background:var(--st,#757575);white-space:nowrap}
.ok{color:#2e7d32;font-weight:600}.bad{color:#c62828;font-weight:600}
.none{color:var(--muted)}
ol.problems,ul.warnings,ul.legend{list-style:none;padding:0;margin:0}
ol.problems li{padding:4px 6px;border-radius:6px;margin:2px 0}
ol.problems li.current{background:#fff3c4}
ol.problems a.problem{text-decoration:none;color:var(--fg);display:block}
ol.problems a.problem:hover .t{text-decoration:underline}
.num{color:var(--muted);font-variant-numeric:tabular-nums;margin-right:4px}
.fields{font-size:.75rem;margin-top:2px}
.fields a{margin-right:6px;color:var(--muted)}
.cat{font-size:.8rem;color:var(--muted);margin:10px 0 2px;font-weight:600}
details>summary{cursor:pointer}
.chart .row{display:grid;grid-template-columns:minmax(0,9em) minmax(0,1fr) 2em;gap:6px;
 align-items:center;font-size:.8rem;margin:3px 0}
.chart .label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar{display:flex;height:12px;border-radius:3px;overflow:hidden;background:var(--line)}
.bar span{display:block;height:100%;background:var(--st)}
ul.legend{display:flex;flex-wrap:wrap;gap:4px 10px;font-size:.75rem;margin:4px 0}
ul.legend li::before{content:"";display:inline-block;width:10px;height:10px;margin-right:4px;
 border-radius:2px;background:var(--st,var(--sw));vertical-align:-1px}
ul.warnings li{font-size:.85rem;margin:4px 0}
code{font-size:.85em}
.hl{border-radius:2px}
.hl-title{background:#dbe8ff}
.hl-description{background:#efe4ff}
.hl-status{background:color-mix(in srgb,var(--st,#757575) 22%,transparent);font-weight:600}
.hl-actions{box-shadow:inset 0 -2px 0 #9ccc9c}
.hl-measure{background:#eaf6ea}
.hl-responsible,.hl-deadline{background:#ffe7c7}
.hl-meta{background:#e3f1f4;box-shadow:inset 0 -2px 0 #5aa7b5}
.hl-stated{background:#d7f2ef;box-shadow:inset 0 -2px 0 #00897b}
.hl-warning{text-decoration:underline wavy #c62828;text-underline-offset:3px}
.hl-warning:empty{display:inline-block;width:0;border-left:3px solid #c62828;height:1em}
.hl.current{outline:2px solid #f2b600;outline-offset:1px}
.hl-problem.current{background:#fff8dc}
@keyframes flash{0%{background-color:#ffd54f}100%{background-color:transparent}}
.hl.flash{animation:flash 1.8s ease-out}
@media (prefers-reduced-motion:reduce){.hl.flash{animation:none;background:#ffe082}}
#tip{position:fixed;z-index:10;max-width:min(26em,90vw);padding:4px 8px;border-radius:4px;
 background:#263238;color:#fff;font-size:.8rem;line-height:1.4;pointer-events:none}
#tip[hidden]{display:none}
.legend .sw-title{--sw:#dbe8ff}.legend .sw-description{--sw:#efe4ff}
.legend .sw-status{--sw:#c8c8c8}.legend .sw-actions{--sw:#9ccc9c}
.legend .sw-measure{--sw:#eaf6ea}.legend .sw-responsible{--sw:#ffe7c7}
.legend .sw-meta{--sw:#5aa7b5}.legend .sw-stated{--sw:#00897b}.legend .sw-warning{--sw:#c62828}
.pages{padding:8px;background:#e9ecef;min-width:0}
@media (min-width:900px) and (max-width:1299px){.layout.with-pages .pages{grid-column:1/-1}}
@media (min-width:1300px){
 .layout.with-pages{grid-template-columns:minmax(280px,360px) minmax(0,1fr) minmax(0,1fr)}
 .layout.with-pages .pages{position:sticky;top:0;height:100vh;overflow:auto}
}
figure.pg{position:relative;margin:0 0 10px;background:#fff;width:100%;
 box-shadow:0 1px 3px rgba(0,0,0,.3)}
figure.pg img{display:block;width:100%;height:100%}
figure.pg figcaption{position:absolute;right:6px;bottom:2px;font-size:.7rem;color:var(--muted)}
.box{position:absolute;border:2px solid var(--bx,#0b57d0);border-radius:2px;pointer-events:none;
 background:color-mix(in srgb,var(--bx,#0b57d0) 12%,transparent)}
.box-problem{--bx:#f2b600;border-width:1px;border-style:dashed}
.box-title{--bx:#3367d6}.box-description{--bx:#8e63ce}.box-status{--bx:#2e7d32}
.box-actions{--bx:#5f9f5f;background:transparent}.box-measure{--bx:#43a047}
.box-responsible,.box-deadline{--bx:#ef8f00}.box-other{--bx:#00897b}
@keyframes boxflash{0%{background:rgba(255,193,7,.8)}100%{background:rgba(255,193,7,.12)}}
.box.flash{animation:boxflash 1.8s ease-out;border-color:#f2b600;border-width:3px}
@media (prefers-reduced-motion:reduce){.box.flash{animation:none;background:rgba(255,193,7,.5)}}
"""
    + _STATUS_CSS
    + "\n"
)

JS = """
(function () {
  "use strict";
  var doc = document.getElementById("doc");
  var tip = document.getElementById("tip");
  var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function clear(name) {
    document.querySelectorAll("." + name).forEach(function (el) {
      el.classList.remove(name);
    });
  }

  function fragments(el) {
    return doc.querySelectorAll('[data-span="' + el.getAttribute("data-span") + '"]');
  }

  // Scroll to the highlight whose first fragment has this id, flash all its fragments and
  // mark the list entry linking to it. Returns false when the id is not a highlight.
  function show(id) {
    var el = document.getElementById(id);
    if (!el || !doc.contains(el) || !el.hasAttribute("data-span")) return false;
    clear("flash");
    clear("current");
    fragments(el).forEach(function (part) {
      void part.offsetWidth;
      part.classList.add("flash", "current");
    });
    document.querySelectorAll('a[href="#' + CSS.escape(id) + '"]').forEach(function (a) {
      var item = a.closest("li");
      if (item) item.classList.add("current");
    });
    document.body.setAttribute("data-current", id);
    el.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    drawBoxes(id);
    return true;
  }

  // Page images (PDF and image inputs): loaded when scrolled near, boxes drawn on them.
  var pages = document.getElementById("pages");
  var boxData = pages ? JSON.parse(document.getElementById("boxes").textContent) : {};
  function load(figure) {
    var img = figure && figure.querySelector("img[data-src]");
    if (img && !img.getAttribute("src")) img.setAttribute("src", img.getAttribute("data-src"));
  }
  if (pages) {
    var figures = pages.querySelectorAll("figure.pg");
    if ("IntersectionObserver" in window) {
      var watcher = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) { load(entry.target); watcher.unobserve(entry.target); }
        });
      }, { rootMargin: "400px 0px" });
      figures.forEach(function (figure) { watcher.observe(figure); });
    } else {
      figures.forEach(load);
    }
  }

  // Draw the boxes of the problem that ``id`` belongs to (all its fields), or of ``id``
  // alone; the boxes of ``id`` itself flash, and the page list scrolls to the first.
  function drawBoxes(id) {
    if (!pages) return;
    pages.querySelectorAll(".box").forEach(function (box) { box.remove(); });
    var problem = /^pr-(\\d+)/.exec(id);
    var prefix = problem ? "pr-" + problem[1] : null;
    var keys = Object.keys(boxData).filter(function (key) {
      return prefix ? key === prefix || key.indexOf(prefix + "-") === 0 : key === id;
    });
    var first = null;
    keys.forEach(function (key) {
      var field = key === prefix ? "problem" : key.replace(/^pr-\\d+-/, "");
      if (/^m\\d+$/.test(field)) field = "measure";
      var known = /^(problem|title|description|status|actions|measure|responsible|deadline)$/;
      if (!known.test(field)) field = "other";
      boxData[key].forEach(function (b) {
        var figure = document.getElementById("page-" + b[0]);
        if (!figure) return;
        var w = +figure.getAttribute("data-w"), h = +figure.getAttribute("data-h");
        var box = document.createElement("div");
        box.className = "box box-" + field + (key === id ? " flash current" : "");
        box.setAttribute("data-anchor", key);
        box.style.left = (100 * b[1] / w) + "%";
        box.style.top = (100 * b[2] / h) + "%";
        box.style.width = (100 * (b[3] - b[1]) / w) + "%";
        box.style.height = (100 * (b[4] - b[2]) / h) + "%";
        figure.appendChild(box);
        if (key === id && !first) first = box;
      });
    });
    if (!first) first = pages.querySelector(".box");
    if (!first) return;
    load(first.parentNode);
    if (pages.scrollHeight > pages.clientHeight + 1) {  // the page list scrolls on its own
      var offset = first.getBoundingClientRect().top - pages.getBoundingClientRect().top;
      pages.scrollTop += offset - pages.clientHeight / 3;
    }
  }

  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id) show(id);
  }

  function place(target) {
    var label = target.getAttribute("data-tip");
    if (!label) { tip.hidden = true; return; }
    tip.textContent = label;
    tip.hidden = false;
    var box = target.getBoundingClientRect();
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var left = Math.max(4, Math.min(box.left, window.innerWidth - width - 4));
    var top = box.top - height - 6;
    if (top < 4) top = box.bottom + 6;
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      if (show(id)) {
        event.preventDefault();
        history.replaceState(null, "", "#" + encodeURIComponent(id));
      }
      return;
    }
    var mark = event.target.closest(".hl[data-tip]");
    if (mark && doc.contains(mark)) place(mark);  // touch screens have no hover
  });
  doc.addEventListener("mouseover", function (event) {
    var mark = event.target.closest(".hl[data-tip]");
    if (mark) place(mark); else tip.hidden = true;
  });
  doc.addEventListener("mouseleave", function () { tip.hidden = true; });
  window.addEventListener("scroll", function () { tip.hidden = true; }, { passive: true });
  window.addEventListener("hashchange", fromHash);
  document.body.setAttribute("data-ready", "1");
  fromHash();
})();
"""
