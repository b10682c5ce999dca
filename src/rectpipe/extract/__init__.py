"""Extraction: the numbered tree and its text → sections, problems, metadata, totals.

Internal: the public door is :mod:`rectpipe`.
"""

__all__: list[str] = []
