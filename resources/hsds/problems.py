"""A problem found in an import file: where (file, row, field) and what."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    row: int  # 1 is the CSV header line; data rows start at 2 (JSON: from 1)
    field: str
    message: str

    def __str__(self):
        where = self.file
        if self.row:
            where += f", row {self.row}"
        if self.field:
            where += f", {self.field}"
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = list(problems)
