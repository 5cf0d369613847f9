"""Waivers of portfolio rules: judged by the audit, the only place those rules run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import psed
import psed.audit

AS_OF = dt.date(2026, 11, 26)
WAIVER = (
    "waivers:\n"
    "  - rule: PSED702\n"
    "    reason: Two records of one proposal, kept until the old system is closed\n"
    "    approved_by: Head of Policy\n"
)


def _write(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_a_waiver_that_matches_waives_the_portfolio_finding(tmp_path: Path) -> None:
    _write(
        tmp_path / "estate",
        {"a.yaml": "id: X-1\nname: One\n" + WAIVER, "b.yaml": "id: X-1\nname: Two\n"},
    )
    rows = {
        Path(r.path).name: r for r in psed.audit.audit(str(tmp_path / "estate"), as_of=AS_OF).rows
    }
    (waived,) = rows["a.yaml"].portfolio
    assert waived.code == "PSED702"
    assert waived.waived == "Two records of one proposal, kept until the old system is closed"
    assert "PSED702" not in rows["a.yaml"].codes  # codes are of unwaived findings
    assert rows["a.yaml"].waived >= 1
    assert [f.waived for f in rows["b.yaml"].portfolio] == [None]


def test_a_waiver_that_matches_nothing_is_reported_by_the_audit_not_by_check(
    tmp_path: Path,
) -> None:
    text = "id: X-1\nname: One\nstatus: approved\n" + WAIVER
    _write(tmp_path / "estate", {"a.yaml": text, "b.yaml": "id: X-2\nname: Two\n"})
    assert "PSED903" not in psed.validate(text, as_of=AS_OF).codes()
    (row, _) = psed.audit.audit(str(tmp_path / "estate"), as_of=AS_OF).rows
    (unused,) = row.portfolio
    assert (unused.code, unused.pointer) == ("PSED903", "/waivers/0")
    assert "matched no finding in this audit" in unused.message
    assert "PSED903" in row.codes


def test_configuration_selects_and_weights_portfolio_rules(tmp_path: Path) -> None:
    _write(
        tmp_path / "estate", {"a.yaml": "id: X-1\nname: One\n", "b.yaml": "id: X-1\nname: Two\n"}
    )
    ignored = psed.audit.audit(
        str(tmp_path / "estate"), as_of=AS_OF, config=psed.Config(ignore=["PSED7"])
    )
    assert all(r.portfolio == () for r in ignored.rows)
    lowered = psed.audit.audit(
        str(tmp_path / "estate"), as_of=AS_OF, config=psed.Config(severity={"PSED702": "warning"})
    )
    assert {f.severity.value for r in lowered.rows for f in r.portfolio} == {"warning"}


def test_findings_cite_the_law_of_each_documents_framework(tmp_path: Path) -> None:
    _write(
        tmp_path / "estate",
        {
            "a.yaml": "id: X-1\nname: One\nframework: psed\n",
            "b.yaml": "id: X-1\nname: Two\nframework: ni-s75\n",
        },
    )
    rows = {
        Path(r.path).name: r for r in psed.audit.audit(str(tmp_path / "estate"), as_of=AS_OF).rows
    }
    (england,) = rows["a.yaml"].portfolio
    (northern_ireland,) = rows["b.yaml"].portfolio
    assert any("Equality Act 2010 s149" in ref for ref in england.references)
    assert not any("Northern Ireland" in ref for ref in england.references)
    assert any("Northern Ireland Act 1998 s75" in ref for ref in northern_ireland.references)
    assert not any("Equality Act 2010" in ref for ref in northern_ireland.references)
