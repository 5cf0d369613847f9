"""``psed audit`` on the command line: the exit status follows --fail-on, tables have headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from psed import cli

from .conftest import AS_OF, EXAMPLES

GARDEN = str(EXAMPLES / "garden-waste-charge.yaml")  # nothing to report
WALES = str(EXAMPLES / "library-service-review-wales.yaml")  # warnings only
SEED = str(EXAMPLES / "customer-access-strategy.yaml")  # errors


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("paths", "fail_on", "expected"),
    [
        ([GARDEN], None, 0),
        ([GARDEN], "info", 0),
        ([WALES], None, 0),
        ([WALES], "error", 0),
        ([WALES], "warning", 1),
        ([SEED], None, 1),
        ([GARDEN, SEED], "error", 1),
    ],
)
def test_exit_status_follows_fail_on_as_in_check(
    capsys: pytest.CaptureFixture[str], paths: list[str], fail_on: str | None, expected: int
) -> None:
    option = [] if fail_on is None else ["--fail-on", fail_on]
    audit, _, _ = run(capsys, "audit", *paths, "--as-of", AS_OF, *option)
    check, _, _ = run(capsys, "check", *paths, "--as-of", AS_OF, *option)
    assert audit == check == expected


def test_text_tables_have_column_headers_and_rule_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "audit", str(EXAMPLES), "--as-of", AS_OF)
    lines = out.splitlines()
    assert lines[0].split() == [
        "errors",
        "warns",
        "complete",
        "signed",
        "review",
        "status",
        "framework",
        "path",
    ]
    rules = lines.index("Findings by rule:")
    assert lines[rules + 1].split() == ["code", "name", "documents", "findings"]
    assert lines[rules + 2].split()[:2] == ["PSED203", "mitigation-without-due-date"]
    gaps = lines.index("Required characteristics not assessed with a reason:")
    assert lines[gaps + 1].split() == ["characteristic", "documents"]


def test_unknown_framework_and_status_are_marked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "x.yaml").write_text("name: Parks\nframework: eisa\nstatus: finalised\n")
    code, out, _ = run(capsys, "audit", str(tmp_path), "--as-of", AS_OF)
    assert code == 1  # PSED004 and PSED007 are errors
    row = out.splitlines()[1].split()
    assert row[2:7] == ["-", "?", "-", "?", "eisa?"]


def test_a_folder_with_no_assessment_is_an_error_and_records_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not an assessment\n", encoding="utf-8")
    db = tmp_path / "audit.sqlite"
    code, out, err = run(capsys, "audit", str(empty), "--db", str(db))
    assert (code, out) == (2, "")
    assert err.startswith(f"psed audit: error: no assessment found in {empty}")
    import sqlite3

    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM runs").fetchone() == (0,)
