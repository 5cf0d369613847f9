"""Parsing JSON and YAML safely: limits, YAML 1.2 scalars, tags, aliases, duplicates, encodings."""

from __future__ import annotations

import datetime
import json
import time
from pathlib import Path

import pytest

import psed
from psed.reading import Limits


def _codes(payload: object, **kwargs: object) -> list[tuple[str, str]]:
    _, findings = psed.read(payload, **kwargs)  # type: ignore[arg-type]
    return [(f.code, f.pointer) for f in findings]


def _message(payload: object, **kwargs: object) -> str:
    _, findings = psed.read(payload, **kwargs)  # type: ignore[arg-type]
    assert len(findings) == 1
    return findings[0].message


# ------------------------------------------------------------------ limits


@pytest.mark.parametrize(
    "text",
    [
        "[" * 10_000 + "]" * 10_000,
        '{"a":' * 10_000 + "1" + "}" * 10_000,
        "x: " + "[" * 10_000 + "]" * 10_000,
        "x:\n" + "- " * 10_000 + "a\n",
        "x: " + "{a: " * 10_000 + "1" + "}" * 10_000,
    ],
)
def test_very_deep_documents_are_psed001_not_recursion_error(text: str) -> None:
    proposal, findings = psed.read(text)
    assert proposal is None
    assert [(f.code, f.pointer) for f in findings] == [("PSED001", "")]
    assert "nested more than 64 levels" in findings[0].message
    assert "max_depth" in findings[0].message


def test_depth_limit_is_exact_and_configurable() -> None:
    # The root mapping is depth 1; "x: [[...]]" with n brackets is depth n + 1.
    ok = "name: n\nx: " + "[" * 63 + "]" * 63
    deep = "name: n\nx: " + "[" * 64 + "]" * 64
    assert _codes(ok) == [("PSED005", "/x")]
    assert _codes(deep) == [("PSED001", "")]
    assert _codes(deep, limits=Limits(max_depth=100)) == [("PSED005", "/x")]
    as_json = '{"name": "n", "x": ' + "[" * 64 + "]" * 64 + "}"
    assert _codes(as_json) == [("PSED001", "")]
    # Brackets inside strings do not count.
    assert _codes(json.dumps({"name": "[" * 100 + "{" * 100})) == []


def test_size_limit() -> None:
    text = "name: " + "x" * 2000 + "\n"
    assert _codes(text, limits=Limits(max_bytes=1000)) == [("PSED001", "")]
    assert "1,000 bytes" in _message(text.encode(), limits=Limits(max_bytes=1000))
    assert _codes(text) == []


def test_size_limit_on_files(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("name: " + "x" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(psed.DocumentError) as caught:
        psed.load(path, limits=Limits(max_bytes=1000))
    assert caught.value.path == str(path)
    assert caught.value.findings[0].code == "PSED001"


def test_limits_is_frozen() -> None:
    limits = Limits()
    assert (limits.max_bytes, limits.max_depth) == (10 * 1024 * 1024, 64)
    with pytest.raises(AttributeError):
        limits.max_depth = 3  # type: ignore[misc]


# ------------------------------------------------------------------ YAML


def test_yaml_booleans_are_yaml_1_2() -> None:
    proposal = psed.loads("name: No\nid: yes\ndescription: on\nimpact_summary: off\n")
    assert (proposal.name, proposal.id, proposal.description, proposal.impact_summary) == (
        "No",
        "yes",
        "on",
        "off",
    )
    assert _codes("name: true\n") == [("PSED003", "/name")]


def test_yaml_numbers_are_yaml_1_2() -> None:
    # Sexagesimal and underscores are text in YAML 1.2, so a time stays text.
    assert psed.loads("name: 12:30\n").name == "12:30"
    assert psed.loads("name: x\nservice_profile: {customers: 0o17}\n").service_profile == (
        psed.ServiceProfile(customers=15)
    )


def test_yaml_merge_keys_are_not_merged() -> None:
    text = "base: &b {name: x}\n<<: *b\n"
    assert sorted(_codes(text)) == [("PSED002", "/name"), ("PSED005", "/<<"), ("PSED005", "/base")]


def test_yaml_dates_are_dates_and_times_are_refused() -> None:
    assert psed.loads("name: x\nreview_date: 2021-11-18\n").review_date == datetime.date(
        2021, 11, 18
    )
    assert psed.loads("name: x\nreview_date: '2021-11-18'\n").review_date == datetime.date(
        2021, 11, 18
    )
    _, findings = psed.read("name: x\nreview_date: 2021-11-18 10:30:00\n")
    assert [(f.code, f.pointer) for f in findings] == [("PSED004", "/review_date")]
    assert findings[0].message == (
        "The review date 2021-11-18 10:30:00 has a time: write the date only, as 2021-11-18."
    )
    assert _codes("name: x\nreview_date: 2021-02-30\n") == [("PSED004", "/review_date")]


@pytest.mark.parametrize(
    "text",
    [
        "name: !!python/object/apply:os.system ['echo hi']\n",
        "name: !!python/name:os.system\n",
        "name: !!binary aGVsbG8=\n",
        "name: !custom x\n",
        "name: x\nimpacts: !!set {age: null}\n",
    ],
)
def test_yaml_tags_that_build_objects_are_psed001(text: str) -> None:
    proposal, findings = psed.read(text)
    assert proposal is None
    assert [(f.code, f.pointer) for f in findings] == [("PSED001", "")]
    assert "not allowed" in findings[0].message
    assert "line 1" in findings[0].message or "line 2" in findings[0].message


def test_yaml_duplicate_keys_are_reported_at_the_key_and_reading_goes_on() -> None:
    text = (
        "name: first\n"
        "impacts:\n"
        "  - characteristic: age\n"
        "    impact: negative\n"
        "    impact: positive\n"
        "name: second\n"
        "status: final\n"
    )
    proposal, found = psed.read(text)
    findings = {(f.code, f.pointer): f for f in found}
    assert sorted(findings) == [
        ("PSED001", "/impacts/0/impact"),
        ("PSED001", "/name"),
        ("PSED004", "/status"),
    ]
    assert "line 6" in findings["PSED001", "/name"].message
    assert "line 5" in findings["PSED001", "/impacts/0/impact"].message
    assert proposal is not None
    assert proposal.name == "first"
    assert proposal.impacts[0].impact is psed.Impact.NEGATIVE


def test_yaml_alias_bomb_is_quick_psed001() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    text = "\n".join(lines) + "\nname: x\n"
    start = time.perf_counter()
    proposal, findings = psed.read(text)
    assert time.perf_counter() - start < 2
    assert proposal is None
    assert [(f.code, f.pointer) for f in findings] == [("PSED001", "")]
    assert "aliases expand" in findings[0].message


def test_yaml_small_aliases_are_fine_and_recursive_ones_are_not() -> None:
    text = "name: &n Library\ndescription: *n\n"
    assert psed.loads(text).description == "Library"
    assert _codes("name: x\nimpacts: &i [*i]\n") == [("PSED001", "")]


def test_yaml_syntax_error_mentions_line() -> None:
    message = _message("name: x\nimpacts:\n  - characteristic: age\n   impact: [\n")
    assert "line" in message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("name: x\n" + "k" * 2000 + ": 1\n", 2),
        ("k" * 1025 + ": 1\nname: x\n", 1),
        ("name: x\n" + '"' + "q" * 1100 + '": 1\n', 2),
        ("name: x\nimpacts:\n  - " + "b" * 1100 + ": y\n", 3),
        ("name: x\n" + "a" * 1100 + ":\n  b: 1\n", 2),
    ],
)
def test_yaml_key_over_1024_characters_is_named(text: str, line: int) -> None:
    findings = psed.read(text)[1]
    assert [(f.code, f.pointer) for f in findings] == [("PSED001", "")]
    assert findings[0].message.startswith(
        f"The YAML could not be read at line {line}: a key longer than 1,024 characters"
    )
    assert "could not find expected" not in findings[0].message
    assert "k" * 100 not in findings[0].message  # the key is not repeated back


def test_yaml_key_of_1024_characters_is_read() -> None:
    findings = psed.read("name: x\n" + "k" * 1024 + ": 1\n")[1]
    assert [f.code for f in findings] == ["PSED005"]


def test_yaml_missing_colon_after_a_key_says_so_with_the_line() -> None:
    message = psed.read("name: x\nstatus draft\nid: 3\n")[1][0].message
    assert message.startswith(
        "The YAML could not be read at line 2: a key longer than 1,024 characters, "
        "or a missing ':' after a key;"
    )


def test_yaml_multiple_documents_are_refused() -> None:
    assert _codes("name: x\n---\nname: y\n") == [("PSED001", "")]


def test_yaml_complex_keys_are_refused() -> None:
    assert _codes("? [a, b]\n: 1\nname: x\n") == [("PSED001", "")]


# ------------------------------------------------------------------ JSON


def test_json_duplicate_keys() -> None:
    text = '{"name": "a", "service_profile": {"customers": 1, "customers": 2}}'
    proposal, findings = psed.read(text)
    assert [(f.code, f.pointer) for f in findings] == [("PSED001", "/service_profile/customers")]
    assert proposal is not None
    assert proposal.service_profile == psed.ServiceProfile(customers=1)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_are_rejected_at_their_pointer(constant: str) -> None:
    text = '{"name": "a", "service_profile": {"customers": ' + constant + "}}"
    assert _codes(text) == [("PSED001", "/service_profile/customers")]


def test_json_huge_integers_do_not_crash() -> None:
    text = '{"name": "a", "service_profile": {"customers": ' + "9" * 50_000 + "}}"
    assert _codes(text) == [("PSED001", "/service_profile/customers")]
    text = "name: a\nservice_profile:\n  customers: " + "9" * 50_000 + "\n"
    assert _codes(text) == [("PSED001", "/service_profile/customers")]


def test_json_syntax_error_mentions_line_and_column() -> None:
    message = _message(
        '{"name": "a",\n "status" "draft"}',
    )
    assert "line 2" in message
    assert "column" in message


def test_integral_floats_count_as_integers_as_in_json_schema() -> None:
    assert psed.loads('{"name": "a", "service_profile": {"customers": 5.0}}').service_profile == (
        psed.ServiceProfile(customers=5)
    )
    assert _codes('{"name": "a", "service_profile": {"customers": 5.5}}') == [
        ("PSED003", "/service_profile/customers")
    ]


def test_format_guessing_and_explicit_format() -> None:
    assert psed.loads('{"name": "a"}').name == "a"
    assert psed.loads("{name: a}").name == "a"  # YAML flow mapping
    with pytest.raises(psed.DocumentError):
        psed.loads("{name: a}", format="json")
    assert psed.loads('{"name": "a"}', format="yaml").name == "a"
    with pytest.raises(ValueError, match="format"):
        psed.loads("name: a", format="toml")


# ------------------------------------------------------------------ encodings and files


def test_encodings() -> None:
    assert psed.loads(b"\xef\xbb\xbfname: caf\xc3\xa9\n").name == "café"
    assert psed.loads("\ufeffname: a\n").name == "a"
    assert "UTF-16" in _message("name: a\n".encode("utf-16"))
    assert "UTF-8" in _message(b"name: caf\xe9\n")
    assert "line 2" in _message(b"id: x\nname: caf\xe9\n")
    assert "empty" in _message(b"")
    assert "empty" in _message("   \n\n")


def test_load_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"name": "a"}', encoding="utf-8")
    (tmp_path / "b.yml").write_text("name: b\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("name: c\n", encoding="utf-8")
    assert [psed.load(tmp_path / n).name for n in ("a.json", "b.yml", "c.yaml")] == [
        "a",
        "b",
        "c",
    ]
    (tmp_path / "d.json").write_text("name: d\n", encoding="utf-8")
    with pytest.raises(psed.DocumentError) as caught:
        psed.load(tmp_path / "d.json")
    assert caught.value.path == str(tmp_path / "d.json")


def test_unreadable_file_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(psed.DocumentError) as caught:
        psed.load(missing)
    assert caught.value.path == str(missing)
    (finding,) = caught.value.findings
    assert finding.code == "PSED001"
    assert "cannot be read" in finding.message
    assert str(caught.value).startswith(f"{missing}: The file cannot be read")
    with pytest.raises(psed.DocumentError):
        psed.load(tmp_path)  # a directory


def test_yaml_with_half_a_character_is_psed001_not_a_crash() -> None:
    proposal, findings = psed.read("name: x\ndescription: a\ud800b\n")
    assert proposal is None
    assert [f.code for f in findings] == ["PSED001"]


def test_yaml_alias_of_a_text_value_is_that_text_as_a_key() -> None:
    # `*a` stands for the scalar `hello`, so the key is the text "hello" (an unknown field).
    assert _codes("name: &a hello\n*a: 1\n") == [("PSED005", "/hello")]
    # ...and a key met twice that way is still a repeated key, reported where it repeats.
    proposal, findings = psed.read("name: &a name\n*a: second\n")
    assert [(f.code, f.pointer) for f in findings] == [("PSED001", "/name")]
    assert "appears more than once" in findings[0].message
    assert proposal is not None
    assert proposal.name == "name"


def test_yaml_alias_of_a_non_text_value_as_a_key_is_its_key_text() -> None:
    # `1` as a key is the key "1" (see _key); an alias of the value 1 is the same key.
    assert ("PSED005", "/1") in _codes("name: x\nid: &n 1\n*n: 2\n")


def test_yaml_alias_key_without_an_anchor_says_so() -> None:
    message = _message("name: x\n*b: 1\n")
    assert "alias *b at line 2 has no anchor &b" in message
    assert "list or mapping" not in message


def test_yaml_alias_key_of_a_mapping_is_still_a_complex_key() -> None:
    message = _message("name: x\nm: &m {a: 1}\n*m : 1\n")
    assert "list or mapping" in message


def test_yaml_key_with_a_tag_it_does_not_fit_is_psed001_like_a_value() -> None:
    value = psed.read("name: x\ndescription: !!int abc\n")[1]
    key = psed.read("name: x\n!!int description: y\n")[1]
    assert [(f.code, f.pointer) for f in value] == [("PSED001", "/description")]
    assert [(f.code, f.pointer) for f in key] == [("PSED001", "/description")]
    assert key[0].message == value[0].message.replace("'abc'", "'description'")
