"""Shared helpers for the import tests: fixture paths and imports done once per session."""

from __future__ import annotations

import functools
from pathlib import Path

from psed.importing import ImportResult, import_file

FIXTURES = Path(__file__).parent / "fixtures"


@functools.cache
def imported(name: str, template: str = "auto") -> ImportResult:
    """The import of a fixture file (PDFs take a second or two: each is imported once)."""
    return import_file(FIXTURES / name, template=template)
