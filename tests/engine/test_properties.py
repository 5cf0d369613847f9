"""Properties of check and validate over generated documents."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import psed
from psed._reading.pointer import order_key, resolve
from psed.testing import documents, proposals

# Plug-ins may register frameworks, and the strategies draw from the registered ones:
# load them before any example is drawn so that drawing does not depend on test order.
psed.rules.all_rules()

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))
statuses = st.sampled_from([None, *psed.Status])


@SETTINGS
@given(proposal=proposals(), as_of=dates, status=statuses)
def test_check_never_raises_and_every_pointer_resolves(
    proposal: psed.Proposal, as_of: dt.date, status: psed.Status | None
) -> None:
    report = psed.check(proposal, as_of=as_of, status=status)
    tree = psed.unstructure(proposal)
    for finding in report.findings:
        assert not finding.message.startswith("internal error"), finding.message
        resolve(tree, finding.pointer)  # raises LookupError if it does not resolve
    keys = [(order_key(f.pointer), f.code) for f in report.findings]
    assert keys == sorted(keys)


@SETTINGS
@given(proposal=proposals(), as_of=dates)
def test_same_input_and_date_give_the_same_report(proposal: psed.Proposal, as_of: dt.date) -> None:
    first = psed.check(proposal, as_of=as_of)
    second = psed.check(proposal, as_of=as_of)
    assert first.to_dict() == second.to_dict()
    assert json.dumps(first.to_dict()) == json.dumps(second.to_dict())


@SETTINGS
@given(tree=documents(), as_of=dates)
def test_validate_of_a_valid_tree_equals_check(tree: dict[str, Any], as_of: dt.date) -> None:
    proposal = psed.structure(tree)
    validated = psed.validate(tree, as_of=as_of)
    assert validated.to_dict() == psed.check(proposal, as_of=as_of).to_dict()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["name", "impacts", "waivers", "status", "x", "characteristic", "rule"])
            | st.text(max_size=5),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@SETTINGS
@given(payload=json_values | st.text(max_size=60) | st.binary(max_size=60), as_of=dates)
def test_validate_never_raises(payload: Any, as_of: dt.date) -> None:
    report = psed.validate(payload, as_of=as_of)
    assert isinstance(report.to_dict(), dict)
    json.dumps(report.to_dict())
