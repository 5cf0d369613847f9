"""Portfolio audit: every assessment of an estate at once, and what no single one shows.

For auditors (scrutiny officers, internal audit, equality leads) who look at a budget
round of forty savings proposals, or at every assessment an organisation holds.
:func:`audit` checks every document and returns an :class:`AuditResult`:

- one :class:`AuditRow` per document: its status, counts, completeness, sign-offs,
  review date, and the portfolio findings the audit added to its report;
- :class:`AuditTotals`: findings by rule, characteristics most often left unassessed,
  the unreadable files;
- the portfolio rules PSED701-PSED704 (cumulative impact not assessed within a
  programme, duplicate ids, links to unknown assessments, open actions of superseded
  assessments not carried over), reported in each document's own row;
- the :class:`~psed.audit.estate.Estate` views: reviews due and overdue, actions past
  their due date with their owner, totals by organisation, directorate and programme,
  and the cumulative-impact table of each programme;
- with ``db``, the run recorded in an SQLite history (:mod:`psed.audit.history`), the
  trends by month and directorate, and with ``baseline`` the findings new and resolved
  since the previous run.

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

import datetime as _dt
from collections.abc import Generator, Iterable, Sequence

import attrs

from psed._batch import Job
from psed._i18n import DEFAULT_LANG, choose_lang
from psed.audit._row import NOT_ASSESSED_CODES, AuditRow, AuditTotals, audit_row
from psed.audit._run import AuditRun, Baseline, BaselineFinding, RunOptions
from psed.audit.estate import Estate, TrendPoint
from psed.audit.history import HistoryError
from psed.config import Config
from psed.findings import Severity
from psed.model import Status

__all__ = [
    "NOT_ASSESSED_CODES",
    "AuditResult",
    "AuditRow",
    "AuditTotals",
    "Baseline",
    "BaselineFinding",
    "Estate",
    "HistoryError",
    "TrendPoint",
    "audit",
    "audit_row",
    "iter_audit",
]


@attrs.frozen(kw_only=True)
class AuditResult:
    """Every row of an audit, the totals, the estate views and, with a history, the trends."""

    rows: tuple[AuditRow, ...]
    totals: AuditTotals
    estate: Estate | None = None
    """The estate views (reviews, actions, totals by group, cumulative impact)."""
    trends: tuple[TrendPoint, ...] = ()
    """By month and directorate, from the history (this run alone without ``db``)."""
    baseline: Baseline | None = None
    """New and resolved findings since the previous recorded run, when asked for."""
    run_id: int | None = None
    """The run's number in the history, when recorded with ``db``."""


def iter_audit(
    paths: Iterable[str], job: Job, *, jobs: int = 1
) -> Generator[tuple[AuditRow, list[str]], None, None]:
    """Each document's row and its unwaived finding codes (duplicates kept), in order.

    The rows include the portfolio findings, so they come once every document is
    checked.
    """
    with AuditRun(list(paths), job, RunOptions(), jobs=jobs) as run:
        run.run()
        codes: dict[str, list[str]] = {}
        for path, finding in run.findings():
            if finding.waived is None:
                codes.setdefault(path, []).append(finding.code)
        for row in run.rows():
            yield row, codes.get(row.path, [])


def audit(
    paths: Sequence[str] | str,
    *,
    as_of: _dt.date | None = None,
    status: Status | str | None = None,
    config: Config | None = None,
    fail_on: Severity | str | None = None,
    jobs: int = 1,
    due_within: int = 90,
    min_cumulative: int | None = None,
    db: str | None = None,
    baseline: bool = False,
    lang: str = DEFAULT_LANG,
) -> AuditResult:
    """Audit the documents at ``paths`` (files or folders, searched as ``psed check`` does).

    ``as_of`` defaults to today; ``status`` overrides every document's status for the
    rules (the rows still show each document's own); ``fail_on`` defaults to the
    configuration's (``error``); ``jobs`` > 1 checks in worker processes.
    ``due_within`` is how many days ahead a review counts as due; ``min_cumulative``
    is PSED701's threshold (None: the configuration's ``min_cumulative``, default 3).
    ``db`` names an SQLite history to record the run in
    (created if it does not exist; :class:`HistoryError` when it cannot be used), and
    ``baseline=True`` (with ``db``) compares the run with the previous one recorded.
    Never raises for a bad document: it is counted and listed as unreadable.
    ``lang`` is the language of the findings' messages: ``"en"`` (the default) or
    ``"cy"``; the history records it with each run, beside each finding's English
    message.

    .. versionchanged:: 0.2.0
       Portfolio rules, estate views, the history, the baseline and ``lang``.
    """
    if isinstance(paths, str):
        paths = [paths]
    if baseline and db is None:
        raise ValueError("baseline=True compares with the history: give db as well")
    cfg = config or Config()
    job = Job(
        as_of=as_of or _dt.date.today(),
        status=None if status is None else Status(status),
        config=config,
        fail_on=cfg.fail_on if fail_on is None else Severity(fail_on),
        lang=choose_lang(lang),
    )
    options = RunOptions(
        due_within=due_within,
        min_cumulative=cfg.min_cumulative if min_cumulative is None else min_cumulative,
        db=db,
        baseline=baseline,
    )
    with AuditRun(list(paths), job, options, jobs=jobs) as run:
        run.run()
        return AuditResult(
            rows=tuple(run.rows()),
            totals=run.totals(),
            estate=run.estate(),
            trends=run.trends(),
            baseline=run.baseline(),
            run_id=run.run_id if db is not None else None,
        )
