"""Keys, secrets and backups, written so that neither a neighbour nor a crash can hurt them.

Each is written into a new file in the target's folder, created readable by its owner only
(0600), so that there is no moment when anyone else on the machine can read it; flushed to
disk; then renamed onto the target, which is atomic within one file system, so the target is
always the whole old file or the whole new one, never half of each, and never missing; then
the folder is flushed too, so that the rename itself survives a power cut.

No Django here: settings.py uses it before Django is set up.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def private_file(path: Path, *, only_if_absent: bool = False) -> Iterator[Path]:
    """Yield an empty 0600 file beside PATH to fill; when the block ends, it becomes PATH.

    If the block raises, or anything fails before the rename, PATH is left as it was and the
    temporary file is removed. With only_if_absent an existing PATH is never replaced:
    FileExistsError instead (a hard link, unlike a rename, refuses to overwrite), so that
    processes starting at once agree on one generated secret.
    """
    path = Path(path)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)  # mkstemp creates it 0600, whatever the umask
    temporary = Path(name)
    try:
        yield temporary
        _flush(temporary)
        if only_if_absent:
            os.link(temporary, path)
        else:
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    _flush(path.parent)


def write_private_file(path: Path, text: str, *, only_if_absent: bool = False) -> None:
    """Put TEXT in PATH (mode 0600) all at once: see private_file."""
    with private_file(path, only_if_absent=only_if_absent) as temporary:
        temporary.write_text(text)


def _flush(path: Path) -> None:
    """Ask the system to put a file's data, or a folder's entries, on the disk now."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
