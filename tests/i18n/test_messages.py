"""Messages: English text that knows how to give itself in Welsh, and the choice of language."""

from __future__ import annotations

import pickle

import pytest

from psed._i18n import C_, P_, Message, _, choose_lang, gettext_for, label, template_for


def test_a_message_is_its_english_text_and_survives_pickling() -> None:
    message = _("{label} has no impact entry.", label="Age")
    assert message == "Age has no impact entry."
    assert str(message) == "Age has no impact entry."
    assert repr(message) == (
        "Message('{label} has no impact entry.', args=(('label', 'Age'),), context=None)"
    )
    again = pickle.loads(pickle.dumps(message))
    assert isinstance(again, Message)
    assert (again.id, again.args) == (message.id, message.args)
    assert again.text("cy") == message.text("cy")


def test_a_label_with_a_context_is_translated_through_that_context() -> None:
    assert label("characteristic", "Age").text("cy") == gettext_for("cy", "Age", "characteristic")
    assert label("characteristic", "Age").text("cy") != "Age"
    assert template_for("en", "Age", "characteristic") == "Age"


def test_a_plural_message_chooses_its_form_by_the_number() -> None:
    one = P_("{count} finding", "{count} findings", 1)
    many = P_("{count} finding", "{count} findings", 3)
    assert (one, many) == ("1 finding", "3 findings")
    assert C_("date", "{day} {month} {year}", day="1", month="May", year="2020") == "1 May 2020"


def test_text_with_no_translation_stays_in_english() -> None:
    message = _("A sentence no catalogue has, about {thing}.", thing="a bridge")
    assert message.text("cy") == "A sentence no catalogue has, about a bridge."
    assert template_for("cy", "A sentence no catalogue has") == "A sentence no catalogue has"


def test_a_message_whose_values_do_not_fit_its_template_is_shown_as_written() -> None:
    assert _("Braces {unclosed", value="x") == "Braces {unclosed"
    assert _("{missing} value") == "{missing} value"


@pytest.mark.parametrize(
    ("given", "chosen"),
    [("cy", "cy"), ("cy-GB", "cy"), ("cy_GB.UTF-8", "cy"), (" EN ", "en"), ("en-GB", "en")],
)
def test_a_language_is_read_from_its_common_spellings(given: str, chosen: str) -> None:
    assert choose_lang(given) == chosen


def test_the_environment_chooses_when_no_language_is_given() -> None:
    assert choose_lang(None, environ={"PSED_LANG": "cy"}) == "cy"
    assert choose_lang(None, environ={"PSED_LANG": ""}) == "en"
    assert choose_lang(None, environ={}) == "en"
    with pytest.raises(ValueError, match="PSED_LANG: 'fr' is not a language psed has; use one of"):
        choose_lang(None, environ={"PSED_LANG": "fr"})


def test_a_language_that_is_not_text_or_not_known_is_refused_by_name() -> None:
    with pytest.raises(TypeError, match="lang must be a string such as 'cy', not int"):
        choose_lang(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lang: 'ga' is not a language psed has; use one of: en"):
        choose_lang("ga")
