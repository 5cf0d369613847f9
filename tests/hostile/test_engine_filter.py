"""The rule-finding filter of validate: fast for many structural findings, same answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from psed._pointer import is_at_or_below
from psed.engine import _covered

_tokens = st.sampled_from(["", "a", "ab", "0", "1", "10", "a~1b", "impacts"])
_pointers = st.lists(_tokens, max_size=4).map(lambda parts: "".join("/" + p for p in parts))


@given(_pointers, st.sets(_pointers | st.just(""), max_size=6))
def test_covered_agrees_with_is_at_or_below(pointer: str, places: set[str]) -> None:
    expected = any(is_at_or_below(pointer, p) for p in places)
    assert _covered(pointer, places) is expected


def test_covered_examples() -> None:
    assert _covered("/impacts/3/owner", {"/impacts/3"})
    assert not _covered("/impacts/30", {"/impacts/3"})
    assert _covered("/anything", {""})
    assert not _covered("/a", set())
    assert _covered("", {""})
    assert not _covered("", {"/a"})
