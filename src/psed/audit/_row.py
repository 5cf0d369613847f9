"""One document of an audit: its row, and the facts the portfolio rules and views read.

:func:`audit_row` works a checked file's row out of its report and Proposal;
:func:`document_data` adds the document's findings, impact entries, actions and links
as plain tuples, in the column order of the working tables (see
:mod:`psed.audit.history`), so that a worker process sends back only those.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from psed._batch import Outcome
from psed._files import STDIN
from psed._reading.codes import STRUCTURAL_NAMES
from psed._text import comparison_key, is_placeholder, normalise
from psed.catalogue import Catalogue, Framework, default_catalogue
from psed.findings import Finding, Report
from psed.law import LawDate, LawDateSource, cite, law_at
from psed.model import Impact, MitigationStatus, Proposal, Status, Waiver
from psed.rules._registry import Rule
from psed.rules.portfolio import PORTFOLIO_RULES, is_portfolio
from psed.rules.waivers import UNUSED_WAIVER

__all__ = [
    "NOT_ASSESSED_CODES",
    "AuditRow",
    "AuditTotals",
    "DocumentData",
    "audit_row",
    "document_data",
]

NOT_ASSESSED_CODES: frozenset[str] = frozenset(
    {"PSED103", "PSED104", "PSED105", "PSED112", "PSED501", "PSED601"}
)
"""Rules whose unwaived finding on an impact entry means the entry gives no real reason."""


_OPEN = (MitigationStatus.PLANNED, MitigationStatus.IN_PROGRESS)


def _words(value: str | None) -> tuple[str, ...]:
    return tuple(value.split()) if value else ()


def _date(value: str | None) -> _dt.date | None:
    return None if value is None else _dt.date.fromisoformat(value)


@attrs.frozen(kw_only=True)
class AuditRow:
    """One document of the portfolio."""

    path: str
    readable: bool
    """False when the file could not be read or parsed (PSED001)."""
    sha256: str | None = None
    """SHA-256 of the file's bytes (hex), to see which documents changed between runs."""
    id: str | None = None
    """The document's own reference (``id``)."""
    name: str | None = None
    organisation: str | None = None
    directorate: str | None = None
    programme: str | None = None
    level: str | None = None
    """``screening``, ``full`` or ``cumulative`` (the code), or None."""
    framework: str | None = None
    """The framework id the document names (``psed`` when it names none), even unknown."""
    framework_known: bool = False
    """True when the framework is one psed knows; completeness is unknown otherwise."""
    status: Status | None = None
    """The document's own status; None when it is not one psed knows."""
    ok: bool = False
    """True when no unwaived finding is at or above the fail level (portfolio ones too)."""
    errors: int = 0
    """Unwaived findings at error."""
    warnings: int = 0
    info: int = 0
    waived: int = 0
    required: int = 0
    """How many characteristics the framework requires."""
    assessed: int = 0
    """How many of them are assessed with a reason (see :mod:`psed.audit`)."""
    not_assessed: tuple[str, ...] = ()
    """The required characteristic codes without a real assessment, in framework order."""
    signoffs_expected: tuple[str, ...] = ()
    signoffs_present: tuple[str, ...] = ()
    """The expected sign-offs (``responsible``, ``approver``) that carry a name."""
    review_date: _dt.date | None = None
    superseded: bool = False
    """True when another audited document ``supersedes`` this one."""
    adverse: tuple[str, ...] = ()
    """The characteristics with an adverse (negative or mixed) entry, sorted."""
    actions_overdue: int = 0
    """Mitigations still planned or in progress after their due date."""
    codes: tuple[str, ...] = ()
    """The codes of the unwaived findings, each once, sorted."""
    portfolio: tuple[Finding, ...] = ()
    """The portfolio findings (PSED701-PSED704) the audit added to this document's report."""

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
            "sha256": self.sha256,
            "id": self.id,
            "name": self.name,
            "organisation": self.organisation,
            "directorate": self.directorate,
            "programme": self.programme,
            "level": self.level,
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
            "superseded": self.superseded,
            "adverse": list(self.adverse),
            "actions_overdue": self.actions_overdue,
            "codes": list(self.codes),
            "portfolio_findings": [f.to_dict() for f in self.portfolio],
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any], portfolio: Iterable[Finding] = ()) -> AuditRow:
        """The row from a ``documents`` record (an ``sqlite3.Row`` or a mapping)."""
        status = record["status"]
        return cls(
            path=record["path"],
            readable=bool(record["readable"]),
            sha256=record["sha256"],
            id=record["id"],
            name=record["name"],
            organisation=record["organisation"],
            directorate=record["directorate"],
            programme=record["programme"],
            level=record["level"],
            framework=record["framework"],
            framework_known=bool(record["framework_known"]),
            status=None if status is None else Status(status),
            ok=bool(record["ok"]),
            errors=record["errors"],
            warnings=record["warnings"],
            info=record["info"],
            waived=record["waived"],
            required=record["required"],
            assessed=record["assessed"],
            not_assessed=_words(record["not_assessed"]),
            signoffs_expected=_words(record["signoffs_expected"]),
            signoffs_present=_words(record["signoffs_present"]),
            review_date=_date(record["review_date"]),
            superseded=bool(record["superseded"]),
            adverse=_words(record["adverse"]),
            actions_overdue=record["actions_overdue"],
            codes=_words(record["codes"]),
            portfolio=tuple(portfolio),
        )


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
    """Documents that require a characteristic but do not assess it with a reason."""
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


def _text(value: str | None) -> str | None:
    """A text field as the audit shows it: None for a placeholder, else as written."""
    return None if is_placeholder(value) else value


def _key(value: str | None) -> str | None:
    """A reference or programme compared ignoring case and spacing; None if not given."""
    return None if is_placeholder(value) else normalise(value or "")


def audit_row(outcome: Outcome, catalogue: Catalogue | None = None) -> AuditRow:
    """The audit row of one checked file (its Proposal must have been kept).

    The row holds the file's own findings; the audit adds portfolio findings later.
    """
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
    invalid = {f.pointer for f in report.findings if f.code in STRUCTURAL_NAMES}
    framework_id = result.framework
    framework: Framework | None = None
    if framework_id is not None and "/framework" not in invalid:
        framework = (catalogue or default_catalogue()).framework(framework_id)
    level = proposal.level
    known: dict[str, Any] = {
        "readable": True,
        "id": _text(proposal.id),
        "name": proposal.name,
        "organisation": _text(proposal.organisation),
        "directorate": _text(proposal.directorate),
        "programme": _text(proposal.programme),
        "level": None if level is None else level.value,
        "framework": framework_id,
        "framework_known": framework is not None,
        "status": None if "/status" in invalid else proposal.status,
        "review_date": None if "/review_date" in invalid else proposal.review_date,
    }
    known["adverse"] = tuple(
        sorted({e.characteristic.code for e in proposal.impacts if e.impact.is_adverse} - {""})
    )
    known["actions_overdue"] = sum(
        1
        for entry in proposal.impacts
        for m in entry.mitigations
        if m.status in _OPEN and m.due is not None and m.due < report.as_of
    )
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


@attrs.frozen
class DocumentData:
    """What the audit keeps of one checked file, as rows of the working tables.

    Each tuple holds the columns of its table after ``run_id`` and ``doc`` (see
    :data:`psed.audit.history.TABLES`). ``waivers`` is set only when the document
    waives a portfolio rule: its waivers, and the indexes of those the reader found
    broken.
    """

    document: tuple[Any, ...]
    findings: list[tuple[Any, ...]]
    impacts: list[tuple[Any, ...]]
    actions: list[tuple[Any, ...]]
    related: list[tuple[Any, ...]]
    citations: list[tuple[Any, ...]]
    waivers: tuple[tuple[Waiver, ...], frozenset[int]] | None = None


def _digest(path: str, stdin: bytes | None, max_bytes: int) -> str | None:
    """SHA-256 of the bytes the check read (at most one past the size limit)."""
    if path == STDIN:
        data = stdin or b""
    else:
        try:
            with open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError:
            return None
    return hashlib.sha256(data).hexdigest()


def finding_values(seq: int, f: Finding, portfolio: bool = False) -> tuple[Any, ...]:
    """A finding as a row of the ``findings`` table (after ``run_id`` and ``doc``)."""
    return (
        seq,
        f.code,
        f.name,
        f.severity.value,
        f.default_severity.value,
        f.pointer,
        f.characteristic,
        f.message,
        f.waived,
        1 if portfolio else 0,
        "\n".join(f.references),
        f.message if f.message_en is None else f.message_en,
        f.lang,
    )


def _citations(
    proposal: Proposal, report: Report, catalogue: Catalogue, adverse: Iterable[str]
) -> list[tuple[Any, ...]]:
    """What a portfolio finding on this document would cite, by rule and characteristic.

    Worked out here, where the document is, from the law that applies to it on its law
    date (see :mod:`psed.law`), as :func:`psed.check` works out its findings' citations.
    """
    if report.law_date is None or report.law_date_source is None:
        return []
    framework = catalogue.framework(proposal.framework) or catalogue.framework("psed")
    assert framework is not None, "the psed framework is built in"
    day = LawDate(date=report.law_date, source=LawDateSource(report.law_date_source))
    law = law_at(proposal, framework, catalogue, day)
    wanted: list[tuple[Rule, str | None]] = [(r, None) for r in PORTFOLIO_RULES.values()]
    wanted.append((UNUSED_WAIVER, None))
    wanted += [(PORTFOLIO_RULES["PSED701"], code) for code in sorted(set(adverse)) if code]
    return [
        (rule.code, characteristic or "", "\n".join(cite(rule.cites, law, characteristic)))
        for rule, characteristic in wanted
    ]


def _broken_waivers(pointers: Iterable[str]) -> frozenset[int]:
    """Indexes of the waivers at or under which the reader reported something."""
    broken: set[int] = set()
    for pointer in pointers:
        parts = pointer.split("/", 3)
        if len(parts) >= 3 and parts[1] == "waivers" and parts[2].isdigit():
            broken.add(int(parts[2]))
    return frozenset(broken)


def document_data(
    outcome: Outcome,
    catalogue: Catalogue | None,
    *,
    stdin: bytes | None = None,
    max_bytes: int,
) -> DocumentData:
    """The row and the facts of one checked file, as plain values for the working tables."""
    row = audit_row(outcome, catalogue)
    report = outcome.result.report
    used = report.status
    document = (
        row.path,
        _digest(row.path, stdin, max_bytes),
        1 if row.readable else 0,
        row.id,
        _key(row.id),
        row.name,
        row.organisation,
        row.directorate,
        row.programme,
        _key(row.programme),
        row.level,
        row.framework,
        1 if row.framework_known else 0,
        None if row.status is None else row.status.value,
        None if used is None else used.value,
        1 if row.ok else 0,
        row.errors,
        row.warnings,
        row.info,
        row.waived,
        row.required,
        row.assessed,
        row.completeness,
        " ".join(row.not_assessed),
        " ".join(row.signoffs_expected),
        " ".join(row.signoffs_present),
        None if row.review_date is None else row.review_date.isoformat(),
        0,
        " ".join(row.adverse),
        row.actions_overdue,
        " ".join(row.codes),
    )
    findings = [finding_values(seq, f) for seq, f in enumerate(report.findings)]
    proposal = outcome.proposal
    if not row.readable or proposal is None:
        return DocumentData(document, findings, [], [], [], [])
    impacts: list[tuple[Any, ...]] = []
    actions: list[tuple[Any, ...]] = []
    for i, entry in enumerate(proposal.impacts):
        code = entry.characteristic.code
        label = entry.characteristic.label or code
        impacts.append((i, code, label, _text(entry.group), entry.impact.value))
        for m, mitigation in enumerate(entry.mitigations):
            action = mitigation.action
            real = not is_placeholder(action)
            actions.append(
                (
                    i,
                    m,
                    code,
                    action,
                    comparison_key(action) if real else "",
                    _text(mitigation.owner),
                    None if mitigation.due is None else mitigation.due.isoformat(),
                    mitigation.status.value,
                )
            )
    related = [
        (
            i,
            link.id,
            _key(link.id),
            None if link.relation is None else link.relation.value,
        )
        for i, link in enumerate(proposal.related)
    ]
    adverse = [entry.characteristic.code for entry in proposal.impacts if entry.impact.is_adverse]
    citations = _citations(proposal, report, catalogue or default_catalogue(), adverse)
    waivers = None
    if any(is_portfolio(w.rule.strip()) for w in proposal.waivers):
        structural = (f.pointer for f in report.findings if f.code in STRUCTURAL_NAMES)
        waivers = (proposal.waivers, _broken_waivers(structural))
    return DocumentData(document, findings, impacts, actions, related, citations, waivers)
