"""Readers: bytes of one format → blocks (paragraphs and tables with their place in the source).

Internal: the public door is :mod:`rectpipe`.
"""

__all__: list[str] = []
