"""One error per problem: grouping, one item per field, links that land, date boxes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import psed
from psed.forms import (
    DateParts,
    date_problem,
    error_summary,
    field_errors,
    form_response,
    join_date,
    problems,
    split_date,
)

from .forms_helpers import make_finding, make_report

AS_OF = dt.date(2026, 11, 26)
HALF_FILLED = {
    "name": "Close the Northfield branch library",
    "impacts": [
        {"characteristic": "age", "impact": "negative", "details": "TBC"},
        {"characteristic": "disability", "impact": "unknown"},
    ],
    "service_profile": {"customers": "about 1,800"},
    "review_date": "2027-02-30",
}


def test_missing_characteristics_are_one_item() -> None:
    report = psed.validate(HALF_FILLED, status="submitted", as_of=AS_OF)
    missing = [f for f in report.findings if f.code == "PSED101"]
    assert len(missing) == 7
    summary = error_summary(report)
    grouped = [item for item in summary if item["href"] == "#impacts"]
    assert grouped == [
        {
            "text": "Assess the impact on: Gender reassignment, Marriage and civil partnership, "
            "Pregnancy and maternity, Race, Religion or belief, Sex, Sexual orientation",
            "href": "#impacts",
        }
    ]


def test_no_two_items_for_one_field() -> None:
    report = psed.validate(HALF_FILLED, status="submitted", as_of=AS_OF)
    details = [f.code for f in report.findings if f.pointer == "/impacts/0/details"]
    assert len(details) >= 2, details  # TBC is both missing details and left-over text
    summary = error_summary(report)
    hrefs = [item["href"] for item in summary]
    assert len(hrefs) == len(set(hrefs))
    assert hrefs.count("#impacts-0-details") == 1
    # The first finding of the most severe at the field speaks for it.
    first = next(f for f in report.findings if f.pointer == "/impacts/0/details")
    assert {"text": first.form_message, "href": "#impacts-0-details"} in summary


def test_the_most_severe_finding_speaks_for_a_field() -> None:
    report = make_report(
        make_finding("PSED105", "/impacts/0/details", severity="warning"),
        make_finding("PSED104", "/impacts/0/details", characteristic="age"),
    )
    [problem] = problems(report)
    assert problem.text == "Enter details of the impact on Age"
    assert problem.severity is psed.Severity.ERROR
    assert [f.code for f in problem.findings] == ["PSED104", "PSED105"]


def test_inline_messages_are_the_summary_texts() -> None:
    report = psed.validate(HALF_FILLED, status="submitted", as_of=AS_OF)
    inline = field_errors(report)
    for item in error_summary(report):
        assert inline[item["href"][1:]] == item["text"]


def test_unrelated_findings_are_not_linked_to_the_name_field() -> None:
    report = make_report(
        make_finding("PSED403", "/decision/outcome"),
        make_finding("PSED107", "/description"),
        make_finding("PSED001", ""),
    )
    summary = error_summary(report, fields={"name", "description"})
    assert summary == [
        {"text": "Select the decision outcome"},
        {"text": "Enter a description of the proposal", "href": "#description"},
        {
            "text": "The assessment could not be read: send it again as a complete JSON object",
            "href": "#name",
        },
    ]
    assert field_errors(report, fields={"name", "description"}) == {
        "description": "Enter a description of the proposal",
        "name": "The assessment could not be read: send it again as a complete JSON object",
    }


def test_a_wrong_date_links_to_the_wrong_box() -> None:
    report = psed.validate(HALF_FILLED, status="submitted", as_of=AS_OF)
    typed = {"/review_date": DateParts(day="30", month="2", year="2027")}
    [item] = [i for i in error_summary(report, dates=typed) if "review" in i["text"]]
    assert item == {
        "text": "Enter the review date as a real date, like 18 11 2022",
        "href": "#review_date-day",
    }
    typed = {"/review_date": DateParts(day="30", month="", year="2027")}
    doc = dict(HALF_FILLED, review_date=join_date(typed["/review_date"]))
    report = psed.validate(doc, status="submitted", as_of=AS_OF)
    [item] = [i for i in error_summary(report, dates=typed) if "review" in i["text"]]
    assert item == {"text": "The review date must include a month", "href": "#review_date-month"}
    assert field_errors(report, dates=typed)["review_date"] == item["text"]


def test_other_problems_with_a_date_link_to_its_day_box() -> None:
    doc = {"name": "x", "responsible": {"name": "A", "role": "B", "date": "2030-01-01"}}
    report = psed.validate(doc, status="draft", as_of=AS_OF)
    typed = {"/responsible/date": DateParts(day="1", month="1", year="2030")}
    summary = error_summary(report, dates=typed)
    assert {
        "text": "The date the responsible service manager signed must be today or in the past",
        "href": "#responsible-date-day",
    } in summary


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (DateParts(), None),
        (DateParts(day="18", month="11", year="2022"), None),
        (
            DateParts(day="18", month="", year="2022"),
            ("month", "The review date must include a month"),
        ),
        (
            DateParts(day="", month="", year="2022"),
            ("day", "The review date must include a day and month"),
        ),
        (
            DateParts(day="1", month="", year=""),
            ("month", "The review date must include a month and year"),
        ),
        (
            DateParts(day="", month="5", year=""),
            ("day", "The review date must include a day and year"),
        ),
        (
            DateParts(day="31", month="4", year="2022"),
            ("day", "Enter the review date as a real date, like 18 11 2022"),
        ),
        (
            DateParts(day="29", month="2", year="2023"),
            ("day", "Enter the review date as a real date, like 18 11 2022"),
        ),
        (DateParts(day="29", month="2", year="2024"), None),
        (
            DateParts(day="1", month="13", year="2022"),
            ("month", "Enter the review date as a real date, like 18 11 2022"),
        ),
        (
            DateParts(day="1", month="1", year="22"),
            ("year", "Enter the year of the review date as 4 numbers, like 2022"),
        ),
        (
            DateParts(day="first", month="1", year="2022"),
            ("day", "Enter the review date as a real date, like 18 11 2022"),
        ),
        (
            DateParts(day="1", month="1", year="9" * 5000),
            ("year", "Enter the review date as a real date, like 18 11 2022"),
        ),
        (
            DateParts(day="\u0661", month="1", year="2022"),
            ("day", "Enter the review date as a real date, like 18 11 2022"),
        ),
    ],
)
def test_date_problems(parts: DateParts, expected: tuple[str, str] | None) -> None:
    assert date_problem(parts, "/review_date") == expected
    joined = join_date(parts)
    if parts.blank():
        assert joined is None
        return
    assert joined is not None
    report = psed.validate({"name": "x", "review_date": joined}, status="draft", as_of=AS_OF)
    structural = [f.code for f in report.findings if f.pointer == "/review_date"]
    # psed and the boxes agree: a date is refused exactly when the boxes have a problem.
    assert (structural == ["PSED004"]) == (expected is not None)
    assert split_date(joined) == DateParts(
        day=parts.day.lstrip("0") if expected is None else parts.day,
        month=parts.month.lstrip("0") if expected is None else parts.month,
        year=parts.year,
    )


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_split_and_join_round_trip(day: dt.date) -> None:
    assert join_date(split_date(day.isoformat())) == day.isoformat()
    assert split_date(day) == split_date(day.isoformat())
    assert date_problem(split_date(day), "/review_date") is None


@given(st.text(max_size=6), st.text(max_size=6), st.text(max_size=6))
def test_any_boxes_agree_with_the_reader(day: str, month: str, year: str) -> None:
    parts = DateParts(day=day, month=month, year=year)
    joined = join_date(parts)
    if joined is None:
        assert parts.blank()
        return
    report = psed.validate({"name": "x", "review_date": joined}, status="draft", as_of=AS_OF)
    refused = any(f.pointer == "/review_date" and f.code < "PSED100" for f in report.findings)
    assert refused == (date_problem(parts, "/review_date") is not None)


def test_form_response_carries_one_message_per_field() -> None:
    report = psed.validate(HALF_FILLED, status="submitted", as_of=AS_OF)
    body = form_response(report)
    assert set(body) == {"ok", "summary", "errors_by_field", "field_errors", "findings"}
    assert body["summary"] == error_summary(report)
    assert body["field_errors"] == field_errors(report)
    assert len(body["errors_by_field"]["impacts"]) == 7
