"""Small helpers shared by the built-in rule families (not part of the public API)."""

from __future__ import annotations

from psed._text import is_placeholder
from psed.model import Characteristic, ImpactEntry, Mitigation, MitigationStatus
from psed.rules._registry import Context

__all__ = [
    "BRACKING",
    "BROWN",
    "S149_1",
    "adverse_labels",
    "characteristic_label",
    "entry_label",
    "is_real_mitigation",
    "listing",
]

S149_1 = "Equality Act 2010 s149(1)"
BROWN = "R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin)"
BRACKING = "R (Bracking) v Secretary of State for Work and Pensions [2013] EWCA Civ 1345"


def characteristic_label(ctx: Context, code: str) -> str:
    """The label people see for a characteristic code: the document's own, else the catalogue's."""
    for local in ctx.proposal.characteristics:
        if local.code == code:
            return local.label
    known = ctx.catalogue.characteristic(code)
    return known.label if known is not None else code


def characteristic_name(characteristic: Characteristic) -> str:
    """How a message names a characteristic: its label, else its code.

    An entry whose characteristic is missing (the reader reports that) still gets a
    name a person can find on the form.
    """
    return characteristic.label or characteristic.code or "An entry with no characteristic"


def entry_label(entry: ImpactEntry) -> str:
    """How a message names an impact entry: its characteristic label, and its group if any."""
    # An entry whose characteristic is missing or invalid (reported by the reader) still
    # gets a name a person can find on the form.
    label = (
        entry.characteristic.label or entry.characteristic.code or "An entry with no characteristic"
    )
    group = entry.group
    if group is not None and not is_placeholder(group):
        return f"{label} ({' '.join(group.split())})"
    return label


def is_real_mitigation(mitigation: Mitigation) -> bool:
    """True when a mitigation counts (PSED201): its action is given and it is not dropped."""
    return not is_placeholder(mitigation.action) and mitigation.status != (MitigationStatus.DROPPED)


def adverse_labels(ctx: Context) -> list[str]:
    """The names of the characteristics with a negative or mixed entry, in document order."""
    labels: dict[str, None] = {}
    for entry in ctx.proposal.impacts:
        if entry.impact.is_adverse:
            labels.setdefault(characteristic_name(entry.characteristic), None)
    return list(labels)


def listing(labels: list[str]) -> str:
    """Names joined for a sentence: "Age", "Age and Sex", "Age, Race and Sex"."""
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]
