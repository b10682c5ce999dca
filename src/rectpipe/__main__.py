"""``python -m rectpipe``."""

from .cli import main

raise SystemExit(main())
