"""Products built on reports: diff, review page, golden checks, the JSON Schema."""
