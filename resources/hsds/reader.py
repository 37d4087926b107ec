"""Read an HSDS package (zip, folder of CSVs, or the tabular JSON) into rows.

Each table becomes a list of ``Row``: the file it came from, its row number and
its values as stripped strings, so CSV and JSON are validated the same way.
"""

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from resources.hsds import tabular
from resources.hsds.problems import ImportFailed, Problem


@dataclass
class Row:
    file: str
    number: int
    values: dict

    def get(self, column: str) -> str:
        return self.values.get(column, "")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def read(path) -> dict[str, list[Row]]:
    """Tables by name; raises ImportFailed when the package itself is unusable."""
    path = Path(path)
    if not path.exists():
        raise ImportFailed([Problem(str(path), 0, "", "file not found")])
    if path.is_dir():
        return _read_files(
            {p.name: p.read_bytes for p in path.iterdir() if p.is_file()}, str(path)
        )
    if path.suffix.lower() == ".json":
        return _read_json(path.read_bytes(), path.name)
    if not zipfile.is_zipfile(path):
        raise ImportFailed(
            [Problem(path.name, 0, "", "not a zip file, a folder or a .json file")]
        )
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        package = [n for n in names if PurePosixPath(n).name == "datapackage.json"]
        folder = str(PurePosixPath(package[0]).parent) if package else ""
        prefix = "" if folder in ("", ".") else folder + "/"
        files = {
            name[len(prefix) :]: (lambda n=name: archive.read(n))
            for name in names
            if name.startswith(prefix) and "/" not in name[len(prefix) :]
        }
        return _read_files(files, path.name)


def _read_files(files: dict, source: str) -> dict[str, list[Row]]:
    if "datapackage.json" not in files:
        raise ImportFailed([Problem(source, 0, "", "datapackage.json is missing")])
    try:
        json.loads(files["datapackage.json"]())
    except ValueError as problem:
        raise ImportFailed(
            [Problem("datapackage.json", 0, "", f"not valid JSON ({problem})")]
        ) from None
    tables, problems = {}, []
    for table in tabular.TABLES:
        name = tabular.file_name(table)
        if name in files:
            tables[table] = _read_csv(name, files[name](), problems)
    if problems:
        raise ImportFailed(problems)
    return tables


def _read_csv(name: str, data: bytes, problems: list) -> list[Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(name, 0, "", "not UTF-8 text"))
        return []
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    table = tabular.table_for_file(name)
    for column in tabular.required(table):
        if column not in header:
            problems.append(Problem(name, 1, column, "required column is missing"))
    return [
        Row(name, number, {k: _text(v) for k, v in values.items() if k})
        for number, values in enumerate(reader, start=2)
    ]


def _read_json(data: bytes, source: str) -> dict[str, list[Row]]:
    try:
        document = json.loads(data)
    except ValueError as problem:
        raise ImportFailed(
            [Problem(source, 0, "", f"not valid JSON ({problem})")]
        ) from None
    if not isinstance(document, dict):
        raise ImportFailed(
            [Problem(source, 0, "", "expected an object of tables (HSDS tabular JSON)")]
        )
    tables, problems = {}, []
    for table, rows in document.items():
        if table not in tabular.TABLES:
            problems.append(Problem(source, 0, table, "not an HSDS table"))
            continue
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            problems.append(Problem(source, 0, table, "expected a list of objects"))
            continue
        tables[table] = [
            Row(f"{source}:{table}", number, {k: _text(v) for k, v in row.items()})
            for number, row in enumerate(rows, start=1)
        ]
    if problems:
        raise ImportFailed(problems)
    return tables
