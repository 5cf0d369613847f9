"""The HTML layout's contract: every field shown, and the page reads back into its document."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import psed
from psed.model import Proposal
from psed.testing import proposals

from .render_helpers import model_fields, pointers, read_docx, read_html, set_fields

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_read_back_from_their_html(path: Path) -> None:
    proposal = psed.load(path)
    page = psed.render(proposal, format="html")
    assert psed.structure(read_html(page)) == proposal


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(proposals())
def test_any_document_reads_back_from_its_html(proposal: Proposal) -> None:
    page = psed.render(proposal, format="html")
    assert psed.structure(read_html(page)) == proposal


def test_the_full_example_sets_every_field_of_the_model(full_proposal: Proposal) -> None:
    assert set(set_fields(full_proposal)) == model_fields()


def test_every_field_of_the_full_example_is_shown(full_proposal: Proposal) -> None:
    shown = pointers(psed.render(full_proposal, format="html"))
    tree = psed.unstructure(full_proposal)
    assert sorted(_leaf_pointers(tree) - shown) == []


def _leaf_pointers(node: object, pointer: str = "") -> set[str]:
    if isinstance(node, dict):
        found: set[str] = set()
        for key, value in node.items():
            found |= _leaf_pointers(value, f"{pointer}/{key}")
        return found
    if isinstance(node, list) and node and isinstance(node[0], (dict, list)):
        found = set()
        for i, value in enumerate(node):
            found |= _leaf_pointers(value, f"{pointer}/{i}")
        return found
    return {pointer}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_read_back_from_their_docx(path: Path) -> None:
    proposal = psed.load(path)
    assert psed.structure(read_docx(psed.render(proposal, format="docx"))) == proposal


def test_the_full_example_reads_back_from_its_docx(full_proposal: Proposal) -> None:
    data = psed.render(full_proposal, format="docx")
    assert psed.structure(read_docx(data)) == full_proposal


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(proposals())
def test_any_document_reads_back_from_its_docx(proposal: Proposal) -> None:
    data = psed.render(proposal, format="docx")
    assert psed.structure(read_docx(data)) == proposal
