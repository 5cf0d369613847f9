"""The JSON report's fast paths write exactly what the json module writes.

``dumps`` (pretty JSON, used by the JSON, SARIF and audit reports) builds the text
itself instead of the json module's pure-Python indenting encoder, and
``finding_line`` writes a finding's one-line JSON field by field. Each is compared
here with the plain definition it replaced, on arbitrary values (Unicode, lone
surrogates, quotes, control characters, text that looks like JSON).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import psed
from psed._batch import Job, check_file
from psed._files import discover
from psed.findings import Finding, Severity
from psed.output._common import FileResult, dumps
from psed.output.json import _FINDING_ENCODER, file_entry, finding_line

from .conftest import AS_OF, BROKEN_FILES, EXAMPLES

DAY = dt.date.fromisoformat(AS_OF)


def reference_dumps(value: Any, indent: int = 0) -> str:
    """What ``dumps`` was: the json module's indenting encoder, shifted right."""
    text = json.dumps(value, indent=2, ensure_ascii=True)
    return text.replace("\n", "\n" + " " * indent) if indent else text


def reference_line(finding: Finding) -> str:
    return _FINDING_ENCODER.encode(finding.to_dict())


def reference_entry(result: FileResult, indent: int) -> str:
    """What ``file_entry`` was: ``to_dict`` with the findings encoded one a line."""
    entry = result.to_dict()
    findings = entry.pop("findings")
    entry["findings"] = "\x00findings\x00"
    text = " " * indent + reference_dumps(entry, indent)
    pad = " " * (indent + 2)
    if findings:
        lines = ",\n".join(pad + "  " + _FINDING_ENCODER.encode(f) for f in findings)
        value = "[\n" + lines + "\n" + pad + "]"
    else:
        value = "[]"
    return text.replace(json.dumps("\x00findings\x00"), value, 1)


# text that is awkward for JSON: quotes, backslashes, controls, surrogates, look-alikes
awkward = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from('"\\{}[],: \n\t\x00\x7f\u00e9\u2028\ud800\udfff😀')),
    st.sampled_from(['}, {"code": ', '"\x00findings\x00"', "\x00findings\x00", ""]),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(),
    awkward,
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(awkward, inner, max_size=4),
        st.dictionaries(st.one_of(st.integers(), st.booleans(), st.none()), inner, max_size=2),
    ),
    max_leaves=12,
)


@settings(max_examples=200)
@given(json_values, st.integers(min_value=0, max_value=12))
def test_dumps_is_the_json_module_output(value: Any, indent: int) -> None:
    assert dumps(value, indent) == reference_dumps(value, indent)


def test_dumps_of_values_the_fast_path_leaves_to_the_json_module() -> None:
    class Code(str):
        pass

    for value in (
        {"x": [math.nan, math.inf, -math.inf]},
        {1: "a", "b": None},
        {"severity": Severity.ERROR},
        {"code": Code("PSED101")},
        [True, 1, 1.5, 1e300, -0.0],
    ):
        for indent in (0, 4):
            assert dumps(value, indent) == reference_dumps(value, indent)


optional_text = st.one_of(st.none(), awkward)
findings = st.builds(
    Finding,
    code=awkward,
    name=awkward,
    severity=st.sampled_from(Severity),
    default_severity=st.sampled_from(Severity),
    message=awkward,
    pointer=awkward,
    characteristic=optional_text,
    references=st.lists(awkward, max_size=3).map(tuple),
    waived=optional_text,
)


@settings(max_examples=200)
@given(findings)
def test_a_finding_line_is_its_dict_encoded(finding: Finding) -> None:
    assert finding_line(finding) == reference_line(finding)
    assert json.loads(finding_line(finding)) == json.loads(json.dumps(finding.to_dict()))


def test_a_finding_line_writes_every_field_of_to_dict_in_order() -> None:
    finding = Finding(
        code="PSED201",
        name="n",
        severity=Severity.WARNING,
        default_severity=Severity.ERROR,
        message="m",
        pointer="/impacts/0",
        characteristic="age",
        references=("Equality Act 2010 s149(1)",),
        waived="agreed",
    )
    assert list(json.loads(finding_line(finding))) == list(finding.to_dict())


def test_odd_values_in_a_finding_are_left_to_the_json_module() -> None:
    base = Finding(
        code="PSED201",
        name="n",
        severity=Severity.ERROR,
        default_severity=Severity.ERROR,
        message="m",
    )
    odd = [
        attrs.evolve(base, message=3),  # type: ignore[arg-type]
        attrs.evolve(base, characteristic=1.5),  # type: ignore[arg-type]
        attrs.evolve(base, waived=True),  # type: ignore[arg-type]
        attrs.evolve(base, references=("a", 2)),  # type: ignore[arg-type]
        attrs.evolve(base, code=["PSED201"]),  # type: ignore[arg-type]
    ]
    for finding in odd:
        assert finding_line(finding) == reference_line(finding)


def test_file_entries_are_unchanged_on_real_reports(tmp_path: Path) -> None:
    for name, data in BROKEN_FILES.items():
        (tmp_path / name).write_bytes(data)
    for example in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(example, tmp_path / example.name)
        document = psed.unstructure(psed.load(example))
        document["name"] = 'Quotes " and \\ and \u00e9 and \U0001f600 and "}, {"code": '
        (tmp_path / f"{example.stem}-odd.json").write_text(json.dumps(document), "utf-8")
    jobs = [Job(as_of=DAY), Job(as_of=DAY, status=psed.Status.APPROVED)]
    checked = with_findings = 0
    for job in jobs:
        for path in discover([str(tmp_path)]):
            result = check_file(path, job).result
            for indent in (0, 4, 7):
                assert file_entry(result, indent) == reference_entry(result, indent)
            checked += 1
            with_findings += bool(result.report.findings)
    assert checked == 2 * (len(BROKEN_FILES) + 8)
    assert with_findings >= checked // 2
