"""Enrichment (opt-in): dates, quantities, references, entities, keywords and a topic per
problem.

Every item found carries ``start``/``end`` offsets into :attr:`rectpipe.Report.text`. The
output models are in :mod:`rectpipe.models.enrichment`; :func:`enrich_report` fills them in.
Nothing outside this package imports it unless a report is enriched (``enrich=True``,
``--enrich``): the consistency checks that run on every report are in :mod:`rectpipe.checks`.

Internal: the public door is :mod:`rectpipe` (``parse_file(..., enrich=True)``).
"""

from .config import EnrichConfig, config_for, default_config, load_config
from .run import enrich_report

__all__ = ["EnrichConfig", "config_for", "default_config", "enrich_report", "load_config"]
