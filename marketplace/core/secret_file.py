"""The secret key kept in the data directory when ``SECRET_KEY`` is not set.

Every web worker (``--workers N``) and every restart must sign sessions and CSRF tokens
with the same key, or a form served by one worker is refused by the next. The first
process to start writes a random key to the file; the others, then and later, read it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

__all__ = ["SECRET_KEY_FILE_NAME", "load_or_create_secret_key"]

# Inside MEDIA_DIR: the one folder the marketplace always writes to and that is backed up
# with the database; uploads are served by their id only, never by file name.
SECRET_KEY_FILE_NAME = ".secret_key"


def load_or_create_secret_key(path: Path) -> str:
    """The key in ``path``, writing a new random one there first if there is none.

    The new key is written to a private temporary file (mode 0600) and linked to
    ``path`` in one step, so concurrent first starts agree on one key and no process
    ever reads a half-written file. ``OSError`` when the folder cannot be written.
    """
    with contextlib.suppress(FileNotFoundError):  # not there yet: this start makes it
        return _read(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(32) + "\n")
            file.flush()
            os.fsync(file.fileno())
        # If another process was first, its key is the one.
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return _read(path)


def _read(path: Path) -> str:
    key = path.read_text().strip()
    if len(key) < 32:
        raise OSError(f"{path} holds no usable secret key; delete it to make a new one")
    return key
