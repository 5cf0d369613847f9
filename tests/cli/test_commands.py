"""The commands run in-process through ``psed.cli.main``: fast checks of behaviour and errors."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import psed
from psed import cli
from psed._files import discover

from .conftest import AS_OF, EXAMPLES


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ------------------------------------------------------------------ discovery


def test_discover_recurses_sorted_skips_hidden_and_dedups(tmp_path: Path) -> None:
    for rel in ["b.yaml", "a/z.json", "a-b/x.yml", "a/.h.yaml", ".git/c.yaml", "n.txt", "U.YAML"]:
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("name: x\n")
    explicit = str(tmp_path / "n.txt")
    found = list(discover([str(tmp_path), explicit, str(tmp_path / "b.yaml"), "-"]))
    names = [Path(p).relative_to(tmp_path).as_posix() if p != "-" else p for p in found]
    assert names == ["U.YAML", "a/z.json", "a-b/x.yml", "b.yaml", "n.txt", "-"]


def test_discover_keeps_missing_paths_for_a_psed001(capsys: pytest.CaptureFixture[str]) -> None:
    assert list(discover(["nope.yaml"])) == ["nope.yaml"]
    code, out, _ = run(capsys, "check", "nope.yaml", str(EXAMPLES / "garden-waste-charge.yaml"))
    assert code == 2
    assert out.startswith("nope.yaml:/: PSED001 [error] The file does not exist")
    assert "2 files checked" in out.splitlines()[-1]


# ------------------------------------------------------------------ check


def test_check_clean_example_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "check", str(EXAMPLES / "garden-waste-charge.yaml"), "--as-of", AS_OF
    )
    assert (code, err) == (0, "")
    assert (
        out.splitlines()[-1] == "1 file checked: 0 errors, 0 warnings, 0 info, 0 waived (all pass)"
    )


def test_fail_on_and_select_change_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    wales = str(EXAMPLES / "library-service-review-wales.yaml")
    assert run(capsys, "check", wales, "--as-of", AS_OF)[0] == 0
    code, out, _ = run(capsys, "check", wales, "--as-of", AS_OF, "--fail-on", "warning")
    assert code == 1
    code, out, _ = run(
        capsys, "check", wales, "--as-of", AS_OF, "--fail-on", "warning", "--ignore", "psed1,PSED2"
    )
    assert code == 0, out
    assert "PSED105" not in out
    assert "PSED203" not in out
    code, out, _ = run(capsys, "check", wales, "--as-of", AS_OF, "--select", "PSED105")
    # path:line:column: pointer: CODE [severity] message
    found = [(line, re.search(r" (PSED\d{3}) \[", line)) for line in out.splitlines()[:-1]]
    codes = {m[1] if m else line for line, m in found}
    assert codes == {"PSED105"}


def test_status_override_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    ni = str(EXAMPLES / "leisure-pricing-ni-s75.yaml")
    code, out, _ = run(capsys, "check", ni, "--as-of", AS_OF, "--format", "json")
    assert code == 0
    draft = json.loads(out)
    assert draft["status"] is None
    assert draft["files"][0]["status"] == "draft"
    code, out, _ = run(
        capsys, "check", ni, "--as-of", AS_OF, "--format", "json", "--status", "approved"
    )
    approved = json.loads(out)
    assert code == 1
    assert approved["status"] == "approved"
    assert approved["files"][0]["status"] == "approved"
    assert approved["files"][0]["framework"] == "ni-s75"
    assert approved["totals"]["counts"]["error"] > 0


def test_config_is_found_upward_and_flags_override_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "psed.toml").write_text('ignore = ["PSED5"]\nfail-on = "warning"\n')
    inner = tmp_path / "team" / "docs"
    inner.mkdir(parents=True)
    seed = EXAMPLES / "customer-access-strategy.yaml"
    (inner / "cas.yaml").write_bytes(seed.read_bytes())
    monkeypatch.chdir(inner)
    code, out, _ = run(capsys, "check", "cas.yaml", "--as-of", AS_OF)
    assert code == 1
    assert "PSED501" not in out
    code, out, _ = run(capsys, "check", "cas.yaml", "--as-of", AS_OF, "--ignore", "PSED4")
    assert "PSED501" in out
    assert "PSED402" not in out
    (tmp_path / "psed.toml").write_text("fail-on = 3\n")
    code, _, err = run(capsys, "check", "cas.yaml")
    assert code == 2
    assert err.startswith("psed check: error: configuration:")
    assert "fail-on" in err
    code, _, err = run(capsys, "check", "cas.yaml", "--config", "missing.toml")
    assert code == 2
    assert "missing.toml" in err


def test_configured_size_limit_applies_to_files_and_stdin(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (EXAMPLES / "garden-waste-charge.yaml").read_bytes()
    (tmp_path / "garden.yaml").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    # a limit below the file's size: the file is unreadable, with the limit named
    (tmp_path / "psed.toml").write_text(f"max-bytes = {len(data) - 1}\n")
    code, out, _ = run(capsys, "check", "garden.yaml", "--as-of", AS_OF)
    assert code == 2
    assert "PSED001" in out
    assert f"{len(data) - 1:,} bytes" in out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "check", "-", "--as-of", AS_OF)
    assert code == 2
    assert "PSED001" in out
    # exactly at the limit, both are read whole and pass
    (tmp_path / "psed.toml").write_text(f"max-bytes = {len(data)}\n")
    code, out, _ = run(capsys, "check", "garden.yaml", "--as-of", AS_OF)
    assert code == 0, out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "check", "-", "--as-of", AS_OF)
    assert code == 0, out


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = (EXAMPLES / "garden-waste-charge.yaml").read_bytes()
    fake = io.TextIOWrapper(io.BytesIO(data))
    monkeypatch.setattr("sys.stdin", fake)
    code, out, _ = run(capsys, "check", "-", "--as-of", AS_OF)
    assert code == 0
    assert out.startswith("1 file checked")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check"], "the following arguments are required: PATH"),
        (["check", "x.yaml", "--as-of", "26/11/2026"], "YYYY-MM-DD"),
        (["check", "x.yaml", "--format", "xml"], "invalid choice: 'xml'"),
        (["check", "x.yaml", "--select", "PSED-1"], "not a rule code"),
        (["check", "x.yaml", "--jobs", "-3"], "not a number of processes"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["check", "x.yaml", "--colour"], "unrecognized arguments: --colour"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], needle: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err + out


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 2
    assert "commands:" in out


def test_every_command_has_help_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ["check", "rules", "explain", "schema", "new", "audit"]:
        code, out, _ = run(capsys, command, "--help")
        assert code == 0
        assert "examples:" in out
        assert f"psed {command}" in out.split("examples:")[1]
    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (0, f"psed {psed.__version__}")


def test_internal_errors_are_one_line_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: Any, **__: Any) -> Any:
        raise RuntimeError("kaput")

    monkeypatch.setattr(cli, "_cmd_rules", boom)
    code, _, err = run(capsys, "rules")
    assert code == 2
    assert err == "psed: internal error: RuntimeError: kaput; please report it\n"


def test_keyboard_interrupt_exits_130_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_: Any, **__: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_cmd_rules", interrupted)
    assert run(capsys, "rules") == (130, "", "")


# ------------------------------------------------------------------ rules, explain, schema


def test_rules_in_three_formats(capsys: pytest.CaptureFixture[str]) -> None:
    from psed.rules import all_rules

    codes = sorted(r.code for r in all_rules())
    _, text, _ = run(capsys, "rules")
    header, *rows = text.splitlines()
    assert header.split() == ["code", "name", "severity", "from", "what", "it", "reports"]
    assert [line.split()[0] for line in rows] == codes
    psed201 = next(line for line in rows if line.startswith("PSED201 "))
    rule = next(r for r in all_rules() if r.code == "PSED201")
    assert psed201.split()[1:4] == [rule.name, str(rule.severity), str(rule.status)]
    assert header.index("name") == psed201.index("negative")  # columns line up
    _, out, _ = run(capsys, "rules", "--format", "json")
    listed = json.loads(out)
    assert [r["code"] for r in listed] == codes
    assert listed[0]["help_url"].endswith("#" + codes[0].lower())
    _, md, _ = run(capsys, "rules", "--format", "markdown")
    assert md.count("\n") == len(codes) + 2
    assert "| [PSED201](" in md


def test_explain_prints_the_rule_documentation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "psed601")
    assert code == 0
    assert out.startswith("PSED601 community-safety-not-considered\n")
    for heading in ("What it checks", "Why it matters", "Failing example", "Passing example"):
        assert f"\n{heading}\n" in out
    assert "Crime and Disorder Act 1998 s17" in out
    assert run(capsys, "explain", "self-approval")[1].startswith("PSED306 ")


@pytest.mark.parametrize(("typo", "hint"), [("PSED2O1", "PSED201"), ("self-aproval", "PSED306")])
def test_explain_unknown_code_suggests_the_nearest(
    capsys: pytest.CaptureFixture[str], typo: str, hint: str
) -> None:
    code, out, err = run(capsys, "explain", typo)
    assert code == 2
    assert out == ""
    assert "did you mean" in err
    assert hint in err
    assert len(err.splitlines()) == 1


def test_schema_document_and_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "--framework", "esia")
    assert code == 0
    assert json.loads(out) == json.loads(json.dumps(psed.json_schema(framework="esia")))
    code, out, _ = run(capsys, "schema", "--report")
    assert json.loads(out)["title"].startswith("psed JSON report")
    code, _, err = run(capsys, "schema", "--framework", "essia")
    assert code == 2
    assert "did you mean esia" in err


# ------------------------------------------------------------------ new


@pytest.mark.parametrize("framework", ["psed", "esia", "wales", "scotland", "ni-s75"])
def test_new_document_reads_without_structural_findings(
    capsys: pytest.CaptureFixture[str], framework: str
) -> None:
    code, out, _ = run(capsys, "new", "--framework", framework, "--status", "submitted")
    assert code == 0
    payload = yaml.safe_load(out)
    proposal, findings = psed.read(payload)
    assert findings == []
    assert proposal is not None
    fw = psed.default_catalogue().framework(framework)
    assert fw is not None
    assert [e.characteristic.code for e in proposal.impacts] == list(fw.required)
    assert all(e.impact is psed.Impact.UNKNOWN for e in proposal.impacts)
    assert proposal.status is psed.Status.SUBMITTED
    for slot in ("responsible", "approver"):
        assert (getattr(proposal, slot) is not None) == (slot in fw.signoffs)
    report = psed.validate(out, as_of=datetime.date(2026, 1, 1))
    assert "PSED103" in report.codes()
    assert not {"PSED002", "PSED003", "PSED005"} & set(report.codes())


def test_new_writes_a_file_only_when_asked_and_never_overwrites(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "a.yaml"
    code, out, err = run(capsys, "new", "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_text().splitlines()[1].startswith("# A new impact assessment")
    code, _, err = run(capsys, "new", "-o", str(target))
    assert code == 2
    assert "already exists" in err


# ------------------------------------------------------------------ audit


def test_audit_csv_rows(capsys: pytest.CaptureFixture[str], broken_folder: Path) -> None:
    code, out, _ = run(capsys, "audit", str(broken_folder), "--as-of", AS_OF, "--format", "csv")
    assert code == 2  # some files could not be read
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 6 + len(list(EXAMPLES.glob("*.yaml")))
    unreadable = [r for r in rows if r["readable"] == "false"]
    assert len(unreadable) == 6
    assert all(r["completeness"] == "" for r in unreadable)
    garden = next(r for r in rows if r["path"].endswith("z-garden-waste-charge.yaml"))
    assert garden["completeness"] == "1.0"
    assert garden["signoffs_present"] == "responsible approver"
    assert garden["review_date"] == "2027-02-24"


def test_csv_cells_are_safe_for_spreadsheets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "x.yaml").write_text('name: "=HYPERLINK(\\"http://x\\")"\n')
    _, out, _ = run(capsys, "audit", str(tmp_path), "--format", "csv", "--as-of", AS_OF)
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["name"].startswith("'=")


def test_a_duplicate_key_is_checked_and_not_counted_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("name: One\nname: Two\nstatus: draft\n", "utf-8")
    code, out, _ = run(capsys, "check", str(path), "--as-of", AS_OF)
    assert code == 1  # the duplicate key is an error finding; the file was read
    assert "PSED107" in out  # every rule ran on what was read
    last = out.splitlines()[-1]
    assert "unreadable" not in last
    assert last.endswith("(1 failing, 1 read with problems, every rule run: see PSED001)")
    code, out, _ = run(capsys, "check", str(path), "--as-of", AS_OF, "--format", "json")
    entry = json.loads(out)["files"][0]
    assert (entry["unreadable"], entry["status"]) == (False, "draft")


# ------------------------------------------------------------------ selectors and usage errors


def test_unknown_or_over_broad_selectors_are_usage_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    wales = str(EXAMPLES / "library-service-review-wales.yaml")
    code, out, err = run(capsys, "check", wales, "--select", "PSED6O1")
    assert (code, out) == (2, "")
    assert err == (
        "psed check: error: --select: 'PSED6O1' matches no rule; did you mean 'PSED601' or "
        "'PSED6'?\n"
    )
    code, out, err = run(capsys, "check", wales, "--ignore", "PSED")
    assert (code, out) == (2, "")
    assert err.startswith("psed check: error: --ignore: 'PSED' takes in every family of rules")
    code, _, err = run(capsys, "check", wales, "--ignore", "ALL")
    assert code == 2
    assert "would take in every rule" in err
    code, _, _ = run(capsys, "check", wales, "--as-of", AS_OF, "--select", "PSED")  # every rule
    assert code == 0


def test_ignoring_a_family_says_what_it_turned_off(capsys: pytest.CaptureFixture[str]) -> None:
    from psed.rules import all_rules

    family = sorted(r.code for r in all_rules() if r.code.startswith("PSED5"))
    wales = str(EXAMPLES / "library-service-review-wales.yaml")
    code, out, err = run(capsys, "check", wales, "--as-of", AS_OF, "--ignore", "PSED5,PSED105")
    assert code == 0
    assert err == (
        f"psed check: --ignore PSED5 turns off {len(family)} rules: {', '.join(family)}\n"
    )
    assert "PSED5" not in out


def test_usage_errors_point_to_the_command_help_and_suggest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "chek", "x.yaml")
    assert code == 2
    assert "did you mean 'check'? (see 'psed --help')" in err
    code, _, err = run(capsys, "check", "x.yaml", "--formt", "json")
    assert code == 2
    assert err == (
        "psed check: error: unrecognized arguments: --formt json; did you mean '--format'? "
        "(see 'psed check --help')\n"
    )
    code, _, err = run(capsys, "check", "x.yaml", "--format", "jsn")
    assert "did you mean 'json'? (see 'psed check --help')" in err
    code, _, err = run(capsys, "audit", "x.yaml", "--satus", "draft")
    assert "did you mean '--status'? (see 'psed audit --help')" in err
    code, _, err = run(capsys, "check", "x.yaml", "--zzzz")
    assert err == "psed check: error: unrecognized arguments: --zzzz (see 'psed check --help')\n"
