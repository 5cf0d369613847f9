"""The rule registry: every rule, built-in or plug-in, is a function plus metadata.

INTERFACE STUB written by the lead; the rules-engine helper owns and completes it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable

import attrs

from psed.catalogue import Catalogue, Framework
from psed.findings import Severity
from psed.model import Proposal, Status

__all__ = ["Context", "Hit", "Rule", "RuleFunc"]


@attrs.frozen(kw_only=True)
class Context:
    """What a rule function sees: the proposal and the circumstances of the check."""

    proposal: Proposal
    as_of: _dt.date
    status: Status
    framework: Framework
    catalogue: Catalogue


@attrs.frozen
class Hit:
    """One place a rule fires: a pointer into the unstructured document and a message."""

    pointer: str
    message: str
    characteristic: str | None = None


RuleFunc = Callable[[Context], Iterable[Hit]]


@attrs.frozen(kw_only=True)
class Rule:
    """A rule's metadata and its check function (None for structural rules PSED001-007)."""

    code: str
    name: str
    severity: Severity
    status: Status
    references: tuple[str, ...]
    what: str
    why: str
    fail_example: str
    pass_example: str
    check: RuleFunc | None = None
