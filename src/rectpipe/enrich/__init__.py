"""Enrichment: dates, quantities, references, entities, keywords and a topic per problem.

Every item found carries ``start``/``end`` offsets into :attr:`rectpipe.models.Report.text`.
The output models are in :mod:`rectpipe.enrich.models`; :func:`rectpipe.enrich.run.enrich_report`
fills them in. This package imports nothing at import time, so that :mod:`rectpipe.models` can
import its models without a cycle.
"""
