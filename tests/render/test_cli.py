"""``psed render``: formats, output files, the quality annex and errors for people."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from psed.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "examples" / "customer-access-strategy.yaml")


def test_html_goes_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", SEED]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    assert "Quality check" not in out


def test_the_format_follows_the_output_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    target = tmp_path / "assessment.docx"
    assert main(["render", SEED, "-o", str(target)]) == 0
    assert capsys.readouterr().err == f"psed: wrote {target}\n"
    document = docx.Document(io.BytesIO(target.read_bytes()))
    assert document.core_properties.title == "Customer Access Strategy 2022-26"


def test_markdown_with_the_quality_annex(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "assessment.md"
    args = ["render", SEED, "-o", str(target), "--findings", "--as-of", "2026-11-26"]
    assert main(args) == 0
    text = target.read_text(encoding="utf-8")
    assert "## Quality check" in text
    assert "26 November 2026" in text
    assert "PSED601" in text


def test_an_existing_file_is_replaced_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.html"
    target.write_text("keep me", encoding="utf-8")
    assert main(["render", SEED, "-o", str(target)]) == 2
    assert "already exists; give --force to replace it" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert main(["render", SEED, "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_welsh_and_bilingual_renderings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", SEED, "--lang", "cy"]) == 0
    welsh = capsys.readouterr().out
    assert '<html lang="cy">' in welsh
    assert "Ynglŷn â&#39;r cynnig" in welsh
    assert "About the proposal" not in welsh
    assert main(["render", SEED, "--lang", "both", "--format", "md"]) == 0
    assert "## Ynglŷn â'r cynnig / About the proposal" in capsys.readouterr().out


def test_a_document_with_structural_problems_is_not_rendered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Library hours\nimpacts:\n  - characteristic: age\n    impact: awful\n")
    assert main(["render", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(
        f"psed render: error: {bad} cannot be rendered until its structural problems are "
        "fixed (1 found; the first, at /impacts/0/impact: "
    )
    assert "/impacts/0/impact" in captured.err
    assert "run 'psed check' on it" in captured.err
    assert "Traceback" not in captured.err


def test_a_missing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.yaml"
    assert main(["render", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"psed render: error: {missing}: The file cannot be read")


def test_binary_formats_are_not_written_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["render", SEED, "--format", "pdf"]) == 2
    assert "pdf is a binary format: write it to a file with -o FILE" in capsys.readouterr().err
