"""--lang and PSED_LANG on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psed.cli import main

from .json_findings import findings_in

ROOT = Path(__file__).resolve().parents[2]
WALES = str(ROOT / "examples" / "library-service-review-wales.yaml")
SEED = str(ROOT / "examples" / "customer-access-strategy.yaml")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_in_welsh_gives_welsh_findings_and_summary(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PSED_LANG", raising=False)
    code, out, _err = _run(capsys, "check", SEED, "--as-of", "2026-11-26", "--lang", "cy")
    assert code == 1
    assert "Nid oes penderfyniad wedi'i gofnodi" in out
    assert out.splitlines()[-1].startswith("Ffeiliau a wiriwyd: 1; gwallau: ")
    assert "No decision is recorded" not in out
    # The severity in each line is Welsh too; the codes and pointers are not words.
    assert "/decision: PSED403 [gwall] " in out
    assert "[rhybudd]" in out
    assert "[error]" not in out
    assert "[warning]" not in out
    _, english, _ = _run(capsys, "check", SEED, "--as-of", "2026-11-26")
    assert "No decision is recorded" in english
    assert "/decision: PSED403 [error] " in english
    assert english.splitlines()[-1].startswith("1 file checked: ")


def test_psed_lang_sets_the_language_and_lang_wins(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PSED_LANG", "cy")
    _, out, _ = _run(capsys, "check", SEED, "--as-of", "2026-11-26")
    assert "Ffeiliau a wiriwyd" in out
    _, out, _ = _run(capsys, "check", SEED, "--as-of", "2026-11-26", "--lang", "en")
    assert "1 file checked" in out


def test_a_bad_psed_lang_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PSED_LANG", "fr")
    code, _out, err = _run(capsys, "check", SEED)
    assert code == 2
    assert "PSED_LANG: 'fr' is not a language psed has; use one of: en, cy" in err


def test_json_keeps_codes_and_keys_and_adds_message_en(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PSED_LANG", raising=False)
    args = ("check", SEED, WALES, "--as-of", "2026-11-26", "--format", "json")
    _, english, _ = _run(capsys, *args)
    _, welsh, _ = _run(capsys, *args, "--lang", "cy")
    en_files = json.loads(english)["files"]
    cy_files = json.loads(welsh)["files"]
    for en_file, cy_file in zip(en_files, cy_files, strict=True):
        for en, cy in zip(en_file["findings"], cy_file["findings"], strict=True):
            assert cy["message_en"] == en["message"] != cy["message"]
            assert {k: v for k, v in cy.items() if k not in ("message", "message_en")} == {
                k: v for k, v in en.items() if k != "message"
            }
            assert "message_en" not in en


def test_sarif_carries_the_english_message_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PSED_LANG", raising=False)
    _, out, _ = _run(
        capsys, "check", SEED, "--as-of", "2026-11-26", "--format", "sarif", "--lang", "cy"
    )
    results = json.loads(out)["runs"][0]["results"]
    assert results
    for result in results:
        assert result["properties"]["message_en"] != result["message"]["text"]


def test_usage_errors_are_in_welsh_when_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PSED_LANG", raising=False)
    code, _out, err = _run(capsys, "check", SEED, "--format", "json", "--quiet", "--lang", "cy")
    assert code == 2
    welsh = "dim ond i'r fformat testun y mae --quiet a --statistics yn berthnasol"
    assert err == f"psed check: gwall: {welsh}\n"


def test_audit_in_welsh_gives_the_portfolio_findings_in_welsh(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PSED_LANG", raising=False)
    text = Path(WALES).read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")  # the same id twice: PSED702
    args = ("audit", str(tmp_path), "--as-of", "2026-11-26", "--format", "json")
    _, english, _ = _run(capsys, *args)
    _, welsh, _ = _run(capsys, *args, "--lang", "cy")

    en = findings_in(json.loads(english), "PSED702")
    cy = findings_in(json.loads(welsh), "PSED702")
    assert len(en) == len(cy) == 2
    assert all(f["message"].startswith("The id ") for f in en)
    assert all(f["message"].startswith("Mae'r id ") for f in cy)
    assert [f["pointer"] for f in cy] == [f["pointer"] for f in en]
