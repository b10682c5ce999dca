"""Score extractions against hand-written facts (``X.facts.yaml`` beside documents ``X.*``).

The facts are written by reading a document, never by running rectpipe, so they decide
correctness where golden files only detect change. A document scores:

- problem precision and recall: found problems matched to the facts' problems by number and
  title (exact first, then by similarity in order);
- exact fields per matched problem (title, status, long_term, measure count, responsible,
  deadline, path);
- metadata fields right, stated totals right, warnings that must appear;
- a confusion matrix of numbered items: problems found as problems, narrative items (the
  facts' ``narrative`` titles) kept out of the problems;
- topic accuracy, apart from the rest: when a facts problem gives a ``topic`` (``null`` for
  none), the document is parsed with enrichment and the problem's ``enrichment.topic`` is
  compared with it. Topic is opt-in enrichment, so it is not part of "exact" and a wrong
  topic does not make a document fail.
- organisation precision and recall, apart from the rest the same way: when a facts problem
  gives ``organizations`` (the names its text gives, ``[]`` for none), the problem's entities of
  kind ``organization`` are compared with them, names with blanks removed; a found name is right
  when it equals one of the labels. Labels of a problem not found count as missed.

``rectpipe eval DIR`` prints it; :func:`evaluate_folder` is the same in Python.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from ..errors import RectpipeError
from ..models.report import Problem, Report
from ..pipeline import parse_file
from ..profiles._yaml import safe_load
from ..readers.inputs import DOCUMENT_SUFFIXES
from ..runtime.record import field, record
from .evaluate_enrichment import score_organizations, score_topics
from .evaluate_format import format_scores
from .fold import fold

__all__ = [
    "DocumentScore",
    "Totals",
    "documents_with_facts",
    "evaluate_document",
    "evaluate_folder",
    "fold",
    "format_scores",
]

FACTS_SUFFIX = ".facts.yaml"
# A facts file ``X.facts.yaml`` speaks for ``X.<suffix>`` and for these variants of X.
VARIANTS = ("", "-autonum")
PROBLEM_FIELDS = ("title", "status", "long_term", "measures", "responsible", "deadline", "path")
MATCH_RATIO = 0.6


@record(frozen=False, slots=False)
class DocumentScore:
    """How one document's extraction compares with its facts."""

    document: Path
    facts: Path
    expected: int = 0
    found: int = 0
    matched: int = 0
    exact: int = 0
    narrative_total: int = 0
    narrative_as_problem: int = 0
    metadata_right: int = 0
    metadata_total: int = 0
    totals_right: int = 0
    totals_total: int = 0
    misses: list[str] = field(default_factory=list)
    topic_right: int = 0
    topic_total: int = 0
    topic_misses: list[str] = field(default_factory=list)
    org_found: int = 0
    org_expected: int = 0
    org_right: int = 0
    org_labelled: int = 0
    org_misses: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def ok(self) -> bool:
        """Everything the facts say holds."""
        return self.error is None and not self.misses


@record(frozen=False, slots=False)
class Totals:
    """Sums over documents; the confusion matrix counts numbered items."""

    documents: int = 0
    exact_documents: int = 0
    expected: int = 0
    found: int = 0
    matched: int = 0
    exact: int = 0
    metadata_right: int = 0
    metadata_total: int = 0
    totals_right: int = 0
    totals_total: int = 0
    narrative_total: int = 0
    narrative_as_problem: int = 0
    topic_right: int = 0
    topic_total: int = 0
    topic_documents: int = 0
    org_found: int = 0
    org_expected: int = 0
    org_right: int = 0
    org_documents: int = 0

    def add(self, score: DocumentScore) -> None:
        self.documents += 1
        self.exact_documents += score.ok
        self.topic_documents += score.topic_total > 0
        self.org_documents += score.org_labelled > 0
        for name in (
            "expected", "found", "matched", "exact", "metadata_right", "metadata_total",
            "totals_right", "totals_total", "narrative_total", "narrative_as_problem",
            "topic_right", "topic_total", "org_found", "org_expected", "org_right",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(score, name))

    @property
    def confusion(self) -> dict[str, int]:
        """``tp`` problems found, ``fn`` problems missed, ``fp`` items reported as problems
        that are not, ``tn`` narrative items kept out of the problems."""
        return {
            "tp": self.matched,
            "fn": self.expected - self.matched,
            "fp": self.found - self.matched,
            "tn": self.narrative_total - self.narrative_as_problem,
        }


def documents_with_facts(folder: Path) -> Iterator[tuple[Path, Path]]:
    """``(facts, document)`` pairs in ``folder``, sorted."""
    for facts in sorted(folder.glob(f"*{FACTS_SUFFIX}")):
        stem = facts.name.removesuffix(FACTS_SUFFIX)
        for suffix in DOCUMENT_SUFFIXES:
            for variant in VARIANTS:
                document = folder / f"{stem}{variant}{suffix}"
                if document.is_file():
                    yield facts, document


def load_facts(path: Path) -> dict[str, Any]:
    """The facts file at ``path``; :class:`ValueError` when it is not a YAML mapping."""
    import yaml

    try:
        data = safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path.name}: not YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: facts must be a mapping")
    return data


def evaluate_document(
    document: Path, facts_path: Path, report: Report | None = None
) -> DocumentScore:
    """Score ``document`` (parsed unless ``report`` is given) against ``facts_path``."""
    score = DocumentScore(document=document, facts=facts_path)
    try:
        facts = load_facts(facts_path)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        score.error = f"unreadable facts: {' '.join(str(exc).split())[:200]}"
        score.misses.append(score.error)
        return score
    wanted: list[dict[str, Any]] = list(facts.get("problems") or [])
    score.expected = len(wanted)
    topics = _wants(wanted, "topic")
    organizations = _wants(wanted, "organizations")
    enrich = topics or organizations
    try:
        report = parse_file(document, enrich=enrich) if report is None else report
    except RectpipeError as exc:
        score.error = f"{exc.code}: {exc}"
        score.misses.append(score.error)
        return score
    if enrich:
        report = _enriched(report)
    _score_metadata(report, facts, score)
    _score_totals(report, facts, score)
    _score_warnings(report, facts, score)
    pairs = _score_problems(report.iter_problems(), wanted, score)
    _score_narrative(report, facts, score)
    if topics:
        score_topics(report.iter_problems(), wanted, pairs, score)
    if organizations:
        score_organizations(report.iter_problems(), wanted, pairs, score)
    return score


def _wants(wanted: list[dict[str, Any]], key: str) -> bool:
    """Whether any facts problem gives ``key`` (the document is then enriched)."""
    return any(isinstance(want, dict) and key in want for want in wanted)


def _enriched(report: Report) -> Report:
    """``report`` when every problem is enriched, else an enriched copy (the caller's report
    is left as it was)."""
    if all(problem.enrichment is not None for problem in report.iter_problems()):
        return report
    from ..enrich import enrich_report
    from ..models.convert import from_model, to_model

    return to_model(enrich_report(from_model(report)))  # from_model copies


def _score_metadata(report: Report, facts: dict[str, Any], score: DocumentScore) -> None:
    meta = report.metadata.model_dump(mode="json")
    for key, value in (facts.get("metadata") or {}).items():
        score.metadata_total += 1
        if fold(meta.get(key)) == fold(value):
            score.metadata_right += 1
        else:
            score.misses.append(f"metadata.{key}: want {value!r}, got {meta.get(key)!r}")


def _score_totals(report: Report, facts: dict[str, Any], score: DocumentScore) -> None:
    stated = report.summary.stated
    for key, value in (facts.get("stated_totals") or {}).items():
        score.totals_total += 1
        got = getattr(stated, key, None) if stated is not None else None
        if got == value:
            score.totals_right += 1
        else:
            score.misses.append(f"stated.{key}: want {value!r}, got {got!r}")
    wants_consistency = "consistent" in facts and facts.get("stated_totals")
    if wants_consistency and report.summary.consistent is not facts["consistent"]:
        score.misses.append(
            f"consistent: want {facts['consistent']!r}, got {report.summary.consistent!r}"
        )


def _score_warnings(report: Report, facts: dict[str, Any], score: DocumentScore) -> None:
    codes = {w.code for w in report.warnings}
    for code in facts.get("warnings") or []:
        if code not in codes:
            score.misses.append(f"warning {code!r} missing")


def _key(problem: Problem) -> str:
    return f"{problem.number}|{problem.title}"


def _match(found: list[Problem], wanted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs ``(found index, wanted index)``: equal number and title first, then in order by
    title similarity."""
    pairs: list[tuple[int, int]] = []
    used_found: set[int] = set()
    used_wanted: set[int] = set()
    for j, want in enumerate(wanted):
        for i, problem in enumerate(found):
            if i in used_found:
                continue
            same_title = fold(problem.title) == fold(want.get("title"))
            if same_title and problem.number == _number(want):
                pairs.append((i, j))
                used_found.add(i)
                used_wanted.add(j)
                break
    for j, want in enumerate(wanted):
        if j in used_wanted:
            continue
        best, best_ratio = None, MATCH_RATIO
        for i, problem in enumerate(found):
            if i in used_found:
                continue
            ratio = SequenceMatcher(None, fold(problem.title), fold(str(want.get("title")))).ratio()
            if ratio > best_ratio:
                best, best_ratio = i, ratio
        if best is not None:
            pairs.append((best, j))
            used_found.add(best)
            used_wanted.add(j)
    return sorted(pairs, key=lambda p: p[1])


def _score_problems(
    found: list[Problem], wanted: list[dict[str, Any]], score: DocumentScore
) -> list[tuple[int, int]]:
    """Match and score the problems; the pairs ``(found index, wanted index)``."""
    score.found = len(found)
    pairs = _match(found, wanted)
    score.matched = len(pairs)
    matched_found = {i for i, _ in pairs}
    matched_wanted = {j for _, j in pairs}
    for j, want in enumerate(wanted):
        if j not in matched_wanted:
            score.misses.append(
                f"problem {want.get('number')} not found: {str(want.get('title'))[:30]}"
            )
    for i, problem in enumerate(found):
        if i not in matched_found:
            score.misses.append(f"not a problem: {problem.number} {problem.title[:30]}")
    order = [i for i, _ in pairs]
    if order != sorted(order):
        score.misses.append("problems out of order")
    for i, j in pairs:
        problem, want = found[i], wanted[j]
        wrong = [name for name in ("number", *PROBLEM_FIELDS) if not _same(problem, want, name)]
        if wrong:
            details = ", ".join(
                f"{name} want {_wanted(want, name)!r} got {_got(problem, name)!r}" for name in wrong
            )
            score.misses.append(f"problem {want.get('number')}: {details}")
        else:
            score.exact += 1
    return pairs


def _number(want: dict[str, Any]) -> str | None:
    """The facts' number as a string, or ``None`` for a problem without a marker."""
    value = want.get("number")
    return None if value is None else str(value)


def _wanted(want: dict[str, Any], name: str) -> Any:
    defaults: dict[str, Any] = {"long_term": False, "measures": 0}
    if name == "number":
        return _number(want)
    return want.get(name, defaults.get(name))


def _got(problem: Problem, name: str) -> Any:
    if name == "status":
        return problem.status.value
    if name == "measures":
        return len(problem.measures)
    if name == "path":
        return [item.title for item in problem.path]
    return getattr(problem, name)


def _same(problem: Problem, want: dict[str, Any], name: str) -> bool:
    if name == "path" and "path" not in want:
        return True
    if name in ("title", "path"):
        return bool(fold(_got(problem, name)) == fold(_wanted(want, name)))
    return bool(_got(problem, name) == _wanted(want, name))


def _score_narrative(report: Report, facts: dict[str, Any], score: DocumentScore) -> None:
    titles = [fold(str(t)) for t in facts.get("narrative") or []]
    problem_titles = {fold(p.title) for p in report.iter_problems()}
    section_titles = {fold(s.title) for s in report.iter_sections()}
    for title in titles:
        score.narrative_total += 1
        if title in problem_titles:
            score.narrative_as_problem += 1
            score.misses.append(f"narrative item taken as a problem: {title[:30]}")
        elif title not in section_titles:
            score.misses.append(f"narrative item not found as a section: {title[:30]}")


def evaluate_folder(folder: str | Path) -> tuple[list[DocumentScore], Totals]:
    """Every document with facts in ``folder``, scored, and the sums."""
    scores = [evaluate_document(d, f) for f, d in documents_with_facts(Path(folder))]
    totals = Totals()
    for score in scores:
        totals.add(score)
    return scores, totals
