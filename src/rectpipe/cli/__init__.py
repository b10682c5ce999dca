"""The command line: argument parsing over the library (``rectpipe`` and ``rectpipe batch``)."""

from .main import main

__all__ = ["main"]
