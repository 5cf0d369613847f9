"""The portfolio rules PSED701-PSED704, worked out over the working tables of one run.

The rules are documented in :mod:`psed.rules.portfolio`. Here each is a query over
every document of the run (see :mod:`psed.audit.history` for the tables), whose hits
become findings in the report of the document concerned, with the configuration,
the document's status and its waivers applied as :func:`psed.check` applies them.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from psed._pointer import is_at_or_below, join, order_key
from psed.config import Config
from psed.findings import Finding, Severity
from psed.model import Proposal, Status, Waiver
from psed.rules.portfolio import PORTFOLIO_RULES, is_portfolio
from psed.rules.waivers import UNUSED_WAIVER, apply_waivers

__all__ = ["Hit", "document_findings", "mark_superseded", "portfolio_hits"]

_LISTED = 5
"""How many other documents a message names before it says how many more there are."""

_ACTION_CHARS = 100
"""How much of an action's text a PSED704 message quotes."""


_NO_DOCUMENT = Proposal(name="")
"""What :func:`apply_waivers` is given: only the waivers of a document are read."""


@attrs.frozen
class Hit:
    """One place a portfolio rule fires, in one document."""

    doc: int
    code: str
    pointer: str
    message: str
    characteristic: str | None = None


def mark_superseded(db: sqlite3.Connection) -> None:
    """Set ``superseded`` on each document another document of the run supersedes."""
    db.execute(
        """
        UPDATE work.documents SET superseded = 1
        WHERE id_key IN (
            SELECT r.target_key FROM work.related AS r
            JOIN work.documents AS d ON d.doc = r.doc
            WHERE r.relation = 'supersedes' AND r.target_key IS NOT d.id_key
        )
        """
    )


def _labels(db: sqlite3.Connection) -> dict[int, str]:
    """How messages name each document: its id, else its name, else its path."""
    return {
        doc: (ident or name or path)
        for doc, ident, name, path in db.execute(
            "SELECT doc, id, name, path FROM work.documents WHERE readable = 1"
        )
    }


def _listing(names: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``, or the first few and how many more."""
    if len(names) > _LISTED:
        shown = ", ".join(names[:_LISTED])
        return f"{shown} and {len(names) - _LISTED} more"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _cumulative(db: sqlite3.Connection, labels: dict[int, str], minimum: int) -> Iterator[Hit]:
    programmes_with_cumulative = {
        key
        for (key,) in db.execute(
            "SELECT DISTINCT programme_key FROM work.documents "
            "WHERE level = 'cumulative' AND programme_key IS NOT NULL AND superseded = 0"
        )
    }
    adverse: dict[tuple[str, str], dict[int, list[tuple[int, str]]]] = defaultdict(dict)
    for doc, entry, code, label, key in db.execute(
        """
        SELECT i.doc, i.entry, i.characteristic, i.label, d.programme_key
        FROM work.impacts AS i JOIN work.documents AS d ON d.doc = i.doc
        WHERE i.impact IN ('negative', 'mixed') AND d.programme_key IS NOT NULL
          AND d.superseded = 0
        ORDER BY i.doc, i.entry
        """
    ):
        if key not in programmes_with_cumulative:
            adverse[(key, code)].setdefault(doc, []).append((entry, label))
    programme_of = dict(
        db.execute("SELECT doc, programme FROM work.documents WHERE programme IS NOT NULL")
    )
    for (_key, code), docs in sorted(adverse.items()):
        if len(docs) < minimum:
            continue
        for doc, entries in docs.items():
            others = _listing([labels[other] for other in docs if other != doc])
            for entry, label in entries:
                yield Hit(
                    doc,
                    "PSED701",
                    join("impacts", entry),
                    f"{label} is adversely affected by {len(docs)} proposals of the programme "
                    f"{programme_of[doc]!r} (this one and {others}) and the programme has no "
                    "cumulative assessment: assess their combined effect on this group in "
                    "one document with level cumulative.",
                    code,
                )


def _duplicate_ids(db: sqlite3.Connection) -> Iterator[Hit]:
    groups: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for doc, key, ident, path in db.execute(
        """
        SELECT doc, id_key, id, path FROM work.documents
        WHERE id_key IN (
            SELECT id_key FROM work.documents WHERE id_key IS NOT NULL
            GROUP BY id_key HAVING count(*) > 1
        )
        ORDER BY doc
        """
    ):
        groups[key].append((doc, ident, path))
    for members in groups.values():
        for doc, ident, _path in members:
            others = _listing([path for other, _, path in members if other != doc])
            yield Hit(
                doc,
                "PSED702",
                "/id",
                f"The id {ident!r} is also the id of {others}: give each assessment its own "
                "id, so that links between assessments and the audit history keep them apart.",
            )


def _unknown_related(db: sqlite3.Connection) -> Iterator[Hit]:
    for doc, entry, target in db.execute(
        """
        SELECT doc, entry, target FROM work.related
        WHERE target_key IS NOT NULL AND target_key NOT IN (
            SELECT id_key FROM work.documents WHERE id_key IS NOT NULL
        )
        ORDER BY doc, entry
        """
    ):
        yield Hit(
            doc,
            "PSED703",
            join("related", entry, "id"),
            f"No audited document has the id {target!r} that this link names: add that "
            "assessment to the audit, or correct the id.",
        )


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _ACTION_CHARS:
        text = text[: _ACTION_CHARS - 1].rstrip() + "…"
    return repr(text)


def _superseded_actions(db: sqlite3.Connection, labels: dict[int, str]) -> Iterator[Hit]:
    for doc, entry, old, action, owner, status, code in db.execute(
        """
        SELECT r.doc, r.entry, old.doc, a.action, a.owner, a.status, a.characteristic
        FROM work.related AS r
        JOIN work.documents AS old ON old.id_key = r.target_key AND old.doc != r.doc
        JOIN work.actions AS a ON a.doc = old.doc
        WHERE r.relation = 'supersedes' AND a.status IN ('planned', 'in_progress')
          AND a.key != ''
          AND NOT EXISTS (
              SELECT 1 FROM work.actions AS b WHERE b.doc = r.doc AND b.key = a.key
          )
        ORDER BY r.doc, r.entry, old.doc, a.entry, a.mitigation
        """
    ):
        state = status.replace("_", " ")
        by = "" if owner is None else f", owner {owner}"
        yield Hit(
            doc,
            "PSED704",
            join("related", entry),
            f"The superseded assessment {labels[old]} has an action still {state} that this "
            f"one does not carry over ({_quote(action)}{by}): copy it into this assessment's "
            "mitigations, or record in the old one that it is done or dropped.",
            code,
        )


def portfolio_hits(db: sqlite3.Connection, *, min_cumulative: int) -> list[Hit]:
    """Every place PSED701-PSED704 fire in the run (call :func:`mark_superseded` first)."""
    labels = _labels(db)
    return [
        *_cumulative(db, labels, min_cumulative),
        *_duplicate_ids(db),
        *_unknown_related(db),
        *_superseded_actions(db, labels),
    ]


def _effective(severity: Severity, rule_status: Status, used: Status | None) -> Severity:
    """``severity``, or ``info`` when the rule applies only from a later status."""
    if used is not None and rule_status.rank > used.rank:
        return Severity.INFO
    return severity


def _unused_waiver(
    index: int, code: str, config: Config, used: Status | None, references: tuple[str, ...]
) -> Finding:
    severity = config.severity_for(UNUSED_WAIVER.code, UNUSED_WAIVER.severity)
    return Finding(
        code=UNUSED_WAIVER.code,
        name=UNUSED_WAIVER.name,
        severity=_effective(severity, UNUSED_WAIVER.status, used),
        default_severity=UNUSED_WAIVER.severity,
        message=(
            f"The waiver of {code} matched no finding in this audit: remove it, or correct "
            "its rule or pointer."
        ),
        pointer=join("waivers", index),
        references=references,
    )


def document_findings(
    hits: Iterable[Hit],
    *,
    used: Status | None,
    structural: set[str],
    config: Config,
    as_of: _dt.date,
    waivers: tuple[tuple[Waiver, ...], frozenset[int]] | None,
    citations: dict[tuple[str, str | None], tuple[str, ...]],
) -> list[Finding]:
    """One document's portfolio findings: selected, at their severity, waived, in order.

    ``citations`` holds what each rule cites on this document (by code and
    characteristic), worked out from the law that applies to it.
    """
    findings: list[Finding] = []
    for hit in hits:
        rule = PORTFOLIO_RULES[hit.code]
        if not config.is_selected(rule.code):
            continue
        if any(is_at_or_below(hit.pointer, place) for place in structural):
            continue  # one mistake, one finding: the reader reported this place
        severity = config.severity_for(rule.code, rule.severity)
        findings.append(
            Finding(
                code=rule.code,
                name=rule.name,
                severity=_effective(severity, rule.status, used),
                default_severity=rule.severity,
                message=hit.message,
                pointer=hit.pointer,
                characteristic=hit.characteristic,
                references=citations.get((rule.code, hit.characteristic), rule.references),
            )
        )
    if waivers is not None:
        listed, broken = waivers
        changes: dict[str, Any] = {"waivers": listed}
        carrier = attrs.evolve(_NO_DOCUMENT, **changes)

        def judged_here(code: str) -> bool:
            return config.is_selected(code) and is_portfolio(code)

        outcome = apply_waivers(findings, carrier, as_of, judged_here, broken)
        findings = outcome.findings
        if config.is_selected(UNUSED_WAIVER.code):
            refs = citations.get((UNUSED_WAIVER.code, None), UNUSED_WAIVER.references)
            findings += [
                _unused_waiver(index, listed[index].rule.strip(), config, used, refs)
                for index in outcome.unused
            ]
    return sorted(findings, key=lambda f: (order_key(f.pointer), f.code))
