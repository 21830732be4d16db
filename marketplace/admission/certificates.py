"""Certificate files: PDFs checked by their content and size, stored on disk by digest.

A file is named by the SHA-256 of its content under ``<media_dir>/certificates/``, so the
same certificate uploaded twice is stored once, a stored file is never overwritten with
other content, and nothing a user types ever becomes part of a path.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from marketplace.forms import Message
from marketplace.i18n import N_

__all__ = [
    "MAX_CERTIFICATE_BYTES",
    "PDF_MAGIC",
    "StoredFile",
    "certificate_path",
    "check_pdf",
    "store_certificate",
]

# A scanned certificate of a page or two is well under this.
MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024
# Every PDF file starts with these bytes (ISO 32000-1, 7.5.2); the name and the declared
# content type prove nothing.
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True, slots=True)
class StoredFile:
    sha256: str
    size_bytes: int


def check_pdf(content: bytes) -> Message | None:
    """Why ``content`` is not an acceptable certificate file, or ``None`` if it is."""
    if not content:
        return Message(N_("Attach the certificate as a PDF file."))
    if len(content) > MAX_CERTIFICATE_BYTES:
        return Message(
            N_("The file is larger than %(mb)s MB; scan the certificate at a lower resolution."),
            {"mb": MAX_CERTIFICATE_BYTES // (1024 * 1024)},
        )
    if not content.startswith(PDF_MAGIC):
        return Message(N_("This file is not a PDF. Attach the certificate as a PDF file."))
    return None


def certificate_path(media_dir: Path, sha256: str) -> Path:
    if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        raise ValueError("not a SHA-256 digest")
    return media_dir / "certificates" / sha256[:2] / f"{sha256}.pdf"


def store_certificate(media_dir: Path, content: bytes) -> StoredFile:
    """Write a checked PDF under ``media_dir`` (once) and return its digest and size."""
    problem = check_pdf(content)
    if problem is not None:
        raise ValueError(problem.id)
    sha256 = hashlib.sha256(content).hexdigest()
    path = certificate_path(media_dir, sha256)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside it and rename, so a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(content)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return StoredFile(sha256=sha256, size_bytes=len(content))
