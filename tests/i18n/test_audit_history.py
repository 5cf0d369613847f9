"""The audit history keeps each run's language and each finding's English message."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

import psed.audit
from psed.audit import history
from psed.cli import main

from .json_findings import findings_in

ROOT = Path(__file__).resolve().parents[2]
WALES = ROOT / "examples" / "library-service-review-wales.yaml"
AS_OF = dt.date(2026, 11, 26)


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(WALES, folder / "a.yaml")
    shutil.copy(WALES, folder / "b.yaml")  # the same id twice: a portfolio finding too
    return folder


def test_a_welsh_run_records_its_language_and_the_english_messages(tmp_path: Path) -> None:
    folder, db = _folder(tmp_path), tmp_path / "history.sqlite"
    psed.audit.audit(str(folder), as_of=AS_OF, db=str(db))
    psed.audit.audit(str(folder), as_of=AS_OF, db=str(db), lang="cy")
    assert _rows(db, "SELECT run_id, lang FROM runs ORDER BY run_id") == [(1, "en"), (2, "cy")]
    english = _rows(
        db,
        "SELECT doc, seq, code, pointer, message, message_en, lang FROM findings "
        "WHERE run_id = 1 ORDER BY doc, seq",
    )
    welsh = _rows(
        db,
        "SELECT doc, seq, code, pointer, message, message_en, lang FROM findings "
        "WHERE run_id = 2 ORDER BY doc, seq",
    )
    assert english
    assert len(english) == len(welsh)
    assert any(row[2] == "PSED702" for row in welsh)
    for en, cy in zip(english, welsh, strict=True):
        assert en[:4] == cy[:4]  # the same finding, at the same place
        assert en[4] == en[5]
        assert en[6] == "en"
        assert cy[5] == en[4]  # the Welsh run keeps the English message
        assert cy[4] != cy[5]
        assert cy[6] == "cy"


def test_a_baseline_across_languages_compares_codes_and_places(tmp_path: Path) -> None:
    folder, db = _folder(tmp_path), tmp_path / "history.sqlite"
    psed.audit.audit(str(folder), as_of=AS_OF, db=str(db))
    result = psed.audit.audit(str(folder), as_of=AS_OF, db=str(db), lang="cy", baseline=True)
    assert result.baseline is not None
    assert (result.baseline.new, result.baseline.resolved) == ((), ())


def test_what_a_welsh_run_found_reads_in_english_in_an_english_baseline(tmp_path: Path) -> None:
    folder, db = _folder(tmp_path), tmp_path / "history.sqlite"
    welsh = psed.audit.audit(str(folder), as_of=AS_OF, db=str(db), lang="cy")
    (folder / "b.yaml").unlink()  # its findings, and the duplicate id, are resolved
    result = psed.audit.audit(str(folder), as_of=AS_OF, db=str(db), baseline=True)
    assert result.baseline is not None
    resolved = [b.finding for b in result.baseline.resolved]
    assert resolved
    assert "PSED702" in {f.code for f in resolved}
    english = {row[0] for row in _rows(db, "SELECT message_en FROM findings WHERE run_id = 1")}
    welsh_messages = {row[0] for row in _rows(db, "SELECT message FROM findings WHERE run_id = 1")}
    for finding in resolved:
        assert finding.lang == "en"
        assert finding.message_en is None
        assert finding.message in english
        assert finding.message not in welsh_messages
    assert welsh.run_id == 1


def test_psed_audit_in_welsh_gives_message_en_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PSED_LANG", raising=False)
    folder = _folder(tmp_path)
    args = ["audit", str(folder), "--as-of", "2026-11-26", "--format", "json"]
    main([*args, "--lang", "cy", "--db", str(tmp_path / "h.sqlite")])
    found = findings_in(json.loads(capsys.readouterr().out))
    assert found
    for finding in found:
        assert isinstance(finding.get("message_en"), str), finding
        assert finding["message"] != finding["message_en"], finding


def test_a_history_of_schema_1_gains_the_language_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as connection:
        history.create_tables(connection, "main", history=True, version=1)
        connection.execute(f"PRAGMA application_id = {history.APPLICATION_ID}")
        connection.execute("PRAGMA user_version = 1")
        assert "lang" not in [r[1] for r in connection.execute("PRAGMA table_info(runs)")]
    folder = _folder(tmp_path)
    psed.audit.audit(str(folder), as_of=AS_OF, db=str(db))
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == history.SCHEMA_VERSION
        for table in history.history_tables():
            found = [r[1] for r in connection.execute(f"PRAGMA table_info({table})")]
            assert found == list(history.columns(table)), table
    assert _rows(db, "SELECT count(*) FROM findings WHERE message_en = message") == _rows(
        db, "SELECT count(*) FROM findings"
    )


def test_migrating_takes_a_recorded_finding_to_be_english(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as connection:
        history.create_tables(connection, "main", history=True, version=1)
        connection.execute(
            "INSERT INTO findings VALUES (1, 1, 0, 'PSED101', 'x', 'error', 'error', '', NULL, "
            "'The proposal has no description.', NULL, 0)"
        )
        connection.execute(f"PRAGMA application_id = {history.APPLICATION_ID}")
        connection.execute("PRAGMA user_version = 1")
    history.open_history(str(db)).close()
    assert _rows(db, "SELECT message_en, lang FROM findings") == [
        ("The proposal has no description.", "en")
    ]


def test_an_unusable_history_is_told_in_welsh(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PSED_LANG", raising=False)
    folder = _folder(tmp_path)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE customers (name TEXT)")
    args = ["audit", str(folder), "--as-of", "2026-11-26", "--db", str(other)]
    assert main([*args, "--lang", "cy"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"psed audit: gwall: --db: mae {other} yn gronfa ddata SQLite ond nid yn hanes "
        "archwilio psed; rhowch enw ffeil newydd i --db, neu'r hanes a ysgrifennodd "
        "archwiliad cynharach\n"
    )
    assert main(args) == 2
    assert "is an SQLite database but not a psed audit history" in capsys.readouterr().err
