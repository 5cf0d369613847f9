"""lang= in the API: Welsh messages, the English kept beside them, nothing else changed."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

import psed
from psed._i18n import choose_lang
from psed.findings import translate

ROOT = Path(__file__).resolve().parents[2]
WALES = ROOT / "examples" / "library-service-review-wales.yaml"
SEED = ROOT / "examples" / "customer-access-strategy.yaml"
AS_OF = dt.date(2026, 11, 26)


@pytest.mark.parametrize("path", [WALES, SEED])
def test_welsh_changes_only_the_messages(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    english = psed.validate(text, as_of=AS_OF)
    welsh = psed.validate(text, as_of=AS_OF, lang="cy")
    assert welsh.lang == "cy"
    assert len(english.findings) == len(welsh.findings) > 0
    for en, cy in zip(english.findings, welsh.findings, strict=True):
        assert (cy.code, cy.pointer, cy.severity, cy.characteristic, cy.references) == (
            en.code,
            en.pointer,
            en.severity,
            en.characteristic,
            en.references,
        )
        assert cy.lang == "cy"
        assert cy.message_en == en.message
        assert cy.message != en.message
        assert en.message_en is None


def test_check_takes_lang_and_json_carries_message_en() -> None:
    proposal = psed.load(SEED)
    report = psed.check(proposal, as_of=AS_OF, lang="cy")
    first = report.findings[0].to_dict()
    assert first["message_en"] == psed.check(proposal, as_of=AS_OF).findings[0].message
    assert "message_en" not in psed.check(proposal, as_of=AS_OF).findings[0].to_dict()


def test_translate_turns_a_report_either_way() -> None:
    proposal = psed.load(SEED)
    english = psed.check(proposal, as_of=AS_OF)
    welsh = translate(english, "cy")
    assert [f.message_en for f in welsh.findings] == [f.message for f in english.findings]
    back = translate(welsh, "en")
    assert [f.message for f in back.findings] == [f.message for f in english.findings]
    assert all(f.message_en is None for f in back.findings)
    assert translate(english.findings[0], "cy").message == welsh.findings[0].message


def test_a_translated_finding_survives_pickling() -> None:
    report = psed.check(psed.load(SEED), as_of=AS_OF)
    again = pickle.loads(pickle.dumps(report))
    assert translate(again, "cy").findings[0].message == translate(report, "cy").findings[0].message


def test_plain_text_messages_stay_as_written() -> None:
    finding = psed.Finding(
        code="X100",
        name="x",
        severity=psed.Severity.ERROR,
        default_severity=psed.Severity.ERROR,
        message="A plug-in's own words.",
    )
    assert translate(finding, "cy").message == "A plug-in's own words."


@pytest.mark.parametrize(
    ("given", "env", "expected"),
    [
        (None, {}, "en"),
        ("cy", {}, "cy"),
        ("CY", {}, "cy"),
        ("cy-GB", {}, "cy"),
        (None, {"PSED_LANG": "cy_GB.UTF-8"}, "cy"),
        ("en", {"PSED_LANG": "cy"}, "en"),
        (None, {"PSED_LANG": ""}, "en"),
    ],
)
def test_choose_lang(given: str | None, env: dict[str, str], expected: str) -> None:
    assert choose_lang(given, environ=env) == expected


def test_an_unknown_language_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="use one of: en, cy"):
        psed.validate({"name": "x"}, lang="fr")
    with pytest.raises(ValueError, match="PSED_LANG"):
        choose_lang(None, environ={"PSED_LANG": "de"})


def test_the_command_line_offers_every_language() -> None:
    from psed import cli
    from psed._i18n import LANGUAGES

    assert cli._LANGUAGES == LANGUAGES
