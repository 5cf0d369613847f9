"""The report renderers, fed with hand-made findings: format, escaping, schema validity."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import psed
from psed._reading.codes import structural_finding
from psed.findings import Finding, Report, Severity
from psed.model import Status
from psed.output import FileResult, RunInfo, render
from psed.output._common import JsonStream
from psed.output.github import escape_data, escape_property
from psed.output.schema import report_schema
from psed.output.text import finding_line

from .conftest import DATA

AS_OF = dt.date(2026, 11, 26)
RUN = RunInfo(version="9.9.9", as_of=AS_OF, status=None, fail_on=Severity.ERROR)


def finding(code: str, severity: Severity, pointer: str = "", **extra: Any) -> Finding:
    values: dict[str, Any] = {
        "code": code,
        "name": "some-rule",
        "severity": severity,
        "default_severity": severity,
        "message": f"Message for {code}.",
        "pointer": pointer,
        **extra,
    }
    return Finding(**values)


def result(path: str, *findings: Finding, framework: str | None = "psed", **kw: Any) -> FileResult:
    report = Report(
        findings=findings,
        as_of=AS_OF,
        status=None if framework is None else Status.APPROVED,
        version="9.9.9",
    )
    return FileResult(path=path, report=report, framework=framework, **kw)


GOOD = result("docs/good.yaml")
MIXED = result(
    "docs/mixed.yaml",
    finding(
        "PSED201", Severity.ERROR, "/impacts/0/mitigations", characteristic="age", line=12, column=1
    ),
    finding("PSED202", Severity.WARNING, "/impacts/0/mitigations/0/owner", line=13, column=1),
    finding("PSED501", Severity.WARNING, "/impacts/2/details", waived="Reviewed: same for all"),
    finding("PSED310", Severity.INFO, "/review_date"),
)
WARN_ONLY = result("docs/warn.json", finding("PSED310", Severity.WARNING, "/review_date"))
UNREADABLE = result(
    "docs/broken.yaml",
    structural_finding("PSED001", "", "the file is not valid UTF-8; save it as UTF-8"),
    framework=None,
    unreadable=True,
)
ALL = [GOOD, MIXED, WARN_ONLY, UNREADABLE]


def test_text_line_names_path_pointer_code_severity_message() -> None:
    f = MIXED.report.findings[0]
    assert finding_line("a.yaml", f) == (
        "a.yaml:/impacts/0/mitigations: PSED201 [error] Message for PSED201."
    )
    assert finding_line("a.yaml", f, position=(12, 5)) == (
        "a.yaml:12:5: /impacts/0/mitigations: PSED201 [error] Message for PSED201."
    )


def test_every_format_gives_the_place_of_a_finding() -> None:
    text = render([MIXED], "text", RUN).splitlines()
    assert (
        text[0]
        == "docs/mixed.yaml:12:1: /impacts/0/mitigations: PSED201 [error] Message for PSED201."
    )
    assert text[2].startswith("docs/mixed.yaml:/impacts/2/details: PSED501")  # place unknown
    sarif = json.loads(render([MIXED], "sarif", RUN))["runs"][0]["results"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif]
    assert regions[:3] == [
        {"startLine": 12, "startColumn": 1},
        {"startLine": 13, "startColumn": 1},
        {"startLine": 1, "startColumn": 1},
    ]
    github = render([MIXED], "github", RUN).splitlines()
    assert github[1].startswith("::warning file=docs/mixed.yaml,line=13,col=1,")
    junit = render([MIXED], "junit", RUN)
    assert "docs/mixed.yaml:12:1: /impacts/0/mitigations: PSED201" in junit


def test_text_whole_document_is_slash_and_waived_is_marked() -> None:
    out = render(ALL, "text", RUN)
    lines = out.splitlines()
    assert "docs/broken.yaml:/: PSED001 [error] the file is not valid UTF-8; save it as UTF-8" in (
        lines
    )
    waived = [line for line in lines if "PSED501" in line]
    assert waived == [
        "docs/mixed.yaml:/impacts/2/details: PSED501 [warning] Message for PSED501. "
        "(waived: Reviewed: same for all)"
    ]
    assert lines[-1] == (
        "4 files checked: 2 errors, 2 warnings, 1 info, 1 waived (2 failing, 1 unreadable)"
    )
    assert "\x1b[" not in out


def test_text_keeps_each_finding_on_one_line() -> None:
    f = finding("PSED003", Severity.ERROR, "/name", message="bad\nvalue\x1b[31m")
    line = finding_line("x.yaml", f)
    assert "\n" not in line
    assert "\x1b" not in line
    assert "bad\\nvalue" in line


@pytest.mark.parametrize("fmt", ["text", "github"])
@pytest.mark.parametrize(
    "path", ["a\nb.yaml", "a\rb.yaml", "esc\x1b[31m.yaml", "v\x0bf\x0c.yaml", "ls\u2028\x85.yaml"]
)
def test_a_file_name_with_control_characters_stays_on_one_line(fmt: str, path: str) -> None:
    findings = (
        finding("PSED003", Severity.ERROR, "/name"),
        finding("PSED005", Severity.ERROR, "/k\ney\x1b"),
    )
    out = render([result(path, *findings)], fmt, RUN)
    lines = out.splitlines()  # splits at every line break Python knows, \x0b and \x85 too
    assert len(lines) == 3  # two findings and the summary
    assert "\x1b" not in out
    assert "\x0b" not in out
    assert "\x85" not in out
    if fmt == "text":
        shown = path.encode("unicode_escape").decode("ascii")
        assert lines[0].startswith(f"{shown}:/name: PSED003 [error] ")
        assert lines[1].startswith(f"{shown}:/k\\ney\\x1b: PSED005 [error] ")


@pytest.mark.parametrize(
    ("pointer", "shown"),
    [
        ("", "/"),
        ("/", '/""'),
        ("//", '/""/""'),
        ("/impacts/0/", '/impacts/0/""'),
        ("/a//b", '/a/""/b'),
        ("/impacts/0/details", "/impacts/0/details"),
        ("/a~1b/~0", "/a~1b/~0"),
    ],
)
def test_whole_document_and_empty_key_pointers_are_told_apart(pointer: str, shown: str) -> None:
    line = finding_line("d.yaml", finding("PSED005", Severity.ERROR, pointer))
    assert line == f"d.yaml:{shown}: PSED005 [error] Message for PSED005."
    annotation = render(
        [result("d.yaml", finding("PSED005", Severity.ERROR, pointer))], "github", RUN
    )
    assert f"Message for PSED005. ({shown})" in annotation.splitlines()[0]


def test_an_empty_root_key_reads_differently_from_the_whole_document() -> None:
    report = psed.validate('name: x\n"": 1\n', as_of=AS_OF)
    unknown = [f for f in report.findings if f.code == "PSED005"]
    assert [f.pointer for f in unknown] == ["/"]
    line = finding_line("d.yaml", unknown[0])
    assert line.startswith('d.yaml:/"": PSED005 [error] ')
    unreadable = psed.validate("name: [", as_of=AS_OF).findings[0]
    assert finding_line("d.yaml", unreadable).startswith("d.yaml:/: PSED001 [error] ")


def test_text_colour_only_when_asked() -> None:
    coloured = render([MIXED], "text", RUN, color=True)
    assert "\x1b[31m" in coloured  # error in red
    assert "\x1b[2m" in coloured  # waived dimmed


def test_json_report_validates_with_one_finding_a_line() -> None:
    out = render(ALL, "json", RUN)
    data = json.loads(out)
    jsonschema.Draft202012Validator(report_schema()).validate(data)
    finding_lines = [line for line in out.splitlines() if '"code": "PSED' in line]
    assert len(finding_lines) == 6
    for line in finding_lines:
        assert json.loads(line.strip().rstrip(","))["code"].startswith("PSED")
    # the same results rendered again (file by file, as workers do) give the same bytes
    assert render(ALL, "json", RUN) == out
    assert [f["path"] for f in data["files"]] == [r.path for r in ALL]
    assert data["totals"] == {
        "files": 4,
        "failing": 2,
        "unreadable": 1,
        "ok": False,
        "counts": {"error": 2, "warning": 2, "info": 1, "waived": 1},
    }
    assert data["files"][3]["unreadable"] is True
    assert data["files"][1]["findings"][2]["waived"] == "Reviewed: same for all"


def test_json_report_of_no_files_is_valid() -> None:
    out = render([], "json", RUN)
    data = json.loads(out)
    jsonschema.Draft202012Validator(report_schema()).validate(data)
    assert data["files"] == []
    assert out == json.dumps(data, indent=2) + "\n"
    empty = render([GOOD], "json", RUN)
    assert json.loads(empty)["files"][0]["findings"] == []


@settings(max_examples=60, deadline=None)
@given(
    head=st.dictionaries(st.sampled_from(["a", "b", "c"]), st.integers() | st.text(max_size=5)),
    items=st.lists(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=8),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=4), inner, max_size=3)
            ),
            max_leaves=8,
        ),
        max_size=4,
    ),
    late=st.dictionaries(st.text(max_size=4), st.integers(), max_size=3),
)
def test_streamed_json_equals_json_dumps(
    head: dict[str, Any], items: list[Any], late: dict[str, int]
) -> None:
    stream = JsonStream({**head, "list": []})
    text = stream.head() + "".join(stream.join([stream.item(i)]) for i in items)
    text += stream.end({"late": late})
    expected = {**head, "list": items, "late": late}
    assert text == json.dumps(expected, indent=2) + "\n"
    nested = JsonStream({**head, "outer": [{"list": []}]})
    text = nested.head() + nested.join(nested.item(i) for i in items) + nested.end()
    assert text == json.dumps({**head, "outer": [{"list": items}]}, indent=2) + "\n"


def test_a_stream_needs_its_list_last() -> None:
    with pytest.raises(ValueError, match="last value"):
        JsonStream({"list": [], "after": 1})


def sarif_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((DATA / "sarif-schema-2.1.0.json").read_text("utf-8"))
    return schema


def test_sarif_validates_against_the_official_schema() -> None:
    out = render(ALL, "sarif", RUN)
    log = json.loads(out)
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "psed"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    results = run["results"]
    assert len(results) == 6
    for res in results:
        assert res["level"] in ("error", "warning", "note")
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    by_rule = {
        r["ruleId"]: r
        for r in results
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] != "docs/warn.json"
    }
    assert by_rule["PSED310"]["level"] == "note"
    assert by_rule["PSED501"]["suppressions"] == [
        {"kind": "external", "justification": "Reviewed: same for all"}
    ]
    assert "suppressions" not in by_rule["PSED202"]
    owner = by_rule["PSED202"]["locations"][0]
    assert owner["physicalLocation"]["region"]["startLine"] == 13
    assert owner["physicalLocation"]["artifactLocation"]["uri"] == "docs/mixed.yaml"
    assert owner["logicalLocations"][0]["fullyQualifiedName"] == ("/impacts/0/mitigations/0/owner")
    unreadable = by_rule["PSED001"]["locations"][0]
    assert unreadable["physicalLocation"]["region"]["startLine"] == 1
    assert "logicalLocations" not in unreadable


def test_sarif_rules_carry_help_and_level() -> None:
    from psed.rules import help_url

    log = json.loads(render([], "sarif", RUN))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    rule = rules["PSED201"]
    assert rule["helpUri"] == help_url("PSED201")
    assert rule["defaultConfiguration"]["level"] == "error"
    assert rule["name"] == "negative-impact-without-mitigation"
    assert rule["help"]["markdown"].startswith("**PSED201")
    assert rule["fullDescription"]["text"]
    assert {"PSED001", "PSED903"} <= set(rules)


def test_junit_counts_and_failures() -> None:
    out = render(ALL, "junit", RUN)
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "1", "1")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [r.path for r in ALL]
    assert cases[0].find("failure") is None
    assert len(cases[0]) == 0
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("type") == "PSED201"
    assert "PSED202" in (failure.text or "")
    assert cases[2].find("failure") is None
    assert "PSED310" in (cases[2].findtext("system-out") or "")
    error = cases[3].find("error")
    assert error is not None
    assert error.get("type") == "PSED001"


def test_junit_survives_control_characters_and_markup() -> None:
    nasty = result(
        "odd <&>\x01.yaml", finding("PSED003", Severity.ERROR, "/name", message="a\x00b <c> & d")
    )
    root = ET.fromstring(render([nasty], "junit", RUN))
    case = root.find("testsuite/testcase")
    assert case is not None
    assert "odd <&>" in (case.get("name") or "")
    assert "<c> & d" in (case.findtext("failure") or "")


def test_github_annotations_are_escaped() -> None:
    f = finding(
        "PSED201", Severity.ERROR, "/impacts/0", message="100% sure,\nreally: yes", line=7, column=1
    )
    odd = result("dir,x/a:b.yaml", f)
    out = render([odd, WARN_ONLY, MIXED], "github", RUN)
    lines = out.splitlines()
    assert lines[0] == (
        "::error file=dir%2Cx/a%3Ab.yaml,line=7,col=1,title=PSED201 some-rule::"
        "100%25 sure,%0Areally: yes (/impacts/0)"
    )
    assert lines[1].startswith("::warning file=docs/warn.json,line=1,col=1,title=PSED310")
    assert any(line.startswith("::notice") and "waived" in line for line in lines)
    assert lines[-1].startswith("3 files checked")


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("a%b", "a%25b", "a%25b"),
        ("x\r\ny", "x%0D%0Ay", "x%0D%0Ay"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
    ],
)
def test_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop
