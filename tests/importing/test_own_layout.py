"""psed's own rendered layout imports losslessly: import(render(doc)) == doc, in HTML and Word."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings

import psed
from psed.importing import ImportProblem, import_file
from psed.testing import proposals

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _round_trip(proposal: psed.Proposal, fmt: str) -> psed.Proposal:
    rendered = psed.render(proposal, format=fmt)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"assessment.{fmt}"
        if isinstance(rendered, bytes):
            path.write_bytes(rendered)
        else:
            path.write_text(rendered, encoding="utf-8")
        result = import_file(path)
    assert result.template == "psed-rendered"
    assert result.findings == ()
    assert result.inferred == ()
    assert result.unmapped == ()
    assert result.proposal is not None
    return result.proposal


@pytest.mark.parametrize("fmt", ["html", "docx"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_come_back_from_their_rendering(path: Path, fmt: str) -> None:
    proposal = psed.load(path)
    assert _round_trip(proposal, fmt) == proposal


@settings(max_examples=30, deadline=None)
@given(proposal=proposals())
def test_any_document_comes_back_from_its_html(proposal: psed.Proposal) -> None:
    assert psed.unstructure(_round_trip(proposal, "html")) == psed.unstructure(proposal)


@settings(max_examples=20, deadline=None)
@given(proposal=proposals())
def test_any_document_comes_back_from_its_word_file(proposal: psed.Proposal) -> None:
    assert psed.unstructure(_round_trip(proposal, "docx")) == psed.unstructure(proposal)


@pytest.mark.slow
def test_a_pdf_of_the_own_layout_says_to_import_the_html_or_word_file(tmp_path: Path) -> None:
    # rendering a PDF takes WeasyPrint several seconds
    proposal = psed.load(ROOT / "examples" / "customer-access-strategy.yaml")
    path = tmp_path / "assessment.pdf"
    path.write_bytes(psed.render(proposal, format="pdf"))
    with pytest.raises(ImportProblem, match="import the HTML or Word file"):
        import_file(path, template="psed-rendered")
