"""psed's own rendered layout imports losslessly: import(render(doc)) == doc, in HTML and Word."""

from __future__ import annotations

import tempfile
from datetime import date
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


@settings(max_examples=25, deadline=None)
@given(proposal=proposals())
def test_any_document_comes_back_from_its_html(proposal: psed.Proposal) -> None:
    assert psed.unstructure(_round_trip(proposal, "html")) == psed.unstructure(proposal)


@settings(max_examples=10, deadline=None)
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


def test_text_added_to_a_rendered_page_is_listed_as_not_imported(tmp_path: Path) -> None:
    proposal = psed.load(ROOT / "examples" / "customer-access-strategy.yaml")
    page = psed.render(proposal, format="html")
    path = tmp_path / "edited.html"
    path.write_text(
        page.replace("</main>", "<p>Note added by the officer.</p></main>"), encoding="utf-8"
    )
    result = import_file(path)
    assert result.proposal == proposal
    assert [u["text"] for u in result.unmapped] == ["Note added by the officer."]


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_the_quality_check_annex_is_skipped(tmp_path: Path, fmt: str) -> None:
    proposal = psed.load(ROOT / "examples" / "customer-access-strategy.yaml")
    report = psed.check(proposal, as_of=date(2026, 11, 26))
    rendered = psed.render(proposal, format=fmt, findings=report)
    path = tmp_path / f"with-annex.{fmt}"
    if isinstance(rendered, bytes):
        path.write_bytes(rendered)
    else:
        path.write_text(rendered, encoding="utf-8")
    result = import_file(path)
    assert result.proposal == proposal
    assert result.unmapped == ()
    assert {s["reason"] for s in result.skipped} == {"quality-check annex"}


def test_a_status_the_format_does_not_know_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    proposal = psed.load(EXAMPLES[0])
    path = tmp_path / "assessment.html"
    path.write_text(psed.render(proposal, format="html"), encoding="utf-8")
    result = import_file(path, status="finished")
    assert result.template == "psed-rendered"
    assert result.tree["status"] == "finished"
    assert [f.pointer for f in result.findings] == ["/status"]
    assert result.unmapped == ()  # nothing to compare with: no text is wrongly listed
