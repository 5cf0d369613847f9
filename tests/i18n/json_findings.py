"""The findings anywhere in a JSON report: every object with a code and a message."""

from __future__ import annotations

from typing import Any


def findings_in(node: Any, code: str | None = None) -> list[dict[str, Any]]:
    """Every object in ``node`` with a ``code`` (``code`` if given) and a ``message``."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if "code" in node and "message" in node and code in (None, node["code"]):
            found.append(node)
        for value in node.values():
            found += findings_in(value, code)
    elif isinstance(node, list):
        for value in node:
            found += findings_in(value, code)
    return found
