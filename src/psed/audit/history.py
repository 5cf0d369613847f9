"""The audit history: an SQLite database that keeps every recorded ``psed audit`` run.

``psed audit --db FILE`` (or ``psed.audit.audit(..., db=FILE)``) adds one run to the
database: the run itself, each document with a hash of its bytes, every finding, every
impact entry, every mitigating action and every link between assessments. The tables
are plain SQL so that a BI tool, a spreadsheet's data connection or ``sqlite3`` can
read them; :data:`TABLES` documents every column, and the "Audit an estate" guide
shows the SQL for common questions.

Guarantees:

- **Versioned.** ``PRAGMA user_version`` holds :data:`SCHEMA_VERSION` and ``PRAGMA
  application_id`` marks the file as psed's. Opening an older database migrates it,
  in one transaction, with the steps in :data:`MIGRATIONS`; a database from a newer
  psed, or an SQLite file that is not a psed history, is refused with a message.
- **Transactional.** A run is checked into a private working database and copied into
  the history in one transaction at the end, so a run that is killed (even with
  SIGKILL) leaves the history exactly as the previous run left it.
- **Concurrent.** The history uses SQLite's write-ahead log; two audits recording into
  one file at once both complete, one waiting for the other's short final write (up
  to :data:`BUSY_TIMEOUT` seconds).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import attrs

from psed._i18n import _

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "TABLES",
    "Column",
    "HistoryError",
    "columns",
    "create_tables",
    "history_tables",
    "open_history",
    "tables_reference",
]

SCHEMA_VERSION = 2
"""The version of the tables this psed writes (``PRAGMA user_version``): 2 added the
language of each run and finding and every finding's English message."""

APPLICATION_ID = 0x50534544
"""``PRAGMA application_id`` of a psed audit history ("PSED" in ASCII)."""

BUSY_TIMEOUT = 120.0
"""Seconds a run waits for another run's final write to the same history."""


class HistoryError(ValueError):
    """A history database that cannot be used; the message says why and what to do."""


@attrs.frozen
class Column:
    """One column of a history table: its name, SQL type and meaning."""

    name: str
    type: str
    doc: str
    history: bool = True
    """False for the columns only the working database of a run has (lookup keys)."""
    since: int = 1
    """The schema version that added the column (a later one comes last in its table)."""


def _c(name: str, type_: str, doc: str, *, history: bool = True, since: int = 1) -> Column:
    return Column(name, type_, doc, history, since)


TABLES: dict[str, tuple[Column, ...]] = {
    "runs": (
        _c("run_id", "INTEGER PRIMARY KEY", "The run's number, from 1, in the order recorded."),
        _c("started", "TEXT NOT NULL", "When the run started (UTC, ISO 8601)."),
        _c("finished", "TEXT NOT NULL", "When it was recorded (UTC, ISO 8601)."),
        _c("as_of", "TEXT NOT NULL", "The date the documents were judged on (YYYY-MM-DD)."),
        _c("status", "TEXT", "The `--status` every document was judged at, or NULL."),
        _c("fail_on", "TEXT NOT NULL", "The lowest severity that failed a document."),
        _c("psed_version", "TEXT NOT NULL", "The psed version that ran."),
        _c("paths", "TEXT NOT NULL", "The files and folders audited (a JSON array)."),
        _c("documents", "INTEGER NOT NULL", "Documents audited."),
        _c("unreadable", "INTEGER NOT NULL", "Documents that could not be read."),
        _c("failing", "INTEGER NOT NULL", "Documents with a failing finding."),
        _c("errors", "INTEGER NOT NULL", "Unwaived findings at error."),
        _c("warnings", "INTEGER NOT NULL", "Unwaived findings at warning."),
        _c("complete", "INTEGER NOT NULL", "Documents 100% complete."),
        _c(
            "lang",
            "TEXT NOT NULL DEFAULT 'en'",
            "The language the run gave its messages in: en (English) or cy (Welsh).",
            since=2,
        ),
    ),
    "documents": (
        _c("run_id", "INTEGER NOT NULL", "The run (`runs.run_id`)."),
        _c("doc", "INTEGER NOT NULL", "The document's position in the run, from 1."),
        _c(
            "path",
            "TEXT NOT NULL",
            "The path as given or found; a document's identity across runs.",
        ),
        _c("sha256", "TEXT", "SHA-256 of the file's bytes (hex); NULL when it could not be read."),
        _c("readable", "INTEGER NOT NULL", "1 when the file could be read as a document."),
        _c("id", "TEXT", "The document's `id`."),
        _c("id_key", "TEXT", "`id` compared ignoring case and spacing.", history=False),
        _c("name", "TEXT", "The document's `name`."),
        _c("organisation", "TEXT", "The document's `organisation`."),
        _c("directorate", "TEXT", "The document's `directorate`."),
        _c("programme", "TEXT", "The document's `programme`."),
        _c("programme_key", "TEXT", "`programme` compared ignoring case.", history=False),
        _c("level", "TEXT", "The document's `level` (screening, full, cumulative)."),
        _c("framework", "TEXT", "The framework the document names (psed if none)."),
        _c("framework_known", "INTEGER NOT NULL", "1 when psed knows that framework."),
        _c("status", "TEXT", "The document's own status; NULL when it is not a valid one."),
        _c("status_used", "TEXT", "The status the rules judged it at."),
        _c("ok", "INTEGER NOT NULL", "1 when no unwaived finding is at or above `fail_on`."),
        _c("errors", "INTEGER NOT NULL", "Unwaived findings at error."),
        _c("warnings", "INTEGER NOT NULL", "Unwaived findings at warning."),
        _c("info", "INTEGER NOT NULL", "Unwaived findings at info."),
        _c("waived", "INTEGER NOT NULL", "Waived findings."),
        _c("required", "INTEGER NOT NULL", "Characteristics the framework requires."),
        _c("assessed", "INTEGER NOT NULL", "Of those, how many are assessed with a reason."),
        _c("completeness", "REAL", "`assessed / required` (1.0 when none); NULL if unknown."),
        _c("not_assessed", "TEXT NOT NULL", "The required codes not assessed, space-separated."),
        _c("signoffs_expected", "TEXT NOT NULL", "Sign-offs the framework expects."),
        _c("signoffs_present", "TEXT NOT NULL", "Expected sign-offs that name someone."),
        _c("review_date", "TEXT", "The document's `review_date` (YYYY-MM-DD)."),
        _c("superseded", "INTEGER NOT NULL", "1 when another audited document supersedes it."),
        _c("adverse", "TEXT NOT NULL", "Characteristics with an adverse entry, space-separated."),
        _c("actions_overdue", "INTEGER NOT NULL", "Open mitigations past their due date."),
        _c("codes", "TEXT NOT NULL", "The codes of its unwaived findings, space-separated."),
    ),
    "findings": (
        _c("run_id", "INTEGER NOT NULL", "The run."),
        _c("doc", "INTEGER NOT NULL", "The document (`documents.doc` of the same run)."),
        _c("seq", "INTEGER NOT NULL", "The finding's position in the document's report."),
        _c("code", "TEXT NOT NULL", "The rule code, such as PSED201."),
        _c("name", "TEXT NOT NULL", "The rule's name."),
        _c("severity", "TEXT NOT NULL", "The effective severity: error, warning or info."),
        _c("default_severity", "TEXT NOT NULL", "The rule's own severity."),
        _c("pointer", "TEXT NOT NULL", "JSON Pointer to the place in the document."),
        _c("characteristic", "TEXT", "The characteristic code it concerns, if any."),
        _c("message", "TEXT NOT NULL", "The message."),
        _c("waived", "TEXT", "The waiver's reason when waived, else NULL."),
        _c("portfolio", "INTEGER NOT NULL", "1 for a finding only an audit reports (PSED7xx)."),
        _c("refs", "TEXT NOT NULL", "The citations it gives, one a line.", history=False),
        _c(
            "message_en",
            "TEXT NOT NULL DEFAULT ''",
            "The message in English (the same as `message` when `lang` is en): compare "
            "runs made in different languages by this column, or by code and pointer.",
            since=2,
        ),
        _c(
            "lang",
            "TEXT NOT NULL DEFAULT 'en'",
            "The language of `message`: en or cy (a plug-in's message is en).",
            since=2,
        ),
    ),
    "impacts": (
        _c("run_id", "INTEGER NOT NULL", "The run."),
        _c("doc", "INTEGER NOT NULL", "The document."),
        _c("entry", "INTEGER NOT NULL", "The entry's index in `impacts`, from 0."),
        _c("characteristic", "TEXT NOT NULL", "The characteristic code."),
        _c("label", "TEXT NOT NULL", "The characteristic's label."),
        _c("grp", "TEXT", "The entry's `group`, if any."),
        _c(
            "impact",
            "TEXT NOT NULL",
            "positive, negative, mixed, neutral, not_applicable, unknown.",
        ),
    ),
    "actions": (
        _c("run_id", "INTEGER NOT NULL", "The run."),
        _c("doc", "INTEGER NOT NULL", "The document."),
        _c("entry", "INTEGER NOT NULL", "The impact entry's index, from 0."),
        _c("mitigation", "INTEGER NOT NULL", "The mitigation's index in the entry, from 0."),
        _c("characteristic", "TEXT NOT NULL", "The characteristic code of the entry."),
        _c("action", "TEXT NOT NULL", "The action text."),
        _c(
            "key",
            "TEXT NOT NULL",
            "The action compared ignoring case and punctuation.",
            history=False,
        ),
        _c("owner", "TEXT", "Its owner."),
        _c("due", "TEXT", "Its due date (YYYY-MM-DD)."),
        _c("status", "TEXT NOT NULL", "planned, in_progress, done or dropped."),
    ),
    "related": (
        _c("run_id", "INTEGER NOT NULL", "The run."),
        _c("doc", "INTEGER NOT NULL", "The document that links."),
        _c("entry", "INTEGER NOT NULL", "The link's index in `related`, from 0."),
        _c("target", "TEXT NOT NULL", "The `id` it names."),
        _c("target_key", "TEXT", "`target` compared ignoring case and spacing.", history=False),
        _c("relation", "TEXT", "supersedes, part_of or see_also."),
    ),
    "citations": (
        _c("run_id", "INTEGER NOT NULL", "The run.", history=False),
        _c("doc", "INTEGER NOT NULL", "The document.", history=False),
        _c("code", "TEXT NOT NULL", "A portfolio rule code.", history=False),
        _c("characteristic", "TEXT NOT NULL", "The characteristic, or ''.", history=False),
        _c("refs", "TEXT NOT NULL", "What its finding cites there, one a line.", history=False),
    ),
}
"""Every table and column of the history (schema version 1), and the working columns
and tables of a run (``history=False``: the ``citations`` table is the working one only)."""

_KEYS: dict[str, str] = {
    "documents": "run_id, doc",
    "findings": "run_id, doc, seq",
    "impacts": "run_id, doc, entry",
    "actions": "run_id, doc, entry, mitigation",
    "related": "run_id, doc, entry",
    "citations": "run_id, doc, code, characteristic",
}


def history_tables() -> tuple[str, ...]:
    """The tables of a history (a run's working database has one more, ``citations``)."""
    return tuple(t for t, cols in TABLES.items() if any(c.history for c in cols))


def columns(table: str, *, history: bool = True) -> tuple[str, ...]:
    """The column names of a table, in order (``history=False``: the working columns too)."""
    return tuple(c.name for c in TABLES[table] if c.history or not history)


def create_tables(
    db: sqlite3.Connection, schema: str, *, history: bool, version: int = SCHEMA_VERSION
) -> None:
    """Create every table in ``schema`` (``main`` for a history, ``work`` for a run), with
    the columns of schema ``version``."""
    for table, cols in TABLES.items():
        if (table == "runs" and not history) or (history and table not in history_tables()):
            continue
        defs = [
            f"{c.name} {c.type}" for c in cols if (c.history or not history) and c.since <= version
        ]
        if table in _KEYS:
            defs.append(f"PRIMARY KEY ({_KEYS[table]})")
        db.execute(f"CREATE TABLE {schema}.{table} ({', '.join(defs)})")
    if history:
        db.execute(f"CREATE INDEX {schema}.runs_as_of ON runs (as_of)")


def _to_v1(db: sqlite3.Connection) -> None:
    create_tables(db, "main", history=True, version=1)


def _to_v2(db: sqlite3.Connection) -> None:
    """The language of each run and finding, and each finding's English message.

    A run recorded before psed kept its language is taken to have been in English: its
    messages become their own English message.
    """
    for table in history_tables():
        for column in TABLES[table]:
            if column.history and column.since == 2:
                db.execute(f"ALTER TABLE main.{table} ADD COLUMN {column.name} {column.type}")
    db.execute("UPDATE main.findings SET message_en = message")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2)
"""``MIGRATIONS[n]`` takes a history from schema version ``n`` to ``n + 1``."""


def _user_tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [str(row[0]) for row in rows]


def open_history(path: str) -> sqlite3.Connection:
    """Open (creating or migrating) the history at ``path``; raises :class:`HistoryError`.

    The connection is in autocommit mode (``isolation_level=None``): callers write in
    explicit ``BEGIN IMMEDIATE`` ... ``COMMIT`` transactions.
    """
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    except sqlite3.Error as exc:
        raise HistoryError(
            _(
                "{path}: cannot open the database ({problem}); check the path",
                path=path,
                problem=str(exc),
            )
        ) from None
    try:
        _prepare(db, path)
    except BaseException:
        db.close()
        raise
    return db


def _prepare(db: sqlite3.Connection, path: str) -> None:
    try:
        db.execute("PRAGMA journal_mode = WAL")
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        app = int(db.execute("PRAGMA application_id").fetchone()[0])
        if (app != APPLICATION_ID and _user_tables(db)) or (app not in (0, APPLICATION_ID)):
            raise HistoryError(
                _(
                    "{path} is an SQLite database but not a psed audit history; give a new "
                    "file name for --db, or the history an earlier audit wrote",
                    path=path,
                )
            )
        if version > SCHEMA_VERSION:
            raise HistoryError(
                _(
                    "{path} was written by a newer psed (history schema {version}; this psed "
                    "reads up to {latest}); upgrade psed to record into it",
                    path=path,
                    version=version,
                    latest=SCHEMA_VERSION,
                )
            )
        if version < SCHEMA_VERSION:
            _migrate(db)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise HistoryError(
                _(
                    "{path} is not an SQLite database ({problem}); give a new file name for "
                    "--db, or the history an earlier audit wrote",
                    path=path,
                    problem=str(exc),
                )
            ) from None
        raise HistoryError(
            _("{path}: {problem}; check the file and try again", path=path, problem=str(exc))
        ) from None


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the history to :data:`SCHEMA_VERSION`, one step at a time, in one transaction."""
    db.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another audit may have migrated it meanwhile.
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        for step in MIGRATIONS[version:SCHEMA_VERSION]:
            step(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


_TABLE_DOCS = {
    "runs": "One row per recorded run.",
    "documents": "One row per document of each run.",
    "findings": "Every finding of every document, portfolio findings included.",
    "impacts": "Every impact entry.",
    "actions": "Every mitigating action.",
    "related": "Every link to another assessment.",
}


def tables_reference() -> str:
    """The history's tables and columns as Markdown (the audit guide shows it)."""
    out = []
    for table in history_tables():
        out += [f"#### `{table}`", "", _TABLE_DOCS[table], ""]
        out += ["| column | type | meaning |", "|---|---|---|"]
        for column in TABLES[table]:
            if column.history:
                kind = column.type.replace(" PRIMARY KEY", "").replace(" NOT NULL", "")
                doc = column.doc.replace("|", "\\|")
                out.append(f"| `{column.name}` | {kind} | {doc} |")
        out.append("")
    keys = ", ".join(f"`{t}` ({_KEYS[t]})" for t in history_tables() if t in _KEYS)
    out.append(f"Keys: `runs` (run_id), {keys}.")
    return "\n".join(out) + "\n"
