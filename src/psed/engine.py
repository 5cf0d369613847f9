"""check and validate. INTERFACE STUB: the rules-engine helper owns and completes it."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from psed.config import Config
from psed.findings import Report
from psed.model import Proposal, Status

__all__ = ["check", "validate"]


def check(
    proposal: Proposal,
    *,
    as_of: _dt.date | None = None,
    status: Status | str | None = None,
    config: Config | None = None,
) -> Report:
    """Run every selected rule on a Proposal."""
    raise NotImplementedError


def validate(
    payload: Any,
    *,
    as_of: _dt.date | None = None,
    status: Status | str | None = None,
    config: Config | None = None,
) -> Report:
    """Structural and rule findings for a JSON/YAML tree or text; never raises on bad input."""
    raise NotImplementedError
