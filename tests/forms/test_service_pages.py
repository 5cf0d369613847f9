"""The reference form service, page by page (Flask's test client: no browser, no sockets)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .forms_helpers import ServicePage
from .service_data import ANSWERS, CHARACTERISTICS, posted

SECTIONS = list(ANSWERS)
CODE = re.compile(r"PSED[0-9]{3}")


def _new(client: Any) -> str:
    response = client.post("/assessments")
    assert response.status_code == 303
    location = response.headers["Location"]
    assert re.fullmatch(r"/assessments/[A-Za-z0-9_-]{16,64}", location)
    return str(location)


def _page(response: Any) -> ServicePage:
    return ServicePage(response.get_data(as_text=True))


def _check_links_land(page: ServicePage) -> None:
    """Every summary link goes to an element on the page, once; inline texts match."""
    hrefs = [href for href, _ in page.summary]
    assert len(hrefs) == len(set(hrefs)), hrefs
    for href, text in page.summary:
        assert href.startswith("#"), href
        assert href[1:] in page.ids, href
        assert not CODE.search(text), text


def test_start_page_and_a_new_task_list(client: Any) -> None:
    start = client.get("/")
    assert start.status_code == 200
    assert b'href="/assets/govuk-frontend.min.css"' in start.data
    assert b"govuk-button--start" in start.data
    tasks = client.get(_new(client))
    assert tasks.status_code == 200
    text = tasks.get_data(as_text=True)
    assert text.count("Not yet started") == len(SECTIONS)
    assert "You have completed 0 of 8 sections." in text


def test_every_blank_page_shows_the_error_summary_and_inline_errors(client: Any) -> None:
    ref = _new(client)
    for section in SECTIONS:
        response = client.post(f"{ref}/{section}", data={"action": "continue"})
        if response.status_code == 303:  # nothing on this page is needed yet
            assert section in ("engagement", "decision"), section
            continue
        assert response.status_code == 200, section
        page = _page(response)
        assert page.title.startswith("Error: "), section
        assert page.summary, section
        _check_links_land(page)
        # The inline message is the summary's text, at the field the link goes to (a date's
        # message sits on the date input, whose link goes to its first box).
        inline_texts = set(page.inline.values())
        assert {text for _, text in page.summary} <= inline_texts, section


def test_missing_characteristics_are_one_item_linking_to_the_first(client: Any) -> None:
    ref = _new(client)
    page = _page(client.post(f"{ref}/impacts", data={"action": "continue"}))
    labels = (
        "Age, Disability, Gender reassignment, Marriage and civil partnership, "
        "Pregnancy and maternity, Race, Religion or belief, Sex, Sexual orientation"
    )
    assert page.summary == [("#impact-age-impact", f"Assess the impact on: {labels}")]
    assert page.inline["impacts"] == f"Assess the impact on: {labels}"
    # Two assessed: the other seven are still one item.
    data = {
        "impact-age-impact": "positive",
        "impact-age-details": "Longer opening hours suit older visitors in the daytime.",
        "impact-race-impact": "neutral",
        "impact-race-details": "Nobody is affected differently by their race here.",
        "action": "continue",
    }
    page = _page(client.post(f"{ref}/impacts", data=data))
    assert [href for href, _ in page.summary] == ["#impact-disability-impact"]
    assert page.checked["impact-age-impact"] == "positive"


def test_a_whole_journey_completes_checks_submits_and_publishes(client: Any) -> None:
    ref = _new(client)
    for section in SECTIONS:
        response = client.post(f"{ref}/{section}", data=posted(section))
        assert response.status_code == 303, (section, _page(response).summary)
        assert response.headers["Location"] == ref
    tasks = client.get(ref).get_data(as_text=True)
    assert "You have completed 8 of 8 sections." in tasks
    check = client.get(f"{ref}/check").get_data(as_text=True)
    assert "Close the Northfield branch library" in check
    assert "1,800" in check
    assert "20 November 2026" in check
    submitted = client.post(f"{ref}/check")
    assert submitted.status_code == 303
    assert submitted.headers["Location"] == f"{ref}/submitted"
    confirmation = client.get(f"{ref}/submitted").get_data(as_text=True)
    assert "Assessment submitted" in confirmation
    published = client.get(f"{ref}/assessment")
    assert published.status_code == 200
    assert published.mimetype == "text/html"
    assert b"Close the Northfield branch library" in published.data


def test_check_answers_lists_what_stops_a_submission(client: Any) -> None:
    ref = _new(client)
    client.post(f"{ref}/proposal", data=posted("proposal", description="TBC"))
    future = {"responsible-date-day": "1", "responsible-date-year": "2030"}
    client.post(f"{ref}/signoff", data=posted("signoff", "save", **future))
    page = _page(client.post(f"{ref}/check"))
    assert page.title.startswith("Error: ")
    hrefs = [href for href, _ in page.summary]
    assert f"{ref}/proposal#description" in hrefs
    assert f"{ref}/impacts#impact-age-impact" in hrefs  # the first characteristic not assessed
    assert f"{ref}/signoff#responsible-date-day" in hrefs  # a date links to its day box
    assert all(href.startswith(f"{ref}/") for href in hrefs)
    for href, text in page.summary:
        assert not CODE.search(text)
        # Each link goes to a page where that id is a real field.
        target_page, fid = href.split("#")
        assert fid in ServicePage(client.get(target_page).get_data(as_text=True)).ids, href


def test_save_and_come_back_later_really_saves(
    client: Any, service_app: Any, tmp_path: Path
) -> None:
    ref = _new(client)
    response = client.post(
        f"{ref}/proposal",
        data=posted("proposal", "save", description="Half written"),
    )
    assert response.status_code == 303
    assert response.headers["Location"] == f"{ref}/saved"
    saved = client.get(f"{ref}/saved").get_data(as_text=True)
    assert f"http://localhost{ref}" in saved
    # A new browser (no cookies, nothing in memory) with the link sees the answers.
    other = service_app.test_client()
    page = _page(other.get(f"{ref}/proposal"))
    assert page.values["description"].strip() == "Half written"
    assert page.checked["framework"] == "psed"
    # They are in the SQLite file.
    with sqlite3.connect(tmp_path / "drafts.sqlite3") as db:
        [(document,)] = db.execute(
            "SELECT document FROM assessments WHERE ref = ?", (ref.rsplit("/", 1)[1],)
        ).fetchall()
    assert '"description": "Half written"' in document


def test_invalid_answers_are_kept_and_shown_again(client: Any) -> None:
    ref = _new(client)
    response = client.post(
        f"{ref}/service",
        data=posted("service", **{"service_profile-customers": "about a thousand"}),
    )
    page = _page(response)
    assert page.summary == [
        (
            "#service_profile-customers",
            "Enter the number of customers as a whole number, like 1800",
        )
    ]
    assert page.values["service_profile-customers"] == "about a thousand"


@pytest.mark.parametrize(
    ("day", "month", "year", "href", "text"),
    [
        (
            "30",
            "2",
            "2027",
            "#review_date-day",
            "Enter the review date as a real date, like 18 11 2022",
        ),
        ("30", "", "2027", "#review_date-month", "The review date must include a month"),
        (
            "1",
            "13",
            "2027",
            "#review_date-month",
            "Enter the review date as a real date, like 18 11 2022",
        ),
        (
            "1",
            "1",
            "27",
            "#review_date-year",
            "Enter the year of the review date as 4 numbers, like 2022",
        ),
    ],
)
def test_a_wrong_date_links_to_its_box(
    client: Any, day: str, month: str, year: str, href: str, text: str
) -> None:
    ref = _new(client)
    data = posted(
        "signoff", **{"review_date-day": day, "review_date-month": month, "review_date-year": year}
    )
    page = _page(client.post(f"{ref}/signoff", data=data))
    assert (href, text) in page.summary
    assert page.inline["review_date"] == text
    # What was typed comes back in the boxes.
    assert page.values["review_date-day"] == day
    assert page.values["review_date-month"] == month
    assert page.values["review_date-year"] == year


def test_add_another_row(client: Any) -> None:
    ref = _new(client)
    response = client.post(f"{ref}/evidence", data=posted("evidence", "add"))
    assert response.status_code == 303
    page = _page(client.get(f"{ref}/evidence"))
    assert page.values["evidence-0-source"] == "Library visitor survey 2026"
    assert page.values["evidence-1-source"] == ""


def test_answers_are_escaped_on_every_page(client: Any) -> None:
    ref = _new(client)
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.post(f"{ref}/proposal", data=posted("proposal", "save", name=attack, description=attack))
    client.post(f"{ref}/service", data={"service_profile-customers": attack, "action": "continue"})
    for path in ("", "/proposal", "/service", "/check"):
        body = client.get(f"{ref}{path}").get_data(as_text=True)
        assert "<script>alert" not in body, path
        assert "<img src=x" not in body, path
    body = client.post(f"{ref}/check").get_data(as_text=True)
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body


def test_unknown_places_are_gov_uk_pages(client: Any) -> None:
    for path in ("/nowhere", "/assessments/not-a-real-reference", "/assessments/x" * 3):
        response = client.get(path)
        assert response.status_code == 404
        assert b"Page not found" in response.data
        assert b"govuk-heading-l" in response.data
    ref = _new(client)
    assert client.get(f"{ref}/no-such-section").status_code == 404
    response = client.delete(ref)
    assert response.status_code == 405
    assert b"There is a problem with the request" in response.data


def test_a_broken_database_is_a_page_not_a_traceback(client: Any, tmp_path: Path) -> None:
    ref = _new(client)
    (tmp_path / "drafts.sqlite3").write_bytes(b"this is not a database" * 100)
    response = client.get(ref)
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "Sorry, there is a problem with the service" in body
    assert "Traceback" not in body
    assert "sqlite" not in body.lower()


def test_every_characteristic_of_the_framework_has_a_question(client: Any) -> None:
    ref = _new(client)
    page = _page(client.get(f"{ref}/impacts"))
    for code in CHARACTERISTICS:
        assert f"impact-{code}-impact" in page.ids
    client.post(f"{ref}/proposal", data=posted("proposal", "save", framework="esia"))
    page = _page(client.get(f"{ref}/impacts"))
    assert "impact-community_safety-impact" in page.ids
    assert "impact-poverty-impact" in page.ids


FIELD_NAMES_POSTED = sorted({name for answers in ANSWERS.values() for name in answers})


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    section=st.sampled_from(SECTIONS),
    answers=st.dictionaries(
        st.sampled_from(FIELD_NAMES_POSTED) | st.text(max_size=12),
        st.text(max_size=30)
        | st.sampled_from(["-1", "9" * 40, "0", "29", "2", "0000", "１８", "\u0661", "1,8,0,0"]),
        max_size=12,
    ),
    action=st.sampled_from(["continue", "save", "add", "", "delete"]),
)
def test_no_answers_break_a_page(
    client: Any, section: str, answers: dict[str, str], action: str
) -> None:
    ref = _new(client)
    response = client.post(f"{ref}/{section}", data={**answers, "action": action})
    assert response.status_code in (200, 303), response.status_code
    for path in (f"/{section}", "", "/check"):
        page = client.get(f"{ref}{path}")
        assert page.status_code == 200, path
        assert b"Traceback" not in page.data
    if response.status_code == 200:
        _check_links_land(_page(response))
