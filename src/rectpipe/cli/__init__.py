"""The command line: argument parsing over the library (``rectpipe`` and ``rectpipe batch``).

Internal: the public door is :mod:`rectpipe`.
"""

from .main import console, main

__all__ = ["console", "main"]
