"""The blank document of ``psed new``: YAML to fill in, with a comment on every field.

The comments come from the model's field descriptions, so the template cannot drift
from the format. Every characteristic the framework requires is listed with
``impact: unknown``, and every sign-off it expects is there with empty values; the
document reads without structural findings, and the rules then list what is left to
do (as ``info`` while it is a draft).
"""

from __future__ import annotations

from typing import Any

import attrs

from psed.catalogue import Framework, default_catalogue
from psed.model import (
    SCHEMA_VERSION,
    Decision,
    Engagement,
    Evidence,
    ImpactEntry,
    Mitigation,
    Proposal,
    ServiceProfile,
    SignOff,
)

__all__ = ["new_document"]


def _doc(cls: type[Any], name: str) -> str:
    field = attrs.fields_dict(cls)[name]
    return str(field.metadata.get("doc", "")).replace("`", "")


def _comment(text: str, indent: int = 0) -> str:
    return f"{' ' * indent}# {text}\n"


def _block(cls: type[Any], names: list[str], indent: int) -> str:
    """``name: null`` lines, each after its description."""
    out = ""
    for name in names:
        out += _comment(_doc(cls, name), indent)
        out += f"{' ' * indent}{name}: null\n"
    return out


def new_document(framework: Framework, *, status: str = "draft") -> str:
    """A YAML document to fill in for ``framework``, starting at ``status``."""
    catalogue = default_catalogue()
    out = [
        "# A new impact assessment: psed document format, schema_version 1.\n",
        f"# Framework {framework.id}: {framework.label}.\n",
        "# Fill in each field; replace every `unknown` impact with your assessment and\n",
        "# its reasons. Dates are YYYY-MM-DD; a field left null counts as not given.\n",
        "# Check it as you go with:  psed check THIS-FILE\n",
        "\n",
        f"schema_version: {SCHEMA_VERSION}\n",
        _comment(_doc(Proposal, "id")),
        "id: null\n",
        _comment(_doc(Proposal, "name") + " Required."),
        'name: ""\n',
        _comment(_doc(Proposal, "description")),
        "description: null\n",
        _comment(_doc(Proposal, "framework")),
        f"framework: {framework.id}\n",
        _comment(_doc(Proposal, "status") + " The rules ask for more as it advances."),
        f"status: {status}\n",
        "\n",
        _comment(_doc(Proposal, "service_profile")),
        "service_profile:\n",
        _block(ServiceProfile, ["description", "customers"], 2),
        _comment(_doc(Proposal, "impact_summary")),
        "impact_summary: null\n",
        _comment(_doc(Proposal, "positive_impacts")),
        "positive_impacts: null\n",
        "\n",
        _comment(_doc(Proposal, "evidence") + " One entry per source, for example:"),
        _comment(f"  - source: {_doc(Evidence, 'source')}"),
        _comment(f"    summary: {_doc(Evidence, 'summary')}"),
        _comment("    date: 2024-03-31"),
        "evidence: []\n",
        _comment(_doc(Proposal, "engagement") + " One entry per activity, for example:"),
        _comment(f"  - audience: {_doc(Engagement, 'audience')}"),
        _comment(f"    method: {_doc(Engagement, 'method')}"),
        _comment(f"    summary: {_doc(Engagement, 'summary')}"),
        "engagement: []\n",
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
    if framework.optional:
        optional = ", ".join(framework.optional)
        out.append(_comment(f"Also on this form, if they apply: {optional}.", 2))
    out += [
        "\n",
        _comment(_doc(Proposal, "decision")),
        "decision:\n",
        _block(Decision, ["outcome", "justification", "date", "maker"], 2),
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
        _comment(_doc(Proposal, "review_date")),
        "review_date: null\n",
    ]
    return "".join(out)
