"""read → normalise → structure → extract → :class:`Report`. Behind the front door.

The pipeline builds its report as plain records (:mod:`rectpipe.models.records`);
``parse_bytes``, ``parse_file``, ``parse_text`` and ``parse_document`` turn it into the pydantic
models at the end, and their ``…_record`` twins give the records themselves, which the CLI and
batch workers write as JSON without importing pydantic.

The module runs over 400 lines on purpose: it is the one place where the stages are called, in
order, beside the entry points that call it; each stage's work lives in its own package.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import errno
from bisect import bisect_left
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import (
    CorruptFileError,
    InputNotFoundError,
    InternalError,
    RectpipeError,
    StructureNotFoundError,
    TooLargeError,
)
from .extract.consistency import consistency_warnings, contradiction_patterns
from .extract.genre import (
    announces_inspection,
    announces_work,
    article_markers,
    reads_as_article,
    reports_a_meeting,
    sets_rules,
    speaks_of_rectification,
    tells_discipline_cases,
    titled_as_article,
)
from .extract.metadata import extract_metadata, metadata_warnings
from .extract.placement import confidence_warnings, place
from .extract.problems import build
from .extract.summary import completeness_warnings, summarise
from .extract.told_apart import (
    statuses_by_exception,
    statuses_by_lead,
    statuses_by_ordinal,
    statuses_of_all,
    statuses_of_tally,
    statuses_said_of_all,
    statuses_told_apart,
)
from .limits import DEFAULT_LIMITS, Limits
from .models.records import (
    RemovedText,
    Report,
    ReportWarning,
    Source,
    Status,
    Summary,
)
from .profiles.profile import Profile, default_profile
from .readers.blocks import Document
from .readers.dispatch import FORMATS, read_document
from .readers.in_place import fingerprint, reads_in_place
from .readers.sniff import sniff_format
from .runtime.gcpause import collector_paused
from .runtime.names import escape_name
from .runtime.paths import AnyPath, fs_path
from .runtime.record import replace
from .structure.tree import build_tree
from .text.prepare import prepare_blocks
from .text.repair import repair_hints, repair_warnings, with_originals
from .text.textmap import TextMap

if TYPE_CHECKING:  # the enrichment package is imported only when a report is enriched
    from .enrich.config import EnrichConfig
    from .models import report as models

__all__ = [
    "FORMATS",
    "parse_bytes",
    "parse_bytes_record",
    "parse_document",
    "parse_document_record",
    "parse_file",
    "parse_file_record",
    "parse_text",
    "read_document",
]


def parse_bytes_record(
    data: bytes,
    *,
    name: str | None = None,
    format: str | None = None,
    profile: Profile | None = None,
    limits: Limits = DEFAULT_LIMITS,
    repair: bool = True,
    enrich: bool = False,
    enrich_config: EnrichConfig | None = None,
) -> Report:
    """:func:`parse_bytes`, the report as records."""
    if limits.timeout is not None or limits.max_memory_bytes is not None:
        return _in_child(
            parse_bytes_record,
            data,
            limits,
            name=name,
            format=format,
            profile=profile,
            repair=repair,
            enrich=enrich,
            enrich_config=enrich_config,
        )
    if not data:
        raise CorruptFileError("empty file")
    if len(data) > limits.max_file_bytes:
        raise TooLargeError(f"{len(data)} bytes, over the {limits.max_file_bytes} byte limit")
    return _guarded(
        partial(_parse, data, name, format, profile, limits, repair, enrich, enrich_config)
    )


def _in_child(
    parse: Callable[..., Report], source: bytes | Path, limits: Limits, **options: Any
) -> Report:
    """``parse(source, **options)`` in a child process under ``limits``' timeout and memory
    cap (:func:`~.runtime.isolate.run_isolated`); the child parses without them."""
    from .runtime.isolate import run_isolated

    untimed = replace(limits, timeout=None, max_memory_bytes=None)
    return run_isolated(
        partial(parse, source, limits=untimed, **options),
        limits.timeout,
        max_bytes=limits.max_memory_bytes,
    )


def _guarded(parse: Callable[[], Report]) -> Report:
    """``parse()``, with the cyclic collector paused; whatever it raises that is no
    :class:`RectpipeError` raised as one."""
    try:
        with collector_paused():
            return parse()
    except RectpipeError:
        raise
    except RecursionError:
        raise TooLargeError("structure nested too deeply") from None
    except MemoryError:  # under a cap this process was given (a batch worker), or none
        from .runtime.isolate import memory_cap, over_cap

        raise TooLargeError(over_cap(memory_cap())) from None
    except OSError as exc:
        if exc.errno == errno.ENOMEM:  # memory refused outside Python's heap (a mapped file)
            from .runtime.isolate import memory_cap, over_cap

            raise TooLargeError(over_cap(memory_cap())) from None
        raise InternalError(f"{type(exc).__name__}: {exc}") from exc
    except Exception as exc:
        raise InternalError(f"{type(exc).__name__}: {exc}") from exc


def _parse(
    data: bytes | Path,
    name: str | None,
    format: str | None,
    profile: Profile | None,
    limits: Limits,
    repair: bool,
    enrich: bool,
    enrich_config: EnrichConfig | None,
) -> Report:
    """The report of ``data``: bytes, or a file that the reader of ``format`` reads in place
    (:func:`~.readers.in_place.reads_in_place`)."""
    fmt = format or ("pdf" if isinstance(data, Path) else sniff_format(data, name))
    document = read_document(data, fmt, limits)
    if document.page_count is not None and document.page_count > limits.max_pages:
        raise TooLargeError(f"{document.page_count} pages, over the {limits.max_pages} limit")
    if len(document.blocks) > limits.max_blocks:
        raise TooLargeError(
            f"{len(document.blocks)} paragraphs, over the {limits.max_blocks} limit"
        )
    sha256, size = fingerprint(data)
    return parse_document_record(
        document,
        source=Source(
            file_name=escape_name(name) if name is not None else None,
            format=fmt,  # type: ignore[arg-type]
            sha256=sha256,
            size=size,
            page_count=document.page_count,
            ocr_pages=document.ocr_pages or None,
        ),
        profile=profile,
        repair=repair,
        enrich=enrich,
        enrich_config=enrich_config,
        limits=limits,
    )


def parse_file_record(
    path: AnyPath,
    *,
    format: str | None = None,
    profile: Profile | None = None,
    limits: Limits = DEFAULT_LIMITS,
    repair: bool = True,
    enrich: bool = False,
    enrich_config: EnrichConfig | None = None,
) -> Report:
    """:func:`parse_file`, the report as records.

    A PDF is read from the file as the reader needs it, not loaded whole first
    (:mod:`.readers.in_place`); under a timeout or a memory cap, the child process reads it."""
    path = fs_path(path)
    if limits.timeout is not None or limits.max_memory_bytes is not None:
        try:
            return _in_child(
                parse_file_record,
                path,
                limits,
                format=format,
                profile=profile,
                repair=repair,
                enrich=enrich,
                enrich_config=enrich_config,
            )
        except RectpipeError as exc:
            if exc.path is None:
                exc.path = str(path)
            raise
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise TooLargeError(
                f"{size} bytes, over the {limits.max_file_bytes} byte limit", path=str(path)
            )
        in_place = reads_in_place(path, size, format)
        data = b"" if in_place else path.read_bytes()
    except OSError as exc:
        raise InputNotFoundError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    try:
        if in_place:
            return _guarded(
                partial(
                    _parse, path, path.name, format, profile, limits, repair, enrich, enrich_config
                )
            )
        return parse_bytes_record(
            data,
            name=path.name,
            format=format,
            profile=profile,
            limits=limits,
            repair=repair,
            enrich=enrich,
            enrich_config=enrich_config,
        )
    except RectpipeError as exc:
        if exc.path is None:
            exc.path = str(path)
        raise


def parse_document_record(
    document: Document,
    *,
    source: Source,
    profile: Profile | None = None,
    repair: bool = True,
    enrich: bool = False,
    enrich_config: EnrichConfig | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Report:
    """:func:`parse_document`, the report as records."""
    with collector_paused():
        return _parse_document(
            document, source, profile, repair, enrich, enrich_config, limits.max_items
        )


def parse_bytes(
    data: bytes,
    *,
    name: str | None = None,
    format: str | None = None,
    profile: Profile | None = None,
    limits: Limits = DEFAULT_LIMITS,
    repair: bool = True,
    enrich: bool = False,
    enrich_config: EnrichConfig | None = None,
) -> models.Report:
    """The report in ``data``. ``format`` is sniffed from the content when not given.

    ``repair`` fixes damaged copies first (traditional characters, pinyin glosses, web-copy
    punctuation, lost line breaks; see :mod:`rectpipe.repair`). ``enrich`` adds dates,
    quantities, references, entities, keywords and a topic to every problem (see
    :mod:`rectpipe.enrich`; it loads jieba, about two seconds the first time in a process),
    read with ``enrich_config`` (default: the ``enrichment:`` section of ``profile``).

    Raises a :class:`~rectpipe.errors.RectpipeError` subclass when the bytes cannot be read
    (``corrupt``, ``too_large``…), hold nothing recognisable as a report
    (``structure_not_found``), or take longer than ``limits.timeout`` (``timeout``) or more
    memory than ``limits.max_memory_bytes`` (``too_large``); with either limit set the parse
    runs in a child process. An unexpected failure inside rectpipe is raised as
    ``internal_error``, never as a bare exception.
    """
    from .models.convert import to_model_taking

    return to_model_taking(
        parse_bytes_record(
            data,
            name=name,
            format=format,
            profile=profile,
            limits=limits,
            repair=repair,
            enrich=enrich,
            enrich_config=enrich_config,
        )
    )


def parse_file(
    path: AnyPath,
    *,
    format: str | None = None,
    profile: Profile | None = None,
    limits: Limits = DEFAULT_LIMITS,
    repair: bool = True,
    enrich: bool = False,
    enrich_config: EnrichConfig | None = None,
) -> models.Report:
    """The report in the file at ``path`` (see :func:`parse_bytes`): a ``str``, ``bytes`` or
    path-like name, bytes that are not UTF-8 included (the report's ``file_name`` shows them
    as ``\\xff`` escapes)."""
    from .models.convert import to_model_taking

    return to_model_taking(
        parse_file_record(
            path,
            format=format,
            profile=profile,
            limits=limits,
            repair=repair,
            enrich=enrich,
            enrich_config=enrich_config,
        )
    )


def parse_text(
    text: str,
    *,
    name: str | None = None,
    profile: Profile | None = None,
    repair: bool = True,
    enrich: bool = False,
) -> models.Report:
    """The report in a string of plain text (see :func:`parse_bytes`)."""
    return parse_bytes(
        text.encode("utf-8"),
        name=name,
        format="txt",
        profile=profile,
        repair=repair,
        enrich=enrich,
    )


def parse_document(
    document: Document,
    *,
    source: models.Source | Source,
    profile: Profile | None = None,
    repair: bool = True,
    enrich: bool = False,
    enrich_config: EnrichConfig | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> models.Report:
    """Everything after the reader: the format-blind part of the pipeline (``limits``: its
    ``max_items``). ``source`` describes the file ``document`` was read from."""
    from .models.convert import from_model, to_model_taking

    return to_model_taking(
        parse_document_record(
            document,
            source=from_model(source),
            profile=profile,
            repair=repair,
            enrich=enrich,
            enrich_config=enrich_config,
            limits=limits,
        )
    )


def _parse_document(
    document: Document,
    source: Source,
    profile: Profile | None,
    repair: bool,
    enrich: bool,
    enrich_config: EnrichConfig | None,
    max_items: int,
) -> Report:
    profile = profile or default_profile()
    labels = [
        *profile.labels["actions"],
        *profile.labels["responsible"],
        *profile.labels["deadline"],
    ]
    columns = profile.table_columns
    prepared = prepare_blocks(
        document.blocks,
        repair=repair,
        labels=labels,
        field_labels=[*labels, *profile.labels["status"]],
        table_headers={name for names in columns.values() for name in names},
        number_columns=columns.get("number", ()),
    )
    blocks, repaired, repeated = prepared.blocks, prepared.repaired, prepared.repeated
    if not blocks:
        raise StructureNotFoundError("no text found")
    textmap = TextMap.build(blocks)
    tree = build_tree(textmap)
    items = sum(1 for _ in tree.root.walk()) - 1
    if items > max_items:
        raise TooLargeError(f"{items} numbered items, over the {max_items} limit")
    built = build(tree.root, textmap, profile)
    first_numbered = tree.root.children[0].block if tree.root.children else len(blocks)
    front = [i for i in tree.root.body if i < first_numbered]
    tail = list(range(max(0, len(blocks) - 12), len(blocks)))
    hints = repair_hints(document.hints, repaired) if repaired is not None else document.hints
    metadata = extract_metadata(
        textmap, front, tail, hints, profile, listed=bool(tree.root.children)
    )
    warnings = [ReportWarning(code=c, message=m) for c, m in document.notes]
    if repeated:
        warnings.append(
            ReportWarning(
                code="text_repeated",
                message=f"the text repeats itself: its second copy ({len(repeated)} blocks) "
                "was dropped and is listed in removed",
            )
        )
    warnings += tree.warnings + built.warnings + metadata_warnings(textmap, front)
    refs = textmap.refs()
    if repaired is not None:
        refs = with_originals(refs, repaired)
        warnings += repair_warnings(refs, repaired)

    report = Report(
        source=source,
        metadata=metadata,
        sections=built.sections,
        problems=built.problems,
        summary=Summary(problems=0, by_status={}, by_category=[], measures=0),
        warnings=warnings,
        removed=[
            *(RemovedText(text=r.text, reason=r.reason, page=r.page) for r in document.removed),
            *(
                RemovedText(text=r.block.text, reason="repeated", page=r.block.page)
                for r in repeated
            ),
            *(
                RemovedText(text=r.block.text, reason="page_links", page=r.block.page)
                for r in prepared.links
            ),
            *(
                RemovedText(text=block.text, reason=reason, page=block.page)
                for block, reason in prepared.page_lines
            ),
        ],
        hints=dict(document.hints),
        text=textmap.text,
        blocks=refs,
    )
    problems = report.iter_problems()
    statuses_told_apart(problems, textmap, profile)
    statuses_by_ordinal(problems, textmap, profile)
    statuses_by_lead(problems, textmap, profile)
    statuses_by_exception(problems, textmap, profile)
    statuses_of_all(problems, textmap, profile, built.group_tallies)
    statuses_said_of_all(problems, textmap, profile, built.group_tallies)
    outside = _outside_problems(report, textmap)
    report.summary = summarise(report, stated_blocks=outside, textmap=textmap, profile=profile)
    if statuses_of_tally(problems, report.summary.stated):
        report.summary = summarise(report, stated_blocks=outside, textmap=textmap, profile=profile)
    if reads_as_article(report.text, profile):
        markers = "、".join(article_markers(report.text, profile))
        raise StructureNotFoundError(f"a scholarly article ({markers}), not a report")
    if (word := titled_as_article(report.metadata.title, report.text, profile)) is not None:
        raise StructureNotFoundError(f"an article (its title ends {word}), not a report")
    no_status = all(p.status is Status.UNKNOWN for p in problems)
    if announces_work(report.metadata.title) and no_status:
        raise StructureNotFoundError(
            "a notice that sets work to do (关于开展…的通知), not a report"
        )
    if announces_inspection(report.metadata.title, report.text) and no_status:
        raise StructureNotFoundError("an inspection's announcement (受理…来信来访), not a report")
    if tells_discipline_cases(report.metadata.title) and no_status:
        raise StructureNotFoundError("a notice of discipline cases (N起典型问题), not a report")
    if reports_a_meeting(report.metadata.title, report.text) and no_status:
        raise StructureNotFoundError("a meeting's report (民主生活会), not a rectification report")
    # rules or a plan whose points were read as problems, or that says it makes itself
    # (制定本规程); one only titled so whose points were not read as problems is left as
    # read: its metadata may serve
    sign = sets_rules(report.metadata.title, report.text, profile) if no_status else None
    if sign is not None and report.summary.stated is None and (problems or sign.declared):
        raise StructureNotFoundError(f"rules, a plan or sample texts ({sign.words}), not a report")
    if (
        not problems
        and report.summary.stated is None
        and not speaks_of_rectification(report.text, report.metadata.title, profile)
    ):
        raise StructureNotFoundError("nothing recognisable as a rectification report")
    report.warnings += completeness_warnings(report, textmap, closing=tree.closing, profile=profile)
    contradictions = (
        enrich_config.completed_contradictions
        if enrich_config is not None
        else contradiction_patterns(profile)
    )
    report.warnings += consistency_warnings(report, contradictions)
    report.warnings += confidence_warnings(report, textmap)
    place(report, textmap)
    if enrich:
        from .enrich.config import config_for
        from .enrich.run import enrich_report

        enrich_report(report, enrich_config or config_for(profile))
    return report


def _outside_problems(report: Report, textmap: TextMap) -> list[int]:
    """The blocks no problem holds: where a report states its totals (the introduction, a
    part's own lines before its first category, narrative parts, the close)."""
    spans = sorted((p.provenance.start, p.provenance.end) for p in report.iter_problems())
    inside: set[int] = set()
    for start, end in spans:
        first = bisect_left(textmap.starts, start)
        inside.update(range(first, bisect_left(textmap.starts, end)))
    return [i for i in range(len(textmap.blocks)) if i not in inside]
