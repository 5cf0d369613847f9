"""Helpers for the audit tests: folders of documents written from one YAML stream."""

from __future__ import annotations

import re
from pathlib import Path

_NAME = re.compile(r"^#\s*(\S+\.ya?ml)\s*$", re.MULTILINE)


def write_stream(text: str, folder: Path) -> list[Path]:
    """Write each ``---``-separated document of ``text`` to ``folder``.

    A document's first line may name its file (``# library-hours.yaml``); otherwise
    the files are ``doc-1.yaml``, ``doc-2.yaml``, ...
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, part in enumerate(re.split(r"^---\s*$", text, flags=re.MULTILINE), start=1):
        if not part.strip():
            continue
        found = _NAME.search(part)
        name = found.group(1) if found else f"doc-{index}.yaml"
        path = folder / name
        path.write_text(part.lstrip("\n"), encoding="utf-8")
        written.append(path)
    return written
