"""Thresholds (min-consultation-days, max-evidence-age-years) and a hit's own severity."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import psed
from psed import Config, ConfigError, Severity, Thresholds, load_config
from psed.rules import Context, Hit

from .conftest import AS_OF, complete_proposal

Make = Callable[..., Callable[[Callable[[Context], object]], object]]


def test_defaults_are_28_days_and_5_years() -> None:
    config = Config()
    assert config.thresholds == Thresholds(min_consultation_days=28, max_evidence_age_years=5)
    assert config.thresholds_for("ni-s75") == config.thresholds


def test_per_framework_keys_inherit_the_top_level_ones() -> None:
    config = Config.from_mapping(
        {
            "min-consultation-days": 42,
            "max-evidence-age-years": 4,
            "per-framework": {"ni-s75": {"min-consultation-days": 84}, "wales": {}},
        }
    )
    assert config.thresholds == Thresholds(min_consultation_days=42, max_evidence_age_years=4)
    assert config.thresholds_for("ni-s75") == Thresholds(
        min_consultation_days=84, max_evidence_age_years=4
    )
    assert config.thresholds_for("wales") == config.thresholds
    assert config.thresholds_for("psed") == config.thresholds


def test_per_framework_may_name_a_framework_of_the_same_table() -> None:
    config = Config.from_mapping(
        {
            "frameworks": {"county-esia": {"base": "esia"}},
            "per-framework": {"county-esia": {"max-evidence-age-years": 3}},
        }
    )
    assert config.thresholds_for("county-esia").max_evidence_age_years == 3
    assert config.thresholds_for("esia").max_evidence_age_years == 5


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            {"min-consultation-days": 0},
            "tool.psed.min-consultation-days: expected a whole number from 1 to 365, got 0",
        ),
        (
            {"min-consultation-days": 366},
            "tool.psed.min-consultation-days: expected a whole number from 1 to 365, got 366",
        ),
        (
            {"max-evidence-age-years": 51},
            "tool.psed.max-evidence-age-years: expected a whole number from 1 to 50, got 51",
        ),
        (
            {"max-evidence-age-years": True},
            "tool.psed.max-evidence-age-years: expected a whole number from 1 to 50, got True",
        ),
        (
            {"min-consultation-days": 28.0},
            "tool.psed.min-consultation-days: expected a whole number from 1 to 365, got 28.0",
        ),
        (
            {"per-framework": {"ni-75": {}}},
            "tool.psed.per-framework.ni-75: no framework has the id 'ni-75'; "
            "did you mean 'ni-s75'?",
        ),
        (
            {"per-framework": {"psed": {"min_consultation_days": 3}}},
            "tool.psed.per-framework.psed.min_consultation_days: unknown key; "
            "did you mean 'min-consultation-days'?",
        ),
        (
            {"per-framework": {"psed": {"max-evidence-age-years": 0}}},
            "tool.psed.per-framework.psed.max-evidence-age-years: expected a whole number "
            "from 1 to 50, got 0",
        ),
        ({"per-framework": {"psed": 5}}, "tool.psed.per-framework.psed: expected a table"),
        ({"per-framework": [1]}, "tool.psed.per-framework: expected a table"),
        ({"min_consultation_days": 28}, "did you mean 'min-consultation-days'?"),
    ],
)
def test_bad_thresholds_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        Config.from_mapping(table, source="pyproject.toml", prefix="tool.psed")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("min_consultation_days", 0),
        ("min_consultation_days", 366),
        ("max_evidence_age_years", 0),
        ("max_evidence_age_years", 51),
        ("max_evidence_age_years", True),
        ("min_consultation_days", "28"),
    ],
)
def test_thresholds_in_python_are_checked_too(field: str, value: object) -> None:
    with pytest.raises(ConfigError, match=f"{field} must be a whole number"):
        Thresholds(**{field: value})  # type: ignore[arg-type]


def test_framework_thresholds_must_be_thresholds() -> None:
    with pytest.raises(ConfigError, match="maps a framework id to a Thresholds object"):
        Config(framework_thresholds={"psed": 28})  # type: ignore[arg-type]
    config = Config(framework_thresholds=[("wales", Thresholds(max_evidence_age_years=3))])
    assert config.framework_thresholds == (("wales", Thresholds(max_evidence_age_years=3)),)
    assert hash(config) == hash(
        Config(framework_thresholds={"wales": Thresholds(max_evidence_age_years=3)})
    )


def test_thresholds_from_a_pyproject(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        "[tool.psed]\nmin-consultation-days = 56\n\n"
        "[tool.psed.per-framework.ni-s75]\nmax-evidence-age-years = 3\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.thresholds_for("psed") == Thresholds(min_consultation_days=56)
    assert config.thresholds_for("ni-s75") == Thresholds(
        min_consultation_days=56, max_evidence_age_years=3
    )


@settings(max_examples=100)
@given(
    st.integers(min_value=1, max_value=365),
    st.integers(min_value=1, max_value=50),
    st.sampled_from(sorted(psed.BUILTIN_FRAMEWORKS)),
)
def test_table_and_python_agree(days: int, years: int, framework: str) -> None:
    table = Config.from_mapping(
        {
            "per-framework": {
                framework: {"min-consultation-days": days, "max-evidence-age-years": years}
            }
        }
    )
    python = Config(
        framework_thresholds={
            framework: Thresholds(min_consultation_days=days, max_evidence_age_years=years)
        }
    )
    assert table == python
    assert table.thresholds_for(framework) == python.thresholds_for(framework)


def test_rules_see_the_thresholds_of_the_document_framework(temporary_rule: Make) -> None:
    seen: list[Thresholds] = []

    @temporary_rule("TST411")
    def record(ctx: Context) -> Iterator[Hit]:
        seen.append(ctx.thresholds)
        return iter(())

    config = Config(framework_thresholds={"esia": Thresholds(min_consultation_days=60)})
    psed.check(complete_proposal(), as_of=AS_OF, config=config)
    psed.check(complete_proposal(framework="esia"), as_of=AS_OF, config=config)
    psed.check(complete_proposal(framework="no-such-framework"), as_of=AS_OF, config=config)
    assert [t.min_consultation_days for t in seen] == [28, 60, 28]


def test_a_hit_may_carry_the_rule_severity_for_this_document(temporary_rule: Make) -> None:
    @temporary_rule("TST409", severity="warning", status="submitted")
    def escalate(ctx: Context) -> Iterator[Hit]:
        yield Hit("/evidence", "plain")
        yield Hit("/impacts", "escalated", severity=Severity.ERROR)

    def graded(
        config: Config | None = None, status: str | None = None
    ) -> list[tuple[str, str, str]]:
        report = psed.check(complete_proposal(), as_of=AS_OF, config=config, status=status)
        return [
            (f.message, f.severity.value, f.default_severity.value)
            for f in report.findings
            if f.code == "TST409"
        ]

    assert graded() == [("plain", "warning", "warning"), ("escalated", "error", "error")]
    # Below the rule's status every hit is info, escalated or not.
    assert graded(status="draft") == [("plain", "info", "warning"), ("escalated", "info", "error")]
    # A configured severity for the code wins over the hit's own.
    overridden = Config(severity={"TST409": "info"})
    assert graded(overridden) == [("plain", "info", "warning"), ("escalated", "info", "error")]
