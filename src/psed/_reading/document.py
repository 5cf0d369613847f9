"""A payload (a tree, text or bytes) to a Proposal: parse once, then one walk checks and builds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from psed._i18n import C_, Arg, _
from psed._reading.codes import unreadable
from psed._reading.limits import Limits, too_deep_message, too_many_values_message
from psed._reading.pointer import Positions
from psed._reading.structural import OverLimit, walk
from psed._reading.text import parse
from psed.catalogue import Catalogue
from psed.findings import Finding
from psed.model import Proposal

__all__ = ["Read", "locate", "read_document"]


@attrs.frozen
class Read:
    """What reading a payload gives: the Proposal (None if hopeless), findings, positions."""

    proposal: Proposal | None
    findings: list[Finding]
    positions: Positions | None
    """Where each place is in the text; None when the payload was not text."""


def locate(findings: Iterable[Finding], positions: Positions | None) -> list[Finding]:
    """The findings with the line and column of their pointer (as they are without text)."""
    if positions is None:
        return list(findings)
    listed = list(findings)
    places = positions.locate_all([f.pointer for f in listed])
    return [
        attrs.evolve(finding, line=line, column=column)
        for finding, (line, column) in zip(listed, places, strict=True)
    ]


def _placed(finding: Finding) -> Finding:
    return finding if finding.line is not None else attrs.evolve(finding, line=1, column=1)


def read_document(payload: Any, format: str | None, catalogue: Catalogue, limits: Limits) -> Read:
    """Read ``payload`` (a mapping, or JSON/YAML text or bytes); never raises on its content.

    Findings come without positions; :func:`locate` adds them from ``positions``.
    """
    findings: list[Finding] = []
    positions: Positions | None = None
    extra = 0
    if isinstance(payload, (str, bytes)):
        parsed = parse(payload, format, limits)
        if not parsed.ok:  # one PSED001, placed where reading stopped (else at the start)
            return Read(None, [_placed(f) for f in parsed.findings], None)
        payload, findings, positions = parsed.tree, parsed.findings, parsed.positions
        extra = parsed.aliases  # values YAML aliases added, within their own limit
    if not isinstance(payload, Mapping):
        kind: Arg = C_("document", "empty (null)") if payload is None else type(payload).__name__
        message = _(
            "The document is {kind}: the document must be a mapping with at least `name`.",
            kind=kind,
        )
        return Read(None, [unreadable(message)], None)
    try:
        proposal, problems = walk(payload, catalogue, limits, extra_values=extra)
    except OverLimit as over:
        line = None if positions is None else positions.locate(over.pointer)[0]
        if over.limit == "depth":
            message = too_deep_message(limits, line)
        else:
            message = too_many_values_message(limits, line)
        return Read(None, [unreadable(message)], positions)
    # A value the parser refused (a huge number, a bad tag) is null here: a "required
    # but empty" about the same place would report one mistake twice.
    refused = {f.pointer for f in findings}
    findings.extend(p for p in problems if not (p.code == "PSED002" and p.pointer in refused))
    return Read(proposal, findings, positions)
