"""psed.validate: any payload in, one report out; structural findings first in their place."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import psed
from psed import Config, Severity, Status
from psed.rules import Context

from .conftest import AS_OF, complete_proposal, hits_at

Make = Callable[..., Callable[[Callable[[Context], object]], object]]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("payload", [None, 42, 3.5, [1, 2], ("name",), {"name"}, object()])
def test_anything_but_a_mapping_or_text_is_psed001(payload: Any) -> None:
    report = psed.validate(payload, as_of=AS_OF)
    assert report.codes() == ["PSED001"]
    assert report.findings[0].pointer == ""
    assert not report.ok


@pytest.mark.parametrize(
    "payload", ["", "{", "name: [unclosed", b"\xff\xfe\x00", "- a list\n", "null", b"42"]
)
def test_unreadable_text_is_psed001(payload: str | bytes) -> None:
    report = psed.validate(payload, as_of=AS_OF)
    assert "PSED001" in report.codes()
    assert not report.ok


def _unplaced(report: psed.Report) -> dict[str, Any]:
    """The report as a dict, without the findings' positions (only text has those)."""
    data = report.to_dict()
    data["findings"] = [{**f, "line": None, "column": None} for f in data["findings"]]
    return data


def test_json_yaml_text_bytes_and_mapping_agree() -> None:
    tree = psed.unstructure(complete_proposal(description="TBC"))
    as_json = json.dumps(tree)
    reports = [
        psed.validate(tree, as_of=AS_OF),
        psed.validate(as_json, as_of=AS_OF),
        psed.validate(as_json.encode("utf-8"), as_of=AS_OF),
        psed.validate(bytearray(as_json.encode("utf-8")), as_of=AS_OF),
    ]
    # The same findings; from text each also has its line and column.
    assert all(_unplaced(r) == _unplaced(reports[0]) for r in reports)
    assert all(f.line is None for f in reports[0].findings)
    assert all(f.line is not None and f.column is not None for f in reports[1].findings)
    assert reports[1].to_dict() == reports[2].to_dict() == reports[3].to_dict()
    assert (
        reports[0].findings
        == psed.check(complete_proposal(description="TBC"), as_of=AS_OF).findings
    )


def test_examples_validate_as_they_check() -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        validated = psed.validate(text, as_of=AS_OF)
        checked = psed.check(psed.loads(text), as_of=AS_OF)
        assert _unplaced(validated) == checked.to_dict(), path.name


def test_rule_findings_below_a_structural_finding_are_dropped(temporary_rule: Make) -> None:
    temporary_rule("TST501")(
        hits_at("/impacts/0/impact", "/impacts/0/impact/x", "/impacts/0", "/impacts/1/impact")
    )
    tree = psed.unstructure(complete_proposal())
    tree["impacts"][0]["impact"] = "quite bad"
    report = psed.validate(tree, as_of=AS_OF)
    assert ("/impacts/0/impact", "PSED004") in [(f.pointer, f.code) for f in report.findings]
    assert [f.pointer for f in report.findings if f.code == "TST501"] == [
        "/impacts/0",  # above the bad value: kept
        "/impacts/1/impact",  # elsewhere: kept
    ]


def test_structural_findings_are_errors_whatever_the_config() -> None:
    tree = {"name": "x", "colour": "blue"}
    report = psed.validate(tree, as_of=AS_OF, config=Config(select=["PSED9"], fail_on="error"))
    assert report.codes() == ["PSED005"]
    assert report.findings[0].severity is Severity.ERROR
    assert report.findings[0].pointer == "/colour"


def test_only_keeps_findings_at_or_below_the_given_places(temporary_rule: Make) -> None:
    temporary_rule("TST502")(hits_at("", "/name", "/impacts/0/details", "/impacts/10", "/impacts"))
    tree = psed.unstructure(complete_proposal())
    tree["impacts"][0]["colour"] = "blue"
    page = psed.validate(tree, as_of=AS_OF, only="/impacts/0")
    assert [(f.pointer, f.code) for f in page.findings] == [
        ("/impacts/0/details", "TST502"),
        ("/impacts/0/colour", "PSED005"),
    ]
    pages = psed.validate(tree, as_of=AS_OF, only=["/name", "/impacts/1"])
    assert [f.pointer for f in pages.findings] == ["/name"]
    everything = psed.validate(tree, as_of=AS_OF, only="")
    assert len(everything.findings) == len(psed.validate(tree, as_of=AS_OF).findings)


def test_invalid_arguments_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="use one of draft, submitted, approved"):
        psed.validate({"name": "x"}, status="done")
    with pytest.raises(ValueError, match="only: 'impacts' is not a JSON Pointer"):
        psed.validate({"name": "x"}, only="impacts")


def test_status_override_and_unreadable_status() -> None:
    report = psed.validate({"name": "x", "status": "approved"}, as_of=AS_OF, status="draft")
    assert report.status is Status.DRAFT
    assert psed.validate(42, as_of=AS_OF).status is None
    assert psed.validate(42, as_of=AS_OF, status="submitted").status is Status.SUBMITTED


def test_a_reader_crash_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    import psed._reading.document

    def crash(*args: object, **kwargs: object) -> object:
        raise RecursionError("too deep")

    monkeypatch.setattr(psed._reading.document, "read_document", crash)
    report = psed.validate({"name": "x"}, as_of=AS_OF)
    assert report.codes() == ["PSED001"]
    assert "internal error reading the document" in report.findings[0].message


def test_config_reading_limits_apply() -> None:
    deep: dict[str, Any] = {"name": "x", "description": "d"}
    text = json.dumps({"name": "x", "impacts": [{"characteristic": "age", "aims": {}}]})
    assert "PSED001" not in psed.validate(text, as_of=AS_OF).codes()
    shallow = Config.from_mapping({"max-depth": 2})
    assert "PSED001" in psed.validate(text, as_of=AS_OF, config=shallow).codes()
    tiny = Config.from_mapping({"max-bytes": 10})
    assert "PSED001" in psed.validate(json.dumps(deep), as_of=AS_OF, config=tiny).codes()
    with pytest.raises(psed.ConfigError, match="max-depth: expected a whole number"):
        Config.from_mapping({"max-depth": 0})


def test_config_characteristics_are_known_to_the_reader() -> None:
    tree = {"name": "x", "impacts": [{"characteristic": "engine_test_group", "impact": "neutral"}]}
    assert "PSED006" in psed.validate(tree, as_of=AS_OF).codes()
    config = Config.from_mapping(
        {"characteristics": [{"code": "engine_test_group", "label": "Engine test group"}]}
    )
    assert "PSED006" not in psed.validate(tree, as_of=AS_OF, config=config).codes()
