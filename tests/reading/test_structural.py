"""One test per structural code PSED001-PSED007: exact pointers, all problems in one pass."""

from __future__ import annotations

import pytest

import psed


def _found(payload: object, **kwargs: object) -> list[tuple[str, str]]:
    _, findings = psed.read(payload, **kwargs)  # type: ignore[arg-type]
    assert all(f.severity is psed.Severity.ERROR for f in findings)
    return sorted((f.code, f.pointer) for f in findings)


def test_psed001_unreadable_document() -> None:
    proposal, findings = psed.read("name: [unclosed\n")
    assert proposal is None
    assert [(f.code, f.pointer) for f in findings] == [("PSED001", "")]
    assert "line" in findings[0].message
    # Duplicate keys are PSED001 at the repeated key, and reading goes on.
    assert _found(
        '{"name": "a", "impacts": [{"characteristic": "age", "impact": "x",'
        ' "impact": "y"}], "name": "b"}'
    ) == [
        ("PSED001", "/impacts/0/impact"),
        ("PSED001", "/name"),
        ("PSED004", "/impacts/0/impact"),
    ]


def test_psed002_missing_field_everywhere_at_once() -> None:
    payload = {
        "impacts": [{"impact": "negative", "mitigations": [{"owner": "Jo"}]}],
        "evidence": [{"summary": "s"}],
        "waivers": [{"reason": "r"}],
        "characteristics": [{"description": "d"}],
    }
    assert _found(payload) == [
        ("PSED002", "/characteristics/0/code"),
        ("PSED002", "/characteristics/0/label"),
        ("PSED002", "/evidence/0/source"),
        ("PSED002", "/impacts/0/characteristic"),
        ("PSED002", "/impacts/0/mitigations/0/action"),
        ("PSED002", "/name"),
        ("PSED002", "/waivers/0/rule"),
    ]


def test_psed002_explicit_null_for_required_is_missing() -> None:
    proposal, findings = psed.read({"name": None})
    assert [(f.code, f.pointer) for f in findings] == [("PSED002", "/name")]
    assert proposal is not None
    assert proposal.name == ""


def test_optional_fields_accept_null() -> None:
    tree = dict.fromkeys(psed.unstructure(psed.Proposal(name="x")))
    tree["name"] = "x"
    proposal = psed.structure(tree)
    assert proposal == psed.Proposal(name="x")


def test_psed003_wrong_type() -> None:
    payload = {
        "name": 12,
        "service_profile": {"customers": True, "description": ["a"]},
        "impacts": [{"characteristic": "age", "mitigations": {"action": "x"}}, "age"],
        "review_date": 20211118,
        "decision": "adjust",
        "evidence": [{"source": "s", "date": 2021.5}],
    }
    assert _found(payload) == [
        ("PSED003", "/decision"),
        ("PSED003", "/evidence/0/date"),
        ("PSED003", "/impacts/0/mitigations"),
        ("PSED003", "/impacts/1"),
        ("PSED003", "/name"),
        ("PSED003", "/review_date"),
        ("PSED003", "/service_profile/customers"),
        ("PSED003", "/service_profile/description"),
    ]


def test_psed003_yaml_bare_date_where_text_expected_says_quote_it() -> None:
    _, findings = psed.read("name: 2021-11-18\n")
    assert [(f.code, f.pointer) for f in findings] == [("PSED003", "/name")]
    assert "quotes" in findings[0].message


def test_psed004_invalid_values() -> None:
    payload = {
        "schema_version": 2,
        "name": "x",
        "status": "final",
        "service_profile": {"customers": -1},
        "impacts": [
            {
                "characteristic": "age",
                "impact": "Negative",
                "mitigations": [{"action": "a", "due": "31/12/2022", "status": "ongoing"}],
            }
        ],
        "decision": {"date": "2021-02-30", "outcome": "Adjust the proposal"},
        "review_date": "0000-01-01",
        "characteristics": [{"code": "Digitally Excluded", "label": "x"}],
        "waivers": [{"rule": "PSED501", "pointer": "impacts/3"}],
    }
    proposal, findings = psed.read(payload)
    assert sorted((f.code, f.pointer) for f in findings) == [
        ("PSED004", "/characteristics/0/code"),
        ("PSED004", "/decision/date"),
        ("PSED004", "/decision/outcome"),
        ("PSED004", "/impacts/0/impact"),
        ("PSED004", "/impacts/0/mitigations/0/due"),
        ("PSED004", "/impacts/0/mitigations/0/status"),
        ("PSED004", "/review_date"),
        ("PSED004", "/schema_version"),
        ("PSED004", "/service_profile/customers"),
        ("PSED004", "/status"),
        ("PSED004", "/waivers/0/pointer"),
    ]
    messages = {f.pointer: f.message for f in findings}
    assert messages["/impacts/0/mitigations/0/due"] == (
        "The due date '31/12/2022' is not a date: write it as 2022-12-31."
    )
    assert "positive, negative, mixed" in messages["/impacts/0/impact"]
    assert "'negative'" in messages["/impacts/0/impact"]
    assert "'adjust'" in messages["/decision/outcome"]
    # Best effort: invalid values become defaults.
    assert proposal is not None
    assert proposal.status is psed.Status.DRAFT
    assert proposal.impacts[0].impact is psed.Impact.UNKNOWN
    assert proposal.service_profile == psed.ServiceProfile()


@pytest.mark.parametrize("text", ["2021-1-5", "2021-01-01T00:00", " 2021-01-01", "2021-13-01"])
def test_psed004_dates_are_strict(text: str) -> None:
    assert _found({"name": "x", "review_date": text}) == [("PSED004", "/review_date")]


def test_psed005_unknown_keys_with_suggestion() -> None:
    payload = {
        "name": "x",
        "nmae": "y",
        "impacts": [{"characteristic": "age", "detials": "d", "a/b": 1}],
        "approver": {"name": "A", "title": "Head"},
    }
    proposal, findings = psed.read(payload)
    assert sorted((f.code, f.pointer) for f in findings) == [
        ("PSED005", "/approver/title"),
        ("PSED005", "/impacts/0/a~1b"),
        ("PSED005", "/impacts/0/detials"),
        ("PSED005", "/nmae"),
    ]
    by_pointer = {f.pointer: f.message for f in findings}
    assert "did you mean 'details'" in by_pointer["/impacts/0/detials"]
    # a likely misspelling names the one field it resembles, not the whole list
    assert "group" not in by_pointer["/impacts/0/detials"]
    # with no likely match, the message lists the keys allowed there
    assert "group" in by_pointer["/impacts/0/a~1b"]
    assert proposal is not None
    assert proposal.impacts[0].details is None


def test_psed005_document_characteristic_has_no_kind() -> None:
    payload = {
        "name": "x",
        "characteristics": [{"code": "carers_x", "label": "C", "kind": "protected"}],
    }
    assert _found(payload) == [("PSED005", "/characteristics/0/kind")]


def test_psed006_unknown_characteristic() -> None:
    payload = {
        "name": "x",
        "impacts": [
            {"characteristic": "agee"},
            {"characteristic": "digitally_excluded"},
            {"characteristic": "local_one"},
        ],
        "characteristics": [{"code": "local_one", "label": "Local"}],
    }
    proposal, findings = psed.read(payload)
    assert [(f.code, f.pointer, f.characteristic) for f in findings] == [
        ("PSED006", "/impacts/0/characteristic", "agee"),
        ("PSED006", "/impacts/1/characteristic", "digitally_excluded"),
    ]
    assert "did you mean 'age'" in findings[0].message
    assert proposal is not None
    placeholder = proposal.impacts[0].characteristic
    assert (placeholder.code, placeholder.label) == ("agee", "agee")
    assert placeholder.kind is psed.CharacteristicKind.LOCAL


def test_psed004_characteristic_code_defined_twice() -> None:
    payload = {
        "name": "x",
        "characteristics": [
            {"code": "local_one", "label": "First"},
            {"code": "other", "label": "Other"},
            {"code": "local_one", "label": "Second", "description": "again"},
            {"code": "Bad Code", "label": "x"},
            {"code": "Bad Code", "label": "y"},
        ],
        "impacts": [{"characteristic": "local_one"}],
    }
    proposal, findings = psed.read(payload)
    assert [(f.code, f.pointer, f.message) for f in findings] == [
        (
            "PSED004",
            "/characteristics/2/code",
            "The characteristic code 'local_one' is defined twice (also at /characteristics/0): "
            "keep one.",
        ),
        # a code that is not allowed at all is reported for that, once each
        ("PSED004", "/characteristics/3/code", findings[1].message),
        ("PSED004", "/characteristics/4/code", findings[2].message),
    ]
    assert "lower snake case" in findings[2].message
    assert proposal is not None
    assert proposal.impacts[0].characteristic.label == "First"  # the first definition counts
    assert [c.code for c in proposal.characteristics][:3] == ["local_one", "other", ""]


def test_psed007_unknown_framework() -> None:
    proposal, findings = psed.read({"name": "x", "framework": "eisa"})
    assert [(f.code, f.pointer) for f in findings] == [("PSED007", "/framework")]
    assert "did you mean 'esia'" in findings[0].message
    for framework in psed.BUILTIN_FRAMEWORKS:
        assert framework in findings[0].message
    assert proposal is not None
    assert proposal.framework == "psed"


def test_registered_framework_is_known() -> None:
    catalogue = psed.default_catalogue().extend(
        frameworks=[psed.default_catalogue().derive_framework("county_x", base="esia")]
    )
    assert _found({"name": "x", "framework": "county_x"}, catalogue=catalogue) == []


def test_all_codes_in_one_pass() -> None:
    text = (
        '{"name": 5, "name": 6, "framework": "nope", "extra": 1,'
        ' "impacts": [{"characteristic": "agee", "impact": "bad"}, {"group": "g"}]}'
    )
    assert _found(text) == [
        ("PSED001", "/name"),
        ("PSED002", "/impacts/1/characteristic"),
        ("PSED003", "/name"),
        ("PSED004", "/impacts/0/impact"),
        ("PSED005", "/extra"),
        ("PSED006", "/impacts/0/characteristic"),
        ("PSED007", "/framework"),
    ]


def test_structure_raises_document_error_with_every_finding() -> None:
    with pytest.raises(psed.DocumentError) as caught:
        psed.structure({"nmae": "x", "status": "final"})
    assert sorted(f.code for f in caught.value.findings) == ["PSED002", "PSED004", "PSED005"]
    assert caught.value.path is None
    assert "/status" in str(caught.value)


@pytest.mark.parametrize("payload", [None, [], "", 3, 2.5, True, b"", "- a", "null"])
def test_root_not_a_mapping(payload: object) -> None:
    proposal, findings = psed.read(payload)
    assert proposal is None
    assert [(f.code, f.pointer) for f in findings] == [("PSED001", "")]
    assert "the document must be a mapping with at least `name`" in findings[0].message
