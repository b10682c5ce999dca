"""Consistency checks that run on every report, enriched or not: a status its own narrative
contradicts, a deadline already past for an unfinished problem.

Internal: the pipeline runs them; their warnings are in :attr:`rectpipe.Report.warnings`."""

from .consistency import consistency_warnings, contradiction_patterns, report_year

__all__ = ["consistency_warnings", "contradiction_patterns", "report_year"]
