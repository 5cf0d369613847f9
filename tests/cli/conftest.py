"""Shared fixtures for the command line tests: the installed command and broken inputs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
AS_OF = "2026-11-26"


def psed_command() -> str:
    """The installed ``psed`` script next to the running Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "psed"
    if beside.exists():
        return str(beside)
    found = shutil.which("psed")
    if found is None:  # pragma: no cover - psed is installed with the package
        pytest.skip("the psed command is not installed")
    return found


def run_psed(
    *args: str,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed command; output as bytes, so byte-identity can be checked."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    return subprocess.run(
        [psed_command(), *args],
        cwd=cwd or ROOT,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=environment,
        timeout=120,
        check=False,
    )


BROKEN_FILES: dict[str, bytes] = {
    "a-invalid.yaml": b"name: [unclosed\nstatus: draft\n",
    "b-binary.json": bytes(range(256)) * 4,
    "c-empty.yaml": b"",
    "d-list.yaml": b"- name: one\n- name: two\n",
    "e-latin1.yaml": "name: Caf\xe9 review\n".encode("latin-1"),
    "f-bad.json": b'{"name": "x", }',
}


@pytest.fixture
def broken_folder(tmp_path: Path) -> Path:
    """A folder of unreadable files mixed with the good examples (sorted between them)."""
    folder = tmp_path / "portfolio"
    folder.mkdir()
    for name, data in BROKEN_FILES.items():
        (folder / name).write_bytes(data)
    for example in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(example, folder / f"z-{example.name}")
    (folder / "notes.txt").write_text("not a document\n")
    hidden = folder / ".hidden"
    hidden.mkdir()
    (hidden / "skipped.yaml").write_text("name: hidden\n")
    return folder
