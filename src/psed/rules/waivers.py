"""Waivers: accepted findings that stay visible (PSED901-PSED903) and how they apply.

A waiver in a document names a rule code and, optionally, a pointer. A *valid*
waiver (a real reason and approver, not expired) marks every finding of that rule at
or below its pointer as ``waived`` with its reason: the finding stays in the report
and no longer fails it. Invalid waivers waive nothing and are reported (PSED901,
PSED902); a valid waiver that matched nothing is reported as unused (PSED903).
Waivers never apply to structural findings (PSED001-PSED007) or to PSED9xx findings.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator, Sequence

import attrs

from psed._i18n import _
from psed._reading.codes import STRUCTURAL_NAMES
from psed._reading.pointer import join
from psed._text import is_placeholder
from psed.findings import Finding, Severity
from psed.model import Proposal, Status, Waiver
from psed.rules._common import BRACKING_26, BROWN_95, BROWN_96, GENERAL_DUTY
from psed.rules._registry import Context, Hit, Rule, documented_rule, register, rule

__all__ = [
    "UNUSED_WAIVER",
    "WaiverMatch",
    "WaiverOutcome",
    "apply_waivers",
    "valid_waivers",
    "waivable",
]


@rule(
    code="PSED901",
    name="waiver-without-reason",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, BROWN_96, BRACKING_26),
)
def waiver_without_reason(ctx: Context) -> Iterator[Hit]:
    """A waiver with no real reason or no approver; it waives nothing.

    ## What it checks
    Each entry of `waivers` must give a `reason` and an `approved_by` that are not
    placeholders (empty, "n/a", "tbc", "-", ...). A waiver that lacks either is
    reported at the missing field and waives nothing, so the findings it names still
    count.

    ## Why it matters
    A waiver records that someone accountable looked at a gap and accepted it for a
    stated reason. Without a reason or an approver it is an unexplained deletion from
    the record of due regard under Equality Act 2010 s149(1): the record of the steps
    taken is an important part of the evidence (R (Bracking) v Secretary of State for
    Work and Pensions [2013] EWCA Civ 1345 [26]), and keeping an adequate record is
    good practice (R (Brown) v Secretary of State for Work and Pensions [2008] EWHC
    3158 (Admin) [96]).

    ## Failing example
    ```yaml
    name: Library opening hours review
    waivers:
      - rule: PSED501
        reason: n/a
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    waivers:
      - rule: PSED501
        reason: Text reviewed; the impact is genuinely identical for these groups
        approved_by: Head of Libraries
    ```
    """
    for index, waiver in enumerate(ctx.proposal.waivers):
        if ctx.text(waiver.reason).placeholder:
            yield Hit(
                join("waivers", index, "reason"),
                _(
                    "The waiver of {code} gives no reason, so it waives nothing: say why the "
                    "finding is accepted.",
                    code=waiver.rule,
                ),
            )
        if ctx.text(waiver.approved_by).placeholder:
            yield Hit(
                join("waivers", index, "approved_by"),
                _(
                    "The waiver of {code} names no approver, so it waives nothing: give the "
                    "name or role of the person who accepted it.",
                    code=waiver.rule,
                ),
            )


@rule(
    code="PSED902",
    name="waiver-expired",
    severity="warning",
    status="draft",
    references=(GENERAL_DUTY, BROWN_95),
)
def waiver_expired(ctx: Context) -> Iterator[Hit]:
    """A waiver past its expiry date; it waives nothing.

    ## What it checks
    A waiver whose `expires` date is before the date of the check (`as_of`) is
    reported at `expires` and no longer waives anything. A waiver expiring on the day
    of the check still applies that day.

    ## Why it matters
    The duty under Equality Act 2010 s149(1) is continuing (R (Brown) v Secretary of
    State for Work and Pensions [2008] EWHC 3158 (Admin) [95]): a gap accepted for a
    time must be looked at again when that time is up, not left waived for ever.

    ## Failing example
    ```yaml
    name: Library opening hours review
    waivers:
      - rule: PSED310
        reason: Review date to be set by the new service manager
        approved_by: Head of Libraries
        expires: 2020-01-31
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    waivers:
      - rule: PSED310
        reason: Review date to be set by the new service manager
        approved_by: Head of Libraries
        expires: 2099-01-31
    ```
    """
    for index, waiver in enumerate(ctx.proposal.waivers):
        if waiver.expires is not None and waiver.expires < ctx.as_of:
            yield Hit(
                join("waivers", index, "expires"),
                _(
                    "The waiver of {code} expired on {date}, so it waives nothing: review the "
                    "finding and renew or remove the waiver.",
                    code=waiver.rule,
                    date=waiver.expires.isoformat(),
                ),
            )


_UNUSED_DOC = """A waiver that matched no finding.

    ## What it checks
    After the rules have run, each valid waiver (with a reason and an approver, not
    expired) must have matched at least one finding of its rule at or below its
    `pointer`. One that matched nothing is reported at the waiver. Waivers already
    reported under PSED901 or PSED902 are not reported again here, nor are waivers of
    a rule the configuration does not run.

    ## Why it matters
    A stale waiver hides nothing today but would silently accept the same gap if it
    came back later, without anyone looking at it again. An accurate record of due
    regard under Equality Act 2010 s149(1) is good practice (R (Brown) v Secretary of
    State for Work and Pensions [2008] EWHC 3158 (Admin) [96]).

    ## Failing example
    ```yaml
    name: Library opening hours review
    review_date: 2027-03-31
    waivers:
      - rule: PSED310
        reason: Review date to be set by the new service manager
        approved_by: Head of Libraries
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    review_date: 2027-03-31
    ```
    """


def _register_unused() -> Rule:
    return register(
        documented_rule(
            code="PSED903",
            name="unused-waiver",
            severity=Severity.WARNING,
            status=Status.DRAFT,
            references=(GENERAL_DUTY, BROWN_96),
            doc=_UNUSED_DOC,
        ),
        replace=True,
    )


UNUSED_WAIVER: Rule = _register_unused()
"""The PSED903 rule; the engine reports it after applying waivers."""


def valid_waivers(proposal: Proposal, as_of: _dt.date) -> list[tuple[int, Waiver]]:
    """The waivers that can waive: a real reason and approver, not expired on ``as_of``."""
    return [
        (index, waiver)
        for index, waiver in enumerate(proposal.waivers)
        if not is_placeholder(waiver.reason)
        and not is_placeholder(waiver.approved_by)
        and not (waiver.expires is not None and waiver.expires < as_of)
    ]


def waivable(code: str) -> bool:
    """False for the codes no waiver applies to: structural ones and PSED9xx."""
    return code not in STRUCTURAL_NAMES and not code.startswith("PSED9")


@attrs.frozen
class WaiverOutcome:
    """The findings with waivers applied, and the indexes of valid waivers that matched none."""

    findings: list[Finding]
    unused: list[int]


def _prefixes(pointer: str) -> Iterator[str | None]:
    """None (a waiver without a pointer) and every pointer ``pointer`` is at or below."""
    yield None
    yield ""
    index = pointer.find("/", 1)
    while index != -1:
        yield pointer[:index]
        index = pointer.find("/", index + 1)
    if pointer:
        yield pointer


class WaiverMatch:
    """The valid waivers of one document, looked up by the code and pointer of each finding.

    Built once per check; :meth:`reason` is asked as each finding is made, and
    :meth:`unused` afterwards. ``broken`` holds the indexes of waivers the reader found
    structural problems in: they waive nothing (a waiver whose pointer could not be read
    must not widen to the whole document) and are not reported again as unused.
    """

    __slots__ = ("_index_of", "_matched", "_waivers")

    def __init__(
        self, proposal: Proposal, as_of: _dt.date, broken: frozenset[int] = frozenset()
    ) -> None:
        self._waivers = [(i, w) for i, w in valid_waivers(proposal, as_of) if i not in broken]
        # Waivers by code, then by pointer (None: anywhere). A finding looks up only the
        # prefixes of its own pointer, so the cost does not grow with waivers x findings
        # (8,000 of each took over a minute when every pair was compared).
        self._index_of: dict[str, dict[str | None, list[int]]] = {}
        for position, (_index, waiver) in enumerate(self._waivers):
            by_pointer = self._index_of.setdefault(waiver.rule.strip(), {})
            by_pointer.setdefault(waiver.pointer, []).append(position)
        self._matched: set[tuple[str, str | None]] = set()  # (code, pointer) groups that matched

    def reason(self, code: str, pointer: str) -> str | None:
        """The reason of the first valid waiver covering a finding, or None (noted as used)."""
        by_pointer = self._index_of.get(code)
        if by_pointer is None or not waivable(code):
            return None
        first: int | None = None
        for prefix in _prefixes(pointer):
            group = by_pointer.get(prefix)
            if group:
                self._matched.add((code, prefix))
                first = group[0] if first is None else min(first, group[0])
        return None if first is None else self._waivers[first][1].reason

    def unused(self, selected: Callable[[str], bool] = lambda _code: True) -> list[int]:
        """Indexes of the valid waivers that matched nothing, of rules ``selected`` runs."""
        index_of, waivers = self._index_of, self._waivers
        used = {waivers[p][0] for code, prefix in self._matched for p in index_of[code][prefix]}
        return [
            index
            for index, waiver in waivers
            if index not in used and selected(waiver.rule.strip())
        ]


def apply_waivers(
    findings: Sequence[Finding],
    proposal: Proposal,
    as_of: _dt.date,
    selected: Callable[[str], bool] = lambda _code: True,
    broken: frozenset[int] = frozenset(),
) -> WaiverOutcome:
    """Mark the findings each valid waiver covers, first matching waiver's reason winning.

    ``selected`` says whether the configuration runs a rule code: a waiver of a rule
    that does not run is not reported as unused. ``broken`` is as for :class:`WaiverMatch`.
    """
    match = WaiverMatch(proposal, as_of, broken)
    out: list[Finding] = []
    for finding in findings:
        reason = None if finding.waived is not None else match.reason(finding.code, finding.pointer)
        out.append(finding if reason is None else attrs.evolve(finding, waived=reason))
    return WaiverOutcome(out, match.unused(selected))
