"""Check your answers: every answered question of every item, each with a link to change it."""

from __future__ import annotations

import copy
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

from .forms_helpers import ServicePage, example_payloads

EXAMPLES = example_payloads()


@attrs.frozen(kw_only=True)
class Row:
    """One summary-list row: the question, the answer, the change link."""

    section: str
    card: str | None
    key: str
    value: str
    href: str


class CheckPage(HTMLParser):
    """The rows of a check-answers page, with the section and card each is in."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[Row] = []
        self._section = ""
        self._card: str | None = None
        self._in: str | None = None  # heading | card | key | value
        self._text = ""
        self._key = ""
        self._href = ""
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "h2" and "govuk-heading-m" in classes:
            self._in, self._text, self._card = "heading", "", None
        elif "govuk-summary-card__title" in classes:
            self._in, self._text = "card", ""
        elif "govuk-summary-list__key" in classes:
            self._in, self._text = "key", ""
        elif "govuk-summary-list__value" in classes:
            self._in, self._text = "value", ""
        elif tag == "a" and "govuk-link" in classes and self._key:
            self._href = a["href"]
        elif tag == "span":
            return
        if tag == "dl":
            self._key = ""

    def handle_endtag(self, tag: str) -> None:
        text = " ".join(self._text.split())
        if self._in == "heading" and tag == "h2":
            self._section, self._in = text, None
        elif self._in == "card" and tag == "h3":
            self._card, self._in = text, None
        elif self._in == "key" and tag == "dt":
            self._key, self._in = text, None
        elif self._in == "value" and tag == "dd":
            self._in = None
            self.rows.append(
                Row(section=self._section, card=self._card, key=self._key, value=text, href="")
            )
        elif tag == "a" and self._href:
            self.rows[-1] = attrs.evolve(self.rows[-1], href=self._href)
            self._href = self._key = ""

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._text += data


def _stored(tmp_path: Path, document: dict[str, Any]) -> str:
    from examples.form_service.store import Store

    return Store(tmp_path / "drafts.sqlite3").create(copy.deepcopy(document)).ref


def _rows(client: Any, ref: str) -> list[Row]:
    response = client.get(f"/assessments/{ref}/check")
    assert response.status_code == 200
    return CheckPage(response.get_data(as_text=True)).rows


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_change_link_lands_on_a_field_of_its_page(
    client: Any, tmp_path: Path, name: str
) -> None:
    ref = _stored(tmp_path, EXAMPLES[name])
    rows = [row for row in _rows(client, ref) if row.href]
    assert rows
    pages: dict[str, ServicePage] = {}
    for row in rows:
        path, _, fragment = row.href.partition("#")
        assert path.startswith(f"/assessments/{ref}/"), row
        if path not in pages:
            pages[path] = ServicePage(client.get(path).get_data(as_text=True))
        assert fragment in pages[path].ids, row
    # One link per row, each to a field of its own.
    hrefs = [row.href for row in rows]
    assert len(hrefs) == len(set(hrefs))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_evidence_and_engagement_shows_every_answered_question(
    client: Any, tmp_path: Path, name: str
) -> None:
    document = EXAMPLES[name]
    rows = _rows(client, _stored(tmp_path, document))
    for key, title in (("evidence", "Evidence"), ("engagement", "Engagement")):
        for index, item in enumerate(document.get(key, [])):
            card = [r for r in rows if r.card == f"{title} {index + 1}" and r.href]
            asked = {"source", "kind", "area", "summary", "date"}
            if key == "engagement":
                asked = {"audience", "method", "date", "end", "summary", "changes"}
            answered = {field for field in asked if item.get(field) not in (None, "")}
            assert len(card) == len(answered), (key, index, [r.key for r in card])
            ids = {r.href.partition("#")[2] for r in card}
            expected = {
                f"{key}-{index}-{field}" + ("-day" if field in ("date", "end") else "")
                for field in answered
            }
            assert ids == expected
            for field in ("source", "audience", "summary", "changes", "area", "method"):
                if field in answered:
                    assert " ".join(str(item[field]).split()) in {r.value for r in card}


def test_a_characteristic_card_shows_its_actions_justification_and_monitoring(
    client: Any, tmp_path: Path
) -> None:
    document = {
        "name": "Close the Northfield branch library",
        "impacts": [
            {
                "characteristic": "age",
                "impact": "negative",
                "details": "Older people lose a library within walking distance.",
                "mitigations": [
                    {"action": "A weekly mobile library stop", "owner": "Dan Tong"},
                    {"action": "Home delivery for people over 75", "due": "2027-03-31"},
                ],
                "justification": "The saving keeps the other branches open.",
                "monitoring": "Quarterly use figures by age.",
            },
            {"characteristic": "disability", "impact": "neutral"},
        ],
    }
    rows = _rows(client, _stored(tmp_path, document))
    age = [(r.key, r.value, r.href.partition("#")[2]) for r in rows if r.card == "Age"]
    assert age == [
        ("Impact", "Negative", "impact-age-impact"),
        (
            "Details of the impact",
            "Older people lose a library within walking distance.",
            "impact-age-details",
        ),
        ("Action 1: action", "A weekly mobile library stop", "impact-age-mitigations-0-action"),
        ("Action 1: owner", "Dan Tong", "impact-age-mitigations-0-owner"),
        (
            "Action 2: action",
            "Home delivery for people over 75",
            "impact-age-mitigations-1-action",
        ),
        ("Action 2: due date", "31 March 2027", "impact-age-mitigations-1-due-day"),
        (
            "Why a negative impact is justified (if it is)",
            "The saving keeps the other branches open.",
            "impact-age-justification",
        ),
        (
            "How the impact will be monitored",
            "Quarterly use figures by age.",
            "impact-age-monitoring",
        ),
    ]
    assert all(r.href for r in rows if r.card == "Age")
    disability = [(r.key, r.value) for r in rows if r.card == "Disability"]
    assert disability == [("Impact", "Neutral (no differential impact)")]
    # A characteristic not yet assessed still has its card, with the impact to give.
    race = [(r.key, r.value) for r in rows if r.card == "Race"]
    assert race == [("Impact", "Not given")]


def test_an_empty_list_section_links_to_its_first_question(client: Any, tmp_path: Path) -> None:
    rows = _rows(client, _stored(tmp_path, {"name": "Library hours"}))
    evidence = [r for r in rows if r.section == "Evidence"]
    assert [(r.card, r.value, r.href.partition("#")[2]) for r in evidence] == [
        (None, "None recorded", "evidence-0-source")
    ]
    # Dates in the plain lists link to their day box.
    review = next(r for r in rows if r.key == "Review date")
    assert review.href.endswith("/signoff#review_date-day")


def test_answers_no_page_asks_for_are_shown_without_a_change_link(
    client: Any, tmp_path: Path
) -> None:
    document = {
        "name": "Close the Northfield branch library",
        "evidence": [
            {
                "source": "Committee report",
                "url": "https://example.org/committees/cw-2026-09-28",
            }
        ],
        "impacts": [
            {
                "characteristic": "age",
                "group": "Older people (65+)",
                "impact": "negative",
                "mitigations": [
                    {
                        "action": "A weekly mobile library stop",
                        "status": "in_progress",
                        "monitoring": "Stop use each quarter.",
                    }
                ],
            }
        ],
    }
    rows = _rows(client, _stored(tmp_path, document))
    evidence = [(r.key, r.value, bool(r.href)) for r in rows if r.card == "Evidence 1"]
    assert evidence == [
        ("Source", "Committee report", True),
        ("Web address", "https://example.org/committees/cw-2026-09-28", False),
    ]
    age = [(r.key, r.value, bool(r.href)) for r in rows if r.card == "Age"]
    assert age == [
        ("Impact", "Negative", True),
        ("Group", "Older people (65+)", False),
        ("Action 1: action", "A weekly mobile library stop", True),
        ("Action 1: progress", "In progress", False),
        ("Action 1: how it is monitored", "Stop use each quarter.", False),
    ]


def test_a_second_entry_for_one_characteristic_has_its_own_card(
    client: Any, tmp_path: Path
) -> None:
    document = {
        "name": "Close the Northfield branch library",
        "impacts": [
            {"characteristic": "age", "group": "Older people (65+)", "impact": "negative"},
            {"characteristic": "disability", "impact": "neutral"},
            {
                "characteristic": "age",
                "group": "Children under 16",
                "impact": "negative",
                "details": "Fewer after-school clubs.",
            },
            {"characteristic": "age", "impact": "positive"},
        ],
    }
    rows = _rows(client, _stored(tmp_path, document))
    cards = [r.card for r in rows if r.section == "Impact on each characteristic"]
    assert cards.index("Age: Children under 16") > cards.index("Sexual orientation")
    children = [(r.key, r.value, r.href) for r in rows if r.card == "Age: Children under 16"]
    assert children == [
        ("Impact", "Negative", ""),
        ("Group", "Children under 16", ""),
        ("Details of the impact", "Fewer after-school clubs.", ""),
    ]
    assert [(r.key, r.value) for r in rows if r.card == "Age: another entry"] == [
        ("Impact", "Positive")
    ]
    first = [(r.key, bool(r.href)) for r in rows if r.card == "Age"]
    assert first == [("Impact", True), ("Group", False)]
