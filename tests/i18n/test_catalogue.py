"""The Welsh catalogue: complete, with the same placeholders, and compiled as shipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from psed import _babel
from psed._i18n import C_, LANGUAGES, P_, Message, _, label, table_messages


def test_every_message_has_a_welsh_translation_with_the_same_placeholders() -> None:
    problems = list(_babel.problems("cy"))
    assert problems == [], "\n".join(problems[:20])


def test_the_committed_mo_is_the_compiled_po() -> None:
    mo = _babel.po_path("cy").with_suffix(".mo")
    assert mo.read_bytes() == _babel.compile_catalogue("cy"), "run make locale"


def test_the_catalogue_holds_the_tables_and_the_marked_sentences() -> None:
    template = _babel.extract()
    ids = {(m.context, m.id) for m in template if m.id}
    assert ("characteristic", "Age") in ids
    assert ("render section.proposal", "About the proposal") in ids
    assert ("rule summary", "The proposal has no description.") in ids
    sentence = "The proposal has no description: say what is proposed and what it aims to do."
    assert (None, sentence) in ids
    assert {(c, e) for c, e, _where in table_messages()} <= ids


def _catalogue(english: str, welsh: str) -> Catalog:
    catalogue = Catalog(locale="cy")
    catalogue.add(english, welsh)
    return catalogue


@pytest.mark.parametrize(
    "welsh",
    [
        "Nid oes cofnod ar gyfer:",  # drops {entry}
        "Nid oes cofnod ar gyfer {entry} {extra}",  # adds {extra}
        "Nid oes cofnod ar gyfer {cofnod}",  # renames {entry}
    ],
)
def test_a_translation_that_changes_a_placeholder_is_a_problem(
    welsh: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = "No entry for {entry}"
    template = Catalog()
    template.add(english)
    monkeypatch.setattr(_babel, "extract", lambda: template)
    monkeypatch.setattr(_babel, "load", lambda lang: _catalogue(english, welsh))
    found = list(_babel.problems("cy"))
    assert len(found) == 1
    assert "placeholders" in found[0]


def test_a_missing_translation_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    template = Catalog()
    template.add("No entry for {entry}")
    monkeypatch.setattr(_babel, "extract", lambda: template)
    monkeypatch.setattr(_babel, "load", lambda lang: Catalog(locale="cy"))
    assert [p for p in _babel.problems("cy") if "not in" in p]


def test_the_placeholders_of_a_message_ignore_doubled_braces() -> None:
    assert _babel.placeholders("{a} {{literal}} {b}") == ["a", "b"]


def test_a_message_is_its_english_text_and_translates() -> None:
    message = _("{who} has no name.", who=C_("sign-off", "approver"))
    assert message == "approver has no name."
    assert isinstance(message, str)
    assert label("characteristic", "Age").text("cy") == "Oedran"
    assert label("characteristic", "Age").text("en") == "Age"


def test_an_unknown_message_falls_back_to_english() -> None:
    assert Message("Not in any catalogue {x}", (("x", "1"),)).text("cy") == "Not in any catalogue 1"


def test_plural_messages_choose_the_english_form_by_number() -> None:
    assert P_("{count} file", "{count} files", 1) == "1 file"
    assert P_("{count} file", "{count} files", 3) == "3 files"


def test_the_languages_are_english_and_welsh() -> None:
    assert LANGUAGES == ("en", "cy")
    for lang in LANGUAGES[1:]:
        assert Path(_babel.po_path(lang)).exists()
