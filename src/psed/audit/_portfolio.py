"""The portfolio rules PSED701-PSED704, worked out over the working tables of one run.

The rules are documented in :mod:`psed.rules.portfolio`. Here each is a query over
every document of the run (see :mod:`psed.audit.history` for the tables), whose hits
become findings in the report of the document concerned, with the configuration,
the document's status and its waivers applied as :func:`psed.check` applies them.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from psed._i18n import C_, Arg, Message, _
from psed._i18n import label as term
from psed._i18n_tables import CHARACTERISTIC
from psed._reading.pointer import is_at_or_below, join, order_key
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
    message: Message
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


_LABEL = "coalesce(nullif({t}.id, ''), nullif({t}.name, ''), {t}.path)"
"""SQL for how messages name a document: its id, else its name, else its path."""


def _listing(names: list[str], total: int) -> Arg:
    """The names of ``total`` other documents, of which ``names`` are the first few."""
    more = total - len(names)
    if more > 0:
        return _("{names} and {more} more", names=", ".join(names), more=more)
    if len(names) == 1:
        return names[0]
    return _("{first} and {last}", first=", ".join(names[:-1]), last=names[-1])


def _cumulative(db: sqlite3.Connection, minimum: int) -> Iterator[Hit]:
    """PSED701, in document order; only the counts of each group are held in memory."""
    adverse = """
        FROM work.impacts AS i JOIN work.documents AS d ON d.doc = i.doc
        WHERE i.impact IN ('negative', 'mixed') AND d.programme_key IS NOT NULL
          AND d.superseded = 0 AND d.programme_key NOT IN (
              SELECT programme_key FROM work.documents
              WHERE level = 'cumulative' AND programme_key IS NOT NULL AND superseded = 0
          )
    """
    groups: dict[tuple[str, str], tuple[int, list[tuple[int, str]]]] = {}
    for key, code, count in db.execute(
        f"SELECT d.programme_key, i.characteristic, count(DISTINCT i.doc) {adverse} "
        "GROUP BY d.programme_key, i.characteristic HAVING count(DISTINCT i.doc) >= ?",
        (minimum,),
    ):
        first = db.execute(
            f"SELECT DISTINCT i.doc, {_LABEL.format(t='d')} {adverse} "
            "AND d.programme_key = ? AND i.characteristic = ? ORDER BY i.doc LIMIT ?",
            (key, code, _LISTED + 1),
        ).fetchall()
        groups[(key, code)] = (count, first)
    if not groups:
        return
    for doc, entry, code, label, key, programme in db.execute(
        f"SELECT i.doc, i.entry, i.characteristic, i.label, d.programme_key, d.programme "
        f"{adverse} ORDER BY i.doc, i.entry"
    ):
        found = groups.get((key, code))
        if found is None:
            continue
        count, first = found
        others = _listing([name for other, name in first if other != doc][:_LISTED], count - 1)
        yield Hit(
            doc,
            "PSED701",
            join("impacts", entry),
            _(
                "{characteristic} is adversely affected by {count} proposals of the programme "
                "{programme} (this one and {others}) and the programme has no cumulative "
                "assessment: assess their combined effect on this group in one document with "
                "level cumulative.",
                characteristic=term(CHARACTERISTIC, label),
                count=count,
                programme=repr(programme),
                others=others,
            ),
            code,
        )


def _duplicate_ids(db: sqlite3.Connection) -> Iterator[Hit]:
    """PSED702, in document order (only documents that share an id are held)."""
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
    hits = []
    for members in groups.values():
        for doc, ident, _path in members:
            others = [path for other, _, path in members if other != doc]
            listed = _listing(others[:_LISTED], len(others))
            hits.append(
                Hit(
                    doc,
                    "PSED702",
                    "/id",
                    _(
                        "The id {id} is also the id of {others}: give each assessment its own "
                        "id, so that links between assessments and the audit history keep them "
                        "apart.",
                        id=repr(ident),
                        others=listed,
                    ),
                )
            )
    yield from sorted(hits, key=lambda hit: hit.doc)


def _unknown_related(db: sqlite3.Connection) -> Iterator[Hit]:
    """PSED703, in document order."""
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
            _(
                "No audited document has the id {id} that this link names: add that "
                "assessment to the audit, or correct the id.",
                id=repr(target),
            ),
        )


_STATES: dict[str, Arg] = {
    "planned": C_("action state", "planned"),
    "in_progress": C_("action state", "in progress"),
}
"""How a PSED704 message names the state of an open action."""


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _ACTION_CHARS:
        text = text[: _ACTION_CHARS - 1].rstrip() + "…"
    return repr(text)


def _superseded_actions(db: sqlite3.Connection) -> Iterator[Hit]:
    """PSED704, in document order."""
    for doc, entry, old, action, owner, status, code in db.execute(
        f"""
        SELECT r.doc, r.entry, {_LABEL.format(t="old")}, a.action, a.owner, a.status,
               a.characteristic
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
        state = _STATES.get(status, status.replace("_", " "))
        if owner is None:
            message = _(
                "The superseded assessment {old} has an action still {state} that this one does "
                "not carry over ({action}): copy it into this assessment's mitigations, or "
                "record in the old one that it is done or dropped.",
                old=old,
                state=state,
                action=_quote(action),
            )
        else:
            message = _(
                "The superseded assessment {old} has an action still {state} that this one does "
                "not carry over ({action}, owner {owner}): copy it into this assessment's "
                "mitigations, or record in the old one that it is done or dropped.",
                old=old,
                state=state,
                action=_quote(action),
                owner=owner,
            )
        yield Hit(doc, "PSED704", join("related", entry), message, code)


def portfolio_hits(db: sqlite3.Connection, *, min_cumulative: int) -> Iterator[Hit]:
    """Every place PSED701-PSED704 fire in the run, in document order.

    Call :func:`mark_superseded` first. The hits are worked out as they are read, so a
    large estate's hits are never all in memory at once.
    """
    return heapq.merge(
        _cumulative(db, min_cumulative),
        _duplicate_ids(db),
        _unknown_related(db),
        _superseded_actions(db),
        key=lambda hit: hit.doc,
    )


def _effective(severity: Severity, rule_status: Status, used: Status | None) -> Severity:
    """``severity``, or ``info`` when the rule applies only from a later status."""
    if used is not None and rule_status.rank > used.rank:
        return Severity.INFO
    return severity


def _unused_waiver(
    index: int, code: str, config: Config, used: Status | None, references: tuple[str, ...]
) -> Finding:
    severity = config.severity_for(UNUSED_WAIVER.code, UNUSED_WAIVER.severity)
    message = _(
        "The waiver of {code} matched no finding in this audit: remove it, or correct its rule "
        "or pointer.",
        code=code,
    )
    return Finding(
        code=UNUSED_WAIVER.code,
        name=UNUSED_WAIVER.name,
        severity=_effective(severity, UNUSED_WAIVER.status, used),
        default_severity=UNUSED_WAIVER.severity,
        message=str(message),
        source=message,
        pointer=join("waivers", index),
        references=references,
    )


def _cited(
    citations: dict[tuple[str, str | None], tuple[str, ...]], code: str, characteristic: str | None
) -> tuple[str, ...]:
    """What a finding cites on its document: for its characteristic where that was worked
    out (PSED701), else for the document as a whole."""
    found = citations.get((code, characteristic))
    return citations.get((code, None), ()) if found is None else found


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
                message=str(hit.message),
                source=hit.message,
                pointer=hit.pointer,
                characteristic=hit.characteristic,
                references=_cited(citations, rule.code, hit.characteristic),
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
            refs = _cited(citations, UNUSED_WAIVER.code, None)
            findings += [
                _unused_waiver(index, listed[index].rule.strip(), config, used, refs)
                for index in outcome.unused
            ]
    return sorted(findings, key=lambda f: (order_key(f.pointer), f.code))
