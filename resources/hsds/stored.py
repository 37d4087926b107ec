"""The download's files: both forms of the export, one set per content version.

Building the export reads the whole directory (about 30 s of CPU at 10,000
services), so no request builds it: a background task writes the files to the
default storage, named after the page cache's *generation* (it moves on every
change to public content), and the download serves them from there. A version
is complete once its marker is written, after both forms; a reader never sees
a half-written file under a complete version.

Files of other versions are removed after a build once they are an hour old,
so a download still streaming an older file, or a build still running for a
newer version, is never cut short.
"""

import json
import tempfile
from datetime import timedelta

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from resources.hsds import export

FOLDER = "hsds-export"
MARKER = "marker"
FILE_NAMES = {
    "zip": "hsds-directory.zip",
    "json": "hsds-directory.json",
    MARKER: "complete",
}
KEEP_OTHER_VERSIONS = timedelta(hours=1)
# A build claimed for a version; it expires so a dead worker cannot block builds.
PENDING_SECONDS = 15 * 60


def pending_key(generation: int) -> str:
    return f"hsds-export:pending:{generation}"


def _name(generation: int, form: str) -> str:
    return f"{FOLDER}/{generation}-{FILE_NAMES[form]}"


def is_complete(generation: int) -> bool:
    return all(default_storage.exists(_name(generation, form)) for form in FILE_NAMES)


def open_complete(generation: int, form: str):
    """The open file of ``form`` for this version, or None if it is not built."""
    if not default_storage.exists(_name(generation, MARKER)):
        return None
    try:
        return default_storage.open(_name(generation, form), "rb")
    except FileNotFoundError:  # removed by hand: the next request rebuilds it
        default_storage.delete(_name(generation, MARKER))
        return None


def build_files(generation: int) -> dict:
    """Write both forms for ``generation`` from one read of the directory.

    Returns the row counts per table. The marker goes last: until then the
    download keeps answering "being prepared".
    """
    default_storage.delete(_name(generation, MARKER))
    built = export.build()
    with tempfile.TemporaryFile() as package:
        counts = export.write_zip(package, built=built)
        package.seek(0)
        _replace(_name(generation, "zip"), File(package))
    tables = export.tabular_json(built[0])
    _replace(_name(generation, "json"), ContentFile(json.dumps(tables).encode()))
    _replace(_name(generation, MARKER), ContentFile(b"complete\n"))
    remove_other_versions(keep=generation)
    return counts


def _replace(name: str, content) -> None:
    # Storage.save never overwrites: it would pick another name.
    default_storage.delete(name)
    default_storage.save(name, content)


def remove_other_versions(*, keep: int, now=None) -> list[str]:
    """Delete files of other versions older than ``KEEP_OTHER_VERSIONS``."""
    cutoff = (now or timezone.now()) - KEEP_OTHER_VERSIONS
    try:
        _folders, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return []
    removed = []
    for name in names:
        path = f"{FOLDER}/{name}"
        if name.startswith(f"{keep}-"):
            continue
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
            removed.append(path)
    return removed
