"""PSED008: a report lists at most :data:`MAX_FINDINGS` findings; one finding tells of the rest.

The engine reports this code itself (it has no check function), after every rule has
run and the waivers are applied, so it is documented and registered here like the
structural codes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from psed._i18n import _
from psed.findings import Finding, Severity
from psed.model import Status
from psed.rules._registry import Rule, documented_rule, register

__all__ = ["MAX_FINDINGS", "TOO_MANY_FINDINGS", "bounded"]

MAX_FINDINGS = 1000
"""The most findings one report lists, the one that tells of the rest included."""

_DOC = """The report lists the first findings only: there are too many to list.

    ## What it checks
    A report lists at most 1,000 findings for one document. When there would be more,
    it lists the first 999 in document order and this one finding, at the whole
    document, which says how many more there are and of which rules. Its severity is
    the highest of the findings it stands for (waived findings left out, so a report
    fails exactly when the full one would), and it cannot be waived or ignored.

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
        code="PSED008",
        name="too-many-findings",
        severity=Severity.ERROR,
        status=Status.DRAFT,
        references=("psed document format, schema_version 1",),
        doc=_DOC,
    ),
    replace=True,
)
"""The PSED008 rule; the engine reports it when a report would pass :data:`MAX_FINDINGS`."""

_SHOWN_CODES = 5


def bounded(findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` (in document order) cut to :data:`MAX_FINDINGS`, the rest told of in one.

    The finding that tells of the rest is at the whole document, so it comes first
    (after any other finding at the whole document whose code sorts before it).
    """
    if len(findings) <= MAX_FINDINGS:
        return list(findings)
    kept, rest = findings[: MAX_FINDINGS - 1], findings[MAX_FINDINGS - 1 :]
    counts = Counter(f.code for f in rest).most_common()
    shown = ", ".join(f"{n:,} {code}" for code, n in counts[:_SHOWN_CODES])
    more = f"{len(rest):,}"
    if len(counts) > _SHOWN_CODES:
        message = _(
            "There are {count} more findings than this report lists ({codes} and others): "
            "put right the ones listed and check the document again.",
            count=more,
            codes=shown,
        )
    else:
        message = _(
            "There are {count} more findings than this report lists ({codes}): put right the "
            "ones listed and check the document again.",
            count=more,
            codes=shown,
        )
    standing = [f.severity for f in rest if f.waived is None]
    severity = max(standing, key=lambda s: s.rank) if standing else Severity.INFO
    summary = Finding(
        code=TOO_MANY_FINDINGS.code,
        name=TOO_MANY_FINDINGS.name,
        severity=severity,
        default_severity=TOO_MANY_FINDINGS.severity,
        message=str(message),
        pointer="",
        source=message,
        references=TOO_MANY_FINDINGS.references,
    )
    at = 0
    while at < len(kept) and kept[at].pointer == "" and kept[at].code < summary.code:
        at += 1
    return [*kept[:at], summary, *kept[at:]]
