"""The constructors type-check in user code: mypy --strict on a program that builds everything.

psed ships ``py.typed``, so a user's type checker reads psed's own annotations, and an
attrs class's constructor is typed from its converters. ``user_program.py`` builds an
assessment from every class of the model (lists where the fields are tuples, codes as
strings where the converters accept them) and a configuration, and holds lines that must
be rejected. It is checked here as a separate program, with no configuration of the
repository's, the way a user's project would check it.
"""

from __future__ import annotations

import datetime
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import psed
import psed.law

from . import user_program

PROGRAM = Path(__file__).with_name("user_program.py")


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec("mypy") is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("mypy must be installed in CI (the test extra)")
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    (tmp_path / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    program = tmp_path / "user_program.py"
    program.write_text(source, encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--warn-unused-ignores",
            "--config-file",
            str(tmp_path / "mypy.ini"),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--no-error-summary",
            program.name,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_a_program_building_every_class_passes_mypy_strict(tmp_path: Path) -> None:
    result = _mypy(tmp_path, PROGRAM.read_text(encoding="utf-8"))
    # An unneeded "type: ignore" is an error under --strict: a constructor that took
    # anything (a converter typed Any) fails here on the mistakes() lines.
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_the_mistakes_are_errors_without_their_ignores(tmp_path: Path) -> None:
    source = PROGRAM.read_text(encoding="utf-8")
    lines = source.splitlines()
    marked = [n for n, line in enumerate(lines, 1) if "  # type: ignore[" in line]
    bare = "\n".join(line.split("  # type: ignore[")[0] for line in lines) + "\n"
    result = _mypy(tmp_path, bare)
    assert result.returncode == 1
    errors = {int(line.split(":")[1]) for line in result.stdout.splitlines() if ": error:" in line}
    assert len(marked) >= 7
    assert errors == set(marked), result.stdout


def test_the_program_builds_a_document_that_reads_back() -> None:
    proposal = user_program.build()
    # Lists became tuples, codes became members, and the document round-trips (a local
    # characteristic's legal basis and aims are Python-only, not part of the format).
    assert proposal.impacts[0].mitigations[0].owner == "Library manager"
    assert isinstance(proposal.evidence, tuple)
    assert isinstance(proposal.intersections[0].characteristics, tuple)
    assert proposal.characteristics[0].aims == {psed.Aim.ADVANCE, psed.Aim.FOSTER}
    again = psed.loads(psed.dumps(proposal))
    assert attrs.evolve(again, characteristics=proposal.characteristics) == proposal
    config = user_program.configure()
    assert config.severity == (("PSED2", psed.Severity.WARNING),)
    assert config.frameworks[0].required == ("age", "disability")
    (scheme,) = config.duties
    assert scheme.until == datetime.date(2028, 3, 31)
    assert scheme.sections == ((psed.law.Jurisdiction.ENGLAND, "para 2"),)
    assert scheme.also[0].since == datetime.date(2011, 4, 5)


def test_the_program_builds_every_class_of_the_model() -> None:
    import psed.model

    source = PROGRAM.read_text(encoding="utf-8")
    classes = [
        name
        for name in psed.model.__all__
        if attrs.has(getattr(psed.model, name)) and name in psed.__all__
    ]
    assert "Proposal" in classes
    assert "ImpactEntry" in classes
    assert [name for name in classes if f"psed.{name}(" not in source] == []
