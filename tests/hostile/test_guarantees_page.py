"""The limits and guarantees page says only what tests show: every test it names exists.

The page names tests as ``tests/path/test_file.py::test_name`` and the hostile corpus's
cases by their name in ``tests/hostile/expected.yaml``; each section names at least one
test, and each row of the table of rejected inputs at least one case or test.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import psed

from .cases import CASES

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "guarantees.md"
REFERENCE = re.compile(r"`((?:tests|benchmarks|fuzz)/[\w/.-]+\.py)(?:::(\w+))?`")


def _functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_test_the_page_names_exists() -> None:
    text = PAGE.read_text("utf-8")
    named = REFERENCE.findall(text)
    assert len(named) > 40
    missing = []
    for file, function in named:
        path = ROOT / file
        if not path.is_file():
            missing.append(file)
        elif function and function not in _functions(path):
            missing.append(f"{file}::{function}")
    assert missing == []


def test_every_section_names_a_test() -> None:
    sections = _sections(PAGE.read_text("utf-8"))
    assert len(sections) >= 8
    for title, body in sections.items():
        tests = [f for f, name in REFERENCE.findall(body) if f.startswith("tests/") and name]
        assert tests, f"the section {title!r} names no test"


def test_every_rejected_input_names_the_cases_or_tests_that_show_it() -> None:
    body = _sections(PAGE.read_text("utf-8"))["What is rejected, and with which code"]
    rows = [line for line in body.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0].split("|")[4].strip() == "shown by"
    cases = {case.name for case in CASES}
    for row in rows[1:]:
        shown_by = row.rstrip("|").split("|")[-1]
        names = re.findall(r"`([^`]+)`", shown_by)
        assert names, row
        for name in names:
            if name.startswith("tests/"):
                assert REFERENCE.fullmatch(f"`{name}`"), name
            else:
                assert name in cases, f"{name!r} is not a case of the hostile corpus"


def test_numbers_are_read_as_the_page_says() -> None:
    """YAML 1.2 numbers: 0755 is 755, 1_000 and yes/no are text; a count of 5.0 is 5."""
    read = psed.loads("name: x\nservice_profile: {customers: 0755}\n")
    assert read.service_profile is not None
    assert read.service_profile.customers == 755
    assert (psed.loads("name: 1_000\n").name, psed.loads("name: no\n").name) == ("1_000", "no")
    assert psed.loads("name: yes\n").name == "yes"
    _, findings = psed.read("name: x\nservice_profile: {customers: 1_000}\n")
    assert [(f.code, f.pointer) for f in findings] == [("PSED003", "/service_profile/customers")]
    counted = psed.loads('{"name": "x", "service_profile": {"customers": 5.0}}')
    assert counted.service_profile is not None
    assert counted.service_profile.customers == 5
    assert type(counted.service_profile.customers) is int
