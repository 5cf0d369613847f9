"""A whole assessment through the form service: what no page asks about is kept as it was."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from .forms_helpers import ServicePage, example_payloads
from .service_data import ANSWERS

EXAMPLES = example_payloads()


def _stored(service_app: Any, tmp_path: Path, document: dict[str, Any]) -> tuple[Any, str]:
    """A draft holding ``document`` (as if saved earlier), and its Store."""
    from examples.form_service.store import Store

    store = Store(tmp_path / "drafts.sqlite3")
    ref = store.create().ref
    store.save(ref, document)
    return store, ref


def _resave_every_page(client: Any, ref: str) -> None:
    """Open each page and press "Save and come back later" without changing anything."""
    for section in ANSWERS:
        response = client.get(f"/assessments/{ref}/{section}")
        assert response.status_code == 200, section
        page = ServicePage(response.get_data(as_text=True))
        data = {**page.values, **page.checked, "action": "save"}
        saved = client.post(f"/assessments/{ref}/{section}", data=data)
        assert saved.status_code == 303, section


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_an_assessment_saved_page_by_page_is_unchanged(
    client: Any, service_app: Any, tmp_path: Path, name: str
) -> None:
    document = EXAMPLES[name]
    store, ref = _stored(service_app, tmp_path, copy.deepcopy(document))
    _resave_every_page(client, ref)
    assert store.get(ref).document == document


def test_fields_without_a_page_survive_an_edit(
    client: Any, service_app: Any, tmp_path: Path
) -> None:
    document = copy.deepcopy(EXAMPLES["community-centres-review-ni-s75"])
    # A second group of one characteristic: the impacts page asks about the first only.
    age = next(e for e in document["impacts"] if e["characteristic"] == "age")
    second = {**copy.deepcopy(age), "group": "Children under 16", "details": "Fewer clubs."}
    document["impacts"].append(second)
    kept = {
        key: document[key]
        for key in (
            "level",
            "screening",
            "alternatives",
            "intersections",
            "contributors",
            "related",
            "organisation",
            "published",
        )
        if key in document
    }
    assert {"level", "screening", "alternatives"} <= set(kept)
    store, ref = _stored(service_app, tmp_path, document)
    page = ServicePage(client.get(f"/assessments/{ref}/impacts").get_data(as_text=True))
    data = {**page.values, **page.checked, "action": "save"}
    data["impact-age-details"] = "Changed on the form."
    assert client.post(f"/assessments/{ref}/impacts", data=data).status_code == 303
    saved = store.get(ref).document
    assert {key: saved.get(key) for key in kept} == kept
    # The first age entry is the one edited; every other entry is as it was, in its place.
    expected = copy.deepcopy(document["impacts"])
    expected[document["impacts"].index(age)]["details"] = "Changed on the form."
    assert saved["impacts"] == expected
    assert saved["impacts"][-1] == second


def test_the_pages_offer_the_newer_fields(client: Any, service_app: Any, tmp_path: Path) -> None:
    document = EXAMPLES["community-centres-review-ni-s75"]
    _, ref = _stored(service_app, tmp_path, copy.deepcopy(document))

    def values(section: str) -> dict[str, str]:
        response = client.get(f"/assessments/{ref}/{section}")
        page = ServicePage(response.get_data(as_text=True))
        return {**page.values, **page.checked}

    evidence = values("evidence")
    for i, item in enumerate(document["evidence"]):
        assert evidence[f"evidence-{i}-kind"] == item.get("kind", "")
        assert evidence[f"evidence-{i}-area"] == item.get("area", "")
    engagement = values("engagement")
    for i, item in enumerate(document["engagement"]):
        assert engagement[f"engagement-{i}-changes"].strip() == item.get("changes", "")
    impacts = values("impacts")
    for entry in document["impacts"]:
        code = entry["characteristic"]
        assert impacts[f"impact-{code}-monitoring"].strip() == entry.get("monitoring", "")
    decision = values("decision")
    assert decision["decision-duty_statement"].strip() == document["decision"]["duty_statement"]
    # And what is typed there is saved.
    changed = {
        **decision,
        "decision-duty_statement": "Cabinet must have due regard.",
        "action": "save",
    }
    client.post(f"/assessments/{ref}/decision", data=changed)
    page = ServicePage(client.get(f"/assessments/{ref}/decision").get_data(as_text=True))
    assert page.values["decision-duty_statement"].strip() == "Cabinet must have due regard."
