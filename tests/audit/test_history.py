"""The SQLite history: versioned schema, baseline, trends, SIGKILL and concurrent runs."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

import psed
import psed.audit
from psed.audit import history
from psed.audit.history import HistoryError

from .conftest import EXAMPLES, psed_command

AS_OF = dt.date(2026, 11, 26)


def _tables(db: Path) -> dict[str, list[str]]:
    with sqlite3.connect(db) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            name: [row[1] for row in connection.execute(f"PRAGMA table_info({name})")]
            for name in names
        }


def _scalar(db: Path, sql: str) -> object:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchone()[0]


def _copy_examples(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for example in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(example, folder / example.name)
    return folder


def test_a_new_history_has_the_documented_schema(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    result = psed.audit.audit(str(EXAMPLES), as_of=AS_OF, db=str(db))
    assert result.run_id == 1
    assert _scalar(db, "PRAGMA user_version") == history.SCHEMA_VERSION
    assert _scalar(db, "PRAGMA application_id") == history.APPLICATION_ID
    assert _scalar(db, "PRAGMA journal_mode") == "wal"
    expected = {table: list(history.columns(table)) for table in history.history_tables()}
    assert _tables(db) == expected
    assert _scalar(db, "SELECT count(*) FROM documents") == len(list(EXAMPLES.glob("*.yaml")))
    assert _scalar(db, "SELECT count(*) FROM findings") == sum(
        r.errors + r.warnings + r.info + r.waived for r in result.rows
    )
    assert _scalar(db, "SELECT as_of FROM runs") == "2026-11-26"


def test_runs_accumulate_and_documents_keep_their_hash(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    folder = _copy_examples(tmp_path / "docs")
    first = psed.audit.audit(str(folder), as_of=AS_OF, db=str(db))
    garden = folder / "garden-waste-charge.yaml"
    garden.write_text(garden.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    second = psed.audit.audit(str(folder), as_of=AS_OF, db=str(db))
    assert (first.run_id, second.run_id) == (1, 2)
    with sqlite3.connect(db) as connection:
        changed = connection.execute(
            "SELECT a.path FROM documents AS a JOIN documents AS b ON a.path = b.path "
            "WHERE a.run_id = 1 AND b.run_id = 2 AND a.sha256 != b.sha256"
        ).fetchall()
    assert changed == [(str(garden),)]


def test_a_history_from_a_newer_psed_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    psed.audit.audit(str(EXAMPLES), as_of=AS_OF, db=str(db))
    with sqlite3.connect(db) as connection:
        connection.execute(f"PRAGMA user_version = {history.SCHEMA_VERSION + 1}")
    with pytest.raises(HistoryError, match="newer psed"):
        psed.audit.audit(str(EXAMPLES), as_of=AS_OF, db=str(db))


def test_other_files_are_refused_with_a_message(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE customers (name TEXT)")
    with pytest.raises(HistoryError, match="not a psed audit history"):
        psed.audit.audit(str(EXAMPLES), as_of=AS_OF, db=str(other))
    assert _tables(other) == {"customers": ["name"]}  # left alone
    text = tmp_path / "notes.txt"
    text.write_text("These are my notes, not a database.\n" * 50, encoding="utf-8")
    with pytest.raises(HistoryError, match="not an SQLite database"):
        psed.audit.audit(str(EXAMPLES), as_of=AS_OF, db=str(text))
    assert text.read_text(encoding="utf-8").startswith("These are my notes")


def test_the_command_reports_an_unusable_history_in_one_line(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100, encoding="utf-8")
    done = subprocess.run(
        [psed_command(), "audit", str(EXAMPLES), "--db", str(text)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("psed audit: error: --db: ")
    assert "not an SQLite database" in done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_an_empty_file_is_migrated_from_version_zero(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    db.touch()
    psed.audit.audit(str(EXAMPLES), as_of=AS_OF, db=str(db))
    assert _scalar(db, "PRAGMA user_version") == history.SCHEMA_VERSION
    assert len(history.MIGRATIONS) == history.SCHEMA_VERSION


def _keys(folder: Path) -> Counter[tuple[str, str, str, str]]:
    """Every unwaived finding of every document, checked one by one (the oracle)."""
    keys: Counter[tuple[str, str, str, str]] = Counter()
    for path in sorted(folder.glob("*.yaml")):
        report = psed.validate(path.read_bytes(), as_of=AS_OF)
        keys.update(
            (str(path), f.code, f.pointer, f.characteristic or "")
            for f in report.findings
            if f.waived is None
        )
    return keys


def _baseline_keys(items: tuple[psed.audit.BaselineFinding, ...]) -> Counter[tuple[str, ...]]:
    return Counter(
        (b.path, b.finding.code, b.finding.pointer, b.finding.characteristic or "") for b in items
    )


def test_the_baseline_is_exactly_what_was_added_and_removed(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    folder = _copy_examples(tmp_path / "docs")
    # the oracle checks documents one by one, so it knows no portfolio findings
    own = psed.Config(ignore=("PSED7",))
    first = psed.audit.audit(str(folder), as_of=AS_OF, db=str(db), baseline=True, config=own)
    assert first.baseline is not None
    assert first.baseline.previous_run is None
    assert _baseline_keys(first.baseline.new) == _keys(folder)  # the first run: all new
    before = _keys(folder)
    # Fix one thing, break two, remove one document and add another.
    wales = folder / "library-service-review-wales.yaml"
    wales.write_text(
        wales.read_text(encoding="utf-8").replace("review_date: 2027-12-10", ""),
        encoding="utf-8",
    )
    garden = folder / "garden-waste-charge.yaml"
    text = garden.read_text(encoding="utf-8")
    garden.write_text(text.replace("owner: ", "owner_was: ", 1), encoding="utf-8")
    (folder / "leisure-pricing-ni-s75.yaml").unlink()
    copy = (EXAMPLES / "customer-access-strategy.yaml").read_text(encoding="utf-8")
    (folder / "customer-access-copy.yaml").write_text(
        copy.replace("id: SCC-ESIA-CAS-2022", "id: SCC-ESIA-CAS-2026"), encoding="utf-8"
    )
    after = _keys(folder)
    second = psed.audit.audit(str(folder), as_of=AS_OF, db=str(db), baseline=True, config=own)
    assert second.baseline is not None
    assert second.baseline.previous_run == 1
    assert second.baseline.previous_as_of == AS_OF
    new, resolved = after - before, before - after
    assert new
    assert resolved
    assert _baseline_keys(second.baseline.new) == new
    assert _baseline_keys(second.baseline.resolved) == resolved
    # and a third run over the same folder changes nothing
    third = psed.audit.audit(str(folder), as_of=AS_OF, db=str(db), baseline=True, config=own)
    assert third.baseline is not None
    assert (third.baseline.new, third.baseline.resolved) == ((), ())


def test_baseline_needs_a_history(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="give db"):
        psed.audit.audit(str(EXAMPLES), as_of=AS_OF, baseline=True)
    done = subprocess.run(
        [psed_command(), "audit", str(EXAMPLES), "--baseline"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "--baseline compares with the history: give --db FILE" in done.stderr


def test_trends_by_month_use_the_last_run_of_each_month(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    folder = _copy_examples(tmp_path / "docs")
    psed.audit.audit(str(folder), as_of=dt.date(2026, 9, 1), db=str(db))
    (folder / "garden-waste-charge.yaml").unlink()
    psed.audit.audit(str(folder), as_of=dt.date(2026, 9, 30), db=str(db))
    result = psed.audit.audit(str(folder), as_of=dt.date(2026, 10, 15), db=str(db))
    left = len(list(folder.glob("*.yaml")))

    def by_month(trends: tuple[psed.audit.TrendPoint, ...]) -> dict[str, int]:
        months: dict[str, int] = {}
        for point in trends:  # a point for each directorate
            months[point.month] = months.get(point.month, 0) + point.documents
        return months

    # September's last run is the one without the garden waste document
    assert by_month(result.trends) == {"2026-09": left, "2026-10": left}
    without = psed.audit.audit(str(folder), as_of=AS_OF)
    assert by_month(without.trends) == {"2026-11": left}


# --------------------------------------------------------------------------- crash safety


def _estate(folder: Path, copies: int) -> Path:
    folder.mkdir()
    sources = sorted(EXAMPLES.glob("*.yaml"))
    for index in range(copies):
        source = sources[index % len(sources)]
        text = source.read_text(encoding="utf-8")
        (folder / f"doc-{index:05d}.yaml").write_text(
            text.replace("\nid: ", f"\nid: N{index}-", 1), encoding="utf-8"
        )
    return folder


def _runs(db: Path) -> list[tuple[int, int]]:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return connection.execute(
            "SELECT r.run_id, (SELECT count(*) FROM documents AS d WHERE d.run_id = r.run_id) "
            "FROM runs AS r ORDER BY r.run_id"
        ).fetchall()


@pytest.mark.slow
def test_a_run_killed_half_way_leaves_the_previous_run_intact(tmp_path: Path) -> None:
    folder = _estate(tmp_path / "estate", 1500)
    db = tmp_path / "audit.sqlite"
    first = subprocess.run(
        [psed_command(), "audit", str(folder), "--db", str(db), "--format", "csv"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert first.returncode == 1, first.stderr
    with sqlite3.connect(db) as connection:
        before = connection.execute(
            "SELECT count(*), sum(errors), group_concat(sha256) FROM documents"
        ).fetchone()
    assert _runs(db) == [(1, 1500)]
    # Kill later runs at several points, from reading the files to writing the history.
    killed = 0
    for delay in (0.3, 0.8, 1.5, 2.5, 3.5):
        process = subprocess.Popen(
            [psed_command(), "audit", str(folder), "--db", str(db), "--format", "csv"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        process.wait(timeout=60)
        runs = _runs(db)
        assert runs[0] == (1, 1500)
        assert all(count == 1500 for _, count in runs)  # never half a run
        with sqlite3.connect(db) as connection:
            now = connection.execute(
                "SELECT count(*), sum(errors), group_concat(sha256) FROM documents WHERE run_id = 1"
            ).fetchone()
        assert now == before
    assert killed >= 3  # most of the runs were really killed half-way


@pytest.mark.slow
def test_two_runs_at_once_both_complete_without_corruption(tmp_path: Path) -> None:
    folder = _estate(tmp_path / "estate", 600)
    db = tmp_path / "audit.sqlite"
    command = [psed_command(), "audit", str(folder), "--db", str(db), "--format", "json"]
    processes = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 1, err  # the examples have errors; 2 would be a failure
    assert _runs(db) == [(1, 600), (2, 600)]
    with sqlite3.connect(db) as connection:
        counts = connection.execute(
            "SELECT run_id, count(*) FROM findings GROUP BY run_id ORDER BY run_id"
        ).fetchall()
    assert counts[0][1] == counts[1][1] > 0
