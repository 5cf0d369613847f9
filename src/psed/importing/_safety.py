"""Limits and checks that run before any parser sees a file.

Every file is refused, with a message that says why and what to do, when it is
larger than the limit, is not what its name says (a renamed binary), is
password-protected, is a zip bomb (a package whose parts would unpack to far more
than the file's size), or carries an XML document type declaration (Word never
writes one; it is how entity-expansion attacks start). Nothing is written for a
refused file.
"""

from __future__ import annotations

import os
import zipfile

import attrs

__all__ = [
    "DEFAULT_LIMITS",
    "ImportLimits",
    "ImportProblem",
    "check_package",
    "ole_problem",
    "read_bounded",
    "sniff",
]


class ImportProblem(Exception):
    """A file that cannot be imported; the message is one sentence for a person.

    ``path`` is the file it concerns.
    """

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


_MIB = 1024 * 1024


@attrs.frozen(kw_only=True)
class ImportLimits:
    """How much of a file the importer will read (each a whole number of at least 1).

    - ``max_bytes``: the largest source file (default 20 MiB);
    - ``max_unpacked_bytes``: the most a Word package may unpack to, all parts together
      (default 64 MiB);
    - ``max_ratio``: the largest unpacked-to-packed ratio of one part (default 200);
    - ``max_parts``: the most parts in a Word package (default 2,000);
    - ``max_pages``: the most pages read from a PDF (default 300).
    """

    max_bytes: int = 20 * _MIB
    max_unpacked_bytes: int = 64 * _MIB
    max_ratio: int = 200
    max_parts: int = 2000
    max_pages: int = 300


DEFAULT_LIMITS = ImportLimits()


def _size(n: int) -> str:
    return f"{n / _MIB:.1f} MiB"


def read_bounded(path: str, limits: ImportLimits) -> bytes:
    """The file's bytes, refusing a file over ``max_bytes`` before reading it."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limits.max_bytes:
                raise ImportProblem(
                    path,
                    f"the file is {_size(size)}, over the import limit of "
                    f"{_size(limits.max_bytes)}; split it, or raise the limit "
                    "(ImportLimits.max_bytes) if you trust it",
                )
            data = handle.read(size + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ImportProblem(
            path, f"the file cannot be read ({reason}); check the path and permissions"
        ) from None
    if len(data) > limits.max_bytes:  # it grew while it was read
        raise ImportProblem(path, f"the file is over the import limit of {_size(limits.max_bytes)}")
    return data


# What a file's first bytes say it is. Only the kinds psed reads, and the ones a
# renamed file most often turns out to be, need a name here.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"{\\rtf", "a Rich Text (.rtf) file"),
    (b"\x1f\x8b", "a gzip archive"),
)


def sniff(data: bytes) -> str:
    """What the bytes are: ``zip``, ``ole``, ``pdf``, ``text``, or a description."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    # A PDF may have a little junk before its header.
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return "text"


_ENCRYPTED_OLE = "EncryptionInfo".encode("utf-16-le")


def ole_problem(path: str, data: bytes, expected: str) -> ImportProblem:
    """The message for an OLE compound file: a password-protected .docx, or an old .doc."""
    if _ENCRYPTED_OLE in data:
        return ImportProblem(
            path,
            "the file is password-protected (encrypted); open it in Word, remove the "
            "password (File > Info > Protect Document) and save it, then import it again",
        )
    return ImportProblem(
        path,
        f"the file is an old binary Word (.doc) file, not {expected}; open it in Word "
        "or LibreOffice and save it as .docx, then import that",
    )


_DTD_MARKERS = (b"<!doctype", b"<!entity")


def check_package(path: str, archive: zipfile.ZipFile, limits: ImportLimits) -> None:
    """Refuse a zip package that is a bomb or whose XML declares entities."""
    infos = archive.infolist()
    if len(infos) > limits.max_parts:
        raise ImportProblem(
            path,
            f"the Word package has {len(infos)} parts, more than the {limits.max_parts} "
            "a form needs; it is not imported (in Python, raise ImportLimits.max_parts to import "
            "a file you trust)",
        )
    total = 0
    for info in infos:
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size > 1 * _MIB and info.file_size / packed > limits.max_ratio:
            raise ImportProblem(
                path,
                f"the part {info.filename!r} would unpack to {_size(info.file_size)} from "
                f"{info.compress_size:,} bytes (a zip bomb); it is not imported",
            )
        if total > limits.max_unpacked_bytes:
            raise ImportProblem(
                path,
                f"the Word package would unpack to more than "
                f"{_size(limits.max_unpacked_bytes)} (a zip bomb, or a file with very "
                "large pictures); remove the pictures or raise "
                "ImportLimits.max_unpacked_bytes if you trust it",
            )
    for info in infos:
        name = info.filename.lower()
        if not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        with archive.open(info) as part:
            head = part.read(4096).lower()
        if any(marker in head for marker in _DTD_MARKERS):
            raise ImportProblem(
                path,
                f"the part {info.filename!r} has an XML document type declaration, which "
                "Word never writes (it is how entity-expansion attacks start); the file "
                "is not imported",
            )
