"""Unit tests of psed.forms on hand-made reports: grouping, summary, pointer -> field id."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psed import Report, Severity
from psed.forms import (
    DOCUMENT_FIELD_ID,
    by_field,
    by_pointer,
    error_summary,
    field_id_for,
    form_response,
    pointer_ancestors,
    pointer_to_field_id,
    select_findings,
)

from .forms_helpers import make_finding, make_report


@pytest.mark.parametrize(
    ("pointer", "expected"),
    [
        ("", "name"),
        ("/name", "name"),
        ("/impacts", "impacts"),
        ("/impacts/2/mitigations/0/owner", "impacts-2-mitigations-0-owner"),
        ("/service_profile/customers", "service_profile-customers"),
        ("/a~1b/c~0d", "a-b-c-d"),
        ("/foo bar", "foo-bar"),
        ("/caf\u00e9", "caf-"),
        ("/", "name"),
    ],
)
def test_pointer_to_field_id(pointer: str, expected: str) -> None:
    assert pointer_to_field_id(pointer) == expected


@given(st.lists(st.text(min_size=0, max_size=8), max_size=6))
def test_field_ids_are_safe_in_href_and_css(tokens: list[str]) -> None:
    pointer = "".join("/" + t.replace("~", "~0").replace("/", "~1") for t in tokens)
    fid = pointer_to_field_id(pointer)
    assert fid
    assert all(c.isascii() and (c.isalnum() or c in "_-") for c in fid)


def test_pointer_ancestors_end_at_the_root() -> None:
    assert list(pointer_ancestors("/impacts/2/mitigations/0/owner")) == [
        "/impacts/2/mitigations/0/owner",
        "/impacts/2/mitigations/0",
        "/impacts/2/mitigations",
        "/impacts/2",
        "/impacts",
        "",
    ]
    assert list(pointer_ancestors("")) == [""]


def test_field_id_without_fields_is_the_plain_mapping() -> None:
    assert field_id_for("/impacts/7/aims/advance") == "impacts-7-aims-advance"


def test_field_id_falls_back_to_nearest_ancestor_on_the_form() -> None:
    fields = {"name", "impacts", "impacts-2-impact", "impacts-2", "decision-outcome"}
    assert field_id_for("/impacts/2/impact", fields=fields) == "impacts-2-impact"
    assert field_id_for("/impacts/2/aims/advance", fields=fields) == "impacts-2"
    assert field_id_for("/impacts/9/details", fields=fields) == "impacts"
    # /decision has no field of its own and no parent but the whole document: it is not
    # linked to the document's field, which is about something else.
    assert field_id_for("/decision", fields=fields) is None
    assert field_id_for("/unknown_key", fields=fields) is None
    assert field_id_for("", fields=fields) == DOCUMENT_FIELD_ID


def test_field_id_with_no_place_on_the_form_is_none() -> None:
    assert field_id_for("/x/y", fields={"something-else"}) is None
    assert field_id_for("", fields={"something-else"}) is None


def test_field_id_override_by_function_and_by_mapping() -> None:
    def upper(pointer: str) -> str:
        return "f" + pointer.replace("/", "_").upper()

    assert field_id_for("/impacts/0/impact", field_id=upper) == "f_IMPACTS_0_IMPACT"
    table = {"": "proposal-name", "/impacts": "add-impact"}
    assert field_id_for("", field_id=table) == "proposal-name"
    assert field_id_for("/impacts", field_id=table) == "add-impact"
    # Pointers not in the table use the default mapping.
    assert field_id_for("/impacts/0/impact", field_id=table) == "impacts-0-impact"
    # The fallback uses the override too: /impacts/5/x -> /impacts -> add-impact.
    assert field_id_for("/impacts/5/x", field_id=table, fields={"add-impact"}) == "add-impact"


def test_select_excludes_waived_and_info_by_default(sample_report: Report) -> None:
    codes = [f.code for f in select_findings(sample_report)]
    assert codes == ["PSED001", "PSED107", "PSED101", "PSED201", "PSED202", "PSED203"]
    codes_all = [
        f.code for f in select_findings(sample_report, severities=None, include_waived=True)
    ]
    assert codes_all == sample_report.codes()
    only_errors = [f.code for f in select_findings(sample_report, severities=["error"])]
    assert only_errors == ["PSED001", "PSED107", "PSED101", "PSED201"]
    with_info = [f.code for f in select_findings(sample_report, severities=[Severity.INFO])]
    assert with_info == ["PSED310"]


def test_by_pointer_groups_in_report_order(sample_report: Report) -> None:
    report = make_report(
        make_finding("PSED104", "/impacts/0/details"),
        make_finding("PSED106", "/impacts/0/details"),
        make_finding("PSED103", "/impacts/1/impact"),
        make_finding("PSED105", "/impacts/0/details", severity="warning"),
    )
    grouped = by_pointer(report)
    assert list(grouped) == ["/impacts/0/details", "/impacts/1/impact"]
    assert [f.code for f in grouped["/impacts/0/details"]] == ["PSED104", "PSED106", "PSED105"]
    assert "/impacts/3/details" not in by_pointer(sample_report)
    assert "/impacts/3/details" in by_pointer(sample_report, include_waived=True)


def test_report_methods_delegate_to_forms(sample_report: Report) -> None:
    assert sample_report.by_pointer() == by_pointer(sample_report)
    assert sample_report.error_summary() == error_summary(sample_report)
    assert sample_report.error_summary(severities=["error"], fields={"name"}) == error_summary(
        sample_report, severities=["error"], fields={"name"}
    )


def test_error_summary_default_mapping(sample_report: Report) -> None:
    assert error_summary(sample_report) == [
        {
            "text": "The assessment could not be read: send it again as a complete JSON object",
            "href": "#name",
        },
        {"text": "Enter a description of the proposal", "href": "#description"},
        {"text": "Assess the impact on Race", "href": "#impacts"},
        {
            "text": "Add an action to reduce the impact on this characteristic, or explain why "
            "it is justified",
            "href": "#impacts-2",
        },
        {"text": "Enter the owner of the action", "href": "#impacts-2-mitigations-0-owner"},
        {"text": "Enter the date the action is due", "href": "#impacts-2-mitigations-0-due"},
    ]
    # The fuller message stays on each finding, for reports.
    assert [f.message for f in select_findings(sample_report)][1] == "Describe the proposal."


def test_error_summary_with_form_fields_and_options(sample_report: Report) -> None:
    fields = ["name", "description", "impacts", "impacts-2-impact", "review_date"]
    summary = error_summary(sample_report, fields=fields, severities=None, include_waived=True)
    # /impacts/2 and below have no field: their nearest ancestor on the form is the impacts
    # section, which already has a problem (the most severe, first, speaks for the field).
    assert summary == [
        {
            "text": "The assessment could not be read: send it again as a complete JSON object",
            "href": "#name",
        },
        {"text": "Enter a description of the proposal", "href": "#description"},
        {"text": "Assess the impact on Race", "href": "#impacts"},
        {"text": "Enter a review date", "href": "#review_date"},
    ]
    assert all(s["href"][1:] in fields for s in summary)


def test_error_summary_is_empty_for_a_clean_report() -> None:
    assert error_summary(make_report()) == []
    assert by_pointer(make_report()) == {}


def test_by_field_merges_pointers_that_share_a_field() -> None:
    report = make_report(
        make_finding("PSED201", "/impacts/0"),
        make_finding("PSED202", "/impacts/0/mitigations/0/owner", severity="warning"),
        make_finding("PSED107", "/description"),
    )
    grouped = by_field(report, fields={"name", "impacts-0", "description"})
    assert list(grouped) == ["impacts-0", "description"]
    assert [f.code for f in grouped["impacts-0"]] == ["PSED201", "PSED202"]


def test_form_response_shape(sample_report: Report) -> None:
    body = form_response(sample_report)
    assert body["ok"] is False
    assert body["summary"] == error_summary(sample_report)
    assert body["errors_by_field"]["impacts-2-mitigations-0-owner"] == [
        {
            "code": "PSED202",
            "severity": "warning",
            "message": "Name an owner.",
            "form_message": "Enter the owner of the action",
            "pointer": "/impacts/2/mitigations/0/owner",
        }
    ]
    assert body["field_errors"]["impacts-2-mitigations-0-owner"] == "Enter the owner of the action"
    # findings keeps everything, info and waived included, for the record.
    assert [f["code"] for f in body["findings"]] == sample_report.codes()
