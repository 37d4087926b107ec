"""A small text progress bar on stderr for long imports (tqdm is not installed)."""

import sys


class ProgressBar:
    def __init__(self, stream=None, label="Importing", width=30):
        self.stream = stream or sys.stderr
        self.label = label
        self.width = width
        self.total = self.done = 0

    def start(self, total):
        self.total, self.done = total, 0
        self._draw()

    def advance(self):
        self.done += 1
        # Redraw at most ~100 times whatever the size of the import.
        if self.done == self.total or self.done % max(1, self.total // 100) == 0:
            self._draw()

    def finish(self):
        self._draw()
        self.stream.write("\n")
        self.stream.flush()

    def _draw(self):
        filled = self.width * self.done // self.total if self.total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
        self.stream.flush()
