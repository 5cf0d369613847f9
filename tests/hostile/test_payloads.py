"""Hostile Python payloads: what a form backend may pass to validate after json.loads or worse."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

import pytest

import psed

AS_OF = _dt.date(2026, 11, 26)


def _self_referencing() -> dict[str, Any]:
    document: dict[str, Any] = {"name": "Loop"}
    document["decision"] = document
    document["impacts"] = [document]
    return document


CASES: list[tuple[str, Any, set[tuple[str, str]]]] = [
    ("float-nan", {"name": float("nan")}, {("PSED003", "/name")}),
    ("bytes-text", {"name": b"Library"}, {("PSED003", "/name")}),
    ("set-list", {"name": "x", "impacts": {"age"}}, {("PSED003", "/impacts")}),
    ("object", {"name": object()}, {("PSED003", "/name")}),
    ("int-key", {"name": "x", 1: "one"}, {("PSED005", "/1")}),
    ("none-key", {"name": "x", None: 1}, {("PSED005", "/null")}),
    ("tuple-key", {"name": "x", ("a", "b"): 1}, {("PSED005", "/('a', 'b')")}),
    ("tuple-list", {"name": "x", "impacts": ({"characteristic": "age"},)}, set()),
    ("lone-surrogate", {"name": "a\ud800b"}, {("PSED001", "/name")}),
    (
        "datetime",
        {"name": "x", "review_date": _dt.datetime(2021, 11, 18, 10, 0)},
        {("PSED004", "/review_date")},
    ),
    ("date-object", {"name": "x", "review_date": _dt.date(2021, 11, 18)}, set()),
    (
        "self-reference",
        _self_referencing(),
        {
            ("PSED005", "/decision/name"),
            ("PSED005", "/decision/decision"),
            ("PSED005", "/decision/impacts"),
            ("PSED002", "/impacts/0/characteristic"),
            ("PSED005", "/impacts/0/name"),
            ("PSED005", "/impacts/0/decision"),
            ("PSED005", "/impacts/0/impacts"),
        },
    ),
    ("list-root", [{"name": "x"}], {("PSED001", "")}),
    ("none-root", None, {("PSED001", "")}),
    ("int-root", 42, {("PSED001", "")}),
    ("object-root", object(), {("PSED001", "")}),
    ("bytearray", bytearray(b"name: x\n"), set()),
]


@pytest.mark.parametrize(("payload", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_python_payloads_give_their_findings(payload: Any, expected: set[tuple[str, str]]) -> None:
    report = psed.validate(payload, as_of=AS_OF)
    assert {(f.code, f.pointer) for f in report.findings if f.code < "PSED100"} == expected
    json.dumps(report.to_dict())  # the report is always JSON-ready
