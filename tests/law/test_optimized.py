"""psed imports, checks and explains under ``python -OO`` (which removes every docstring)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = """
import datetime, psed
from psed.rules import get_rule
proposal = psed.load("examples/customer-access-strategy.yaml")
report = psed.check(proposal, as_of=datetime.date(2026, 11, 26))
codes = sorted({f.code for f in report.findings})
assert "PSED601" in codes and "PSED501" in codes, codes
assert report.law_date == datetime.date(2021, 11, 18), report.law_date
rule = get_rule("PSED101")
assert "-OO" in rule.summary and rule.help_url in rule.what, rule.what
assert psed.validate({"name": "x"}, as_of=datetime.date(2026, 11, 26)).findings
print("ok", len(report.findings))
"""


def test_psed_imports_and_checks_under_python_OO() -> None:
    done = subprocess.run(
        [sys.executable, "-OO", "-c", PROGRAM],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok "), done.stdout


def test_without_OO_a_rule_without_a_docstring_is_still_refused() -> None:
    from collections.abc import Iterator

    import pytest

    from psed.rules import Context, Hit, RuleError, rule

    with pytest.raises(RuleError, match="no docstring"):

        @rule(code="TSTOO001", name="no-doc", severity="info", status="draft", references=["r"])
        def no_doc(ctx: Context) -> Iterator[Hit]:
            yield from ()
