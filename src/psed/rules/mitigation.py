"""Mitigation rules PSED201-PSED205: adverse impacts have real, owned, dated actions."""

from __future__ import annotations

from collections.abc import Iterator

from psed.model import ImpactEntry, Mitigation, MitigationStatus
from psed.rules._common import BROWN, S149_1, entry_label, is_real_mitigation
from psed.rules._registry import Context, Hit, rule

__all__ = [
    "mitigation_overdue",
    "mitigation_without_due_date",
    "mitigation_without_owner",
    "negative_impact_without_mitigation",
    "placeholder_mitigation",
]

NI_SCH9 = "Northern Ireland Act 1998 Sch 9 para 9"
S149_3 = "Equality Act 2010 s149(3)(a)"
_OPEN = (MitigationStatus.PLANNED, MitigationStatus.IN_PROGRESS)


def _mitigations(ctx: Context) -> Iterator[tuple[str, ImpactEntry, Mitigation]]:
    for i, entry in enumerate(ctx.proposal.impacts):
        for j, mitigation in enumerate(entry.mitigations):
            yield f"/impacts/{i}/mitigations/{j}", entry, mitigation


def _accountable(mitigation: Mitigation) -> bool:
    """Whether owner and due date are expected: a real action that was not dropped."""
    return is_real_mitigation(mitigation)


@rule(
    code="PSED201",
    name="negative-impact-without-mitigation",
    severity="error",
    status="submitted",
    references=(S149_1, S149_3, NI_SCH9, BROWN),
)
def negative_impact_without_mitigation(ctx: Context) -> Iterator[Hit]:
    """A negative or mixed impact has no mitigation and no justification.

    ## What it checks

    Each entry whose `impact` is `negative` or `mixed` must have at least one real
    mitigation or a real `justification`. A mitigation counts only if its `action` is
    not a placeholder and its `status` is not `dropped`; a justification counts only
    if it is not a placeholder ("N/A", "None", "TBC", ...). Reported at the entry's
    `mitigations` list.

    ## Why it matters

    Advancing equality of opportunity includes removing or minimising disadvantage
    (Equality Act 2010 s149(3)(a)); an adverse impact that is neither mitigated nor
    justified shows no regard to it under Equality Act 2010 s149(1). Published results must say what
    was considered on mitigation (Northern Ireland Act 1998 Sch 9 para 9), and a
    record of "N/A" against a known harm is the box-ticking R (Brown) v Secretary of
    State for Work and Pensions [2008] EWHC 3158 (Admin) warns against.

    ## Failing example

    ```yaml
    name: Closure of Shirley library
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip to the next one.
        mitigations:
          - action: N/A
    ```

    ## Passing example

    ```yaml
    name: Closure of Shirley library
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip to the next one.
        mitigations:
          - action: Extend the home library service to every member over 70 who asks.
            owner: Libraries Manager
            due: 2027-03-31
    ```
    """
    for i, entry in enumerate(ctx.proposal.impacts):
        if not entry.impact.is_adverse:
            continue
        if any(is_real_mitigation(m) for m in entry.mitigations):
            continue
        if not ctx.text(entry.justification).placeholder:
            continue
        yield Hit(
            f"/impacts/{i}/mitigations",
            f"{entry_label(entry)} is marked {entry.impact.label.lower()} but has no "
            "mitigation and no justification: add a mitigating action or explain why the "
            "impact is justified.",
            entry.characteristic.code,
        )


@rule(
    code="PSED202",
    name="mitigation-without-owner",
    severity="warning",
    status="submitted",
    references=(NI_SCH9, BROWN),
)
def mitigation_without_owner(ctx: Context) -> Iterator[Hit]:
    """A mitigating action has no owner.

    ## What it checks

    Each mitigation with a real action that is not `dropped` must name an `owner`
    (absent or placeholder owners are reported). Placeholder actions are left to
    PSED205, and dropped actions need no owner.

    ## Why it matters

    An action nobody owns is rarely done. The duty is continuing and non-delegable
    (R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin),
    principles 5 and 6), and mitigation is part of what a published assessment must
    account for (Northern Ireland Act 1998 Sch 9 para 9).

    ## Failing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
            due: 2027-01-31
    ```

    ## Passing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
            owner: Waste Services Manager
            due: 2027-01-31
    ```
    """
    for pointer, entry, mitigation in _mitigations(ctx):
        if _accountable(mitigation) and ctx.text(mitigation.owner).placeholder:
            yield Hit(
                f"{pointer}/owner",
                f"A mitigating action for {entry_label(entry)} has no owner: name the "
                "person or post responsible for it.",
                entry.characteristic.code,
            )


@rule(
    code="PSED203",
    name="mitigation-without-due-date",
    severity="warning",
    status="submitted",
    references=(NI_SCH9, BROWN),
)
def mitigation_without_due_date(ctx: Context) -> Iterator[Hit]:
    """A mitigating action has no due date.

    ## What it checks

    Each mitigation with a real action that is not `dropped` must have a `due` date.
    Placeholder actions are left to PSED205, and dropped actions need no date.

    ## Why it matters

    Without a timescale nobody can tell whether the mitigation arrived before the
    harm, or at all. The duty is continuing (R (Brown) v Secretary of State for Work
    and Pensions [2008] EWHC 3158 (Admin), principle 6), and the mitigation
    considered is part of the published record (Northern Ireland Act 1998 Sch 9
    para 9).

    ## Failing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
            owner: Waste Services Manager
    ```

    ## Passing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
            owner: Waste Services Manager
            due: 2027-01-31
    ```
    """
    for pointer, entry, mitigation in _mitigations(ctx):
        if _accountable(mitigation) and mitigation.due is None:
            yield Hit(
                f"{pointer}/due",
                f"A mitigating action for {entry_label(entry)} has no due date: add the "
                "date by which it will be done.",
                entry.characteristic.code,
            )


@rule(
    code="PSED204",
    name="mitigation-overdue",
    severity="warning",
    status="approved",
    references=(BROWN,),
)
def mitigation_overdue(ctx: Context) -> Iterator[Hit]:
    """A mitigating action is past its due date and not done.

    ## What it checks

    Each mitigation whose `due` date is before the check's date (`as_of`) and whose
    `status` is still `planned` or `in_progress`. Done and dropped actions are not
    reported.

    ## Why it matters

    The duty is continuing (R (Brown) v Secretary of State for Work and Pensions
    [2008] EWHC 3158 (Admin), principle 6): a mitigation the approval relied on that
    has not happened means the adverse impact may be falling on people now. Mark it
    done, record its new date, or review the assessment.

    ## Failing example

    ```yaml
    name: Move to fortnightly bin collections
    status: approved
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
            owner: Waste Services Manager
            due: 2022-01-31
            status: planned
    ```

    ## Passing example

    ```yaml
    name: Move to fortnightly bin collections
    status: approved
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
            owner: Waste Services Manager
            due: 2022-01-31
            status: done
    ```
    """
    for pointer, entry, mitigation in _mitigations(ctx):
        if mitigation.due is None or mitigation.status not in _OPEN:
            continue
        if mitigation.due < ctx.as_of:
            yield Hit(
                f"{pointer}/due",
                f"A mitigating action for {entry_label(entry)} was due on "
                f"{mitigation.due.isoformat()} and is not done: complete it, record its "
                "progress, or set a new date.",
                entry.characteristic.code,
            )


@rule(
    code="PSED205",
    name="placeholder-mitigation",
    severity="warning",
    status="draft",
    references=(S149_3, BROWN),
)
def placeholder_mitigation(ctx: Context) -> Iterator[Hit]:
    """A mitigation's action is a placeholder.

    ## What it checks

    Each mitigation whose `action` is a placeholder: empty, "N/A", "None", "TBC",
    "To follow", "See above" and the like (case and punctuation ignored), or text
    containing "[insert". Whatever the entry's impact: if there is nothing to
    mitigate, leave the list empty.

    ## Why it matters

    A placeholder never counts as a mitigation (see PSED201), but in the list it
    looks like one to a reader skimming the record. Due regard is a matter of
    substance, not form (R (Brown) v Secretary of State for Work and Pensions [2008]
    EWHC 3158 (Admin)); minimising disadvantage (Equality Act 2010 s149(3)(a)) needs
    a real action.

    ## Failing example

    ```yaml
    name: Customer access strategy
    impacts:
      - characteristic: race
        impact: positive
        details: Translated web content will help residents whose first language is not English.
        mitigations:
          - action: N/A
    ```

    ## Passing example

    ```yaml
    name: Customer access strategy
    impacts:
      - characteristic: race
        impact: positive
        details: Translated web content will help residents whose first language is not English.
    ```
    """
    for pointer, entry, mitigation in _mitigations(ctx):
        if ctx.text(mitigation.action).placeholder:
            yield Hit(
                f"{pointer}/action",
                f"A mitigation for {entry_label(entry)} is only a placeholder: describe "
                "the action or remove the mitigation.",
                entry.characteristic.code,
            )
