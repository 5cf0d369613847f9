"""Importing many files at once: where each result goes and what is said when it cannot be."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml

from psed.cli import main
from psed.importing._run import RunError, run

from .conftest import FIXTURES, GOOD_TEMPLATE


def _run(paths: list[str], **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    settings: dict[str, object] = {
        "output_dir": None,
        "template": "auto",
        "status": None,
        "report": None,
        "force": False,
    }
    settings.update(options)
    code = run(paths, out=out, err=err, version="0", **settings)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


def test_two_files_with_one_stem_get_two_yaml_files(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "brighton-hove-eia.docx", tmp_path / "eia.docx")
    shutil.copy(FIXTURES / "brighton-hove-eia.html", tmp_path / "eia.html")
    code, out, err = _run([str(tmp_path)])
    assert (code, err) == (0, "")
    assert sorted(p.name for p in tmp_path.glob("*.yaml")) == ["eia-html.yaml", "eia.yaml"]
    assert "imported 2 of 2 files" in out


def test_a_file_that_is_not_a_form_is_listed_and_the_others_still_imported(
    tmp_path: Path,
) -> None:
    shutil.copy(FIXTURES / "brighton-hove-eia.html", tmp_path / "eia.html")
    (tmp_path / "notes.docx").write_bytes(b"not a zip")
    code, out, err = _run([str(tmp_path)])
    assert code == 2
    assert err.startswith(f"{tmp_path / 'notes.docx'}: error: ")
    assert "imported 1 of 2 files; 1 could not be imported" in out
    assert (tmp_path / "eia.yaml").is_file()


def test_an_output_folder_that_cannot_be_made_is_an_error_naming_the_file(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    source = str(FIXTURES / "brighton-hove-eia.html")
    code, _out, err = _run([source], output_dir=str(blocker / "sub"))
    target = blocker / "sub" / "brighton-hove-eia.yaml"
    assert code == 2
    assert err.startswith(f"{source}: error: cannot write {target} (")


def test_a_report_that_cannot_be_written_is_exit_2(tmp_path: Path) -> None:
    source = str(FIXTURES / "brighton-hove-eia.html")
    report = tmp_path / "missing" / "report.json"
    code, _out, err = _run([source], output_dir=str(tmp_path), report=str(report))
    assert code == 2
    assert err.startswith(f"--report: cannot write {report} (")
    assert (tmp_path / "brighton-hove-eia.yaml").is_file()


def test_a_folder_with_no_forms_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("nothing here", encoding="utf-8")
    code, out, err = _run([str(tmp_path)])
    assert code == 2
    assert err == "no .docx, .html, .htm or .pdf files found\n"
    assert "imported 0 of 0 files" in out


def test_a_template_file_that_cannot_be_read_is_a_run_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(RunError) as caught:
        _run([str(FIXTURES / "brighton-hove-eia.html")], template=str(bad))
    assert str(bad) in str(caught.value)


def test_a_template_that_makes_a_document_with_problems_is_an_error_saying_what_to_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = {**GOOD_TEMPLATE, "fields": {"strategic": {"labels": ["Strategic"]}}}
    (tmp_path / "ours.yaml").write_text(yaml.safe_dump(template), encoding="utf-8")
    page = tmp_path / "form.html"
    page.write_text(
        "<html><body><p>Strategic: perhaps</p><table><tr><th>Group</th><th>Details</th></tr>"
        "<tr><td>Age</td><td>Fewer hours.</td></tr></table></body></html>",
        encoding="utf-8",
    )
    code = main(["import", str(page), "--template", str(tmp_path / "ours.yaml")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"{page}: error: the template ours made a document with problems (")
    assert "/strategic: " in err
    assert err.rstrip().endswith("fix the template, or choose another with --template")
    assert not (tmp_path / "form.yaml").exists()
