"""Products built on reports: diff, review page, golden checks, the JSON Schema.

Each is imported when it is used; the public ones are also reached from :mod:`rectpipe`.

Internal: the public door is :mod:`rectpipe`.
"""

#: Title similarity two problems need to be paired by :func:`rectpipe.tools.diff.diff_reports`
#: (here, so that the command line can show it without building the diff's models).
DEFAULT_THRESHOLD = 0.6

__all__ = ["DEFAULT_THRESHOLD"]
