"""The rule decorator, the registry and the metadata every rule must carry."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from psed import Severity, Status
from psed.rules import Context, Hit, RuleError, all_rules, get_rule, help_url, rule, unregister

from .conftest import DOC


def _body(ctx: Context) -> Iterator[Hit]:
    yield from ()


def _with_doc(doc: str | None):  # type: ignore[no-untyped-def]
    def func(ctx: Context) -> Iterator[Hit]:
        yield from ()

    func.__doc__ = doc
    return func


@pytest.fixture
def cleanup() -> Iterator[list[str]]:
    codes: list[str] = []
    yield codes
    for code in codes:
        unregister(code)


def test_decorator_parses_the_docstring_and_returns_the_function(cleanup: list[str]) -> None:
    func = _with_doc(DOC.format(summary="A test rule that checks things."))
    cleanup.append("TST100")
    returned = rule(
        code="TST100",
        name="a-test-rule",
        severity="warning",
        status="submitted",
        references=["Equality Act 2010 s149(1)"],
    )(func)
    assert returned is func
    registered = get_rule("tst100")
    assert registered.check is func
    assert registered.summary == "A test rule that checks things."
    assert registered.what == "A test rule."
    assert registered.why.startswith("Tests need it")
    assert registered.fail_example == "name: x\n"
    assert registered.pass_example == "name: y\n"
    assert registered.severity is Severity.WARNING
    assert registered.status is Status.SUBMITTED
    assert registered.references == ("Equality Act 2010 s149(1)",)
    assert registered.help_url == "https://psed.readthedocs.io/en/latest/rules/#tst100"
    assert any(r.code == "TST100" for r in all_rules())
    assert not any(r.code == "TST100" for r in all_rules(builtin_only=True))


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("## What it checks", "'## What it checks'"),
        ("## Why it matters", "'## Why it matters'"),
        ("## Failing example", "'## Failing example'"),
        ("## Passing example", "'## Passing example'"),
    ],
)
def test_a_missing_section_is_a_clear_error(section: str, message: str) -> None:
    doc = DOC.format(summary="Summary.").replace(section, "## Something else")
    with pytest.raises(RuleError, match=re.escape(message)):
        rule(code="TST101", name="x", severity="error", status="draft", references=["r"])(
            _with_doc(doc)
        )
    with pytest.raises(KeyError):
        get_rule("TST101")


def test_missing_docstring_empty_section_and_missing_code_block() -> None:
    meta = {"code": "TST102", "name": "x", "severity": "error", "status": "draft"}
    with pytest.raises(RuleError, match="no docstring"):
        rule(**meta, references=["r"])(_with_doc(None))  # type: ignore[arg-type]
    empty = DOC.format(summary="S.").replace("A test rule.", "")
    with pytest.raises(RuleError, match="'## What it checks' section is empty"):
        rule(**meta, references=["r"])(_with_doc(empty))  # type: ignore[arg-type]
    no_fence = DOC.format(summary="S.").replace("```yaml\n    name: x\n    ```", "name: x")
    with pytest.raises(RuleError, match="needs a ```yaml code block"):
        rule(**meta, references=["r"])(_with_doc(no_fence))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"name": "Not_Kebab"}, "not kebab-case"),
        ({"name": "trailing-"}, "not kebab-case"),
        ({"severity": "fatal"}, "severity 'fatal' is not one of error, warning, info"),
        ({"status": "final"}, "status 'final' is not one of draft, submitted, approved"),
        ({"references": []}, "at least one legal or guidance reference"),
        ({"code": "psed1"}, "is not valid"),
    ],
)
def test_bad_metadata_is_refused(meta: dict[str, object], message: str) -> None:
    kwargs: dict[str, object] = {
        "code": "TST103",
        "name": "good-name",
        "severity": "error",
        "status": "draft",
        "references": ["Equality Act 2010 s149(1)"],
    }
    kwargs.update(meta)
    with pytest.raises(RuleError, match=re.escape(message)):
        rule(**kwargs)(_with_doc(DOC.format(summary="S.")))  # type: ignore[arg-type]
    assert not any(r.code == "TST103" for r in all_rules())


def test_codes_are_never_reused(cleanup: list[str]) -> None:
    doc = DOC.format(summary="S.")
    cleanup.append("TST104")
    rule(code="TST104", name="first-rule", severity="error", status="draft", references=["r"])(
        _with_doc(doc)
    )
    with pytest.raises(RuleError, match="TST104 is already registered"):
        rule(code="TST104", name="second-rule", severity="error", status="draft", references=["r"])(
            _with_doc(doc)
        )
    # Same code, other name: refused even with replace=True.
    with pytest.raises(RuleError, match="already registered"):
        rule(
            code="TST104",
            name="second-rule",
            severity="error",
            status="draft",
            references=["r"],
            replace=True,
        )(_with_doc(doc))
    # Built-in codes cannot be taken either.
    with pytest.raises(RuleError, match="rule code PSED101 is already registered"):
        rule(code="PSED101", name="x-y", severity="error", status="draft", references=["r"])(
            _with_doc(doc)
        )


def test_replace_true_redefines_the_same_rule(cleanup: list[str]) -> None:
    doc = DOC.format(summary="S.")
    cleanup.append("TST105")
    first = _with_doc(doc)
    second = _with_doc(doc)
    meta = {"code": "TST105", "name": "same-rule", "status": "draft", "references": ["r"]}
    rule(**meta, severity="error", replace=True)(first)  # type: ignore[arg-type]
    rule(**meta, severity="warning", replace=True)(second)  # type: ignore[arg-type]
    assert get_rule("TST105").check is second
    assert get_rule("TST105").severity is Severity.WARNING


def test_names_are_unique(cleanup: list[str]) -> None:
    with pytest.raises(RuleError, match="already used by PSED901"):
        rule(
            code="TST106",
            name="waiver-without-reason",
            severity="error",
            status="draft",
            references=["r"],
        )(_with_doc(DOC.format(summary="S.")))


def test_get_rule_unknown_code() -> None:
    with pytest.raises(KeyError, match="no rule has the code 'NOPE001'"):
        get_rule("NOPE001")


def test_help_url_uses_the_lower_case_code_as_anchor() -> None:
    assert help_url("PSED201") == "https://psed.readthedocs.io/en/latest/rules/#psed201"


def test_structural_and_waiver_codes_are_documented_entries() -> None:
    codes = {r.code: r for r in all_rules()}
    for code in ("PSED001", "PSED002", "PSED003", "PSED004", "PSED005", "PSED006", "PSED007"):
        assert codes[code].check is None
        assert codes[code].severity is Severity.ERROR
    assert codes["PSED005"].name == "unknown-field"
    assert codes["PSED901"].check is not None
    assert codes["PSED902"].check is not None
    assert codes["PSED903"].check is None


KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@pytest.mark.parametrize("registered", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_complete_metadata(registered: object) -> None:
    from psed.rules import Rule

    assert isinstance(registered, Rule)
    assert KEBAB.match(registered.name), registered.name
    assert registered.references
    assert all(ref.strip() for ref in registered.references)
    for field in ("summary", "what", "why", "fail_example", "pass_example"):
        assert getattr(registered, field).strip(), f"{registered.code}.{field} is empty"
    assert "\n" not in registered.summary


def test_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


def test_builtin_catalogue_codes() -> None:
    builtin = {r.code for r in all_rules(builtin_only=True)}
    assert {"PSED001", "PSED007", "PSED901", "PSED902", "PSED903"} <= builtin
    assert all(code.startswith("PSED") for code in builtin)
