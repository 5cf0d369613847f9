"""Community safety rule PSED601 (Crime and Disorder Act 1998 s17)."""

from __future__ import annotations

from collections.abc import Iterator

from psed.model import Impact
from psed.rules._common import BROWN, entry_label
from psed.rules._registry import Context, Hit, rule

__all__ = ["community_safety_not_considered"]

CDA_S17_1 = "Crime and Disorder Act 1998 s17(1)"


@rule(
    code="PSED601",
    name="community-safety-not-considered",
    severity="error",
    status="submitted",
    references=(CDA_S17_1, "Crime and Disorder Act 1998 s17(2)", BROWN),
)
def community_safety_not_considered(ctx: Context) -> Iterator[Hit]:
    """A community-safety entry dismisses the s17 duty without considering any limb.

    ## What it checks

    Under frameworks with the Crime and Disorder Act 1998 s17 duty (`esia`, and
    custom frameworks that declare it), each `community_safety` entry that is
    `neutral` or `not_applicable` must mention at least one limb of s17 in its
    `details`: crime, disorder, anti-social behaviour, drugs, alcohol, substance
    misuse, re-offending, violence, local environment or safety (whole words, any
    case, with common variants such as "antisocial behaviour", "criminal",
    "reoffending" and "violent"). Reported at the entry's `details`. Under other
    frameworks PSED105 treats a community-safety entry like any other. A missing
    entry is PSED101; an undetermined one PSED103.

    ## Why it matters

    Local authorities (and the other bodies listed in Crime and Disorder Act 1998
    s17(2)) must exercise their
    functions with due regard to the likely effect on, and the need to do all they
    reasonably can to prevent, crime and disorder (including anti-social and other
    behaviour adversely affecting the local environment), the misuse of drugs,
    alcohol and other substances, re-offending and serious violence (Crime and
    Disorder Act 1998 s17(1)). An entry that says only "N/A" gives no evidence that
    any limb was considered; regard must be had in substance (R (Brown) v Secretary
    of State for Work and Pensions [2008] EWHC 3158 (Admin)).

    ## Failing example

    ```yaml
    name: Customer access strategy
    framework: esia
    impacts:
      - characteristic: community_safety
        impact: not_applicable
        details: N/A
    ```

    ## Passing example

    ```yaml
    name: Customer access strategy
    framework: esia
    impacts:
      - characteristic: community_safety
        impact: neutral
        details: >-
          Reports of anti-social behaviour and fly-tipping move online but keep the
          same response times; no effect on crime, disorder or substance misuse.
    ```
    """
    if not ctx.framework.community_safety:
        return
    for i, entry in enumerate(ctx.proposal.impacts):
        if entry.characteristic.code != "community_safety":
            continue
        if entry.impact not in (Impact.NEUTRAL, Impact.NOT_APPLICABLE):
            continue
        if not ctx.text(entry.details).limbs:
            yield Hit(
                f"/impacts/{i}/details",
                f"{entry_label(entry)} is marked {entry.impact.label.lower()} without "
                "considering crime, disorder, anti-social behaviour, substance misuse, "
                "re-offending or violence: say what effect the proposal has on each.",
                entry.characteristic.code,
            )
