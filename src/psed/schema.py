"""JSON Schema export. INTERFACE STUB: the reading helper owns and completes it."""

from __future__ import annotations

from typing import Any

__all__ = ["json_schema"]


def json_schema(framework: str | None = None, *, mode: str = "draft") -> dict[str, Any]:
    """JSON Schema 2020-12 for the document format."""
    raise NotImplementedError
