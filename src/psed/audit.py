"""Portfolio audit: how complete is each assessment in a folder, and which gaps are common.

For auditors (scrutiny officers, internal audit, equality leads) who look at hundreds
of assessments at once. One :class:`AuditRow` per document says its status, its
error and warning counts, its completeness, its sign-offs and its review date;
:class:`AuditTotals` counts, across the portfolio, the findings of each rule and the
documents that leave each required characteristic without a real assessment, and
lists the files that could not be read.

>>> import datetime, psed.audit
>>> result = psed.audit.audit(["examples"], as_of=datetime.date(2026, 11, 26))
>>> result.totals.documents == len(result.rows)
True

*Completeness* is the share of the framework's required characteristics that are
assessed with a reason. A characteristic is assessed when it has at least one impact
entry and every entry for it has an impact other than ``unknown``, details that are
not a placeholder, and no unwaived finding of a rule that says the details give no
reason: PSED103 (impact not determined), PSED104 (no details), PSED105 (no-impact
claim unexplained), PSED112 (thin details), PSED501 (the same text pasted into three
or more entries) or PSED601 (community safety not considered). It is None (unknown)
for a file that could not be read and for a document whose framework is unknown.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections import Counter
from collections.abc import Generator, Iterable, Sequence
from typing import Any

import attrs

from psed._batch import Job, Outcome, run_map
from psed._files import discover
from psed._structural import STRUCTURAL_NAMES as _STRUCTURAL
from psed.catalogue import Catalogue, Framework, default_catalogue
from psed.config import Config
from psed.findings import Finding, Severity
from psed.model import Impact, Proposal, Status

__all__ = ["AuditResult", "AuditRow", "AuditTotals", "audit", "audit_row", "iter_audit"]


@attrs.frozen(kw_only=True)
class AuditRow:
    """One document of the portfolio."""

    path: str
    readable: bool
    """False when the file could not be read or parsed (PSED001)."""
    name: str | None = None
    framework: str | None = None
    """The framework id the document names (``psed`` when it names none), even unknown."""
    framework_known: bool = False
    """True when the framework is one psed knows; completeness is unknown otherwise."""
    status: Status | None = None
    """The document's own status; None when it is not one psed knows."""
    ok: bool = False
    """True when the check found no failing finding."""
    errors: int = 0
    """Unwaived findings at error."""
    warnings: int = 0
    info: int = 0
    waived: int = 0
    required: int = 0
    """How many characteristics the framework requires."""
    assessed: int = 0
    """How many of them are assessed with a real reason."""
    not_assessed: tuple[str, ...] = ()
    """The required characteristic codes without a real assessment, in framework order."""
    signoffs_expected: tuple[str, ...] = ()
    signoffs_present: tuple[str, ...] = ()
    """The expected sign-offs (``responsible``, ``approver``) that carry a name."""
    review_date: _dt.date | None = None
    codes: tuple[str, ...] = ()
    """The codes of the unwaived findings, each once, sorted."""

    @property
    def completeness(self) -> float | None:
        """``assessed / required`` (1.0 when nothing is required); None if unknown."""
        if not self.readable or not self.framework_known:
            return None
        return 1.0 if self.required == 0 else self.assessed / self.required

    def to_dict(self) -> dict[str, Any]:
        """The document's entry in the JSON audit."""
        completeness = self.completeness
        return {
            "path": self.path,
            "readable": self.readable,
            "name": self.name,
            "framework": self.framework,
            "framework_known": self.framework_known,
            "status": None if self.status is None else self.status.value,
            "ok": self.ok,
            "errors": self.errors,
            "warnings": self.warnings,
            "info": self.info,
            "waived": self.waived,
            "required": self.required,
            "assessed": self.assessed,
            "completeness": None if completeness is None else round(completeness, 4),
            "not_assessed": list(self.not_assessed),
            "signoffs_expected": list(self.signoffs_expected),
            "signoffs_present": list(self.signoffs_present),
            "review_date": None if self.review_date is None else self.review_date.isoformat(),
            "codes": list(self.codes),
        }


@attrs.define
class AuditTotals:
    """Counters over the portfolio; small whatever the number of documents."""

    documents: int = 0
    unreadable: int = 0
    failing: int = 0
    errors: int = 0
    warnings: int = 0
    complete: int = 0
    """Documents whose completeness is 1.0."""
    rule_findings: Counter[str] = attrs.field(factory=Counter)
    """Unwaived findings of each rule code."""
    rule_documents: Counter[str] = attrs.field(factory=Counter)
    """Documents with at least one unwaived finding of each rule code."""
    characteristic_gaps: Counter[str] = attrs.field(factory=Counter)
    """Documents that require a characteristic but do not assess it with a real reason."""
    unreadable_paths: list[str] = attrs.field(factory=list)

    def add(self, row: AuditRow, outcome_codes: Iterable[str] = ()) -> None:
        """Count one document (``outcome_codes``: every unwaived finding's code)."""
        self.documents += 1
        if not row.readable:
            self.unreadable += 1
            self.unreadable_paths.append(row.path)
        if not row.ok:
            self.failing += 1
        self.errors += row.errors
        self.warnings += row.warnings
        if row.completeness == 1.0:
            self.complete += 1
        self.rule_findings.update(outcome_codes)
        self.rule_documents.update(row.codes)
        self.characteristic_gaps.update(row.not_assessed)

    def most_common_rules(self) -> list[tuple[str, int, int]]:
        """(code, documents, findings), most documents first, then by code."""
        return sorted(
            ((code, docs, self.rule_findings[code]) for code, docs in self.rule_documents.items()),
            key=lambda item: (-item[1], item[0]),
        )

    def most_common_gaps(self) -> list[tuple[str, int]]:
        """(characteristic code, documents), most documents first, then by code."""
        return sorted(self.characteristic_gaps.items(), key=lambda item: (-item[1], item[0]))

    def to_dict(self) -> dict[str, Any]:
        """The ``totals`` object of the JSON audit."""
        return {
            "documents": self.documents,
            "unreadable": self.unreadable,
            "failing": self.failing,
            "complete": self.complete,
            "errors": self.errors,
            "warnings": self.warnings,
            "rules": [
                {"code": code, "documents": docs, "findings": findings}
                for code, docs, findings in self.most_common_rules()
            ],
            "characteristics": [
                {"code": code, "documents": docs} for code, docs in self.most_common_gaps()
            ],
            "unreadable_paths": list(self.unreadable_paths),
        }


@attrs.frozen(kw_only=True)
class AuditResult:
    """Every row of an audit and the totals, for scripts."""

    rows: tuple[AuditRow, ...]
    totals: AuditTotals


NOT_ASSESSED_CODES: frozenset[str] = frozenset(
    {"PSED103", "PSED104", "PSED105", "PSED112", "PSED501", "PSED601"}
)
"""Rules whose unwaived finding on an impact entry means the entry gives no real reason."""


def _entry_index(pointer: str) -> int | None:
    """The impact entry a pointer is at or below (``/impacts/3/details`` -> 3), or None."""
    parts = pointer.split("/", 3)
    if len(parts) >= 3 and parts[1] == "impacts" and parts[2].isdigit():
        return int(parts[2])
    return None


def _assessed_codes(proposal: Proposal, findings: Iterable[Finding] = ()) -> set[str]:
    """The characteristic codes every entry of which is assessed with a reason.

    An entry counts when its impact is known, its details are real and ``findings``
    hold no unwaived :data:`NOT_ASSESSED_CODES` finding at or below it.
    """
    from psed._text import is_placeholder

    flagged = {
        index
        for f in findings
        if f.waived is None
        and f.code in NOT_ASSESSED_CODES
        and (index := _entry_index(f.pointer)) is not None
    }
    assessed: dict[str, bool] = {}
    for index, entry in enumerate(proposal.impacts):
        real = (
            entry.impact is not Impact.UNKNOWN
            and not is_placeholder(entry.details)
            and index not in flagged
        )
        code = entry.characteristic.code
        assessed[code] = assessed.get(code, True) and real
    return {code for code, real in assessed.items() if real}


def _catalogue(config: Config | None) -> Catalogue:
    return default_catalogue() if config is None else config.catalogue()


def audit_row(outcome: Outcome, catalogue: Catalogue | None = None) -> AuditRow:
    """The audit row of one checked file (its Proposal must have been kept)."""
    result = outcome.result
    report = result.report
    counts = report.counts
    codes = tuple(sorted({f.code for f in report.findings if f.waived is None}))
    common: dict[str, Any] = {
        "path": result.path,
        "ok": report.ok,
        "errors": counts["error"],
        "warnings": counts["warning"],
        "info": counts["info"],
        "waived": counts["waived"],
        "codes": codes,
    }
    proposal = outcome.proposal
    if result.unreadable or proposal is None:
        return AuditRow(readable=False, **common)
    # The reader replaces a value it cannot use by the default (an unknown framework by
    # psed, an invalid status by draft); the row shows what the document says instead,
    # and leaves completeness unknown when the framework is.
    invalid = {f.pointer for f in report.findings if f.code in _STRUCTURAL}
    framework_id = result.framework
    framework: Framework | None = None
    if framework_id is not None and "/framework" not in invalid:
        framework = (catalogue or default_catalogue()).framework(framework_id)
    known: dict[str, Any] = {
        "readable": True,
        "name": proposal.name,
        "framework": framework_id,
        "framework_known": framework is not None,
        "status": None if "/status" in invalid else proposal.status,
        "review_date": None if "/review_date" in invalid else proposal.review_date,
    }
    if framework is None:
        return AuditRow(**known, **common)
    assessed = _assessed_codes(proposal, report.findings)
    missing = tuple(code for code in framework.required if code not in assessed)
    present = tuple(
        slot
        for slot in framework.signoffs
        if (signoff := getattr(proposal, slot, None)) is not None
        and signoff.name is not None
        and signoff.name.strip()
    )
    return AuditRow(
        required=len(framework.required),
        assessed=len(framework.required) - len(missing),
        not_assessed=missing,
        signoffs_expected=tuple(framework.signoffs),
        signoffs_present=present,
        **known,
        **common,
    )


_ROW_FIELDS: tuple[str, ...] = tuple(field.name for field in attrs.fields(AuditRow))


def _row_values(row: AuditRow) -> tuple[Any, ...]:
    """The row as plain values, in field order (the status as its code): cheap to pickle."""
    values = [getattr(row, name) for name in _ROW_FIELDS]
    if row.status is not None:
        values[_ROW_FIELDS.index("status")] = row.status.value
    return tuple(values)


def _row_from_values(values: tuple[Any, ...]) -> AuditRow:
    """The inverse of :func:`_row_values`."""
    fields = dict(zip(_ROW_FIELDS, values, strict=True))
    if fields["status"] is not None:
        fields["status"] = Status(fields["status"])
    return AuditRow(**fields)


@attrs.frozen
class _AuditStep:
    """Works out one checked file's audit row where it was checked (a worker, or here).

    Picklable, so that a pool of workers sends back the row's plain values and the
    unwaived finding codes instead of the report and the Proposal.
    """

    config: Config | None = None

    def __call__(self, outcome: Outcome) -> tuple[tuple[Any, ...], list[str]]:
        catalogue = _catalogue(self.config)  # cached by the configuration
        codes = [f.code for f in outcome.result.report.findings if f.waived is None]
        return _row_values(audit_row(outcome, catalogue)), codes


def iter_audit(
    paths: Iterable[str], job: Job, *, jobs: int = 1
) -> Generator[tuple[AuditRow, list[str]], None, None]:
    """Each document's row and its unwaived finding codes (duplicates kept), in order.

    The row is worked out where the file is checked, so with ``jobs`` > 1 only its
    values cross back from the worker processes.
    """
    job = attrs.evolve(job, proposal=True, lines=False)
    step = _AuditStep(job.config)
    with contextlib.closing(run_map(discover(paths, job.config), job, step, jobs=jobs)) as pieces:
        for values, codes in pieces:
            yield _row_from_values(values), codes


def audit(
    paths: Sequence[str] | str,
    *,
    as_of: _dt.date | None = None,
    status: Status | str | None = None,
    config: Config | None = None,
    fail_on: Severity | str = Severity.ERROR,
    jobs: int = 1,
) -> AuditResult:
    """Audit the documents at ``paths`` (files or folders, searched as ``psed check`` does).

    ``as_of`` defaults to today; ``status`` overrides every document's status for the
    rules (the rows still show each document's own); ``jobs`` > 1 checks in worker
    processes. Never raises for a bad file: it is counted and listed as unreadable.
    """
    if isinstance(paths, str):
        paths = [paths]
    job = Job(
        as_of=as_of or _dt.date.today(),
        status=None if status is None else Status(status),
        config=config,
        fail_on=Severity(fail_on),
    )
    rows: list[AuditRow] = []
    totals = AuditTotals()
    for row, codes in iter_audit(paths, job, jobs=jobs):
        rows.append(row)
        totals.add(row, codes)
    return AuditResult(rows=tuple(rows), totals=totals)
