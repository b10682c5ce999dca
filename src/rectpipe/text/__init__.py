"""Format-blind text stage: normalisation, repair of damaged copies, the numbering grammar,
sentences, dates, and the text map that gives every character its place in the source.

Internal: the public door is :mod:`rectpipe`."""

__all__: list[str] = []
