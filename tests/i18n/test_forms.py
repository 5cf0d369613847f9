"""Form helpers in Welsh: the same items and links, the messages in Welsh."""

from __future__ import annotations

import datetime as dt

import pytest

import psed
from psed import forms
from psed._form_messages import FIELD_NAMES, FORM_FIELD, FORM_MESSAGE, FORM_MESSAGES
from psed._i18n import template_for

PAYLOAD = {
    "name": "Newid oriau agor y llyfrgell",
    "framework": "wales",
    "status": "submitted",
    "impacts": [{"characteristic": "age", "impact": "negative"}],
}
AS_OF = dt.date(2026, 11, 26)


def test_error_summary_in_welsh_keeps_the_links() -> None:
    report = psed.validate(PAYLOAD, as_of=AS_OF)
    english = forms.error_summary(report)
    welsh = forms.error_summary(report, lang="cy")
    assert [item["href"] for item in welsh] == [item["href"] for item in english]
    assert all(cy["text"] != en["text"] for cy, en in zip(welsh, english, strict=True))
    assert any(item["text"].startswith("Aseswch yr effaith o ran") for item in welsh)


def test_a_welsh_report_gives_a_welsh_summary_without_asking_again() -> None:
    report = psed.validate(PAYLOAD, as_of=AS_OF, lang="cy")
    assert forms.error_summary(report) == forms.error_summary(report, lang="cy")
    assert forms.error_summary(report, lang="en") == forms.error_summary(
        psed.validate(PAYLOAD, as_of=AS_OF)
    )


def test_form_response_and_by_field_in_welsh() -> None:
    report = psed.validate(PAYLOAD, as_of=AS_OF)
    body = forms.form_response(report, lang="cy")
    english = forms.form_response(report)
    assert body["errors_by_field"].keys() == english["errors_by_field"].keys()
    for field, items in body["errors_by_field"].items():
        for cy, en in zip(items, english["errors_by_field"][field], strict=True):
            assert (cy["code"], cy["pointer"]) == (en["code"], en["pointer"])
            assert cy["message"] != en["message"]
    assert all(f["message_en"] for f in body["findings"])
    by_field = forms.by_field(report, lang="cy")
    assert all(f.lang == "cy" for found in by_field.values() for f in found)


def test_form_messages_follow_the_language_of_the_finding() -> None:
    report = psed.validate(PAYLOAD, as_of=AS_OF, lang="cy")
    english = psed.findings.translate(report, "en")
    for cy, en in zip(report.findings, english.findings, strict=True):
        assert cy.form_message == psed.findings.translate(en, "cy").form_message
        if en.code in ("PSED101", "PSED301", "PSED401"):
            assert cy.form_message != en.form_message, en.code
    assert english.findings == psed.validate(PAYLOAD, as_of=AS_OF).findings
    assert [f.form_message for f in english.findings] == [
        f.form_message for f in psed.validate(PAYLOAD, as_of=AS_OF).findings
    ]


def test_missing_characteristics_are_one_welsh_item() -> None:
    payload = {**PAYLOAD, "impacts": []}
    items = forms.error_summary(psed.validate(payload, as_of=AS_OF), lang="cy")
    grouped = [item for item in items if item["text"].startswith("Aseswch yr effaith o ran: ")]
    assert len(grouped) == 1
    assert "Oed" in grouped[0]["text"]
    assert "Anabledd" in grouped[0]["text"]


@pytest.mark.parametrize(
    ("parts", "part", "welsh"),
    [
        (forms.DateParts(day="8", year="2026"), "month", "Y dyddiad adolygu: rhaid cynnwys mis"),
        (
            forms.DateParts(day="31", month="2", year="2026"),
            "day",
            "Rhowch ddyddiad go iawn ar gyfer y dyddiad adolygu, fel 18 11 2022",
        ),
        (
            forms.DateParts(day="8", month="2", year="26"),
            "year",
            "Rhowch y flwyddyn ar gyfer y dyddiad adolygu fel 4 rhif, fel 2022",
        ),
    ],
)
def test_date_boxes_in_welsh(parts: forms.DateParts, part: str, welsh: str) -> None:
    assert forms.date_problem(parts, "/review_date", lang="cy") == (part, welsh)
    english = forms.date_problem(parts, "/review_date")
    assert english is not None
    assert english[0] == part
    assert english[1] != welsh


def test_every_form_message_and_field_name_has_its_own_welsh() -> None:
    for english in FORM_MESSAGES.values():
        assert template_for("cy", english, FORM_MESSAGE) != english, english
    for english in FIELD_NAMES.values():
        welsh = template_for("cy", english, FORM_FIELD)
        assert welsh != english, english
        assert welsh[:1].islower(), english
