"""JSON Pointers (RFC 6901): the one implementation every part of psed uses."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psed._reading.pointer import (
    escape,
    is_at_or_below,
    join,
    key_text,
    order_key,
    resolve,
    split,
    unescape,
)

keys = st.one_of(st.text(), st.integers(min_value=0, max_value=10**6))


@given(st.lists(keys, max_size=6))
def test_join_then_split_gives_the_keys_back(tokens: list[str | int]) -> None:
    assert split(join(*tokens)) == [str(t) for t in tokens]


@given(st.text())
def test_unescape_undoes_escape(token: str) -> None:
    assert unescape(escape(token)) == token
    assert "/" not in escape(token)


def test_the_rfc_examples_resolve() -> None:
    # RFC 6901 section 5.
    document: dict[str, Any] = {
        "foo": ["bar", "baz"],
        "": 0,
        "a/b": 1,
        "m~n": 8,
        " ": 7,
    }
    assert resolve(document, "") is document
    assert resolve(document, "/foo") == ["bar", "baz"]
    assert resolve(document, "/foo/0") == "bar"
    assert resolve(document, "/") == 0
    assert resolve(document, "/a~1b") == 1
    assert resolve(document, "/m~0n") == 8
    assert resolve(document, "/ ") == 7


@pytest.mark.parametrize(
    "pointer", ["/foo/2", "/foo/01", "/foo/-", "/foo/x", "/bar", "/foo/0/1", "/foo/0/x"]
)
def test_a_pointer_that_names_nothing_raises_or_gives_the_default(pointer: str) -> None:
    document = {"foo": ["bar", "baz"]}
    with pytest.raises(LookupError, match="does not resolve"):
        resolve(document, pointer)
    assert resolve(document, pointer, None) is None


def test_text_that_is_not_a_pointer_is_refused_with_the_rule() -> None:
    with pytest.raises(ValueError, match="must be '' or start with '/'"):
        split("impacts/0")


@pytest.mark.parametrize(
    ("key", "text"),
    [
        (None, "null"),
        (True, "true"),
        (False, "false"),
        (12, "12"),
        (1.5, "1.5"),
        (10**100, "a very long number"),
        (-(10**100), "a very long number"),
        ("Age", "Age"),
    ],
)
def test_a_key_is_spelt_as_json_and_yaml_write_it(key: Any, text: str) -> None:
    assert key_text(key) == text


@pytest.mark.parametrize(
    ("pointer", "prefix", "inside"),
    [
        ("/impacts/1", "/impacts", True),
        ("/impacts", "/impacts", True),
        ("/impactsx", "/impacts", False),
        ("/name", "", True),
        ("", "/name", False),
    ],
)
def test_at_or_below_means_the_place_or_inside_it(pointer: str, prefix: str, inside: bool) -> None:
    assert is_at_or_below(pointer, prefix) is inside


def test_order_key_follows_the_document_order_of_fields_and_items() -> None:
    pointers = [
        "/impacts/10/details",
        "/zzz_unknown",
        "/impacts/2",
        "/name",
        "/impacts/2/details",
        "not a pointer",
        "/impacts/x",
        "",
    ]
    ordered = sorted(pointers, key=order_key)
    assert ordered.index("") == 0
    assert ordered.index("/name") < ordered.index("/impacts/2")
    assert ordered.index("/impacts/2") < ordered.index("/impacts/2/details")
    assert ordered.index("/impacts/2/details") < ordered.index("/impacts/10/details")
    assert ordered.index("/impacts/10/details") < ordered.index("/zzz_unknown")
    assert ordered[-1] == "not a pointer"
