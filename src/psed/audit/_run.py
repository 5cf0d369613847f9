"""One audit run: check every document into a working database, add the portfolio
findings, record the run, and read the views back.

The working database is a private temporary SQLite database (attached as ``work``):
SQLite keeps it in memory while it is small and spills it to an unnamed temporary
file, deleted when the run ends, when it is not. So the memory of a run does not grow
with the number of documents, and the views are SQL over the same tables as the
history. The history (``main``) is the ``--db`` file, or else a second private
temporary database, so that a run with and without ``--db`` does the same work.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import heapq
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from types import TracebackType
from typing import Any

import attrs

from psed._batch import Job, Outcome, run_map
from psed._files import Finder
from psed._i18n import C_, DEFAULT_LANG, _
from psed._reading.limits import DEFAULT_LIMITS
from psed.audit import history
from psed.audit._portfolio import Hit, document_findings, mark_superseded, portfolio_hits
from psed.audit._row import AuditRow, AuditTotals, DocumentData, document_data, finding_values
from psed.audit.estate import Estate, TrendPoint, estate_views, trends
from psed.catalogue import Catalogue
from psed.config import Config
from psed.findings import Finding, Severity, translate
from psed.model import Status
from psed.rules._registry import lookup

__all__ = ["AuditRun", "Baseline", "BaselineFinding", "RunOptions"]

_BATCH = 256
"""Documents inserted into the working tables at a time."""

_STRUCTURAL = tuple(f"PSED00{n}" for n in range(1, 8))

_COUNTS = ("documents", "unreadable", "failing", "errors", "warnings", "complete")
"""The run's counters, in the order of the history's ``runs`` columns and of totals()'s query."""


@attrs.frozen(kw_only=True)
class RunOptions:
    """How a run judges the estate, besides the rules' own options."""

    due_within: int = 90
    """Days ahead in which a review counts as due."""
    min_cumulative: int = 3
    """Proposals of one programme adverse for one characteristic before PSED701 fires."""
    db: str | None = None
    """The history file to record the run into, or None."""
    baseline: bool = False
    """Compare with the previous recorded run (needs ``db``)."""


@attrs.frozen(kw_only=True)
class BaselineFinding:
    """A finding that is new since the previous run, or resolved since it."""

    path: str
    finding: Finding

    def to_dict(self) -> dict[str, Any]:
        """The finding in the JSON audit, with its document's path."""
        return {"path": self.path, **self.finding.to_dict()}


@attrs.frozen(kw_only=True)
class Baseline:
    """What changed since the previous run recorded in the history."""

    previous_run: int | None
    """The previous run's ``run_id``; None when this is the first run recorded."""
    previous_as_of: _dt.date | None
    new: tuple[BaselineFinding, ...]
    """Unwaived findings of this run that the previous run did not have."""
    resolved: tuple[BaselineFinding, ...]
    """Unwaived findings of the previous run that this run does not have."""

    def to_dict(self) -> dict[str, Any]:
        """The ``baseline`` object of the JSON audit."""
        return {
            "previous_run": self.previous_run,
            "previous_as_of": None
            if self.previous_as_of is None
            else self.previous_as_of.isoformat(),
            "new": [f.to_dict() for f in self.new],
            "resolved": [f.to_dict() for f in self.resolved],
        }


@attrs.frozen
class _AuditStep:
    """Works out one checked file's :class:`DocumentData` where it was checked.

    Picklable, so that a pool of workers sends back only plain tuples.
    """

    config: Config | None
    stdin: bytes | None
    max_bytes: int

    def __call__(self, outcome: Outcome) -> DocumentData:
        catalogue: Catalogue | None = None if self.config is None else self.config.catalogue()
        return document_data(outcome, catalogue, stdin=self.stdin, max_bytes=self.max_bytes)


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _insert_sql(table: str, *, schema: str = "work") -> str:
    cols = history.columns(table, history=schema == "main")
    return f"INSERT INTO {schema}.{table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def _finding(record: Sequence[Any], lang: str | None = None) -> Finding:
    """A Finding from a ``findings`` record of the :data:`_FINDING_COLUMNS`.

    With ``lang``, a finding recorded in Welsh by a run in another language is given in
    English when ``lang`` is English (its English message is kept); one recorded in
    English stays English, since the history keeps no other wording of it.
    """
    (code, name, severity, default, pointer, characteristic, message, english, said, waived) = (
        record[:-1]
    )
    if lang == DEFAULT_LANG and said != DEFAULT_LANG:
        message, said = english, DEFAULT_LANG
    return Finding(
        code=code,
        name=name,
        severity=Severity(severity),
        default_severity=Severity(default),
        message=message,
        pointer=pointer,
        characteristic=characteristic,
        references=_references(code, record[-1]),
        waived=waived,
        lang=said,
        message_en=None if said == DEFAULT_LANG else english,
    )


def _references(code: str, refs: str | None) -> tuple[str, ...]:
    """The citations stored with a finding, or its rule's own when none were (history)."""
    if refs is not None:
        return tuple(refs.split("\n")) if refs else ()
    rule = lookup(code)
    return () if rule is None else rule.references


_FINDING_COLUMNS = (
    "code, name, severity, default_severity, pointer, characteristic, message, message_en, "
    "lang, waived, refs"
)
_QUALIFIED = ", ".join("f." + column.strip() for column in _FINDING_COLUMNS.split(","))
_MAIN_QUALIFIED = _QUALIFIED.removesuffix(", f.refs")
"""The history keeps no citations: a finding read back from it cites its rule's own."""


class AuditRun:
    """A run in progress or done: its working database and, after :meth:`run`, its views."""

    def __init__(
        self, paths: Sequence[str], job: Job, options: RunOptions, *, jobs: int = 1
    ) -> None:
        if options.baseline and options.db is None:
            raise ValueError("a baseline compares with the history: give db as well")
        self.paths = list(paths)
        self.job = attrs.evolve(job, proposal=True)
        self.options = options
        self.jobs = jobs
        self.config = job.config or Config()
        self.finder = Finder(self.paths, job.config)
        """The documents found (afterwards: where it looked, for a run that found none)."""
        self.run_id: int | None = None
        self.previous_run: int | None = None
        self.started = _now()
        main = options.db if options.db is not None else ""
        if options.db is not None:
            self.db = history.open_history(main)
        else:
            self.db = sqlite3.connect("", isolation_level=None)
            history.create_tables(self.db, "main", history=True)
        self.db.execute("ATTACH DATABASE '' AS work")
        self.db.execute("PRAGMA work.journal_mode = OFF")
        self.db.execute("PRAGMA work.synchronous = OFF")
        history.create_tables(self.db, "work", history=False)

    # ------------------------------------------------------------------ the run

    def __enter__(self) -> AuditRun:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the databases (the working one is deleted)."""
        self.db.close()

    def run(self) -> AuditRun:
        """Check every document, add the portfolio findings and record the run.

        A run that found no document is not recorded.
        """
        self._check()
        self._portfolio()
        (found,) = self.db.execute("SELECT count(*) FROM work.documents").fetchone()
        if found:
            self._record()
        return self

    def _check(self) -> None:
        limits = self.config.limits if self.job.config is not None else DEFAULT_LIMITS
        step = _AuditStep(self.job.config, self.job.stdin, limits.max_bytes)
        self._waivers: dict[int, Any] = {}
        batch: list[tuple[int, DocumentData]] = []
        db = self.db
        db.execute("BEGIN")
        outcomes = run_map(self.finder, self.job, step, jobs=self.jobs)
        with contextlib.closing(outcomes) as pieces:
            for doc, data in enumerate(pieces, start=1):
                batch.append((doc, data))
                if data.waivers is not None:
                    self._waivers[doc] = data.waivers
                if len(batch) >= _BATCH:
                    self._insert(batch)
                    batch = []
        self._insert(batch)
        db.execute("CREATE INDEX work.documents_doc ON documents (doc)")
        db.execute("CREATE INDEX work.findings_doc ON findings (doc, code)")
        db.execute("CREATE INDEX work.impacts_doc ON impacts (doc)")
        db.execute("CREATE INDEX work.documents_id ON documents (id_key)")
        db.execute("CREATE INDEX work.actions_key ON actions (doc, key)")
        db.execute("CREATE INDEX work.related_target ON related (target_key)")
        db.execute("CREATE INDEX work.citations_doc ON citations (doc)")
        db.execute("COMMIT")

    def _insert(self, batch: Iterable[tuple[int, DocumentData]]) -> None:
        documents, findings, impacts, actions, related, citations = [], [], [], [], [], []
        for doc, data in batch:
            documents.append((0, doc, *data.document))
            findings += [(0, doc, *values) for values in data.findings]
            impacts += [(0, doc, *values) for values in data.impacts]
            actions += [(0, doc, *values) for values in data.actions]
            related += [(0, doc, *values) for values in data.related]
            citations += [(0, doc, *values) for values in data.citations]
        db = self.db
        db.executemany(_insert_sql("documents"), documents)
        db.executemany(_insert_sql("findings"), findings)
        db.executemany(_insert_sql("impacts"), impacts)
        db.executemany(_insert_sql("actions"), actions)
        db.executemany(_insert_sql("related"), related)
        db.executemany(_insert_sql("citations"), citations)

    def _portfolio(self) -> None:
        """Add each document's portfolio findings, document by document.

        The hits arrive in document order; the findings are added to the working
        ``findings`` table, and each document's new counts gathered in a working table
        and applied at the end (the hits are read from queries over ``documents``,
        which must not change under them).
        """
        db = self.db
        db.execute("BEGIN")
        mark_superseded(db)
        db.execute(
            "CREATE TABLE work.added (doc INTEGER PRIMARY KEY, errors INTEGER, "
            "warnings INTEGER, info INTEGER, waived INTEGER, fails INTEGER, codes TEXT)"
        )
        hits = portfolio_hits(db, min_cumulative=self.options.min_cumulative)
        by_doc = ((doc, list(group)) for doc, group in groupby(hits, key=lambda h: h.doc))
        waiving: Iterator[tuple[int, list[Hit]]] = ((doc, []) for doc in sorted(self._waivers))
        for doc, group in groupby(
            heapq.merge(by_doc, waiving, key=lambda item: item[0]), key=lambda item: item[0]
        ):
            self._add_findings(doc, [hit for _, found in group for hit in found])
        column = "(SELECT a.{0} FROM work.added AS a WHERE a.doc = documents.doc)"
        db.execute(
            f"UPDATE work.documents SET errors = errors + {column.format('errors')}, "
            f"warnings = warnings + {column.format('warnings')}, "
            f"info = info + {column.format('info')}, "
            f"waived = waived + {column.format('waived')}, "
            f"ok = ok AND NOT {column.format('fails')}, codes = {column.format('codes')} "
            "WHERE doc IN (SELECT doc FROM work.added)"
        )
        db.execute("COMMIT")

    def _add_findings(self, doc: int, hits: list[Hit]) -> None:
        """One document's portfolio findings into the working tables."""
        db = self.db
        marks = ",".join("?" * len(_STRUCTURAL))
        (status, codes, seq) = db.execute(
            "SELECT status_used, codes, "
            "(SELECT coalesce(max(seq), -1) FROM work.findings WHERE doc = ?) "
            "FROM work.documents WHERE doc = ?",
            (doc, doc),
        ).fetchone()
        structural = {
            pointer
            for (pointer,) in db.execute(
                f"SELECT pointer FROM work.findings WHERE doc = ? AND code IN ({marks})",
                (doc, *_STRUCTURAL),
            )
        }
        citations = {
            (code, characteristic or None): tuple(refs.split("\n")) if refs else ()
            for code, characteristic, refs in db.execute(
                "SELECT code, characteristic, refs FROM work.citations WHERE doc = ?", (doc,)
            )
        }
        found = document_findings(
            hits,
            used=None if status is None else Status(status),
            structural=structural,
            config=self.config,
            as_of=self.job.as_of,
            waivers=self._waivers.get(doc),
            citations=citations,
        )
        if self.job.lang != DEFAULT_LANG:
            found = translate(found, self.job.lang)
        if not found:
            return
        db.executemany(
            _insert_sql("findings"),
            [
                (0, doc, *finding_values(seq + n, f, portfolio=True))
                for n, f in enumerate(found, start=1)
            ],
        )
        counts = {"error": 0, "warning": 0, "info": 0, "waived": 0}
        for f in found:
            counts["waived" if f.waived is not None else f.severity.value] += 1
        fails = any(f.fails(self.job.fail_on) for f in found)
        new_codes = sorted(set(codes.split()) | {f.code for f in found if f.waived is None})
        db.execute(
            "INSERT INTO work.added VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                doc,
                counts["error"],
                counts["warning"],
                counts["info"],
                counts["waived"],
                1 if fails else 0,
                " ".join(new_codes),
            ),
        )

    def _record(self) -> None:
        """Copy the run into the history in one transaction, and give it its number."""
        try:
            self._copy()
        except sqlite3.OperationalError as exc:
            where = self.options.db or C_("database", "the working database")
            if "locked" in str(exc) or "busy" in str(exc):
                seconds = round(history.BUSY_TIMEOUT)
                raise history.HistoryError(
                    _(
                        "{path}: another audit kept the history busy for {seconds} seconds; try "
                        "again when it has finished",
                        path=where,
                        seconds=seconds,
                    )
                ) from None
            raise history.HistoryError(
                _(
                    "{path}: the run could not be recorded ({problem}); the history is as the "
                    "previous run left it",
                    path=where,
                    problem=str(exc),
                )
            ) from None

    def _copy(self) -> None:
        db = self.db
        totals = self.totals()
        db.execute("BEGIN IMMEDIATE")
        try:
            (previous,) = db.execute("SELECT max(run_id) FROM main.runs").fetchone()
            cursor = db.execute(
                _insert_sql("runs", schema="main"),
                (
                    None,
                    self.started,
                    _now(),
                    self.job.as_of.isoformat(),
                    None if self.job.status is None else self.job.status.value,
                    self.job.fail_on.value,
                    _version(),
                    json.dumps(self.paths, ensure_ascii=False),
                    *(getattr(totals, name) for name in _COUNTS),
                    self.job.lang,
                ),
            )
            run_id = cursor.lastrowid
            for table in history.history_tables()[1:]:  # after runs
                cols = history.columns(table)[1:]
                db.execute(
                    f"INSERT INTO main.{table} (run_id, {', '.join(cols)}) "
                    f"SELECT ?, {', '.join(cols)} FROM work.{table}",
                    (run_id,),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self.run_id = run_id
        self.previous_run = previous

    # ------------------------------------------------------------------ the views

    def rows(self) -> Iterator[AuditRow]:
        """Every document's row, in audit order, with its portfolio findings.

        The documents and their portfolio findings are read side by side, both in
        document order, so only one document's are in memory at a time.
        """
        findings = self.db.execute(
            f"SELECT doc, {_FINDING_COLUMNS} FROM work.findings WHERE portfolio = 1 "
            "ORDER BY doc, seq"
        )
        pending = next(findings, None)
        cursor = self.db.execute("SELECT * FROM work.documents ORDER BY doc")
        names = [d[0] for d in cursor.description]
        for values in cursor:
            record = dict(zip(names, values, strict=True))
            own: list[Finding] = []
            while pending is not None and pending[0] == record["doc"]:
                own.append(_finding(pending[1:]))
                pending = next(findings, None)
            yield AuditRow.from_record(record, own)

    def findings(self) -> Iterator[tuple[str, Finding]]:
        """Every finding of every document, with its path, in audit and report order."""
        return self._with_paths("")

    def portfolio(self) -> Iterator[tuple[str, Finding]]:
        """The findings the audit added (PSED701-PSED704, unused waivers of them)."""
        return self._with_paths("WHERE f.portfolio = 1 ")

    def _with_paths(self, where: str) -> Iterator[tuple[str, Finding]]:
        for path, *record in self.db.execute(
            f"SELECT d.path, {_QUALIFIED} "
            "FROM work.findings AS f JOIN work.documents AS d ON d.doc = f.doc "
            f"{where}ORDER BY f.doc, f.seq"
        ):
            yield path, _finding(record)

    def totals(self) -> AuditTotals:
        """Counters over the run."""
        db = self.db
        totals = AuditTotals()
        counts = db.execute(
            "SELECT count(*), sum(readable = 0), sum(ok = 0), sum(errors), sum(warnings), "
            "sum(completeness = 1.0) FROM work.documents"
        ).fetchone()
        for name, value in zip(_COUNTS, counts, strict=True):
            setattr(totals, name, value or 0)
        for code, findings, documents in db.execute(
            "SELECT code, count(*), count(DISTINCT doc) FROM work.findings "
            "WHERE waived IS NULL GROUP BY code"
        ):
            totals.rule_findings[code] = findings
            totals.rule_documents[code] = documents
        for (not_assessed,) in db.execute(
            "SELECT not_assessed FROM work.documents WHERE not_assessed != ''"
        ):
            totals.characteristic_gaps.update(not_assessed.split())
        totals.unreadable_paths = [
            path
            for (path,) in db.execute(
                "SELECT path FROM work.documents WHERE readable = 0 ORDER BY doc"
            )
        ]
        return totals

    def estate(self) -> Estate:
        """The estate views of the run."""
        return estate_views(self.db, as_of=self.job.as_of, due_within=self.options.due_within)

    def trends(self) -> tuple[TrendPoint, ...]:
        """Trends by month and directorate over the history, this run included."""
        return trends(self.db)

    def baseline(self) -> Baseline | None:
        """What changed since the previous recorded run, when a baseline was asked for."""
        if not self.options.baseline or self.run_id is None:
            return None
        previous = self.previous_run
        as_of = None
        if previous is not None:
            (text,) = self.db.execute(
                "SELECT as_of FROM main.runs WHERE run_id = ?", (previous,)
            ).fetchone()
            as_of = _dt.date.fromisoformat(text)
        return Baseline(
            previous_run=previous,
            previous_as_of=as_of,
            new=self._difference(self.run_id, previous),
            resolved=() if previous is None else self._difference(previous, self.run_id),
        )

    def _difference(self, run: int, other: int | None) -> tuple[BaselineFinding, ...]:
        """The unwaived findings of ``run`` that ``other`` does not have.

        A finding is the same in two runs when its document's path, code, pointer and
        characteristic are; when a document has several such findings, the first n of
        one run pair with the first n of the other.
        """
        rows = self.db.execute(
            f"""
            WITH numbered AS (
                SELECT f.run_id, f.doc, f.seq, d.path, f.code, f.pointer,
                       coalesce(f.characteristic, '') AS ch,
                       row_number() OVER (
                           PARTITION BY f.run_id, d.path, f.code, f.pointer,
                                        coalesce(f.characteristic, '')
                           ORDER BY f.doc, f.seq
                       ) AS nth
                FROM main.findings AS f
                JOIN main.documents AS d ON d.run_id = f.run_id AND d.doc = f.doc
                WHERE f.run_id IN (:run, :other) AND f.waived IS NULL
            )
            SELECT a.path, {_MAIN_QUALIFIED},
                   (SELECT w.refs FROM work.findings AS w
                    WHERE a.run_id = :current AND w.doc = a.doc AND w.seq = a.seq)
            FROM numbered AS a
            JOIN main.findings AS f ON f.run_id = a.run_id AND f.doc = a.doc AND f.seq = a.seq
            WHERE a.run_id = :run AND NOT EXISTS (
                SELECT 1 FROM numbered AS b
                WHERE b.run_id = :other AND b.path = a.path AND b.code = a.code
                  AND b.pointer = a.pointer AND b.ch = a.ch AND b.nth = a.nth
            )
            ORDER BY a.doc, a.seq
            """,
            {"run": run, "other": -1 if other is None else other, "current": self.run_id},
        )
        return tuple(
            BaselineFinding(path=path, finding=_finding(record, self.job.lang))
            for path, *record in rows
        )


def _version() -> str:
    from psed import __version__

    return __version__
