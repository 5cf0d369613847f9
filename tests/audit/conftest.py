"""Shared setup for the audit tests: the repository's examples and the installed command."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def psed_command() -> str:
    """The installed ``psed`` script next to the running Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "psed"
    if beside.exists():
        return str(beside)
    found = shutil.which("psed")
    if found is None:  # pragma: no cover - psed is installed with the package
        pytest.fail("the psed command is not installed")
    return found
