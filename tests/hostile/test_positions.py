"""Every report format places findings from the one parse, in time linear in the file.

SARIF and GitHub annotations used to look up each finding's line by scanning the
mapping it is in again: 50,000 keys in one mapping took minutes. The line and column
of each finding now come from the parse that read the file, so a file with tens of
thousands of findings is placed exactly and at once (the per-test alarm in
``conftest.py`` turns a slow run into a failure).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from psed._batch import Job, check_file
from psed.output import RunInfo, render

AS_OF = dt.date(2026, 11, 26)
KEYS = 45_000


def _yaml() -> str:
    return "name: x\n" + "".join(f"k{i}: 0\n" for i in range(KEYS))


def _json() -> str:
    return '{"name": "x",\n' + ",\n".join(f' "k{i}": 0' for i in range(KEYS)) + "\n}\n"


def _where(pointer: str, fmt: str) -> tuple[int, int]:
    """Where the unknown key ``/k<i>`` is written in the file."""
    index = int(pointer.removeprefix("/k"))
    return (index + 2, 1) if fmt == "yaml" else (index + 2, 2)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_sarif_and_github_place_every_finding_of_a_wide_mapping(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"wide.{fmt}"
    path.write_text(_yaml() if fmt == "yaml" else _json(), "utf-8")
    result = check_file(str(path), Job(as_of=AS_OF)).result
    unknown = [f for f in result.report.findings if f.code == "PSED005"]
    assert len(unknown) >= 100
    for finding in unknown:
        assert (finding.line, finding.column) == _where(finding.pointer, fmt)
    run = RunInfo(version="test", as_of=AS_OF)

    sarif = json.loads(render([result], "sarif", run))["runs"][0]["results"]
    regions = [
        r["locations"][0]["physicalLocation"]["region"] for r in sarif if r["ruleId"] == "PSED005"
    ]
    assert len(regions) == len(unknown)
    for region, finding in zip(regions, unknown, strict=True):
        assert (region["startLine"], region["startColumn"]) == _where(finding.pointer, fmt)

    annotations = render([result], "github", run).splitlines()
    lines = [a for a in annotations if "title=PSED005" in a]
    assert len(lines) == len(unknown)
    for annotation, finding in zip(lines, unknown, strict=True):
        line, column = _where(finding.pointer, fmt)
        assert f",line={line},col={column}," in annotation


def test_a_finding_about_a_field_the_file_leaves_out_is_placed_at_its_parent(
    tmp_path: Path,
) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(
        "name: Library hours\nstatus: submitted\nimpacts:\n  - characteristic: age\n"
        "    impact: negative\n    details: Shorter opening hours for older readers.\n",
        "utf-8",
    )
    result = check_file(str(path), Job(as_of=AS_OF)).result
    by_pointer = {f.pointer: f for f in result.report.findings}
    # no mitigations are written: PSED201 points at the field, placed at its entry
    assert (
        by_pointer["/impacts/0/mitigations"].line,
        by_pointer["/impacts/0/mitigations"].column,
    ) == (4, 5)
    assert all(f.line is not None for f in result.report.findings)
