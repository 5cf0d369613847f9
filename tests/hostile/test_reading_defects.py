"""Reading defects found by the second hostile review, one regression test (or more) each."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import psed
from psed import Limits

AS_OF = dt.date(2026, 11, 26)


def _structural(report: psed.Report) -> list[tuple[str, str]]:
    return [(f.code, f.pointer) for f in report.findings if f.code < "PSED100"]


# ----------------------------------------------------------------------- 1: parsed payloads


def _json(document: Any) -> str:
    """JSON text of a tree, however deep (``json.dumps`` recurses); nested ``{"a": ...}``
    chains are written without recursion."""
    chain = 0
    while isinstance(document, dict) and list(document) == ["a"]:
        document, chain = document["a"], chain + 1
    if chain:
        return '{"a":' * chain + _json(document) + "}" * chain
    if isinstance(document, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{_json(v)}" for k, v in document.items()) + "}"
    if isinstance(document, list):
        return "[" + ",".join(_json(v) for v in document) + "]"
    return json.dumps(document)


def _deep(levels: int, inner: Any) -> Any:
    for _ in range(levels):
        inner = {"a": inner}
    return inner


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"name": "x", **{f"k{i}": 0 for i in range(150_000)}}, "more than 100,000 values"),
        ({"name": "x", "impacts": [{"characteristic": "age"}] * 40_000}, "more than 100,000"),
        ({"name": "x", "colour": _deep(5_000, 1)}, "nested more than 64 levels deep"),
        ({"name": "x", "description": [[[[[[[[[[[[]]]]]]]]]]]] * 20_000}, "more than 100,000"),
        ({"name": "x", "description": _deep(100, "x")}, "nested more than 64 levels deep"),
    ],
    ids=["wide-root", "many-entries", "deep-unknown", "wide-wrong-type", "deep-wrong-type"],
)
def test_limits_hold_for_a_parsed_mapping_as_for_text(
    document: dict[str, Any], message: str
) -> None:
    from_dict = psed.validate(document, as_of=AS_OF)
    assert _structural(from_dict) == [("PSED001", "")]
    assert message in from_dict.findings[0].message
    from_text = psed.validate(_json(document), as_of=AS_OF)
    assert _structural(from_text) == [("PSED001", "")]
    assert message in from_text.findings[0].message


def test_a_parsed_mapping_within_the_limits_is_read_in_full() -> None:
    document = {"name": "x", **{f"k{i}": 0 for i in range(30_000)}}
    report = psed.validate(document, as_of=AS_OF)
    # every key is read and reported: the report lists the first ones and PSED008 counts
    # the rest (the report's bound), so listed and told of together are all 30,000
    listed = sum(1 for f in report.findings if f.code == "PSED005")
    summary = next(f.message for f in report.findings if f.code == "PSED008")
    told = re.search(r"([\d,]+) PSED005", summary)
    assert told is not None, summary
    assert listed + int(told.group(1).replace(",", "")) == 30_000
    small = Limits(max_depth=3)
    deep = {"name": "x", "impacts": [{"characteristic": "age", "aims": {"advance": "neutral"}}]}
    config = psed.Config(limits=small)
    assert _structural(psed.validate(deep, config=config, as_of=AS_OF)) == [("PSED001", "")]


# ----------------------------------------------------------------------- 4: tags on bad scalars


@pytest.mark.parametrize(
    "value",
    ["!!timestamp foo", "!!bool maybe", "!!float abc", "!!int 0oZZ", "!!int 0x", "!!null some text",
     "!!int 0b1010", "!!bool yes", "!!int 1_000"],
)  # fmt: skip
def test_an_explicit_tag_on_a_value_it_does_not_fit_is_psed001_at_the_value(value: str) -> None:
    text = f"name: x\ndescription: {value}\n"
    report = psed.validate(text, as_of=AS_OF)
    assert _structural(report) == [("PSED001", "/description")]
    finding = report.findings[0] if report.findings[0].code == "PSED001" else None
    assert finding is not None
    assert (finding.line, finding.column) == (2, 1)
    assert "is tagged" in finding.message
    assert "too long" not in finding.message
    with pytest.raises(psed.DocumentError):
        psed.loads(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("!!str 12", "12"), ("!!int 12", 12), ("!!float 1", 1.0), ("!!null ~", None),
     ("!!bool true", True), ("!!timestamp 2021-11-18", dt.date(2021, 11, 18)), ("! 12", "12")],
)  # fmt: skip
def test_an_explicit_tag_that_fits_is_honoured(value: str, expected: object) -> None:
    from psed._reading.limits import DEFAULT_LIMITS
    from psed._reading.text import parse_text

    parsed = parse_text(f"name: x\nvalue: {value}\n", format="yaml", limits=DEFAULT_LIMITS)
    assert parsed.ok
    assert parsed.tree["value"] == expected
    assert type(parsed.tree["value"]) is type(expected)


# ----------------------------------------------------------------------- 5: line separators

SEPARATORS = ["a \u2028 b", "\u2028", "end\u2029", "\u2028\u2029 both \x85 and NEL", "x\u2028\n"]


@pytest.mark.parametrize("text", SEPARATORS)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_line_separators_are_kept_by_writing_and_reading(text: str, fmt: str) -> None:
    proposal = psed.Proposal(name="n", description=text, impact_summary=f"[{text}]")
    written = psed.dumps(proposal, format=fmt)
    assert psed.loads(written, format=fmt) == proposal
    if fmt == "yaml":  # written as escapes, never raw
        assert not any(ch in written for ch in "\x85\u2028\u2029")


@pytest.mark.parametrize(("char", "name"), [("\u2028", "U+2028"), ("\u2029", "U+2029")])
def test_a_raw_line_separator_in_yaml_is_refused_honestly(char: str, name: str) -> None:
    for text in (f"name: x\ndescription: a{char}b\n", f"name: x\ndescription: |\n  a{char}b\n"):
        report = psed.validate(text, as_of=AS_OF)
        assert _structural(report) == [("PSED001", "")]
        message = report.findings[0].message
        assert name in message
        assert "Line 2" in message or "Line 3" in message
        assert "1,024" not in message
    # JSON does not read them as line breaks: kept as they are.
    assert psed.loads(json.dumps({"name": f"a{char}b"}, ensure_ascii=False)).name == f"a{char}b"


# ----------------------------------------------------------------------- 10: the format once


@pytest.mark.parametrize(
    "text",
    [
        '{"name":"a","description":"Line one\nline two"}',
        '{"name": "a",}',
        '{"name": "a", "impacts": [' + ",".join(["{}"] * 120_000) + "]}",
        '{"name": "a", "description": ' + "[" * 100 + "]" * 100 + "}",
    ],
    ids=["raw-newline", "trailing-comma", "too-many-values", "too-deep"],
)
def test_text_that_starts_as_json_is_read_as_json_whatever_the_way_in(
    text: str, tmp_path: Path
) -> None:
    as_json = psed.validate(text.encode(), as_of=AS_OF)
    assert _structural(as_json) == [("PSED001", "")]
    with pytest.raises(psed.DocumentError) as guessed:
        psed.loads(text)
    with pytest.raises(psed.DocumentError) as told:
        psed.loads(text, format="json")
    assert guessed.value.findings == told.value.findings
    (tmp_path / "a.txt").write_text(text)
    with pytest.raises(psed.DocumentError) as unknown_suffix:
        psed.load(tmp_path / "a.txt")
    assert [f.message for f in unknown_suffix.value.findings] == [
        f.message for f in told.value.findings
    ]


def test_the_values_are_counted_alike_in_json_text_and_in_its_tree() -> None:
    text = '{"name": "a", "impacts": [' + ",".join(["{}"] * 3_000) + "]}"
    assert _structural(psed.validate(text, as_of=AS_OF)) == _structural(
        psed.validate(json.loads(text), as_of=AS_OF)
    )


def test_a_yaml_flow_mapping_is_yaml_brackets_in_quotes_included() -> None:
    proposal = psed.loads("{name: 'a [[[[ {{', description: x}")
    assert (proposal.name, proposal.description) == ("a [[[[ {{", "x")


# ----------------------------------------------------------------------- 13: minor


def test_a_file_name_with_a_nul_is_a_document_error() -> None:
    with pytest.raises(psed.DocumentError) as caught:
        psed.load("a\x00b.yaml")
    assert caught.value.findings[0].code == "PSED001"


def test_a_huge_negative_count_is_a_finding_not_a_crash() -> None:
    with pytest.raises(psed.DocumentError) as caught:
        psed.structure({"service_profile": {"customers": -(10**5000)}, "name": "x"})
    (finding,) = caught.value.findings
    assert (finding.code, finding.pointer) == ("PSED004", "/service_profile/customers")
    assert "too long to show" in finding.message
    report = psed.validate({"name": 10**5000, "service_profile": {"customers": 10**5000}})
    json.dumps(report.to_dict())


def test_yaml_keys_1_and_true_are_two_keys() -> None:
    report = psed.validate("name: x\n1: a\ntrue: b\n", as_of=AS_OF)
    assert _structural(report) == [("PSED005", "/1"), ("PSED005", "/true")]
    report = psed.validate("name: x\n1: a\n'1': b\nTrue: c\ntrue: d\n", as_of=AS_OF)
    assert sorted(_structural(report)) == [
        ("PSED001", "/1"),
        ("PSED001", "/true"),
        ("PSED005", "/1"),
        ("PSED005", "/true"),
    ]


def test_several_yaml_documents_are_told_so() -> None:
    report = psed.validate("name: a\n---\nname: b\n", as_of=AS_OF)
    assert _structural(report) == [("PSED001", "")]
    assert "several YAML documents" in report.findings[0].message
    assert "starts at line 2" in report.findings[0].message


def test_document_errors_name_the_place_without_a_bare_slash(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("name: x\nreview_date: 31/12/2022\n")
    with pytest.raises(psed.DocumentError) as caught:
        psed.load(path)
    assert str(caught.value) == (
        f"{path}:2 /review_date: The review date '31/12/2022' is not a date: "
        "write it as 2022-12-31."
    )
    path.write_text("")
    with pytest.raises(psed.DocumentError) as caught:
        psed.load(path)
    assert not str(caught.value).startswith("/:")
    assert str(caught.value).startswith(f"{path}:1: The document is empty")


# ----------------------------------------------------------------------- 14: patterns


@pytest.mark.parametrize(
    "document",
    [
        {"name": "x", "characteristics": [{"code": "local_x\n", "label": "x"}]},
        {"name": "x", "functions": ["housing\n"]},
        {"name": "x", "review_date": "2021-11-18\n"},
    ],
)
def test_a_final_newline_fails_the_schema_and_the_reader_alike(document: dict[str, Any]) -> None:
    validator = Draft202012Validator(
        psed.json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert not validator.is_valid(document)
    assert {f.code for f in psed.read(document)[1]} == {"PSED004"}
