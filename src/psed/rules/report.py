"""PSED008: a report lists at most :data:`MAX_FINDINGS` findings; one finding tells of the rest.

The engine reports this code itself (it has no check function): every finding is
handed to the report's :class:`psed._bound.Bound` as it is found, which makes only the
findings the report lists and counts the rest. It is documented and registered here
like the structural codes.
"""

from __future__ import annotations

from collections.abc import Iterable

from psed._bound import MAX_FINDINGS, SUMMARY_CODE, SUMMARY_NAME, SUMMARY_REFERENCES, Bound
from psed.findings import Finding, Severity
from psed.model import Status
from psed.rules._registry import Rule, documented_rule, register

__all__ = ["MAX_FINDINGS", "TOO_MANY_FINDINGS", "bounded"]

_DOC = """The report lists the first findings only: there are too many to list.

    ## What it checks
    A report lists at most 1,000 findings for one document. When there would be more,
    it lists the first 999 in document order and this one finding, at the whole
    document, which says exactly how many more there are and names the rules with the
    most of them (up to five, then "and others"). Its severity is the highest of the
    findings it stands for (waived findings left out, so a report fails exactly when
    the full one would), and it cannot be waived or ignored. The findings it stands
    for are counted, not written out: a document with 100,000 findings costs little
    more than one with 1,000.

    ## Why it matters
    A document with thousands of findings (a form that sends every field twice, a
    spreadsheet pasted as keys) is best put right from its first problems; a report
    that grew with the document would let one payload exhaust a form backend's
    memory and a reader's patience.

    ## Failing example
    ```yaml
    name: Library opening hours review
    mitigation: &m {action: TBC, a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1}
    entry: &e
      characteristic: age
      impact: negative
      mitigations: [*m, *m, *m, *m, *m, *m, *m, *m, *m, *m]
    impacts: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    mitigation: &m {action: TBC, a: 1}
    entry: &e {characteristic: age, impact: negative, mitigations: [*m]}
    impacts: [*e]
    ```
    """

TOO_MANY_FINDINGS: Rule = register(
    documented_rule(
        code=SUMMARY_CODE,
        name=SUMMARY_NAME,
        severity=Severity.ERROR,
        status=Status.DRAFT,
        references=SUMMARY_REFERENCES,
        doc=_DOC,
    ),
    replace=True,
)
"""The PSED008 rule; the engine reports it when a report would pass :data:`MAX_FINDINGS`."""


def bounded(findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` in document order, cut to :data:`MAX_FINDINGS`, the rest told of in one.

    The same :class:`psed._bound.Bound` the engine hands each finding to as it is found;
    the finding that tells of the rest is at the whole document, so it comes first
    (after any other finding at the whole document whose code sorts before it).
    """
    bound = Bound()
    for finding in findings:
        bound.add_made(finding)
    return bound.listed()
