"""A :class:`~rectpipe.diff.ReportDiff` as readable text (what ``rectpipe diff`` prints).

Long texts (actions, descriptions) are shown as the changed fragments with a little context,
``[-removed-]{+added+}``, not in full; measures as a list diff.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import difflib
import json

from .diff import FieldChange, FieldValue, ProblemDiff, ProblemRef, ReportDiff, ReportRef

__all__ = ["CONTEXT", "MAX_HUNKS", "SHORT", "format_change", "format_diff", "inline_diff"]

CONTEXT = 12  # characters of unchanged text either side of a change
MAX_HUNKS = 4  # changed fragments shown per field before "…and N more"
SHORT = 60  # values up to this long are shown whole


def _clip(text: str, limit: int = SHORT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: FieldValue) -> str:
    if isinstance(value, str):
        return repr(_clip(value))
    return json.dumps(value, ensure_ascii=False)


def inline_diff(old: str, new: str, *, context: int = CONTEXT, max_hunks: int = MAX_HUNKS) -> str:
    """The changes between two texts, character by character, as ``[-removed-]{+added+}``
    with ``context`` unchanged characters either side; longer unchanged stretches are cut
    to `` … ``. After ``max_hunks`` changes the rest is counted, not shown. ``""`` when the
    texts are equal."""
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    changes = sum(tag != "equal" for tag, *_ in opcodes)
    if not changes:
        return ""
    out: list[str] = []
    shown = 0
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "equal":
            if shown == max_hunks:
                out.append(f" … and {changes - shown} more")
                break
            out.append(f"[-{old[i1:i2]}-]" if i2 > i1 else "")
            out.append(f"{{+{new[j1:j2]}+}}" if j2 > j1 else "")
            shown += 1
            continue
        same = old[i1:i2]
        if k == 0:  # leading: only its end
            out.append(("…" if len(same) > context else "") + same[-context:])
        elif k == len(opcodes) - 1:  # trailing: only its start
            out.append(same[:context] + ("…" if len(same) > context else ""))
        elif len(same) <= 2 * context:
            out.append(same)
        else:
            out.append(f"{same[:context]} … {same[-context:]}")
    return "".join(out)


def _measures(old: list[str], new: list[str]) -> list[str]:
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                lines.append(f"~ measure {i1 + k + 1}: {inline_diff(old[i1 + k], new[j1 + k])}")
            continue
        lines.extend(f"- measure {i + 1}: {_clip(old[i])}" for i in range(i1, i2))
        lines.extend(f"+ measure {j + 1}: {_clip(new[j])}" for j in range(j1, j2))
    return lines


def format_change(change: FieldChange, pair: ProblemDiff | None = None) -> list[str]:
    """One field change as one or more lines (no indentation)."""
    old, new = change.old, change.new
    if change.field == "measures" and isinstance(old, list) and isinstance(new, list):
        return [
            f"measures: {len(old)} → {len(new)}",
            *("  " + line for line in _measures(old, new)),
        ]
    if change.field == "status" and pair is not None:
        before = f"{pair.old.status_raw} ({old})" if pair.old.status_raw else str(old)
        after = f"{pair.new.status_raw} ({new})" if pair.new.status_raw else str(new)
        return [f"status: {before} → {after}"]
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > SHORT:
        return [f"{change.field}: {inline_diff(old, new)}"]
    return [f"{change.field}: {_show(old)} → {_show(new)}"]


def _problem(ref: ProblemRef) -> str:
    number = f"{ref.number}. " if ref.number else ""
    where = f" [{ref.path[-1]}]" if ref.path else ""
    return f"{number}{_clip(ref.title, 40)}{where} ({ref.status.value})"


def _side(ref: ReportRef) -> str:
    name = ref.file_name or ref.sha256[:12]
    date = f", {ref.date}" if ref.date else ""
    return f"{name} ({ref.problems} problems{date})"


def _pair_heading(pair: ProblemDiff) -> str:
    old, new = pair.old, pair.new
    number = new.number if old.number == new.number else f"{old.number} → {new.number}"
    where = f" [{new.path[-1]}]" if new.path else ""
    how = "by number" if pair.match == "number" else f"by title ({pair.similarity:.2f})"
    return f"~ {number}. {_clip(new.title, 40)}{where} — matched {how}"


def format_diff(diff: ReportDiff) -> str:
    """The whole diff as text, ending in a newline: both sides, report changes, dropped,
    added and changed problems, status counts and a one-line summary."""
    lines = [f"--- {_side(diff.old)}", f"+++ {_side(diff.new)}"]
    if diff.report_changes:
        lines.append("report:")
        for change in diff.report_changes:
            lines.extend("  " + line for line in format_change(change))
    if diff.dropped:
        lines.append(f"dropped ({len(diff.dropped)}):")
        lines.extend(f"  - {_problem(ref)}" for ref in diff.dropped)
    if diff.added:
        lines.append(f"added ({len(diff.added)}):")
        lines.extend(f"  + {_problem(ref)}" for ref in diff.added)
    changed = diff.changed
    if changed:
        lines.append(f"changed ({len(changed)}):")
        for pair in changed:
            lines.append("  " + _pair_heading(pair))
            for change in pair.changes:
                lines.extend("      " + line for line in format_change(change, pair))
    moved = [f"{c.status.value} {c.old} → {c.new}" for c in diff.status_counts if c.old != c.new]
    if moved:
        lines.append("statuses: " + ", ".join(moved))
    by_method = {
        method: sum(pair.match == method for pair in diff.matched) for method in ("number", "title")
    }
    how = ", ".join(f"{count} by {method}" for method, count in by_method.items() if count)
    if diff.has_differences:
        unchanged = len(diff.matched) - len(changed)
        lines.append(
            f"{len(diff.dropped)} dropped, {len(diff.added)} added, {len(changed)} changed, "
            f"{unchanged} unchanged ({len(diff.matched)} matched: {how or 'none'})"
        )
    else:
        lines.append(f"no differences ({len(diff.matched)} problems matched: {how or 'none'})")
    return "\n".join(lines) + "\n"
