"""The generated references cover everything they describe: rules, format, catalogue, CLI.

The reference pages are filled in from the code at build time (psed._docgen), so they
cannot go stale; these tests make sure the generators leave nothing out, and that the
hand-written parts of the pages name only things that exist.
"""

from __future__ import annotations

import argparse
import re
import typing
from typing import Any

import attrs
import pytest
import yaml

from psed import _docgen, catalogue, model, rules
from psed.findings import Severity
from psed.model import Status

from .docs_pages import DOCS, MKDOCS_YML, pages

# ----------------------------------------------------------------------------- rules


@attrs.frozen(kw_only=True)
class FakeRule:
    """The documented attributes of psed.rules.Rule, for testing the generator alone."""

    code: str
    name: str
    severity: Severity = Severity.WARNING
    status: Status = Status.SUBMITTED
    references: tuple[str, ...] = ("Equality Act 2010 s149(1)",)
    summary: str = "A summary line."
    what: str = "What the rule checks."
    why: str = "Why it matters, with the law."
    fail_example: str = "name: x\nreview_date: null\n"
    pass_example: str = "name: x\nreview_date: 2027-01-01\n"


def test_rules_reference_has_one_anchored_section_per_rule() -> None:
    fakes = [
        FakeRule(code="PSED310", name="missing-review-date"),
        FakeRule(code="PSED101", name="characteristic-not-assessed", severity=Severity.ERROR),
        FakeRule(code="ACME001", name="no-owner-email", references=()),
    ]
    text = _docgen.rules_reference(fakes)
    for fake in fakes:
        heading = f"### {fake.code} {fake.name} {{#{fake.code.lower()}}}"
        assert heading in text
        assert f"[{fake.code}](#{fake.code.lower()})" in text
    # Sorted by code, grouped by family, plugins last.
    assert text.index("{#acme001}") < text.index("{#psed101}") < text.index("{#psed310}")
    assert "## Completeness" in text
    assert "## Sign-off, timing and review" in text
    assert "## Other rules" in text
    section = text[text.index("{#psed101}") :]
    section = section[: section.index("###")]
    assert "Default severity **error**; applies from status **submitted**" in section
    assert "**What it checks**\n\nWhat the rule checks." in section
    assert "**Why it matters**\n\nWhy it matters, with the law." in section
    assert "```yaml\nname: x\nreview_date: null\n```" in section
    assert "```yaml\nname: x\nreview_date: 2027-01-01\n```" in section
    assert "- Equality Act 2010 s149(1)" in section


def test_rules_reference_fences_survive_backticks_in_examples() -> None:
    fake = FakeRule(code="PSED999", name="x", fail_example="details: ```odd```\n")
    text = _docgen.rules_reference([fake])
    assert "````yaml\ndetails: ```odd```\n````" in text


def test_every_registered_rule_has_its_section_at_its_help_url() -> None:
    registered = [r for r in rules.all_rules() if r.origin == "psed"]
    assert registered, "the registry is empty"
    text = _docgen.rules_reference()
    site_url = yaml.safe_load(MKDOCS_YML.read_text())["site_url"]
    for rule in registered:
        anchor = rule.code.lower()
        assert f"### {rule.code} {rule.name} {{#{anchor}}}" in text, rule.code
        assert rules.help_url(rule.code) == f"{site_url}rules/#{anchor}"
        for field in ("what", "why", "fail_example", "pass_example"):
            assert str(getattr(rule, field)).strip(), f"{rule.code} has no {field}"


def test_links_to_rules_in_the_docs_name_registered_rules() -> None:
    codes = {r.code.lower() for r in rules.all_rules()}
    link = re.compile(r"rules(?:\.md|/)#(psed\d{3})")
    broken = [
        f"{page.relative_to(DOCS.parent)}: #{anchor}"
        for page in pages()
        for anchor in link.findall(page.read_text(encoding="utf-8"))
        if anchor not in codes
    ]
    assert not broken, broken


# ---------------------------------------------------------------------------- format


def _documented(cls: type) -> list[attrs.Attribute[Any]]:
    return [f for f in attrs.fields(cls) if f.metadata.get("document", True) is not False]


MODEL_CLASSES = [
    model.Proposal,
    model.ServiceProfile,
    model.Evidence,
    model.Engagement,
    model.ImpactEntry,
    model.Aims,
    model.Mitigation,
    model.Decision,
    model.SignOff,
    model.Characteristic,
    model.Waiver,
]


def _section(text: str, anchor: str) -> str:
    start = text.index(f"{{#{anchor}}}")
    end = text.find("\n## ", start)
    return text[start : end if end != -1 else len(text)]


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_format_reference_lists_every_field_with_its_doc(cls: type) -> None:
    section = _section(_docgen.format_reference(), cls.__name__.lower())
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == [f.name for f in _documented(cls)]
    for f, row in zip(_documented(cls), rows, strict=True):
        assert _docgen._cell(f.metadata["doc"]) in row
        required = f.default is attrs.NOTHING
        assert ("**required**" in row) == required, f.name


def test_format_reference_hides_python_only_fields() -> None:
    section = _section(_docgen.format_reference(), "characteristic")
    for name in ("kind", "legal_basis", "aims"):
        assert f"| `{name}` |" not in section


def test_format_reference_lists_every_code_with_its_label() -> None:
    text = _docgen.format_reference()
    for enum in (model.Impact, model.Status, model.Outcome, model.MitigationStatus):
        section = text[text.index(f"{{#{enum.__name__.lower()}}}") :]
        for member in enum:
            assert f"| `{member.value}` | {member.label} |" in section


def test_format_page_shows_the_generated_reference() -> None:
    assert "<!-- psed:format -->" in (DOCS / "format.md").read_text()


def _resolve(path: str) -> bool:
    """True when a dotted document path such as ``impacts[].details`` names a model field."""
    cls: Any = model.Proposal
    for part in path.replace("[]", "").split("."):
        names = {f.name: f for f in _documented(cls)}
        if part not in names:
            return False
        tp = typing.get_type_hints(cls)[part]
        for arg in (tp, *typing.get_args(tp)):
            inner = typing.get_args(arg)[0] if typing.get_origin(arg) is tuple else arg
            if isinstance(inner, type) and attrs.has(inner):
                cls = inner
                break
    return True


def test_form_wording_table_names_real_fields() -> None:
    text = (DOCS / "format.md").read_text()
    table = text[text.index("| On the form |") :]
    table = table[: table.index("\n\n")]
    paths = re.findall(r"`([a-z_\[\].]+)`", table)
    assert paths, "the form-wording table is empty"
    assert [p for p in paths if not _resolve(p)] == []
    assert not _resolve("impacts[].nonsense")


# ------------------------------------------------------------------------- catalogue


def test_characteristics_table_lists_every_builtin() -> None:
    text = _docgen.characteristics_reference()
    for c in catalogue.BUILTIN_CHARACTERISTICS.values():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{c.code}` |"))
        assert f"| {c.label} | {c.kind.value} |" in row
        for citation in c.legal_basis:
            assert citation in row
    marriage = next(
        line for line in text.splitlines() if line.startswith("| `marriage_civil_partnership`")
    )
    assert marriage.endswith("| eliminate |")


def test_frameworks_reference_lists_every_builtin_and_its_requirements() -> None:
    text = _docgen.frameworks_reference()
    for fw in catalogue.BUILTIN_FRAMEWORKS.values():
        section = text[text.index(f"{{#framework-{fw.id}}}") :]
        section = section[: section.find("\n### ") if "\n### " in section else len(section)]
        for code in fw.required:
            assert f"`{code}`" in section
        for duty in fw.duties:
            assert duty in section
    page = (DOCS / "frameworks.md").read_text()
    assert "<!-- psed:frameworks -->" in page
    assert "<!-- psed:characteristics -->" in page


# ------------------------------------------------------------------------------- cli


def _fake_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="psed", description="Check assessments.")
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", description="Check documents.", epilog="Exit 0, 1 or 2.")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=["text", "json"], default="text", help="Output.")
    sub.add_parser("rules", description="List the rules.")
    return parser


def test_cli_reference_covers_every_command_and_option() -> None:
    text = _docgen.cli_reference(_fake_parser())
    assert "| [`psed check`](#psed-check) | Check documents. |" in text
    assert "## `psed rules` {#psed-rules}" in text
    check = text[text.index("{#psed-check}") : text.index("{#psed-rules}")]
    assert "--format {text,json}" in check
    assert "Exit 0, 1 or 2." in check


CLI_COMMANDS = ("check", "rules", "explain", "schema", "new", "audit")


def test_cli_reference_from_the_real_parser() -> None:
    from psed import cli

    if not hasattr(cli, "build_parser"):
        pytest.fail("psed.cli.build_parser() is missing: the CLI reference cannot be built")
    text = _docgen.cli_reference()
    for command in CLI_COMMANDS:
        assert f"## `psed {command}` {{#psed-{command}}}" in text


def test_unknown_marker_fails_loudly() -> None:
    with pytest.raises(KeyError, match=r"page\.md: unknown marker psed:rulez"):
        _docgen.expand_markers("x <!-- psed:rulez --> y", where="page.md")


def test_docgen_command_prints_a_reference(capsys: pytest.CaptureFixture[str]) -> None:
    assert _docgen.main(["characteristics"]) == 0
    assert "| `age` | Age | protected |" in capsys.readouterr().out
    assert _docgen.main(["nonsense"]) == 2


def test_each_rule_example_does_what_its_documentation_says() -> None:
    """The failing example of every built-in rule reports it; the passing one does not."""
    import datetime

    import psed

    wrong = []
    from psed.rules.portfolio import is_portfolio

    for rule in rules.all_rules():
        if rule.origin != "psed" or is_portfolio(rule.code):
            continue  # a portfolio rule's example is a folder: tests/audit audits it
        for kind, example, expected in (
            ("failing", rule.fail_example, True),
            ("passing", rule.pass_example, False),
        ):
            report = psed.validate(example, as_of=datetime.date(2026, 11, 26))
            if (rule.code in report.codes()) is not expected:
                wrong.append(f"{rule.code}: the {kind} example")
    assert wrong == []


def test_the_rules_table_has_a_one_line_summary_of_each_rule() -> None:
    text = _docgen.rules_reference()
    header = text.splitlines()[0]
    assert header == "| Code | Name | Severity | From status | What it reports |"
    for rule in rules.all_rules(builtin_only=True):
        row = next(line for line in text.splitlines() if line.startswith(f"| [{rule.code}]("))
        assert row.endswith(f"| {_docgen._cell(rule.summary)} |"), rule.code
        assert rule.summary.strip(), f"{rule.code} has no summary"
