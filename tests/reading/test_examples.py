"""The example documents load, and compact unstructuring gives back the tree they came from."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

import psed

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED = EXAMPLES / "customer-access-strategy.yaml"


def _dates_as_strings(node: Any) -> Any:
    """Dates as ISO strings; explicit nulls and empty lists left out, as compact output does."""
    if isinstance(node, dict):
        return {k: _dates_as_strings(v) for k, v in node.items() if v is not None and v != []}
    if isinstance(node, list):
        return [_dates_as_strings(v) for v in node]
    if isinstance(node, datetime.date):
        return node.isoformat()
    return node


def _with_defaults(tree: dict[str, Any]) -> dict[str, Any]:
    filled = {"schema_version": 1, "framework": "psed", "status": "draft", **tree}
    for entry in filled.get("impacts", []):
        entry.setdefault("impact", "unknown")
        for mitigation in entry.get("mitigations", []):
            mitigation.setdefault("status", "planned")
    return filled


def test_seed_compact_tree_equals_the_yaml_it_came_from() -> None:
    source = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    expected = _with_defaults(_dates_as_strings(source))
    assert psed.unstructure(psed.load(SEED), compact=True) == expected


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.y*ml")), ids=lambda p: p.name)
def test_every_example_reads_without_structural_findings(path: Path) -> None:
    proposal = psed.load(path)
    assert psed.structure(psed.unstructure(proposal)) == proposal
    assert psed.read(path.read_bytes())[1] == []
