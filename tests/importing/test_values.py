"""Reading values out of form text: dates, people, counts, tick boxes, impacts, labels."""

from __future__ import annotations

import datetime as _dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from psed.importing._mapping import match_label, resolve_characteristic
from psed.importing._values import (
    impact_word,
    infer_impact,
    is_leftover,
    parse_count,
    parse_date,
    parse_person,
    ticked,
    ticked_options,
)

_MONTHS = [_dt.date(2001, m, 1).strftime("%B") for m in range(1, 13)]


@settings(max_examples=150)
@given(day=st.dates(min_value=_dt.date(1970, 1, 1), max_value=_dt.date(2069, 12, 31)))
def test_every_spelling_of_a_date_reads_back(day: _dt.date) -> None:
    spellings = [
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year % 100:02d}",
        f"{day.day} {_MONTHS[day.month - 1]} {day.year}",
        f"{day.day}th {_MONTHS[day.month - 1][:3]} {day.year}",
        f"{_MONTHS[day.month - 1]} {day.day}, {day.year}",
        day.isoformat(),
        f"Date signed: {day.day} {_MONTHS[day.month - 1]} {day.year}.",
    ]
    for text in spellings:
        assert parse_date(text) == day, text


@pytest.mark.parametrize("text", ["", "TBC", "31/02/2021", "November 2021", "Q3 2024", "2021"])
def test_text_that_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None


@given(st.text(max_size=60))
def test_no_text_crashes_the_value_readers(text: str) -> None:
    parse_date(text)
    parse_count(text)
    parse_person(text)
    ticked(text)
    ticked_options(text)
    is_leftover(text)
    impact_word(text)
    assert infer_impact(text)[0] in {
        "positive",
        "negative",
        "mixed",
        "neutral",
        "not_applicable",
        "unknown",
    }


@pytest.mark.parametrize(
    ("text", "name", "role", "guessed"),
    [
        (
            "Dan Tong\nImprovement Manager: Customer Experience",
            "Dan Tong",
            "Improvement Manager: Customer Experience",
            False,
        ),
        (
            "Priya Shah, Policy and Equality Officer",
            "Priya Shah",
            "Policy and Equality Officer",
            False,
        ),
        ("Tom Reed (Head of Libraries)", "Tom Reed", "Head of Libraries", False),
        (
            "James Marshall Head of Customer and Communications",
            "James Marshall",
            "Head of Customer and Communications",
            True,
        ),
        ("Gareth Jones", "Gareth Jones", None, False),
    ],
)
def test_names_and_roles_are_split(text: str, name: str, role: str | None, guessed: bool) -> None:
    assert parse_person(text) == (name, role, guessed)


def test_counts_of_people() -> None:
    assert parse_count("Southampton has 260,111 residents. Over the last year") == 260111
    assert parse_count("About 9,400 active borrowers") is None
    assert parse_count("about 1,200 service users") == 1200


@pytest.mark.parametrize(
    ("text", "expected"),
    [("☒", True), ("☐", False), ("X", True), ("Yes", True), ("✓", True), ("", None), ("No", None)],
)
def test_tick_cells(text: str, expected: bool | None) -> None:
    assert ticked(text) is expected


def test_tick_lines_with_boxes_before_or_after_their_labels() -> None:
    assert ticked_options("Existing ☐ Revised ☒ New ☐ ") == [
        ("Existing", False),
        ("Revised", True),
        ("New", False),
    ]
    assert ticked_options("☒ Adjust the proposal\n☐ Stop") == [
        ("Adjust the proposal", True),
        ("Stop", False),
    ]
    assert ticked_options("no boxes here") == []


@pytest.mark.parametrize(
    ("details", "impact"),
    [
        ("N/A", "not_applicable"),
        ("None", "not_applicable"),
        ("No differential impact identified.", "neutral"),
        ("Expected to have positive impacts on customers.", "positive"),
        ("The change may exclude some older people.", "negative"),
        ("Positive overall, but some people cannot afford the fee.", "mixed"),
        ("The change will not exclude anyone.", "unknown"),
        ("Prices change on Mondays.", "unknown"),
        (None, "unknown"),
    ],
)
def test_impact_inferred_from_wording(details: str | None, impact: str) -> None:
    found, reason = infer_impact(details)
    assert found == impact
    assert reason


@pytest.mark.parametrize(
    ("text", "leftover"),
    [
        ("Click or tap here to enter text.", "form placeholder text"),
        ("Choose an item.", "form placeholder text"),
        ("[Insert the name of the policy]", "form placeholder text"),
        ("☐ Yes ☐ No", "boxes not ticked"),
        ("☒ Yes ☐ No", None),
        ("Real content.", None),
    ],
)
def test_leftovers(text: str, leftover: str | None) -> None:
    assert is_leftover(text) == leftover


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Religion or Belief", ("religion_belief", None)),
        ("Health & Wellbeing", ("health_wellbeing", None)),
        ("Persons with and without dependants", ("dependants", None)),
        ("Age – older people (65+)", ("age", "older people (65+)")),
        ("Disability (including mental health)", ("disability", None)),
        ("Disability: learning disabilities", ("disability", "learning disabilities")),
        ("Age[13]", ("age", None)),
        ("Community Safety", ("community_safety", None)),
        ("Other Significant Impacts", ("other", None)),
        ("Human rights", None),
    ],
)
def test_row_labels(label: str, expected: tuple[str, str | None] | None) -> None:
    assert resolve_characteristic(label) == expected


def test_labels_match_the_start_of_a_piece() -> None:
    assert match_label("Date 18/11/2021", ["Date"]) == "18/11/2021"
    assert match_label("4.1 Age: Testing of impact", ["Age"]) == "Testing of impact"
    assert match_label("Title of EIA[5]", ["Title of EIA"]) == ""
    assert match_label("Health and Wellbeing", ["Health & Wellbeing"]) == ""
    assert match_label("project or service’s impact", ["project or service's impact"]) == ""
    assert match_label("Dated letters", ["Date"]) is None
