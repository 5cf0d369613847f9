"""Form helpers in Welsh: the same items and links, the messages in Welsh."""

from __future__ import annotations

import datetime as dt

import psed
from psed import forms

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
