"""Portfolio rules PSED701-PSED704: gaps that only show across several assessments.

These rules need every document of an audit at once, so ``psed.check`` of one document
never reports them: :func:`psed.audit.audit` and ``psed audit`` do, in the report of
each document concerned. They are registered here, with their documentation, so that
``psed rules``, ``psed explain``, configuration and waivers know them like any other
rule; the analysis itself is in :mod:`psed.audit`.

Each example below is a folder of documents, written as one YAML stream: a ``---``
line starts the next file.
"""

from __future__ import annotations

from psed.findings import Severity
from psed.law import GB_EQUALITY_DUTIES, Basis, Reference
from psed.model import Status
from psed.rules._common import BROWN_95, BROWN_96, GENERAL_DUTY
from psed.rules._registry import Rule, documented_rule, register

__all__ = ["PORTFOLIO_CODES", "PORTFOLIO_RULES", "is_portfolio"]

AUDIT_WALES = Reference(
    citation='Audit Wales, "Making equality impact assessments more than a tick-box exercise" '
    "(2022)",
    basis=Basis.PRACTICE,
    duties=frozenset(GB_EQUALITY_DUTIES),
    note="Found that few bodies looked at the cumulative impact of their decisions.",
)

_DOCS: dict[str, tuple[str, Severity, Status, tuple[Reference, ...], str]] = {
    "PSED701": (
        "cumulative-impact-not-assessed",
        Severity.WARNING,
        Status.SUBMITTED,
        (GENERAL_DUTY, AUDIT_WALES),
        """A characteristic is adversely affected by several proposals of one programme, and
        no cumulative assessment of the programme exists.

        ## What it checks
        Within one `programme` (compared ignoring case and spacing), when three or more
        documents have an adverse (negative or mixed) entry for the same characteristic,
        and no document of that programme has `level: cumulative`, every such entry is
        reported at its place in `impacts`, naming the other documents. A document that
        another audited document `supersedes` is left out: the newer one counts instead.
        The threshold is `min-cumulative` in the configuration (default 3, from 2), or
        `psed audit --min-cumulative N` for one run.

        ## Why it matters
        Each assessment can honestly find a small effect on a group while the budget
        round as a whole takes a great deal from the same people. The general duty
        (Equality Act 2010 s149(1); in Northern Ireland, Northern Ireland Act 1998
        s75(1)) asks the decision-maker to have due regard to the effect of what is
        decided, and a council deciding forty savings proposals decides them together.
        The law prescribes no particular document: assessing the combined effect in one
        cumulative assessment is good practice, which Audit Wales, "Making equality
        impact assessments more than a tick-box exercise" (2022) found few bodies did.

        ## Failing example
        ```yaml
        # library-hours.yaml
        name: Reduce library opening hours
        programme: Budget 2025/26 savings
        impacts:
          - characteristic: age
            impact: negative
            details: Older residents use the libraries most in the hours that close.
        ---
        # bus-subsidy.yaml
        name: End the evening bus subsidy
        programme: Budget 2025/26 savings
        impacts:
          - characteristic: age
            impact: negative
            details: Older people without cars rely on the evening buses.
        ---
        # day-centres.yaml
        name: Merge two day centres
        programme: Budget 2025/26 savings
        impacts:
          - characteristic: age
            impact: mixed
            details: Longer journeys for older users, better facilities at the merged site.
        ```

        ## Passing example
        ```yaml
        # library-hours.yaml
        name: Reduce library opening hours
        programme: Budget 2025/26 savings
        impacts:
          - characteristic: age
            impact: negative
            details: Older residents use the libraries most in the hours that close.
        ---
        # bus-subsidy.yaml
        name: End the evening bus subsidy
        programme: Budget 2025/26 savings
        impacts:
          - characteristic: age
            impact: negative
            details: Older people without cars rely on the evening buses.
        ---
        # cumulative.yaml
        name: Budget 2025/26 savings, cumulative equality impact
        programme: Budget 2025/26 savings
        level: cumulative
        impacts:
          - characteristic: age
            impact: negative
            details: Three proposals reduce services older residents use; see each one.
        ```
        """,
    ),
    "PSED702": (
        "duplicate-assessment-id",
        Severity.ERROR,
        Status.DRAFT,
        (GENERAL_DUTY, BROWN_96),
        """Two documents of the audit have the same `id`.

        ## What it checks
        The `id` of each document (the organisation's own reference, compared ignoring
        case and spacing; placeholders such as "TBC" are not ids) must be unique among
        the documents audited together. Each document sharing an id is reported at its
        `id`, naming the others.

        ## Why it matters
        Links between assessments (`related`), the audit history and the action plans of
        superseded assessments are followed by id; two documents with one id mix two
        records up. The record is the evidence that the general duty (Equality Act 2010
        s149(1); in Northern Ireland, Northern Ireland Act 1998 s75(1)) was met, and
        keeping an adequate record is good practice (R (Brown) v Secretary of State for
        Work and Pensions [2008] EWHC 3158 (Admin) [96]). No law requires references:
        unique ids are the practice that keeps the record usable.

        ## Failing example
        ```yaml
        # library-hours.yaml
        id: BUD-07
        name: Reduce library opening hours
        ---
        # bus-subsidy.yaml
        id: bud-07
        name: End the evening bus subsidy
        ```

        ## Passing example
        ```yaml
        # library-hours.yaml
        id: BUD-07
        name: Reduce library opening hours
        ---
        # bus-subsidy.yaml
        id: BUD-08
        name: End the evening bus subsidy
        ```
        """,
    ),
    "PSED703": (
        "unknown-related-assessment",
        Severity.INFO,
        Status.DRAFT,
        (GENERAL_DUTY, BROWN_96),
        """A `related` link names an id that no audited document has.

        ## What it checks
        Each `related` entry's `id` (compared ignoring case and spacing) is looked up
        among the ids of the documents audited together. One that is not found is
        reported at the link's `id`. It is information only: the other assessment may
        simply be kept elsewhere.

        ## Why it matters
        A link that leads nowhere in the audit may be a typing mistake, or an assessment
        that is missing from the record. The record is the evidence that the general duty
        (Equality Act 2010 s149(1); in Northern Ireland, Northern Ireland Act 1998
        s75(1)) was met, and keeping an adequate record of it is good practice (R (Brown)
        v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [96]).

        ## Failing example
        ```yaml
        # customer-access-2022.yaml
        id: CAS-2022
        name: Customer Access Strategy 2022-26
        related:
          - id: CAS-2O18
            relation: supersedes
        ---
        # customer-access-2018.yaml
        id: CAS-2018
        name: Customer Access Strategy 2018-21
        ```

        ## Passing example
        ```yaml
        # customer-access-2022.yaml
        id: CAS-2022
        name: Customer Access Strategy 2022-26
        related:
          - id: CAS-2018
            relation: supersedes
        ---
        # customer-access-2018.yaml
        id: CAS-2018
        name: Customer Access Strategy 2018-21
        ```
        """,
    ),
    "PSED704": (
        "superseded-actions-open",
        Severity.WARNING,
        Status.SUBMITTED,
        (GENERAL_DUTY, BROWN_95),
        """An assessment replaces another whose actions are still open, and does not carry
        them over.

        ## What it checks
        When a document has a `related` entry with `relation: supersedes`, every
        mitigation of the superseded document (found by its `id` among the audited
        documents) that is still `planned` or `in_progress` must appear among the new
        document's mitigations: the same action text, compared ignoring case, spacing and
        punctuation. Each open action not carried over is reported at the `related`
        entry, naming the action and its owner.

        ## Why it matters
        The general duty (Equality Act 2010 s149(1); in Northern Ireland, Northern
        Ireland Act 1998 s75(1)) is continuing (R (Brown) v Secretary of State for Work
        and Pensions [2008] EWHC 3158 (Admin) [95]): mitigations promised when a decision
        was taken do not lapse because the assessment was rewritten. An action that is
        neither done, dropped, nor carried into the new assessment has quietly left the
        record. Carrying actions over is practice; keeping the duty in mind is law.

        ## Failing example
        ```yaml
        # customer-access-2022.yaml
        id: CAS-2022
        name: Customer Access Strategy 2022-26
        related:
          - id: CAS-2018
            relation: supersedes
        ---
        # customer-access-2018.yaml
        id: CAS-2018
        name: Customer Access Strategy 2018-21
        impacts:
          - characteristic: age
            impact: negative
            details: Older customers are least likely to use the web channels.
            mitigations:
              - action: Free digital skills courses in every library
                owner: Digital Inclusion Lead
                status: in_progress
        ```

        ## Passing example
        ```yaml
        # customer-access-2022.yaml
        id: CAS-2022
        name: Customer Access Strategy 2022-26
        related:
          - id: CAS-2018
            relation: supersedes
        impacts:
          - characteristic: age
            impact: negative
            details: Older customers are still least likely to use the web channels.
            mitigations:
              - action: Free digital skills courses in every library.
                owner: Digital Inclusion Lead
                status: in_progress
        ---
        # customer-access-2018.yaml
        id: CAS-2018
        name: Customer Access Strategy 2018-21
        impacts:
          - characteristic: age
            impact: negative
            details: Older customers are least likely to use the web channels.
            mitigations:
              - action: Free digital skills courses in every library
                owner: Digital Inclusion Lead
                status: in_progress
        ```
        """,
    ),
}


def _register() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for code, (name, severity, status, references, doc) in _DOCS.items():
        rules[code] = register(
            documented_rule(
                code=code,
                name=name,
                severity=severity,
                status=status,
                references=references,
                doc=doc,
            ),
            replace=True,
        )
    return rules


PORTFOLIO_RULES: dict[str, Rule] = _register()
"""The portfolio rules by code; their findings are made by :mod:`psed.audit`."""

PORTFOLIO_CODES: frozenset[str] = frozenset(PORTFOLIO_RULES)
"""PSED701-PSED704: the rules that only an audit of several documents reports."""


def is_portfolio(code: str) -> bool:
    """True for the codes only an audit reports (a single check never runs them)."""
    return code in PORTFOLIO_CODES
