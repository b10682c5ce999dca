"""``python -m rectpipe``."""

from .cli.main import console

console()
