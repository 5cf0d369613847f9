"""The blank document of ``psed new``: YAML to fill in, with a comment on every field.

The comments come from the model's field descriptions, so the template cannot drift
from the format. Every characteristic the framework requires is listed with
``impact: unknown``, and every sign-off it expects is there with empty values; the
document reads without structural findings, and the rules then list what is left to
do (as ``info`` while it is a draft).
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from psed.catalogue import Framework, default_catalogue
from psed.model import (
    SCHEMA_VERSION,
    Alternative,
    Contributor,
    Decision,
    DecisionReport,
    Engagement,
    Evidence,
    ImpactEntry,
    Intersection,
    Mitigation,
    Proposal,
    RelatedAssessment,
    Screening,
    ServiceProfile,
    SignOff,
)
from psed.schema import SCHEMA_BASE

__all__ = ["new_document"]

# Anything that could end a YAML comment line, or that a terminal would act on: line
# breaks of every kind (a label from a config file may hold one), other control
# characters, and the bidirectional controls.
_UNSAFE_IN_COMMENT = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


def _one_line(text: str) -> str:
    """Text made safe for one comment line: every break or control character a space."""
    return _UNSAFE_IN_COMMENT.sub(" ", text).rstrip()


def _doc(cls: type[Any], name: str) -> str:
    field = attrs.fields_dict(cls)[name]
    return str(field.metadata.get("doc", "")).replace("`", "")


def _comment(text: str, indent: int = 0) -> str:
    return f"{' ' * indent}# {_one_line(text)}\n"


def _block(cls: type[Any], names: list[str], indent: int) -> str:
    """``name: null`` lines, each after its description."""
    out = ""
    for name in names:
        out += _comment(_doc(cls, name), indent)
        out += f"{' ' * indent}{name}: null\n"
    return out


def _field(cls: type[Any], name: str, value: str = "null", extra: str = "") -> str:
    """One top-level ``name: value`` line after its description."""
    return _comment(_doc(cls, name) + extra) + f"{name}: {value}\n"


def _example_list(cls: type[Any], name: str, example: list[str], indent: int = 0) -> str:
    """An empty list after its description and a commented example item."""
    out = _comment(_doc(cls, name) + " For example:", indent)
    for line in example:
        out += _comment(line, indent)
    return out + f"{' ' * indent}{name}: []\n"


def new_document(framework: Framework, *, status: str = "draft") -> str:
    """A YAML document to fill in for ``framework``, starting at ``status``.

    The first line tells editors with a YAML language server where the framework's
    JSON Schema is, so they check and complete fields as the user types. Every text
    from the catalogue (a registered framework's label, a characteristic's label) is
    written inside a comment on one line, whatever characters it holds.
    """
    catalogue = default_catalogue()
    out = [
        f"# yaml-language-server: $schema={SCHEMA_BASE}/{framework.id}/proposal.json\n",
        "# A new impact assessment: psed document format, schema_version 1.\n",
        _comment(f"Framework {framework.id}: {framework.label}."),
        "# Fill in each field; replace every `unknown` impact with your assessment and\n",
        "# its reasons. Dates are YYYY-MM-DD; a field left null counts as not given.\n",
        "# Check it as you go with:  psed check THIS-FILE\n",
        "\n",
        f"schema_version: {SCHEMA_VERSION}\n",
        _field(Proposal, "id"),
        _field(Proposal, "name", '""', " Required."),
        _field(Proposal, "description"),
        _field(Proposal, "organisation"),
        _field(Proposal, "directorate"),
        _field(Proposal, "programme"),
        _field(Proposal, "version"),
        _field(Proposal, "published"),
        _field(Proposal, "framework", framework.id),
        _field(Proposal, "status", status, " The rules ask for more as it advances."),
        _field(Proposal, "level"),
        "\n",
        _comment(_doc(Proposal, "screening")),
        "screening:\n",
        _block(Screening, ["outcome", "date", "rationale"], 2),
        _field(Proposal, "strategic"),
        _field(Proposal, "functions", "[]"),
        "\n",
        _comment(_doc(Proposal, "service_profile")),
        "service_profile:\n",
        _block(ServiceProfile, ["description", "customers"], 2),
        _field(Proposal, "impact_summary"),
        _field(Proposal, "positive_impacts"),
        "\n",
        _example_list(
            Proposal,
            "evidence",
            [
                f"  - source: {_doc(Evidence, 'source')}",
                f"    summary: {_doc(Evidence, 'summary')}",
                "    date: 2024-03-31",
                "    kind: population",
                f"    area: {_doc(Evidence, 'area')}",
            ],
        ),
        _example_list(
            Proposal,
            "engagement",
            [
                f"  - audience: {_doc(Engagement, 'audience')}",
                f"    method: {_doc(Engagement, 'method')}",
                f"    summary: {_doc(Engagement, 'summary')}",
                f"    changes: {_doc(Engagement, 'changes')}",
            ],
        ),
        _example_list(
            Proposal,
            "alternatives",
            [
                f"  - option: {_doc(Alternative, 'option')}",
                "    chosen: false",
                f"    reason: {_doc(Alternative, 'reason')}",
            ],
        ),
        "\n",
        _comment(_doc(Proposal, "impacts")),
        _comment("impact: positive | negative | mixed | neutral | not_applicable | unknown."),
        _comment(
            "For a negative or mixed impact, add mitigations (action, owner, due, status, "
            "monitoring)"
        ),
        _comment("or a justification for accepting it."),
        "impacts:\n",
    ]
    for code in framework.required:
        characteristic = catalogue.characteristic(code)
        label = characteristic.label if characteristic is not None else code
        basis = "; ".join(characteristic.legal_basis) if characteristic is not None else ""
        out.append(_comment(f"{label}" + (f" ({basis})" if basis else ""), 2))
        out.append(f"  - characteristic: {code}\n")
        out.append("    impact: unknown\n")
        out.append(_comment(_doc(ImpactEntry, "details"), 4))
        out.append("    details: null\n")
        out.append(_comment(_doc(ImpactEntry, "mitigations") + " For example:", 4))
        out.append(_comment(f"  - action: {_doc(Mitigation, 'action')}", 4))
        out.append(_comment(f"    owner: {_doc(Mitigation, 'owner')}", 4))
        out.append(_comment("    due: 2024-12-31", 4))
        out.append("    mitigations: []\n")
        out.append(_comment(_doc(ImpactEntry, "justification"), 4))
        out.append("    justification: null\n")
        out.append(_comment(_doc(ImpactEntry, "monitoring"), 4))
        out.append("    monitoring: null\n")
    if framework.optional:
        optional = ", ".join(framework.optional)
        out.append(_comment(f"Also on this form, if they apply: {optional}.", 2))
    out += [
        _example_list(
            Proposal,
            "intersections",
            [
                "  - characteristics: [age, disability]",
                f"    details: {_doc(Intersection, 'details')}",
            ],
        ),
        "\n",
        _comment(_doc(Proposal, "decision")),
        "decision:\n",
        _block(Decision, ["outcome", "justification", "date", "maker"], 2),
        _comment(_doc(Decision, "report"), 2),
        "  report:\n",
        _block(DecisionReport, ["title", "ref", "date", "url", "assessment_appended"], 4),
        _block(Decision, ["duty_statement"], 2),
        "\n",
        _example_list(
            Proposal,
            "contributors",
            [
                f"  - name: {_doc(Contributor, 'name')}",
                f"    role: {_doc(Contributor, 'role')}",
            ],
        ),
    ]
    for slot in framework.signoffs:
        out += [
            "\n",
            _comment(_doc(Proposal, slot)),
            f"{slot}:\n",
            _block(SignOff, ["name", "role", "date"], 2),
        ]
    out += [
        "\n",
        _field(Proposal, "review_date"),
        _example_list(
            Proposal,
            "related",
            [
                f"  - id: {_doc(RelatedAssessment, 'id')}",
                "    relation: supersedes",
            ],
        ),
    ]
    return "".join(out)
