"""The published JSON Schemas of psed's own reports, shipped in the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["report_schema"]


def report_schema(version: int = 1) -> dict[str, Any]:
    """The JSON Schema (2020-12) of the JSON report of ``psed check`` (``report_version``)."""
    text = resources.files("psed").joinpath(f"schemas/report-{version}.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
