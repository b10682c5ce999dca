"""Write ``src/rectpipe/profiles/default.json`` from ``default.yaml`` (``make schema``).

    python scripts/make_profile_data.py

The default profile is read from this JSON copy at run time, so that a process that reads no
user profile never imports PyYAML; a test fails when the copy is stale.
"""

from __future__ import annotations

import json

import yaml

from rectpipe.profiles.profile import DEFAULT_JSON, DEFAULT_YAML


def profile_data_text() -> str:
    """``default.yaml`` as the JSON text committed in ``default.json``."""
    data = yaml.safe_load(DEFAULT_YAML.read_text("utf-8"))
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    DEFAULT_JSON.write_text(profile_data_text(), "utf-8")
    print(f"wrote {DEFAULT_JSON}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
