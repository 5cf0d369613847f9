"""Properties: any input gives a Report, and a valid document keeps every character.

- Any JSON value (as a tree, as JSON text and as YAML text) passed to
  :func:`psed.validate` gives a Report and never raises.
- Any valid document with one random mutation (a key deleted, a value's type
  changed, an unknown key inserted, any value replaced by a random JSON value at a
  random place) gives a Report and never raises.
- A valid document keeps every character of its text through JSON and YAML, with
  the texts people paste: Welsh diacritics, right-to-left scripts, emoji, leading
  and trailing spaces, newlines, tabs, carriage returns and control characters.
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import psed
from psed._reading.yaml_reader import Resolver as _YamlResolver
from psed.testing import documents, texts

AS_OF = _dt.date(2026, 11, 26)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["age", "negative", "2021-02-30", "2021-11-18", "N/A", "PSED201", ""])
)
_keys = st.text(max_size=10) | st.sampled_from(
    [
        "name",
        "impacts",
        "characteristic",
        "impact",
        "mitigations",
        "action",
        "decision",
        "status",
        "waivers",
        "rule",
        "pointer",
        "characteristics",
        "code",
        "label",
        "<<",
    ]
)
json_values = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=4),
    max_leaves=25,
)


def _assert_report(report: Any) -> None:
    assert isinstance(report, psed.Report)
    for finding in report.findings:
        assert finding.pointer == "" or finding.pointer.startswith("/")
        assert finding.message
        assert "internal error" not in finding.message
    json.dumps(report.to_dict())


@SETTINGS
@given(json_values)
def test_any_json_value_gives_a_report(value: Any) -> None:
    _assert_report(psed.validate(value, as_of=AS_OF))
    _assert_report(psed.validate(json.dumps(value), as_of=AS_OF))
    _assert_report(psed.validate(json.dumps(value).encode(), as_of=AS_OF))
    _assert_report(psed.validate(yaml.safe_dump(value, allow_unicode=True), as_of=AS_OF))


# --------------------------------------------------------------------------- mutations


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in the tree (the root is the empty path)."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*path, index))
    return found


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


_OTHER_TYPE = {str: 42, int: "many", float: "x", bool: "yes", type(None): [], list: {}, dict: []}


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    document = copy.deepcopy(draw(documents()))
    places = _places(document)
    path = draw(st.sampled_from(places))
    kind = draw(st.sampled_from(["delete", "retype", "unknown", "replace"]))
    if not path:  # the root itself
        return draw(json_values) if kind == "replace" else document
    parent, last = _get(document, path[:-1]), path[-1]
    if kind == "delete":
        del parent[last]
    elif kind == "retype":
        parent[last] = _OTHER_TYPE.get(type(parent[last]))
    elif kind == "unknown":
        target = _get(document, path)
        if isinstance(target, dict):
            target[draw(_keys)] = draw(json_values)
        else:
            parent[last] = {draw(_keys): draw(json_values)}
    else:
        parent[last] = draw(json_values)
    return document


@SETTINGS
@given(mutated())
def test_a_valid_document_with_one_mutation_gives_a_report(document: Any) -> None:
    _assert_report(psed.validate(document, as_of=AS_OF))
    _assert_report(psed.validate(json.dumps(document), as_of=AS_OF))


# --------------------------------------------------------------------------- text kept


def _dump_json(tree: Any, ascii_only: bool) -> str:
    return json.dumps(tree, ensure_ascii=ascii_only)


class Yaml12SafeDumper(yaml.SafeDumper):
    """PyYAML's safe writer, quoting text that YAML 1.1 *or* YAML 1.2 would read as
    something else (PyYAML alone writes ``1e5`` and ``0o17`` bare: YAML 1.1 text,
    YAML 1.2 numbers)."""


Yaml12SafeDumper.yaml_implicit_resolvers = {
    first: list(resolvers) for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}
for _first, _resolvers in _YamlResolver.yaml_implicit_resolvers.items():
    Yaml12SafeDumper.yaml_implicit_resolvers.setdefault(_first, []).extend(_resolvers)


def _dump_yaml(tree: Any, ascii_only: bool) -> str:
    if not ascii_only:
        # psed's own writer: PyYAML with allow_unicode writes U+0085 raw, which YAML
        # reads as a line break (psed refuses it); psed.dumps escapes it.
        return psed.dumps(tree)
    return yaml.dump(tree, Dumper=Yaml12SafeDumper, allow_unicode=False, sort_keys=False)


def _texts_of(node: Any, path: str = "") -> dict[str, str]:
    if isinstance(node, dict):
        out: dict[str, str] = {}
        for key, value in node.items():
            out.update(_texts_of(value, f"{path}/{key}"))
        return out
    if isinstance(node, list):
        out = {}
        for index, value in enumerate(node):
            out.update(_texts_of(value, f"{path}/{index}"))
        return out
    return {path: node} if isinstance(node, str) else {}


@SETTINGS
@given(documents(), st.booleans())
def test_a_valid_document_keeps_every_character_through_json_and_yaml(
    document: dict[str, Any], ascii_only: bool
) -> None:
    for dump in (_dump_json, _dump_yaml):
        text = dump(document, ascii_only)
        again = psed.unstructure(psed.loads(text))
        original = psed.unstructure(psed.structure(document))
        assert _texts_of(again) == _texts_of(original)
        assert again == original


# Characters real forms contain that psed.testing.texts leaves out: control characters,
# carriage returns, the byte-order mark, Unicode line and paragraph separators, NEL.
_awkward = st.text(
    st.characters(exclude_categories=["Cs"])
    | st.sampled_from(["\x00", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\r"]),
    max_size=30,
)


@SETTINGS
@given(st.lists(texts() | _awkward, min_size=5, max_size=5), st.booleans())
def test_awkward_text_is_kept_exactly_through_json_and_yaml(
    values: list[str], ascii_only: bool
) -> None:
    name, description, details, group, officer = values
    document = {
        "name": name,
        "description": description,
        "impacts": [{"characteristic": "age", "group": group, "details": details}],
        "responsible": {"name": officer},
    }
    for dump in (_dump_json, _dump_yaml):
        proposal = psed.loads(dump(document, ascii_only))
        assert proposal.name == name
        assert proposal.description == description
        assert proposal.impacts[0].details == details
        assert proposal.impacts[0].group == group
        assert proposal.responsible is not None
        assert proposal.responsible.name == officer


@SETTINGS
@given(st.text(st.sampled_from("0123456789eEoxX.+-_ :#"), min_size=1, max_size=8) | texts())
def test_text_plain_pyyaml_writes_as_a_number_is_reported_never_changed(value: str) -> None:
    """With PyYAML's own writer (YAML 1.1), text such as ``1e5`` is written without quotes
    and psed, reading YAML 1.2, sees a number: that must be a PSED003 at the text's place,
    never a silently different value."""
    text = yaml.safe_dump({"name": "x", "description": value}, allow_unicode=True)
    proposal, findings = psed.read(text)
    assert proposal is not None
    if findings:
        assert [(f.code, f.pointer) for f in findings] == [("PSED003", "/description")]
    else:
        assert proposal.description == value
    assert psed.loads(_dump_yaml({"name": "x", "description": value}, False)).description == value
