"""Every rule's fixture folder: each file reports exactly the findings expected for its code.

``tests/rules/fixtures/PSEDnnn/`` holds ``fail*.yaml`` documents that the rule reports on
and ``pass*.yaml`` near misses that it must not, plus ``expected.yaml`` mapping each file
name to the list of ``{pointer, severity}`` findings of that code (written by hand). Each
document is checked as of 2026-11-26 at its own status.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
import yaml

import psed
from psed.rules import all_rules

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = dt.date(2026, 11, 26)
OWN_MODULES = {
    "psed.rules.completeness",
    "psed.rules.mitigation",
    "psed.rules.signoff",
    "psed.rules.evidence",
    "psed.rules.rigour",
    "psed.rules.community_safety",
    "psed.rules.duties",
}


def _expected(folder: Path) -> dict[str, list[dict[str, str]]]:
    data = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{folder}/expected.yaml must map file names to lists"
    return data


def _cases() -> list[tuple[str, str]]:
    cases = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.yaml")):
            if path.name != "expected.yaml":
                cases.append((folder.name, path.name))
    return cases


@pytest.mark.parametrize(("code", "filename"), _cases())
def test_fixture_reports_exactly_the_expected_findings(code: str, filename: str) -> None:
    folder = FIXTURES / code
    expected = _expected(folder)
    assert filename in expected, f"{code}/expected.yaml has no entry for {filename}"
    proposal = psed.load(folder / filename)
    report = psed.check(proposal, as_of=AS_OF)
    got = Counter((f.pointer, f.severity.value) for f in report.findings if f.code == code)
    want = Counter((e["pointer"], e["severity"]) for e in expected[filename])
    assert got == want
    if filename.startswith("fail"):
        assert want, f"{code}/{filename} is a failing fixture but expects no finding"
    else:
        assert filename.startswith("pass"), f"{filename}: name fixtures fail*.yaml or pass*.yaml"
        assert not want, f"{code}/{filename} is a passing fixture but expects findings"


@pytest.mark.parametrize(("code", "filename"), _cases())
def test_fixture_pointers_resolve_and_name_the_characteristic(code: str, filename: str) -> None:
    proposal = psed.load(FIXTURES / code / filename)
    tree = psed.unstructure(proposal)
    for finding in psed.check(proposal, as_of=AS_OF).findings:
        if finding.code != code:
            continue
        node = tree
        for part in finding.pointer.split("/")[1:]:
            key = part.replace("~1", "/").replace("~0", "~")
            node = node[int(key)] if isinstance(node, list) else node[key]
        if finding.pointer.startswith("/impacts/"):
            index = int(finding.pointer.split("/")[2])
            assert finding.characteristic == tree["impacts"][index]["characteristic"]
        assert finding.message.endswith("."), finding.message
        assert ":" in finding.message, "a message says what is wrong, then what to do"


def test_every_rule_of_the_catalogue_half_has_failing_and_passing_fixtures() -> None:
    codes = {
        r.code for r in all_rules() if r.check is not None and r.check.__module__ in OWN_MODULES
    }
    assert len(codes) == 56
    for code in sorted(codes):
        folder = FIXTURES / code
        names = [p.name for p in folder.glob("*.yaml")]
        assert any(n.startswith("fail") for n in names), f"{code} has no fail*.yaml fixture"
        assert any(n.startswith("pass") for n in names), f"{code} has no pass*.yaml fixture"
        assert set(_expected(folder)) == set(names) - {"expected.yaml"}, code
