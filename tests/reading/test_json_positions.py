"""Line and column of places in JSON text: where each key, or each list item, is written."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import psed
from psed._reading.json_reader import json_positions
from psed._reading.pointer import escape

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_TREES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=25,
)


def _places(tree: Any, pointer: str = "") -> list[tuple[str, str]]:
    """Every place below ``tree``: (pointer, the text its position must start with)."""
    out: list[tuple[str, str]] = []
    if isinstance(tree, dict):
        for key, value in tree.items():
            here = f"{pointer}/{escape(key)}"
            out.append((here, json.dumps(key, ensure_ascii=False)))
            out.extend(_places(value, here))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            here = f"{pointer}/{index}"
            out.append((here, json.dumps(value, ensure_ascii=False)[0]))
            out.extend(_places(value, here))
    return out


def _at(text: str, line: int, column: int) -> str:
    return text.split("\n")[line - 1][column - 1 :]


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.text(max_size=6), _TREES, max_size=5),
    st.sampled_from([None, 0, 2, "\t"]),
    st.data(),
)
def test_each_place_is_where_its_key_or_item_is_written(
    tree: dict[str, Any], indent: int | str | None, data: st.DataObject
) -> None:
    text = json.dumps(tree, indent=indent, ensure_ascii=False)
    places = _places(tree)
    asked = data.draw(st.lists(st.sampled_from(places), unique=True) if places else st.just([]))
    table = json_positions(text, [pointer for pointer, _ in asked])
    for pointer, written in asked:
        assert _at(text, *table[pointer]).startswith(written), (pointer, text)
    # The places above each one asked for are found too.
    for pointer, _ in asked:
        parent = pointer[: pointer.rfind("/")]
        assert parent in table


def test_a_missing_place_is_left_out_and_a_repeated_key_is_where_it_is_repeated() -> None:
    text = '{\n  "a": 1,\n  "b": {"c": [10, 20]},\n  "a": 2\n}'
    table = json_positions(text, ["/b/c/1", "/b/d", "/z", "/a"])
    assert table == {"": (1, 1), "/b": (3, 3), "/b/c": (3, 9), "/b/c/1": (3, 19), "/a": (4, 3)}


def test_findings_from_json_text_carry_the_line_of_their_field() -> None:
    text = json.dumps({"name": "Library closure", "review_date": "2001-01-01"}, indent=2)
    report = psed.validate(text, as_of=dt.date(2026, 11, 26))
    for finding in report.findings:
        if finding.pointer == "/review_date":
            assert (finding.line, finding.column) == (3, 3)
            break
    else:
        raise AssertionError("no finding about the review date")
