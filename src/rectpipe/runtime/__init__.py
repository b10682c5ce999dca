"""Internal runtime helpers: value records, process isolation, garbage-collector pauses.

Each module is imported where it is used (process isolation only for a parse with a timeout).
"""

__all__: list[str] = []
