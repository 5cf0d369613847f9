"""Round trip: structure(unstructure(p)) == p for every valid Proposal, text kept byte for byte."""

from __future__ import annotations

import json
from typing import Any

import attrs
import yaml
from hypothesis import given, settings

import psed
from psed._reading.fields import CLASS_SPECS
from psed.testing import documents, proposals


@settings(max_examples=150, deadline=None)
@given(proposals())
def test_structure_of_unstructure_is_identity(proposal: psed.Proposal) -> None:
    assert psed.structure(psed.unstructure(proposal)) == proposal
    assert psed.structure(psed.unstructure(proposal, compact=True)) == proposal


@settings(max_examples=75, deadline=None)
@given(proposals())
def test_json_text_round_trip(proposal: psed.Proposal) -> None:
    text = json.dumps(psed.unstructure(proposal), ensure_ascii=False)
    assert psed.loads(text) == proposal
    assert psed.loads(text.encode("utf-8"), format="json") == proposal


@settings(max_examples=75, deadline=None)
@given(documents(compact=False))
def test_unstructure_of_structure_is_identity_on_full_trees(document: dict[str, Any]) -> None:
    assert psed.unstructure(psed.structure(document)) == document


def _check_full(cls: type, tree: dict[str, Any]) -> None:
    spec = CLASS_SPECS[cls]
    assert list(tree) == list(spec.names), cls.__name__
    for field in spec.fields:
        value = tree[field.name]
        if field.cls is None or value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            _check_full(field.cls, item)


@settings(max_examples=50, deadline=None)
@given(proposals())
def test_full_tree_has_every_field_in_model_order(proposal: psed.Proposal) -> None:
    tree = psed.unstructure(proposal)
    _check_full(psed.Proposal, tree)
    # JSON-ready: plain types only, so dumping and loading changes nothing.
    assert json.loads(json.dumps(tree)) == tree
    assert _plain(tree)
    assert yaml.safe_dump(tree, allow_unicode=True)  # representable by a YAML writer


def _plain(node: object) -> bool:
    if isinstance(node, dict):
        return all(type(k) is str and _plain(v) for k, v in node.items())
    if isinstance(node, list):
        return all(_plain(v) for v in node)
    return node is None or type(node) in (str, int, bool)


@settings(max_examples=50, deadline=None)
@given(proposals())
def test_compact_drops_only_nulls_and_empty_lists(proposal: psed.Proposal) -> None:
    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                assert value is not None
                assert value != []
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(psed.unstructure(proposal, compact=True))


def test_text_is_kept_byte_for_byte() -> None:
    text = "  Ŵ ŷ â  \n שלום 👩‍🦽 \t"
    proposal = psed.structure(
        {"name": text, "impacts": [{"characteristic": "age", "details": text}]}
    )
    assert proposal.name == text
    assert proposal.impacts[0].details == text
    assert psed.unstructure(proposal)["name"] == text


def test_unstructure_writes_codes_and_iso_dates() -> None:
    proposal = psed.structure(
        {
            "name": "x",
            "status": "approved",
            "review_date": "2027-01-31",
            "impacts": [{"characteristic": "age", "impact": "mixed"}],
            "characteristics": [{"code": "age", "label": "Older residents"}],
        }
    )
    tree = psed.unstructure(proposal)
    assert tree["status"] == "approved"
    assert tree["review_date"] == "2027-01-31"
    assert tree["impacts"][0]["characteristic"] == "age"
    assert tree["impacts"][0]["impact"] == "mixed"
    assert tree["characteristics"] == [
        {"code": "age", "label": "Older residents", "description": None}
    ]


def test_document_characteristic_restating_a_builtin_keeps_its_law() -> None:
    proposal = psed.structure(
        {
            "name": "x",
            "impacts": [{"characteristic": "age"}, {"characteristic": "digitally_excluded"}],
            "characteristics": [
                {"code": "age", "label": "Older residents"},
                {"code": "digitally_excluded", "label": "No internet access"},
            ],
        }
    )
    age, digital = (entry.characteristic for entry in proposal.impacts)
    builtin = psed.BUILTIN_CHARACTERISTICS["age"]
    assert age.label == "Older residents"
    assert (age.kind, age.legal_basis, age.aims) == (
        builtin.kind,
        builtin.legal_basis,
        builtin.aims,
    )
    assert digital.kind is psed.CharacteristicKind.LOCAL
    assert digital.legal_basis == ()
    assert digital.aims == frozenset()
    assert proposal.characteristics == (age, digital)
    # Characteristic objects carry no document-only fields beyond code/label/description.
    assert set(attrs.asdict(age)) >= {"code", "label", "description"}


def test_registered_characteristic_resolves() -> None:
    catalogue = psed.default_catalogue().extend(
        characteristics=[psed.Characteristic(code="young_carers_x", label="Young carers")]
    )
    proposal = psed.structure(
        {"name": "x", "impacts": [{"characteristic": "young_carers_x"}]}, catalogue=catalogue
    )
    assert proposal.impacts[0].characteristic.label == "Young carers"
