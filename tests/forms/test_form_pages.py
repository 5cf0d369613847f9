"""The example form: every finding on the examples lands on a field that is on the page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from examples.form_backend.app import document_to_form_ids, form_to_document, render_form
from forms_helpers import FormPage, example_payloads

import psed
from psed.forms import field_id_for, pointer_ancestors, pointer_to_field_id

AS_OF = dt.date(2026, 11, 26)
EXAMPLES = example_payloads()


def test_there_are_examples_including_a_clean_one() -> None:
    assert len(EXAMPLES) >= 3
    clean = [
        name
        for name, payload in EXAMPLES.items()
        if psed.validate(payload, status="submitted", as_of=AS_OF).ok
    ]
    assert clean, "expected at least one example with no failing gaps"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_finding_links_to_a_field_on_the_rendered_form(name: str) -> None:
    payload = EXAMPLES[name]
    report = psed.validate(payload, status="submitted", as_of=AS_OF)
    page = FormPage(render_form(payload, report))
    assert len(page.ids) == len(set(page.ids)), "ids on the page must be unique"
    ids = set(document_to_form_ids(payload))
    assert ids <= set(page.ids)
    # Everything else with an id is an error-message or hint holder, or page furniture.
    others = set(page.ids) - ids
    assert all(
        i.endswith(("-error", "-hint"))
        or i in {"main-content", "save-draft", "submit", "todo", "notice"}
        for i in others
    ), others
    for finding in report.findings:
        target = field_id_for(finding.pointer, fields=ids)
        assert target in ids, finding
        # The documented fallback: the nearest ancestor whose default id is on the form.
        nearest = next(
            pointer_to_field_id(p)
            for p in pointer_ancestors(finding.pointer)
            if pointer_to_field_id(p) in ids
        )
        assert target == nearest
    # The summary lists the shown findings, in report order, each linking to a field.
    shown = [f for f in report.findings if f.waived is None and f.severity.value != "info"]
    assert [text.strip() for _, text in page.summary] == [f.message for f in shown]
    assert all(href[1:] in ids for href, _ in page.summary)
    # And each shown finding's message appears inline at its field.
    for f in shown:
        fid = field_id_for(f.pointer, fields=ids)
        assert any(f.message in m for m in page.inline.get(fid, [])), (f.code, fid)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_form_round_trip_keeps_the_document(name: str) -> None:
    """Posting the rendered form back gives the same document (but for the status)."""
    payload = EXAMPLES[name]
    page = FormPage(render_form(payload))
    form = {**page.values, "action": ["submitted"]}
    posted = form_to_document(form)
    original = psed.unstructure(psed.structure(payload))
    again = psed.unstructure(psed.structure(posted))
    original["status"] = again["status"] = "submitted"
    # Rows the form adds for characteristics the document lacks come back as unknown.
    extra = again["impacts"][len(original["impacts"]) :]
    assert all(e["impact"] == "unknown" for e in extra)
    again["impacts"] = again["impacts"][: len(original["impacts"])]
    assert again == original


def _form(**values: str) -> dict[str, list[str]]:
    return {k: [v] for k, v in values.items()}


def test_form_to_document_blank_form_is_a_named_draft_with_unknown_rows() -> None:
    page = FormPage(render_form({"framework": "esia"}))
    form: dict[str, Any] = {**page.values, "action": ["draft"], "name": ["Bins"]}
    doc = form_to_document(form)
    assert doc["name"] == "Bins"
    assert doc["status"] == "draft"
    assert doc["framework"] == "esia"
    codes = [e["characteristic"] for e in doc["impacts"]]
    framework = psed.BUILTIN_FRAMEWORKS["esia"]
    assert codes == [*framework.required, *framework.optional]
    assert all(set(e) == {"characteristic"} for e in doc["impacts"])
    assert "evidence" not in doc
    assert "decision" not in doc


def test_form_to_document_types_and_rows() -> None:
    doc = form_to_document(
        _form(
            **{
                "name": "  Bins  ",
                "service_profile-customers": "1200",
                "evidence-0-source": "",
                "evidence-3-source": "Survey",
                "impacts-0-characteristic": "age",
                "impacts-0-impact": "negative",
                "impacts-0-mitigations-0-action": "",
                "impacts-0-mitigations-0-status": "planned",
                "impacts-0-mitigations-1-action": "Assisted collections",
                "impacts-1-characteristic": "",
                "impacts-1-details": "ignored: no characteristic chosen",
            }
        )
    )
    assert doc["name"] == "Bins"
    assert doc["service_profile"] == {"customers": 1200}
    assert doc["evidence"] == [{"source": "Survey"}]
    assert doc["impacts"] == [
        {
            "characteristic": "age",
            "impact": "negative",
            "mitigations": [{"action": "Assisted collections"}],
        }
    ]
    bad = form_to_document(_form(**{"service_profile-customers": "about 300"}))
    assert bad["service_profile"]["customers"] == "about 300"
    report = psed.validate(bad, status="draft", as_of=AS_OF)
    pointers = {f.pointer for f in report.findings if f.code in ("PSED002", "PSED003")}
    assert pointers == {"/name", "/service_profile/customers"}


def test_user_text_is_escaped() -> None:
    nasty = '<script>alert("x")</script> & "quotes" \'single\''
    payload = {
        "name": nasty,
        "impacts": [{"characteristic": "age", "impact": "negative", "details": nasty}],
        "waivers": [{"rule": "PSED501", "reason": nasty}],
    }
    report = psed.validate(payload, status="submitted", as_of=AS_OF)
    html_page = render_form(payload, report)
    assert "<script>alert" not in html_page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html_page
    page = FormPage(html_page)
    assert page.values["name"] == [nasty]
    assert page.values["impacts-0-details"] == [nasty]
    # The only script on the page is our own.
    assert html_page.count("<script>") == 1
