"""Internal runtime helpers: value records, process isolation, garbage-collector pauses."""
