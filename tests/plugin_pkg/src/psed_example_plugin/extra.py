"""The callable entry point of the example plug-in: ``register()`` adds EXP002."""

from __future__ import annotations

from collections.abc import Iterator

from psed.rules import Context, Hit, rule


def _unnamed_decision_maker(ctx: Context) -> Iterator[Hit]:
    """A decision with no decision-maker.

    ## What it checks
    Under the `example-council` framework, when the document records a decision, its
    `maker` is given.

    ## Why it matters
    The duty is personal to the decision-maker (R (Brown) v SSWP [2008] EWHC 3158
    (Admin), principle 5: non-delegable), so the record must say who decided.

    ## Failing example
    ```yaml
    name: Library opening hours review
    framework: example-council
    decision:
      outcome: adjust
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    framework: example-council
    decision:
      outcome: adjust
      maker: Cabinet
    ```
    """
    decision = ctx.proposal.decision
    if ctx.framework.id != "example-council":
        return
    if decision is not None and not (decision.maker or "").strip():
        yield Hit("/decision/maker", "The decision does not say who took it: name the maker.")


def register() -> None:
    """Register EXP002 (called once by psed's plug-in discovery)."""
    rule(
        code="EXP002",
        name="unnamed-decision-maker",
        severity="info",
        status="draft",
        references=("R (Brown) v SSWP [2008] EWHC 3158 (Admin)",),
        replace=True,
    )(_unnamed_decision_maker)
