"""Each real layout imports to the document written by hand from the form.

For every fixture in ``fixtures/`` with an expected document in ``expected/``:
the import equals the expected document, the values it inferred are exactly the
expected inference list, the text it could not place is exactly the expected
unmapped list, and the template chosen by ``--template auto`` is the expected one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import psed

from .conftest import imported

EXPECTED = Path(__file__).parent / "expected"
CASES = sorted(p.name.removesuffix(".account.yaml") for p in EXPECTED.glob("*.account.yaml"))


def _account(case: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXPECTED / f"{case}.account.yaml").read_text("utf-8"))
    return data


FILES = [
    (case, p.name)
    for case in CASES
    for p in sorted((Path(__file__).parent / "fixtures").glob(f"{case}.*"))
    if p.suffix != ".pdf"  # a PDF made from a Word form is tested against the form below
]
"""Each form with its expected document: a Word file, a web page, or both of one form."""


PDF_CASES = sorted(
    p.stem
    for p in (Path(__file__).parent / "fixtures").glob("*.pdf")
    if (p.with_suffix(".docx")).exists()
)


@pytest.mark.parametrize("case", PDF_CASES)
def test_the_pdf_of_a_form_imports_as_its_word_file_does(case: str) -> None:
    from_pdf = imported(f"{case}.pdf")
    from_word = imported(f"{case}.docx")
    assert from_pdf.template == from_word.template
    assert dict(from_pdf.tree) == dict(from_word.tree)
    assert [i["pointer"] for i in from_pdf.inferred] == [i["pointer"] for i in from_word.inferred]
    assert [u["text"].strip() for u in from_pdf.unmapped] == [
        u["text"].strip() for u in from_word.unmapped
    ]


@pytest.mark.parametrize(("case", "name"), FILES)
def test_import_equals_the_document_written_by_hand(case: str, name: str) -> None:
    account = _account(case)
    result = imported(name, "auto", tuple(account.get("templates", ())))
    assert result.findings == ()
    assert result.proposal is not None
    expected = psed.load(EXPECTED / f"{case}.yaml")
    assert psed.unstructure(result.proposal) == psed.unstructure(expected)


@pytest.mark.parametrize(("case", "name"), FILES)
def test_inferred_values_are_the_expected_list(case: str, name: str) -> None:
    account = _account(case)
    result = imported(name, "auto", tuple(account.get("templates", ())))
    assert {i["pointer"]: i["value"] for i in result.inferred} == account["inferred"]
    for item in result.inferred:
        assert item["reason"]


@pytest.mark.parametrize(("case", "name"), FILES)
def test_text_not_imported_is_the_expected_list(case: str, name: str) -> None:
    account = _account(case)
    result = imported(name, "auto", tuple(account.get("templates", ())))
    assert [u["text"] for u in result.unmapped] == account.get("unmapped", [])


@pytest.mark.parametrize(("case", "name"), FILES)
def test_auto_chooses_the_expected_template(case: str, name: str) -> None:
    account = _account(case)
    result = imported(name, "auto", tuple(account.get("templates", ())))
    assert result.template == account["template"]
    others = [s for tid, s in result.candidates if tid != result.template]
    assert all(s < result.score for s in others)


def test_an_organisations_templates_come_from_its_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from psed.cli import main

    from .conftest import FIXTURES, TEMPLATES

    config = tmp_path / "psed.toml"
    config.write_text(
        f'import-templates = ["{TEMPLATES / "brighton-hove-eia.yaml"}"]\n', encoding="utf-8"
    )
    source = FIXTURES / "brighton-hove-eia.html"
    out = tmp_path / "out"
    assert main(["import", str(source), "-o", str(out), "--config", str(config)]) == 0
    assert "template brighton-hove-eia (auto, score 1.00" in capsys.readouterr().out
    written = psed.load(out / "brighton-hove-eia.yaml")
    assert written.id == "EEC61"
    # without the configuration, the built-in templates are all there is to choose from
    assert main(["import", str(source), "-o", str(tmp_path / "other")]) == 0
    assert "template brighton-hove-eia" not in capsys.readouterr().out
    # and a template named on the command line must exist
    assert main(["import", str(source), "--template", "no-such-form"]) == 2
    assert "there is no template 'no-such-form'" in capsys.readouterr().err


def _leaves(node: Any, pointer: str = "") -> set[str]:
    if isinstance(node, dict):
        return (
            set().union(*(_leaves(v, f"{pointer}/{k}") for k, v in node.items())) if node else set()
        )
    if isinstance(node, list):
        return (
            set().union(*(_leaves(v, f"{pointer}/{i}") for i, v in enumerate(node)))
            if node
            else set()
        )
    return {pointer}


@pytest.mark.parametrize(("case", "name"), FILES)
def test_the_report_gives_the_source_of_every_value_written(case: str, name: str) -> None:
    account = _account(case)
    result = imported(name, "auto", tuple(account.get("templates", ())))
    sourced = {f["pointer"] for f in result.fields} | {i["pointer"] for i in result.inferred}
    written = _leaves(dict(result.tree))
    # a document-defined characteristic's code and label come from its row's label
    missing = {p for p in written - sourced if not p.startswith("/characteristics/")}
    assert missing == set()


def test_import_templates_in_the_configuration_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from psed.cli import main
    from psed.config import ConfigError, load_config

    from .conftest import FIXTURES

    bad = tmp_path / "psed.toml"
    bad.write_text('import-templates = "one.yaml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="import-templates: expected a list"):
        load_config(bad)
    missing = tmp_path / "other.toml"
    missing.write_text('import-templates = ["forms/ours.yaml"]\n', encoding="utf-8")
    assert load_config(missing).import_templates == (str(tmp_path / "forms" / "ours.yaml"),)
    source = str(FIXTURES / "brighton-hove-eia.html")
    assert main(["import", source, "-o", str(tmp_path / "out"), "--config", str(missing)]) == 2
    assert "ours.yaml: cannot be read" in capsys.readouterr().err
