"""Reading and writing documents. INTERFACE STUB: the reading helper owns and completes it."""

from __future__ import annotations

import os
from typing import Any

from psed.catalogue import Catalogue
from psed.findings import Finding
from psed.model import Proposal

__all__ = ["DocumentError", "load", "loads", "read", "structure", "unstructure"]


class DocumentError(ValueError):
    """A document that cannot be read into a Proposal; ``findings`` says every reason."""

    def __init__(self, findings: list[Finding] | tuple[Finding, ...], path: str | None = None):
        self.findings = tuple(findings)
        self.path = path
        super().__init__("; ".join(f"{f.pointer or '/'}: {f.message}" for f in self.findings))


def read(
    payload: Any, *, catalogue: Catalogue | None = None
) -> tuple[Proposal | None, list[Finding]]:
    """Best-effort structuring: a Proposal (None if hopeless) and every structural finding."""
    raise NotImplementedError


def structure(payload: Any, *, catalogue: Catalogue | None = None) -> Proposal:
    """A JSON/YAML tree (dict) to a Proposal; raises DocumentError with every problem."""
    raise NotImplementedError


def unstructure(proposal: Proposal, *, compact: bool = False) -> dict[str, Any]:
    """A Proposal to a JSON-ready dict (every field; ``compact`` drops nulls and empty lists)."""
    raise NotImplementedError


def loads(
    text: str | bytes, *, format: str | None = None, catalogue: Catalogue | None = None
) -> Proposal:
    """Parse JSON or YAML text into a Proposal; raises DocumentError."""
    raise NotImplementedError


def load(path: str | os.PathLike[str], *, catalogue: Catalogue | None = None) -> Proposal:
    """Read a .json, .yaml or .yml file into a Proposal; raises DocumentError."""
    raise NotImplementedError
