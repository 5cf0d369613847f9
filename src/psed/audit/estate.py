"""Estate views: what no single assessment shows, worked out over every document of a run.

- **Reviews** falling due within ``due_within`` days of ``as_of``, and overdue ones.
- **Actions** (mitigations) still planned or in progress after their due date, with
  their owner.
- **Totals** by organisation, by directorate and by programme.
- **Cumulative impact**: for each programme, the characteristics adversely affected
  (negative or mixed) and by how many proposals: the table an equality lead takes to
  Cabinet with a budget round.
- **Trends** by month and directorate, from the history (:mod:`psed.audit.history`).

The views cover the *current* assessments: a document that another audited document
``supersedes`` is left out of them (it still has its row and its findings).
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections import defaultdict
from typing import Any

import attrs

__all__ = [
    "CharacteristicTotals",
    "CumulativeImpact",
    "Estate",
    "GroupTotals",
    "OverdueAction",
    "ProgrammeImpact",
    "Review",
    "TrendPoint",
    "estate_views",
    "trends",
]


def _date(value: str) -> _dt.date:
    return _dt.date.fromisoformat(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    if attrs.has(type(value)):
        return value.to_dict()
    return value


def _json(row: Any, **extra: Any) -> dict[str, Any]:
    """A row of the JSON audit: its fields in order (dates as ISO text, fractions to four
    places, tuples as lists), then ``extra``."""
    return {
        **{f.name: _json_value(getattr(row, f.name)) for f in attrs.fields(type(row))},
        **extra,
    }


def label(ident: str | None, name: str | None, path: str) -> str:
    """How the views name a document: its id, else its name, else its path."""
    return ident or name or path


@attrs.frozen(kw_only=True)
class Review:
    """A review date that has passed or falls within the window."""

    path: str
    id: str | None
    name: str | None
    directorate: str | None
    status: str | None
    review_date: _dt.date
    days: int
    """Days from ``as_of`` to the review date: negative when it is overdue."""

    @property
    def overdue(self) -> bool:
        """True when the review date is before ``as_of``."""
        return self.days < 0

    @property
    def label(self) -> str:
        """The document's id, else its name, else its path."""
        return label(self.id, self.name, self.path)

    def to_dict(self) -> dict[str, Any]:
        """The review in the JSON audit."""
        return _json(self, overdue=self.overdue)


@attrs.frozen(kw_only=True)
class OverdueAction:
    """A mitigating action still planned or in progress after its due date."""

    path: str
    id: str | None
    name: str | None
    directorate: str | None
    pointer: str
    """Where the action is in its document (``/impacts/0/mitigations/1``)."""
    characteristic: str
    action: str
    owner: str | None
    due: _dt.date
    status: str
    days_overdue: int

    @property
    def label(self) -> str:
        """The document's id, else its name, else its path."""
        return label(self.id, self.name, self.path)

    def to_dict(self) -> dict[str, Any]:
        """The action in the JSON audit."""
        return _json(self)


@attrs.frozen(kw_only=True)
class GroupTotals:
    """The current documents of one organisation, directorate or programme."""

    value: str | None
    """The organisation, directorate or programme as written; None for documents without."""
    documents: int
    failing: int
    errors: int
    warnings: int
    complete: int
    completeness: float | None
    """The mean completeness of the documents whose completeness is known."""
    reviews_overdue: int
    actions_overdue: int

    def to_dict(self) -> dict[str, Any]:
        """The group in the JSON audit."""
        return _json(self)


@attrs.frozen(kw_only=True)
class CumulativeImpact:
    """One characteristic adversely affected within a programme."""

    characteristic: str
    label: str
    proposals: int
    """Documents of the programme with an adverse entry for it."""
    negative: int
    """Of those, documents with a negative entry."""
    mixed: int
    """Of those, documents with a mixed entry and no negative one."""
    documents: tuple[str, ...]
    """The documents (id, else name, else path), in audit order."""

    def to_dict(self) -> dict[str, Any]:
        """The row in the JSON audit."""
        return _json(self)


@attrs.frozen(kw_only=True)
class CharacteristicTotals:
    """One characteristic across the current documents of the estate."""

    characteristic: str
    label: str
    documents: int
    """Documents with an entry for it."""
    adverse: int
    """Documents with an adverse (negative or mixed) entry for it."""
    negative: int
    """Of those, documents with a negative entry."""

    def to_dict(self) -> dict[str, Any]:
        """The characteristic in the JSON audit."""
        return _json(self)


@attrs.frozen(kw_only=True)
class ProgrammeImpact:
    """The cumulative-impact table of one programme."""

    programme: str
    proposals: int
    """Current documents in the programme, its cumulative assessments left out."""
    cumulative: bool
    """True when one of them has ``level: cumulative``."""
    characteristics: tuple[CumulativeImpact, ...]
    """Most proposals first, then by characteristic code."""

    def to_dict(self) -> dict[str, Any]:
        """The programme in the JSON audit."""
        return _json(self)


@attrs.frozen(kw_only=True)
class Estate:
    """Every estate view of one run."""

    as_of: _dt.date
    due_within: int
    reviews: tuple[Review, ...]
    """Overdue and due reviews, earliest first."""
    actions: tuple[OverdueAction, ...]
    """Overdue actions, longest overdue first."""
    organisations: tuple[GroupTotals, ...]
    directorates: tuple[GroupTotals, ...]
    programmes: tuple[GroupTotals, ...]
    characteristics: tuple[CharacteristicTotals, ...]
    """Every characteristic with an entry, most adversely affected first."""
    cumulative: tuple[ProgrammeImpact, ...]

    @property
    def reviews_overdue(self) -> tuple[Review, ...]:
        """The reviews whose date has passed."""
        return tuple(r for r in self.reviews if r.overdue)

    @property
    def reviews_due(self) -> tuple[Review, ...]:
        """The reviews due from ``as_of`` to ``due_within`` days after it."""
        return tuple(r for r in self.reviews if not r.overdue)

    def to_dict(self) -> dict[str, Any]:
        """The ``estate`` object of the JSON audit."""
        return {
            "due_within": self.due_within,
            "reviews_overdue": [r.to_dict() for r in self.reviews_overdue],
            "reviews_due": [r.to_dict() for r in self.reviews_due],
            "actions_overdue": [a.to_dict() for a in self.actions],
            "organisations": [g.to_dict() for g in self.organisations],
            "directorates": [g.to_dict() for g in self.directorates],
            "programmes": [g.to_dict() for g in self.programmes],
            "characteristics": [c.to_dict() for c in self.characteristics],
            "cumulative": [p.to_dict() for p in self.cumulative],
        }


_OPEN = "('planned', 'in_progress')"


def _reviews(db: sqlite3.Connection, as_of: _dt.date, due_within: int) -> tuple[Review, ...]:
    until = as_of + _dt.timedelta(days=due_within)
    rows = db.execute(
        """
        SELECT path, id, name, directorate, status, review_date FROM work.documents
        WHERE superseded = 0 AND review_date IS NOT NULL AND review_date <= ?
        ORDER BY review_date, doc
        """,
        (until.isoformat(),),
    )
    return tuple(
        Review(
            path=path,
            id=ident,
            name=name,
            directorate=directorate,
            status=status,
            review_date=_date(review),
            days=(_date(review) - as_of).days,
        )
        for path, ident, name, directorate, status, review in rows
    )


def _actions(db: sqlite3.Connection, as_of: _dt.date) -> tuple[OverdueAction, ...]:
    rows = db.execute(
        f"""
        SELECT d.path, d.id, d.name, d.directorate, a.entry, a.mitigation, a.characteristic,
               a.action, a.owner, a.due, a.status
        FROM work.actions AS a JOIN work.documents AS d ON d.doc = a.doc
        WHERE d.superseded = 0 AND a.status IN {_OPEN} AND a.due IS NOT NULL AND a.due < ?
        ORDER BY a.due, a.doc, a.entry, a.mitigation
        """,
        (as_of.isoformat(),),
    )
    return tuple(
        OverdueAction(
            path=path,
            id=ident,
            name=name,
            directorate=directorate,
            pointer=f"/impacts/{entry}/mitigations/{mitigation}",
            characteristic=code,
            action=action,
            owner=owner,
            due=_date(due),
            status=status,
            days_overdue=(as_of - _date(due)).days,
        )
        for path, ident, name, directorate, entry, mitigation, code, action, owner, due, status in (
            rows
        )
    )


def _groups(db: sqlite3.Connection, column: str, as_of: _dt.date) -> tuple[GroupTotals, ...]:
    # The spelling shown for a group is its first document's; documents are grouped
    # exactly as written (a directorate spelt two ways is two rows, which is worth seeing).
    rows = db.execute(
        f"""
        SELECT d.{column}, count(*), sum(d.ok = 0), sum(d.errors), sum(d.warnings),
               sum(d.completeness = 1.0), avg(d.completeness),
               sum(d.review_date IS NOT NULL AND d.review_date < :as_of),
               coalesce(sum((
                   SELECT count(*) FROM work.actions AS a
                   WHERE a.doc = d.doc AND a.status IN {_OPEN}
                     AND a.due IS NOT NULL AND a.due < :as_of
               )), 0)
        FROM work.documents AS d
        WHERE d.superseded = 0
        GROUP BY d.{column}
        ORDER BY d.{column} IS NULL, d.{column}
        """,
        {"as_of": as_of.isoformat()},
    )
    return tuple(
        GroupTotals(
            value=value,
            documents=documents,
            failing=failing,
            errors=errors,
            warnings=warnings,
            complete=complete or 0,
            completeness=completeness,
            reviews_overdue=reviews,
            actions_overdue=actions,
        )
        for (
            value,
            documents,
            failing,
            errors,
            warnings,
            complete,
            completeness,
            reviews,
            actions,
        ) in rows
    )


def _cumulative(db: sqlite3.Connection) -> tuple[ProgrammeImpact, ...]:
    names: dict[str, str] = {}
    proposals: dict[str, int] = defaultdict(int)
    cumulative: set[str] = set()
    labels: dict[int, str] = {}
    for doc, key, programme, level, ident, name, path in db.execute(
        """
        SELECT doc, programme_key, programme, level, id, name, path FROM work.documents
        WHERE superseded = 0 AND programme_key IS NOT NULL ORDER BY doc
        """
    ):
        names.setdefault(key, programme)
        labels[doc] = label(ident, name, path)
        if level == "cumulative":
            cumulative.add(key)
        else:
            proposals[key] += 1
    # (programme, characteristic) -> doc -> the worst adverse impact of its entries
    worst: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)
    texts: dict[str, str] = {}
    for doc, key, code, text, impact in db.execute(
        """
        SELECT i.doc, d.programme_key, i.characteristic, i.label, i.impact
        FROM work.impacts AS i JOIN work.documents AS d ON d.doc = i.doc
        WHERE d.superseded = 0 AND d.programme_key IS NOT NULL
          AND d.level IS NOT 'cumulative' AND i.impact IN ('negative', 'mixed')
        ORDER BY i.doc, i.entry
        """
    ):
        texts.setdefault(code, text)
        seen = worst[(key, code)]
        if seen.get(doc) != "negative":
            seen[doc] = impact
    tables: list[ProgrammeImpact] = []
    for key in sorted(names, key=lambda k: names[k].casefold()):
        rows = [
            CumulativeImpact(
                characteristic=code,
                label=texts[code],
                proposals=len(docs),
                negative=sum(1 for impact in docs.values() if impact == "negative"),
                mixed=sum(1 for impact in docs.values() if impact == "mixed"),
                documents=tuple(labels[doc] for doc in docs),
            )
            for (programme, code), docs in worst.items()
            if programme == key
        ]
        rows.sort(key=lambda row: (-row.proposals, row.characteristic))
        tables.append(
            ProgrammeImpact(
                programme=names[key],
                proposals=proposals[key],
                cumulative=key in cumulative,
                characteristics=tuple(rows),
            )
        )
    return tuple(tables)


def _characteristics(db: sqlite3.Connection) -> tuple[CharacteristicTotals, ...]:
    rows = db.execute(
        """
        SELECT i.characteristic, min(i.label), count(DISTINCT i.doc),
               count(DISTINCT CASE WHEN i.impact IN ('negative', 'mixed') THEN i.doc END),
               count(DISTINCT CASE WHEN i.impact = 'negative' THEN i.doc END)
        FROM work.impacts AS i JOIN work.documents AS d ON d.doc = i.doc
        WHERE d.superseded = 0 AND d.level IS NOT 'cumulative'
        GROUP BY i.characteristic
        """
    )
    found = [
        CharacteristicTotals(
            characteristic=code, label=text, documents=docs, adverse=adverse, negative=negative
        )
        for code, text, docs, adverse, negative in rows
    ]
    return tuple(sorted(found, key=lambda c: (-c.adverse, c.characteristic)))


def estate_views(db: sqlite3.Connection, *, as_of: _dt.date, due_within: int) -> Estate:
    """Every estate view over the working tables of a run."""
    return Estate(
        as_of=as_of,
        due_within=due_within,
        reviews=_reviews(db, as_of, due_within),
        actions=_actions(db, as_of),
        organisations=_groups(db, "organisation", as_of),
        directorates=_groups(db, "directorate", as_of),
        programmes=_groups(db, "programme", as_of),
        characteristics=_characteristics(db),
        cumulative=_cumulative(db),
    )


@attrs.frozen(kw_only=True)
class TrendPoint:
    """One directorate in the last recorded run of one month (the month of ``as_of``)."""

    month: str
    """``YYYY-MM``."""
    directorate: str | None
    documents: int
    failing: int
    errors: int
    warnings: int
    completeness: float | None
    """Mean completeness of its current documents whose completeness is known."""

    def to_dict(self) -> dict[str, Any]:
        """The point in the JSON audit."""
        return _json(self)


TREND_SQL = """
WITH last AS (
    SELECT substr(as_of, 1, 7) AS month, max(run_id) AS run_id FROM runs GROUP BY month
)
SELECT last.month, d.directorate, count(*), sum(d.ok = 0), sum(d.errors), sum(d.warnings),
       avg(d.completeness)
FROM last JOIN documents AS d ON d.run_id = last.run_id
WHERE d.superseded = 0
GROUP BY last.month, d.directorate
ORDER BY last.month, d.directorate IS NULL, d.directorate
"""
"""Trends by month and directorate: the last run recorded for each month of ``as_of``."""


def trends(db: sqlite3.Connection) -> tuple[TrendPoint, ...]:
    """The trend points of the history open as ``main`` in ``db``."""
    return tuple(
        TrendPoint(
            month=month,
            directorate=directorate,
            documents=documents,
            failing=failing,
            errors=errors,
            warnings=warnings,
            completeness=completeness,
        )
        for month, directorate, documents, failing, errors, warnings, completeness in db.execute(
            TREND_SQL
        )
    )
