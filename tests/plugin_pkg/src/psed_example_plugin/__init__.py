"""An example psed plug-in: importing this module registers the rule EXP001.

The plug-in also registers its council's framework, ``example-council``, and its rules
apply only to documents under that framework: installing the plug-in does not change
what other documents report.
"""

from __future__ import annotations

from collections.abc import Iterator

import psed
from psed.rules import Context, Hit, rule

FRAMEWORK = "example-council"

if psed.default_catalogue().framework(FRAMEWORK) is None:
    psed.register_framework(FRAMEWORK, base="psed", label="Example Council EqIA")


@rule(
    code="EXP001",
    name="missing-reference-number",
    severity="warning",
    status="submitted",
    references=("Example Council records management policy 2024, para 4.2",),
)
def missing_reference_number(ctx: Context) -> Iterator[Hit]:
    """The assessment has no reference number.

    ## What it checks
    Under the `example-council` framework, the document's `id` (the organisation's own
    reference) is given.

    ## Why it matters
    The example council's records management policy (para 4.2) files every assessment
    under its reference, so that the record can be found when a decision is challenged.

    ## Failing example
    ```yaml
    name: Library opening hours review
    framework: example-council
    ```

    ## Passing example
    ```yaml
    id: LIB-2026-04
    name: Library opening hours review
    framework: example-council
    ```
    """
    if ctx.framework.id == FRAMEWORK and not (ctx.proposal.id or "").strip():
        yield Hit("/id", "The assessment has no reference number: give its file reference.")
