"""import_file's choices: a template given by object or id, none to choose from, a PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

import psed
from psed.importing import ImportProblem, builtin_templates, import_file

from .conftest import FIXTURES, imported


def test_a_template_given_as_an_object_is_used_and_scored_alone() -> None:
    esia = builtin_templates()["esia"]
    result = import_file(FIXTURES / "southampton-esia.docx", template=esia)
    assert result.template == "esia"
    assert result.chosen == "given"
    assert [c[0] for c in result.candidates] == ["esia"]
    assert result.score == result.candidates[0][1]
    assert result.tree == imported("southampton-esia.docx").tree


def test_an_unknown_template_id_names_the_known_ones() -> None:
    path = FIXTURES / "brighton-hove-eia.html"
    with pytest.raises(ImportProblem) as caught:
        import_file(path, template="council-form")
    assert caught.value.path == str(path)
    assert caught.value.message == (
        "there is no template 'council-form'; use one of ecni-s75-screening, esia, "
        "generic-eqia, psed-rendered, wales-iia, or auto"
    )


def test_no_templates_to_choose_from_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no templates to choose from"):
        import_file(FIXTURES / "brighton-hove-eia.html", templates=[])


def test_a_pdf_cannot_be_read_as_psed_s_own_layout() -> None:
    with pytest.raises(ImportProblem) as caught:
        import_file(FIXTURES / "wales-iia.pdf", template="psed-rendered")
    assert caught.value.message.startswith(
        "a PDF of psed's own layout cannot be read back exactly; import the HTML or Word"
    )


def test_a_status_given_replaces_the_status_of_a_rendered_page(tmp_path: Path) -> None:
    proposal = psed.load(Path(__file__).parents[2] / "examples" / "garden-waste-charge.yaml")
    path = tmp_path / "garden-waste.html"
    path.write_text(str(psed.render(proposal, format="html")), encoding="utf-8")
    result = import_file(path, status="submitted")
    assert result.template == "psed-rendered"
    assert proposal.status.value == "approved"
    assert result.tree["status"] == "submitted"
    assert result.tree["name"] == proposal.name
