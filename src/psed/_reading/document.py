"""A payload (a tree, text or bytes) to a Proposal: parse once, then one walk checks and builds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from psed._bound import Bound
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


def read_document(
    payload: Any,
    format: str | None,
    catalogue: Catalogue,
    limits: Limits,
    bound: Bound | None = None,
) -> Read:
    """Read ``payload`` (a mapping, or JSON/YAML text or bytes); never raises on its content.

    Every finding is handed to ``bound`` as it is found (by default one that lists them
    all); :attr:`Read.findings` is what it made, in the order found. Findings come
    without positions; :func:`locate` adds them from ``positions``.
    """
    found = Bound(room=None) if bound is None else bound
    positions: Positions | None = None
    extra = 0
    refused: frozenset[str] = frozenset()
    if isinstance(payload, (str, bytes)):
        parsed = parse(payload, format, limits)
        if not parsed.ok:  # one PSED001, placed where reading stopped (else at the start)
            return _only(found, [_placed(f) for f in parsed.findings], None)
        payload, positions = parsed.tree, parsed.positions
        for finding in parsed.findings:
            found.add_made(finding)
        # A value the parser refused (a huge number, a bad tag) is null here: a "required
        # but empty" about the same place would report one mistake twice.
        refused = frozenset(f.pointer for f in parsed.findings)
        extra = parsed.aliases  # values YAML aliases added, within their own limit
    if not isinstance(payload, Mapping):
        kind: Arg = C_("document", "empty (null)") if payload is None else type(payload).__name__
        message = _(
            "The document is {kind}: the document must be a mapping with at least `name`.",
            kind=kind,
        )
        return _only(found, [unreadable(message)], None)
    try:
        proposal = walk(payload, catalogue, limits, found, extra_values=extra, skip_missing=refused)
    except OverLimit as over:
        line = None if positions is None else positions.locate(over.pointer)[0]
        if over.limit == "depth":
            message = too_deep_message(limits, line)
        else:
            message = too_many_values_message(limits, line)
        return _only(found, [unreadable(message)], positions)
    return Read(proposal, found.made(), positions)


def _only(bound: Bound, findings: list[Finding], positions: Positions | None) -> Read:
    """No Proposal: ``findings`` replace whatever ``bound`` was given before reading stopped."""
    bound.clear()
    for finding in findings:
        bound.add_made(finding)
    return Read(None, bound.made(), positions)
