"""Public figures: suppression, before/after summaries, charts, downloads, import."""
