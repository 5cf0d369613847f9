"""File discovery for the command line and the audit: which documents a run looks at.

A path given by name is always checked, whatever its extension. A folder is searched
recursively for ``*.json``, ``*.yaml`` and ``*.yml`` files; folders and files whose
name starts with a dot are skipped inside it (``.git``, ``.venv``), and so are named
pipes, sockets and devices (reading one could wait forever). The order is fixed:
the paths in the order given, each folder's files sorted by their path relative to the
folder (compared part by part, so ``a/z.yaml`` comes before ``a-b/x.yaml``). ``-``
stands for standard input. A path that does not exist is still yielded: checking it
produces a PSED001 finding, so the run goes on with the other files.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator

__all__ = ["DOCUMENT_SUFFIXES", "STDIN", "discover"]

DOCUMENT_SUFFIXES: tuple[str, ...] = (".json", ".yaml", ".yml")
"""The extensions a folder search picks up (case-insensitive)."""

STDIN = "-"
"""The path that means standard input."""


def _is_document(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(DOCUMENT_SUFFIXES)


def _not_special(path: str) -> bool:
    """False for a named pipe, socket or device: reading one found in a folder could wait
    forever. A path that cannot be examined (a broken link) is kept, to be reported."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True
    return stat.S_ISREG(mode)


def _walk(folder: str) -> list[tuple[tuple[str, ...], str]]:
    """Every document below ``folder`` as (relative parts, path to show)."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(root, folder)
        parts: tuple[str, ...] = () if rel == os.curdir else tuple(rel.split(os.sep))
        for name in files:
            path = os.path.join(root, name)
            if _is_document(name) and _not_special(path):
                found.append(((*parts, name), path))
    found.sort()
    return found


def discover(paths: Iterable[str]) -> Iterator[str]:
    """The document paths to check, in a deterministic order, each once.

    Folders are expanded; files (and ``-``) are kept as given. A path named twice,
    or found twice through overlapping folders, is checked once, at its first place.
    """
    seen: set[str] = set()
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            candidates = [shown for _parts, shown in _walk(path)]
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate if candidate == STDIN else os.path.normpath(candidate)
            if key in seen:
                continue
            seen.add(key)
            yield candidate
