"""Community safety rule PSED601 (Crime and Disorder Act 1998 s17)."""

from __future__ import annotations

from collections.abc import Iterator

from psed import law as _law
from psed._i18n import _
from psed.law import ENGLAND_AND_WALES, Reference
from psed.model import Impact
from psed.rules._common import GENERAL_DUTY, entry_term, impact_term, limb_term, listing
from psed.rules._registry import Context, Hit, rule

__all__ = ["community_safety_not_considered"]

_S17 = frozenset({_law.CDA_S17})


def _limb(citation: str, england: str, wales: str | None = None) -> tuple[Reference, ...]:
    """A limb's provision, cited from the day it came into force in each nation."""
    return (
        Reference(citation=citation, duties=_S17, jurisdictions={"england"}, since=england),
        Reference(citation=citation, duties=_S17, jurisdictions={"wales"}, since=wales or england),
    )


S17_2 = Reference(
    citation="Crime and Disorder Act 1998 s17(2)", duties=_S17, jurisdictions=ENGLAND_AND_WALES
)


@rule(
    code="PSED601",
    name="community-safety-not-considered",
    severity="error",
    status="submitted",
    references=(
        GENERAL_DUTY,
        *_limb("Crime and Disorder Act 1998 s17(1)(a)", "2007-08-01", "2007-11-19"),
        *_limb("Crime and Disorder Act 1998 s17(1)(b)", "2007-08-01", "2007-11-19"),
        *_limb("Crime and Disorder Act 1998 s17(1)(c)", "2010-04-01"),
        *_limb("Crime and Disorder Act 1998 s17(1)(d)", "2023-01-31"),
        S17_2,
    ),
)
def community_safety_not_considered(ctx: Context) -> Iterator[Hit]:
    """A community-safety entry dismisses the s17 duty without considering any limb.

    ## What it checks

    Under frameworks with the Crime and Disorder Act 1998 s17 duty (`esia`, and
    custom frameworks that declare it), each `community_safety` entry that is
    `neutral` or `not_applicable` must mention at least one limb of s17 that was in
    force on the document's law date, in its `details`: crime or disorder (from 30
    September 1998); anti-social behaviour or the local environment, and drugs,
    alcohol or substance misuse (from 1 August 2007 in England, 19 November 2007 in
    Wales); re-offending (from 1 April 2010); violence (serious violence, from 31
    January 2023). Whole words, any case, with common variants such as "antisocial
    behaviour", "criminal", "reoffending" and "violent", and in Welsh: trosedd or
    anhrefn; ymddygiad gwrthgymdeithasol or yr amgylchedd lleol; cyffuriau, alcohol,
    sylweddau or camddefnyddio; aildroseddu; trais or treisgar (also mutated: drosedd,
    thrais, gyffuriau). "Safety" alone is not a
    limb: "no road-safety issues" considers none of them. Reported at the entry's
    `details`, naming the limbs in force. Under other frameworks PSED105 treats a
    community-safety entry like any other. A missing entry is PSED101; an
    undetermined one PSED103.

    ## Why it matters

    Local authorities (and the other bodies listed in Crime and Disorder Act 1998
    s17(2)) must exercise their functions with due regard to the likely effect on,
    and the need to do all they reasonably can to prevent, crime and disorder
    (Crime and Disorder Act 1998 s17(1)), including anti-social and other behaviour
    adversely affecting the local environment (Crime and Disorder Act 1998
    s17(1)(a)), the misuse of drugs, alcohol and other substances (Crime and
    Disorder Act 1998 s17(1)(b)), re-offending (Crime and Disorder Act 1998
    s17(1)(c)) and serious violence (Crime and Disorder Act 1998 s17(1)(d)). The
    limbs were added over time, so an older decision is judged by the limbs of its
    day. An entry that says only "N/A" gives no evidence that any limb was
    considered. The duty extends to England and Wales only.

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
    limbs = ctx.law.limbs(_law.CDA_S17)
    if not ctx.framework.community_safety or not limbs:
        return
    named = listing([limb_term(limb) for limb in limbs], either=True)
    for i, entry in enumerate(ctx.proposal.impacts):
        if entry.characteristic.code != "community_safety":
            continue
        if entry.impact not in (Impact.NEUTRAL, Impact.NOT_APPLICABLE):
            continue
        if not _law.mentioned_limbs(ctx.text(entry.details).folded, limbs):
            yield Hit(
                f"/impacts/{i}/details",
                _(
                    "{entry} is marked {impact} without considering {limbs}: say what effect "
                    "the proposal has on each.",
                    entry=entry_term(entry),
                    impact=impact_term(entry.impact),
                    limbs=named,
                ),
                entry.characteristic.code,
            )
