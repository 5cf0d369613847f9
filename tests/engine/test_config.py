"""Configuration: selection, severities, fail level, frameworks, files and discovery."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import psed
from psed import Config, ConfigError, Severity, find_config, load_config
from psed.rules import Context

from .conftest import AS_OF, complete_proposal, hits_at

Make = Callable[..., Callable[[Callable[[Context], object]], object]]


@pytest.mark.parametrize(
    ("select", "ignore", "code", "runs"),
    [
        (None, (), "PSED501", True),
        (None, ("PSED5",), "PSED501", False),
        (None, ("PSED5",), "PSED601", True),
        (("PSED5",), (), "PSED601", False),
        (("PSED5",), ("PSED501",), "PSED501", False),  # ignore more specific: wins
        (("PSED5",), ("PSED501",), "PSED502", True),
        (("PSED501",), ("PSED5",), "PSED501", True),  # select more specific: wins
        (("PSED501",), ("PSED501",), "PSED501", False),  # equally specific: ignore wins
        (("ALL",), ("PSED",), "PSED501", False),
        (("PSED",), ("ALL",), "PSED501", True),
        (None, ("ALL",), "PSED501", False),
        (("psed1",), (), "PSED101", True),  # case-insensitive
    ],
)
def test_selection_most_specific_wins(
    select: tuple[str, ...] | None, ignore: tuple[str, ...], code: str, runs: bool
) -> None:
    assert Config(select=select, ignore=ignore).is_selected(code) is runs


def test_selectors_are_validated() -> None:
    with pytest.raises(ConfigError, match="not a rule code or prefix"):
        Config(select=["PSED 5"])


def test_severity_overrides_longest_prefix_wins() -> None:
    config = Config(severity={"PSED5": "error", "PSED502": "info"})
    assert config.severity_for("PSED501", Severity.WARNING) is Severity.ERROR
    assert config.severity_for("PSED502", Severity.WARNING) is Severity.INFO
    assert config.severity_for("PSED601", Severity.ERROR) is Severity.ERROR
    assert hash(config) == hash(Config(severity={"PSED502": "info", "PSED5": "error"}))


def test_config_drives_check(temporary_rule: Make) -> None:
    temporary_rule("TST301", severity="warning")(hits_at("/name"))
    temporary_rule("TST302", severity="warning")(hits_at("/description"))
    proposal = complete_proposal()
    base = psed.check(proposal, as_of=AS_OF, config=Config(select=["TST"]))
    assert base.codes() == ["TST301", "TST302"]
    assert base.ok
    ignored = psed.check(proposal, as_of=AS_OF, config=Config(select=["TST"], ignore=["TST302"]))
    assert ignored.codes() == ["TST301"]
    upgraded = psed.check(
        proposal, as_of=AS_OF, config=Config(select=["TST"], severity={"TST301": "error"})
    )
    (finding,) = [f for f in upgraded.findings if f.code == "TST301"]
    assert finding.severity is Severity.ERROR
    assert finding.default_severity is Severity.WARNING
    assert not upgraded.ok
    strict = psed.check(proposal, as_of=AS_OF, config=Config(select=["TST"], fail_on="warning"))
    assert strict.fail_on is Severity.WARNING
    assert not strict.ok
    assert strict.to_dict()["fail_on"] == "warning"


def test_status_still_lowers_an_overridden_severity(temporary_rule: Make) -> None:
    temporary_rule("TST303", severity="warning", status="approved")(hits_at("/name"))
    report = psed.check(
        complete_proposal(), as_of=AS_OF, config=Config(severity={"TST303": "error"})
    )
    (finding,) = [f for f in report.findings if f.code == "TST303"]
    assert finding.severity is Severity.INFO


TOML = """
[tool.psed]
select = ["PSED"]
ignore = ["PSED5"]
fail-on = "warning"
severity = { PSED501 = "error", PSED108 = "info" }

[tool.psed.frameworks.county-esia]
base = "esia"
label = "County ESIA"
require = ["carers", "young_carers"]
signoffs = ["approver"]
duties = ["County equality policy 2024"]
community-safety = true

[tool.psed.frameworks.county-lite]
base = "county-esia"
signoffs = ["responsible", "approver"]

[[tool.psed.characteristics]]
code = "young_carers"
label = "Young carers"
description = "Children who care for a family member"
"""


def test_load_config_from_pyproject(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(TOML, encoding="utf-8")
    before = psed.default_catalogue()
    config = load_config(path)
    assert config.select == ("PSED",)
    assert config.ignore == ("PSED5",)
    assert config.fail_on is Severity.WARNING
    assert dict(config.severity) == {"PSED501": Severity.ERROR, "PSED108": Severity.INFO}
    assert config.source == str(path)
    (young,) = config.characteristics
    assert young.code == "young_carers"
    assert young.kind is psed.CharacteristicKind.LOCAL
    county, lite = config.frameworks
    assert county.id == "county-esia"
    assert county.label == "County ESIA"
    assert county.required[-2:] == ("carers", "young_carers")
    assert county.signoffs == ("approver",)
    assert county.community_safety
    assert "County equality policy 2024" in county.duties
    assert lite.required == county.required
    assert lite.signoffs == ("responsible", "approver")
    catalogue = config.catalogue()
    assert catalogue.framework("county-esia") == county
    assert catalogue.characteristic("young_carers") == young
    assert psed.default_catalogue() is before  # no global change


def test_a_config_framework_is_used_by_check(temporary_rule: Make, tmp_path: Path) -> None:
    path = tmp_path / "psed.toml"
    # An id no other test or docs page registers globally.
    text = TOML.replace("[tool.psed]\n", "").replace("tool.psed.", "")
    path.write_text(text.replace("county-esia", "engine-test-esia"), "utf-8")
    config = load_config(path)
    seen: list[str] = []

    def spy(ctx: Context):  # type: ignore[no-untyped-def]
        seen.append(ctx.framework.id)
        yield from ()

    temporary_rule("TST304")(spy)
    proposal = complete_proposal(framework="engine-test-esia")
    psed.check(
        proposal,
        as_of=AS_OF,
        config=Config(frameworks=config.frameworks, characteristics=config.characteristics),
    )
    psed.check(proposal, as_of=AS_OF)
    assert seen == ["engine-test-esia", "psed"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"fail_on": "error"}, "tool.psed.fail_on: unknown key; did you mean 'fail-on'?"),
        ({"colour": 1}, "tool.psed.colour: unknown key; use one of select"),
        ({"select": "PSED1"}, "tool.psed.select: expected a list of text"),
        ({"select": ["PSED 1"]}, "tool.psed.select: rule selector 'PSED 1' is not a rule code"),
        ({"ignore": ["ZZZ9"]}, "tool.psed.ignore: 'ZZZ9' matches no rule"),
        ({"fail-on": "fatal"}, "tool.psed.fail-on: severity 'fatal' is not one of"),
        ({"severity": {"PSED501": "loud"}}, "tool.psed.severity.PSED501: severity 'loud'"),
        ({"severity": ["PSED501"]}, "tool.psed.severity: expected a table"),
        (
            {"frameworks": {"x": {"base": "nope"}}},
            "tool.psed.frameworks.x: framework 'x': base 'nope' is not registered",
        ),
        (
            {"frameworks": {"x": {"require": ["nobody"]}}},
            "tool.psed.frameworks.x: framework 'x' requires unknown characteristic 'nobody'",
        ),
        (
            {"frameworks": {"x": {"signoffs": ["mayor"]}}},
            "tool.psed.frameworks.x: framework 'x': unknown sign-off 'mayor'",
        ),
        (
            {"frameworks": {"x": {"community_safety": True}}},
            "tool.psed.frameworks.x.community_safety: unknown key; did you mean",
        ),
        (
            {"frameworks": {"x": {"community-safety": "yes"}}},
            "tool.psed.frameworks.x.community-safety: expected true or false",
        ),
        (
            {"frameworks": {"a": {"base": "b"}, "b": {"base": "a"}}},
            "tool.psed.frameworks: the frameworks a, b name each other as base",
        ),
        (
            {"frameworks": {"esia": {"require": ["carers"]}}},
            "framework 'esia' is built in and cannot be redefined",
        ),
        ({"characteristics": [{"label": "X"}]}, "characteristics[0].code: missing"),
        ({"characteristics": [{"code": "Bad Code", "label": "X"}]}, "is not lower_snake_case"),
        ({"characteristics": [{"code": "x"}]}, "tool.psed.characteristics[0].label: missing"),
        (
            {"characteristics": [{"code": "x", "label": "X", "kind": "protected"}]},
            "characteristics[0].kind: 'protected' is not allowed",
        ),
        (
            {"characteristics": [{"code": "age", "label": "Years"}]},
            "characteristic 'age' is built in and cannot be redefined",
        ),
        ({"characteristics": {"code": "x"}}, "expected an array of tables"),
    ],
)
def test_config_errors_name_the_key_and_say_what_to_do(
    table: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        Config.from_mapping(table, source="pyproject.toml", prefix="tool.psed")


def test_config_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "psed.toml")
    bad = tmp_path / "psed.toml"
    bad.write_text("select = [", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"psed.toml: not valid TOML"):
        load_config(bad)
    wrong = tmp_path / "other.toml"
    wrong.write_text('fail-on = "loud"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"other.toml: fail-on: severity 'loud'"):
        load_config(wrong)


def test_pyproject_without_a_psed_table_is_the_default(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(path) == Config()


def test_find_config_searches_upward(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) is None or not str(find_config(deep)).startswith(str(tmp_path))
    (tmp_path / "pyproject.toml").write_text("[tool.psed]\n", encoding="utf-8")
    assert find_config(deep) == tmp_path / "pyproject.toml"
    # A pyproject.toml without [tool.psed] is skipped.
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert find_config(deep) == tmp_path / "pyproject.toml"
    # psed.toml comes before pyproject.toml in the same folder, and nearer wins.
    (tmp_path / "psed.toml").write_text("", encoding="utf-8")
    assert find_config(deep) == tmp_path / "psed.toml"
    (tmp_path / "a" / "b" / "pyproject.toml").write_text("[tool.psed]\nselect=['PSED']\n", "utf-8")
    assert find_config(deep) == tmp_path / "a" / "b" / "pyproject.toml"
    # A file path starts the search in its folder.
    document = deep / "doc.yaml"
    document.write_text("name: x\n", encoding="utf-8")
    assert find_config(document) == tmp_path / "a" / "b" / "pyproject.toml"
    assert load_config(find_config(document)).select == ("PSED",)  # type: ignore[arg-type]
