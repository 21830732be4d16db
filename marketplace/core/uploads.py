"""Uploaded files: type checked by content (not by name), size limited, stored by digest.

The file's bytes decide what it is, by the maintained ``filetype`` library: a PDF renamed
``.jpg`` is a PDF, and a script renamed ``.pdf`` is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import filetype

from marketplace.forms import FormError
from marketplace.i18n import N_

__all__ = [
    "ALLOWED_TYPES",
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MemoryUpload",
    "StoredFile",
    "Upload",
    "read_uploads",
    "stored_path",
]

ALLOWED_TYPES = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}
MAX_FILE_BYTES = 20 * 1024 * 1024  # a scanned report of a few hundred pages
MAX_FILES = 10
_CHUNK_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class StoredFile:
    filename: str
    content_type: str
    size_bytes: int
    sha256: str


class Upload(Protocol):
    """What is read of an uploaded file: Starlette's ``UploadFile`` is one (the web passes
    it in), ``MemoryUpload`` another; this module stays free of the web framework."""

    @property
    def filename(self) -> str | None: ...

    async def read(self, size: int = -1) -> bytes: ...

    async def close(self) -> None: ...


@dataclass(slots=True)
class MemoryUpload:
    """An upload whose bytes are already in memory (the demo's seeded deliverables)."""

    filename: str | None
    content: bytes
    _position: int = field(default=0, repr=False)

    async def read(self, size: int = -1) -> bytes:
        end = len(self.content) if size < 0 else self._position + size
        chunk = self.content[self._position : end]
        self._position += len(chunk)
        return chunk

    async def close(self) -> None:
        return None


def stored_path(media_dir: Path, sha256: str) -> Path:
    return media_dir / "files" / sha256[:2] / sha256


def _clean_name(name: str) -> str:
    name = Path(name.replace("\\", "/")).name.strip() or "file"
    return name[-120:]


async def read_uploads(
    uploads: Sequence[Upload], media_dir: Path, *, field: str = "files"
) -> list[StoredFile]:
    """Check every upload and store the accepted ones; ``FormError`` if any is refused.

    Nothing is kept from a refused batch's database side; stored bytes are content
    addressed, so a retry of the same file reuses them.
    """
    try:
        return await _store_all([u for u in uploads if u.filename], media_dir, field)
    finally:
        for upload in uploads:  # spooled to temporary files: release them now
            await upload.close()


async def _store_all(uploads: Sequence[Upload], media_dir: Path, field: str) -> list[StoredFile]:
    if len(uploads) > MAX_FILES:
        raise FormError.single(field, N_("Attach at most %(count)s files."), count=MAX_FILES)
    stored: list[StoredFile] = []
    for upload in uploads:
        data = bytearray()
        while chunk := await upload.read(_CHUNK_BYTES):
            data.extend(chunk)
            if len(data) > MAX_FILE_BYTES:
                raise FormError.single(
                    field,
                    N_("“%(name)s” is larger than %(megabytes)s MB."),
                    name=_clean_name(upload.filename or ""),
                    megabytes=MAX_FILE_BYTES // (1024 * 1024),
                )
        kind = filetype.guess(bytes(data[:8192]))
        if not data or kind is None or kind.mime not in ALLOWED_TYPES:
            raise FormError.single(
                field,
                N_("“%(name)s” is not a PDF, PNG or JPEG file."),
                name=_clean_name(upload.filename or ""),
            )
        digest = hashlib.sha256(data).hexdigest()
        path = stored_path(media_dir, digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(".part")
            partial.write_bytes(data)
            partial.replace(path)
        stored.append(StoredFile(_clean_name(upload.filename or ""), kind.mime, len(data), digest))
    return stored
