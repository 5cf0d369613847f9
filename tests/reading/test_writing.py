"""psed.dumps / psed.dump: text that psed and a YAML 1.1 reader both read back exactly."""

from __future__ import annotations

import datetime as _dt
import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import psed
from psed.testing import documents, proposals, texts

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Texts a YAML writer gets wrong: numbers, booleans and nulls of YAML 1.1 or 1.2,
# dates and times, indicators, document markers, white space and line breaks.
TRICKY = [
    "1e5",
    "0E0",
    "1E-3",
    "0o17",
    "0x1F",
    "0b101",
    "017",
    "+12",
    "-0",
    "1_000",
    "12:30",
    "190:20:30",
    ".inf",
    "-.Inf",
    ".NaN",
    ".5",
    "5.",
    "yes",
    "Yes",
    "No",
    "no",
    "on",
    "Off",
    "y",
    "n",
    "true",
    "False",
    "~",
    "null",
    "Null",
    "",
    "2021-11-18",
    "2021-02-30",
    "2021-11-18 10:00:00",
    "2021-11-18T10:00:00Z",
    "=",
    "<<",
    "- item",
    "-",
    "? key",
    ": value",
    "key: value",
    "a #comment",
    "#hash",
    "&anchor",
    "*alias",
    "!tag",
    "!!python/object:os.system",
    "%YAML 1.2",
    "@at",
    "`tick",
    "|",
    ">",
    "[1, 2]",
    "{a: 1}",
    "'single'",
    '"double"',
    "---",
    "...",
    "--- x",
    " leading",
    "trailing ",
    "  both  ",
    "\ttab",
    "line\n",
    "\n",
    "\n\n",
    "a\n\nb",
    "a\n \nb",
    "a \nb",
    "  indented\nfirst",
    "\nstarts with a break",
    "ends with breaks\n\n\n",
    "crlf\r\nline",
    "cr\ronly",
    "nel\x85next",
    "ls\u2028ps\u2029",
    "bom\ufeff",
    "nul\x00esc\x1bdel\x7f",
    "c1\x80\x9f",
    "Gwasanaethau Cymraeg: Ŵ ŷ â ê î ô û",
    "خدمات المكتبة للجميع",
    "שירותי ספרייה לכולם",
    "Step-free access ♿ 👩‍🦽",
    " 👩‍🦽\n\t😀 ",
    "\\backslash\\",
    "quote\"s and 'apostrophes'",
    "a" * 300,
    "x" * 1100,
]

tricky_texts = st.one_of(st.sampled_from(TRICKY), texts(), st.text(max_size=30))


def _with_tricky_text(draw: st.DrawFn, proposal: psed.Proposal) -> psed.Proposal:
    """The Proposal with some of its texts replaced by tricky ones."""
    changes: dict[str, Any] = {}
    for name in ("id", "name", "description", "impact_summary", "positive_impacts"):
        if draw(st.booleans()):
            changes[name] = draw(tricky_texts)
    impacts = []
    for entry in proposal.impacts:
        impacts.append(
            attrs.evolve(
                entry,
                group=draw(st.none() | tricky_texts),
                details=draw(st.none() | tricky_texts),
                mitigations=tuple(
                    attrs.evolve(m, action=draw(tricky_texts), owner=draw(st.none() | tricky_texts))
                    for m in entry.mitigations
                ),
            )
        )
    if "id" in changes:  # a document cannot be related to itself
        changes["related"] = tuple(r for r in proposal.related if r.id != changes["id"])
    return attrs.evolve(proposal, impacts=tuple(impacts), **changes)


@st.composite
def tricky_proposals(draw: st.DrawFn) -> psed.Proposal:
    return _with_tricky_text(draw, draw(proposals()))


@SETTINGS
@given(tricky_proposals(), st.sampled_from(["yaml", "json"]), st.booleans())
def test_loads_of_dumps_is_identity(proposal: psed.Proposal, format: str, compact: bool) -> None:
    text = psed.dumps(proposal, format=format, compact=compact)
    assert psed.loads(text, format=format) == proposal
    assert psed.loads(text) == proposal  # the format guessed from the text


@SETTINGS
@given(tricky_proposals())
def test_a_yaml_1_1_reader_reads_the_same_document(proposal: psed.Proposal) -> None:
    text = psed.dumps(proposal)
    tree = yaml.safe_load(text)
    assert psed.read(tree)[1] == []
    assert psed.structure(tree) == proposal


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.sampled_from(TRICKY), st.text(max_size=20)))
def test_every_text_comes_back_from_both_readers(text: str) -> None:
    document = {"name": text, "description": text, "id": text}
    written = psed.dumps(document)
    proposal = psed.loads(written)
    assert (proposal.name, proposal.description, proposal.id) == (text, text, text)
    assert yaml.safe_load(written) == {"name": text, "description": text, "id": text}


@pytest.mark.parametrize(
    "text",
    [
        "1e5",
        "0E0",
        "0o17",
        "0x1F",
        "yes",
        "No",
        "on",
        "~",
        "null",
        "2021-11-18",
        ".inf",
        "12:30",
        "",
    ],
)
def test_text_that_reads_as_something_else_is_quoted(text: str) -> None:
    written = psed.dumps({"name": text})
    assert f'name: "{text}"\n' in written


def test_dates_are_bare_and_date_looking_text_is_quoted() -> None:
    proposal = psed.Proposal(name="2021-11-18", review_date=_dt.date(2022, 11, 18))
    written = psed.dumps(proposal)
    assert 'name: "2021-11-18"\n' in written
    assert "review_date: 2022-11-18\n" in written
    assert psed.loads(written) == proposal


def test_multi_line_text_is_literal_and_unicode_is_kept() -> None:
    text = "Pobl hŷn 👩‍🦽\n• خدمات\n"
    written = psed.dumps({"name": "x", "description": text})
    assert "description: |\n  Pobl hŷn 👩‍🦽\n  • خدمات\n" in written
    assert psed.loads(written).description == text
    # text that a literal block cannot hold exactly is double-quoted, emoji still raw
    awkward = "tab\there \nand\r\n 😀"
    written = psed.dumps({"name": "x", "description": awkward})
    assert 'description: "tab\\there \\nand\\r\\n 😀"\n' in written
    assert psed.loads(written).description == awkward


def test_no_line_is_folded() -> None:
    long = " ".join(["word"] * 200)
    written = psed.dumps({"name": long})
    assert written == f"name: {long}\n"


def test_keys_are_in_model_order_and_yaml_is_block_style() -> None:
    proposal = psed.load("examples/customer-access-strategy.yaml")
    written = psed.dumps(proposal)
    keys = [line.split(":")[0] for line in written.splitlines() if line[:1].isalpha()]
    order = [f.name for f in attrs.fields(psed.Proposal)]
    assert keys == sorted(keys, key=order.index)
    assert "{" not in written.split("\n", 1)[0]
    shared = {"action": "Same action"}
    tree = {"name": "x", "impacts": [{"characteristic": "age", "mitigations": [shared, shared]}]}
    twice = psed.dumps(tree)
    assert "&" not in twice
    assert twice.count("- action: Same action\n") == 2


def test_json_is_indented_utf8_with_a_final_newline() -> None:
    proposal = psed.Proposal(name="Ŵ 👩‍🦽", review_date=_dt.date(2022, 11, 18))
    written = psed.dumps(proposal, format="json")
    assert written.endswith("}\n")
    assert '\n  "name": "Ŵ 👩‍🦽",\n' in written
    assert json.loads(written)["review_date"] == "2022-11-18"
    full = psed.dumps(proposal, format="json", compact=False)
    assert json.loads(full) == psed.unstructure(proposal)


@SETTINGS
@given(documents())
def test_trees_are_written_as_given(document: dict[str, Any]) -> None:
    for format in ("yaml", "json"):
        text = psed.dumps(document, format=format)
        assert psed.unstructure(psed.loads(text)) == psed.unstructure(psed.structure(document))


def test_a_tree_from_a_yaml_reader_with_dates_is_written() -> None:
    tree = {"name": "x", "review_date": _dt.date(2027, 1, 31), "impacts": ()}
    assert "review_date: 2027-01-31\n" in psed.dumps(tree)
    assert json.loads(psed.dumps(tree, format="json"))["review_date"] == "2027-01-31"


def test_an_invalid_date_text_stays_text_and_is_still_reported() -> None:
    tree = {"name": "x", "review_date": "2021-02-30"}
    written = psed.dumps(tree)
    assert 'review_date: "2021-02-30"\n' in written
    assert [(f.code, f.pointer) for f in psed.read(written)[1]] == [("PSED004", "/review_date")]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="format"):
        psed.dumps(psed.Proposal(name="x"), format="toml")
    with pytest.raises(TypeError, match="Proposal or a document tree"):
        psed.dumps(["name", "x"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        psed.dumps({"name": object()})
    with pytest.raises(TypeError):
        psed.dumps({"name": object()}, format="json")


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json", ".YAML"])
def test_dump_writes_only_the_file_given(tmp_path: Path, suffix: str) -> None:
    proposal = psed.load("examples/customer-access-strategy.yaml")
    target = tmp_path / f"out{suffix}"
    psed.dump(proposal, target)
    assert os.listdir(tmp_path) == [target.name]
    assert psed.load(target) == proposal
    data = target.read_bytes()
    assert b"\r\n" not in data
    format = "json" if suffix == ".json" else "yaml"
    assert data.decode("utf-8") == psed.dumps(proposal, format=format)
    psed.dump(psed.Proposal(name="again"), target)  # an existing file is replaced
    assert psed.load(target).name == "again"


def test_dump_refuses_an_unknown_suffix_before_writing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.json, \.yaml or \.yml"):
        psed.dump(psed.Proposal(name="x"), tmp_path / "out.txt")
    assert os.listdir(tmp_path) == []
