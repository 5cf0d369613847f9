"""psed.audit as a Python API: rows, completeness and portfolio totals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import psed
import psed.audit
from psed.audit import AuditTotals

from .conftest import EXAMPLES

AS_OF = dt.date(2026, 11, 26)


def test_audit_of_the_examples() -> None:
    result = psed.audit.audit(str(EXAMPLES), as_of=AS_OF)
    rows = {Path(r.path).name: r for r in result.rows}
    assert list(rows) == sorted(rows)
    seed = rows["customer-access-strategy.yaml"]
    assert seed.framework == "esia"
    assert seed.status is psed.Status.APPROVED
    # One sentence pasted for eight characteristics (PSED501) is no reason, and
    # community safety is "N/A" (PSED601): only age, disability and poverty count.
    assert seed.not_assessed == (
        "gender_reassignment",
        "marriage_civil_partnership",
        "pregnancy_maternity",
        "race",
        "religion_belief",
        "sex",
        "sexual_orientation",
        "community_safety",
        "health_wellbeing",
    )
    assert seed.required == 12
    assert seed.assessed == 3
    assert seed.completeness == 3 / 12
    assert not seed.ok
    assert seed.errors == 2
    assert "PSED601" in seed.codes
    ni = rows["leisure-pricing-ni-s75.yaml"]
    assert ni.signoffs_expected == ("responsible", "approver")
    assert ni.signoffs_present == ("responsible",)
    totals = result.totals
    assert totals.documents == len(list(EXAMPLES.glob("*.yaml")))
    assert totals.unreadable == 0
    assert totals.failing == sum(not r.ok for r in result.rows)
    assert totals.rule_documents["PSED203"] == sum("PSED203" in r.codes for r in result.rows)
    assert dict(totals.most_common_gaps())["community_safety"] == 1
    assert dict(totals.most_common_gaps())["sex"] == 2


def test_audit_counts_and_lists_unreadable_files(broken_folder: Path) -> None:
    result = psed.audit.audit([str(broken_folder)], as_of=AS_OF, jobs=2)
    assert result.totals.documents == 6 + len(list(EXAMPLES.glob("*.yaml")))
    assert result.totals.unreadable == 6
    assert [Path(p).name for p in result.totals.unreadable_paths] == [
        "a-invalid.yaml",
        "b-binary.json",
        "c-empty.yaml",
        "d-list.yaml",
        "e-latin1.yaml",
        "f-bad.json",
    ]
    for row in result.rows[:6]:
        assert not row.readable
        assert row.completeness is None
        assert row.codes == ("PSED001",)


def test_status_override_changes_findings_not_the_row_status() -> None:
    ni = str(EXAMPLES / "leisure-pricing-ni-s75.yaml")
    draft = psed.audit.audit(ni, as_of=AS_OF).rows[0]
    approved = psed.audit.audit(ni, as_of=AS_OF, status="approved").rows[0]
    assert draft.status is approved.status is psed.Status.DRAFT
    assert draft.errors == 0 < approved.errors


def test_totals_order_most_common_first() -> None:
    totals = AuditTotals()
    totals.rule_documents.update({"PSED2": 1, "PSED1": 3, "PSED0": 1})
    totals.rule_findings.update({"PSED1": 5, "PSED2": 1, "PSED0": 2})
    assert totals.most_common_rules() == [("PSED1", 3, 5), ("PSED0", 1, 2), ("PSED2", 1, 1)]
