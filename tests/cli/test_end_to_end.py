"""The installed ``psed`` command as a subprocess: exit codes, formats, determinism.

Each subprocess costs a few tenths of a second, so these are few; the behaviour of each
option is tested in-process in test_commands.py.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

from psed.output.schema import report_schema

from .conftest import AS_OF, BROKEN_FILES, DATA, EXAMPLES, run_psed


def test_check_examples_text_exit_1_and_summary() -> None:
    proc = run_psed("check", "examples", "--as-of", AS_OF)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == b""
    lines = proc.stdout.decode().splitlines()
    assert lines[0].startswith("examples/customer-access-strategy.yaml:")
    # path:line:column: pointer: CODE, the place given when it is known
    psed601 = re.compile(
        r"examples/customer-access-strategy\.yaml:(\d+:\d+: )?/impacts/9/details: PSED601 \[error\]"
    )
    assert any(psed601.match(line) for line in lines)
    examples = len(list(EXAMPLES.glob("*.yaml")))
    assert lines[-1].startswith(f"{examples} files checked: 2 errors,")
    assert b"\x1b[" not in proc.stdout  # not a terminal: no colour


def test_broken_files_get_psed001_and_the_others_are_checked(broken_folder: Path) -> None:
    proc = run_psed("check", str(broken_folder), "--as-of", AS_OF, "--format", "json")
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr + proc.stdout
    report = json.loads(proc.stdout)
    jsonschema.Draft202012Validator(report_schema()).validate(report)
    names = [Path(f["path"]).name for f in report["files"]]
    assert names == [
        *sorted(BROKEN_FILES),
        *(f"z-{path.name}" for path in sorted(EXAMPLES.glob("*.yaml"))),
    ]
    assert "z-customer-access-strategy.yaml" in names
    for entry in report["files"][: len(BROKEN_FILES)]:
        assert entry["unreadable"] is True
        assert [f["code"] for f in entry["findings"]] == ["PSED001"]
        assert entry["findings"][0]["message"]
    assert report["totals"]["unreadable"] == len(BROKEN_FILES)
    assert not any(entry["unreadable"] for entry in report["files"][len(BROKEN_FILES) :])


def test_reports_are_byte_identical_across_runs_and_jobs(broken_folder: Path) -> None:
    for fmt in ("json", "sarif"):
        one = run_psed("check", str(broken_folder), "--as-of", AS_OF, "--format", fmt)
        two = run_psed(
            "check", str(broken_folder), "--as-of", AS_OF, "--format", fmt, "--jobs", "2"
        )
        assert one.returncode == two.returncode == 2
        assert one.stdout == two.stdout
    first = run_psed("audit", str(broken_folder), "--as-of", AS_OF, "--format", "csv", "-j", "2")
    again = run_psed("audit", str(broken_folder), "--as-of", AS_OF, "--format", "csv")
    assert first.stdout == again.stdout
    assert first.stdout.count(b"\r\n") == 1 + len(BROKEN_FILES) + len(list(EXAMPLES.glob("*.yaml")))


def test_sarif_of_the_examples_is_valid_with_lines() -> None:
    proc = run_psed("check", "examples", "--as-of", AS_OF, "--format", "sarif")
    log = json.loads(proc.stdout)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    safety = next(r for r in results if r["ruleId"] == "PSED601")
    line = safety["locations"][0]["physicalLocation"]["region"]["startLine"]
    source = (EXAMPLES / "customer-access-strategy.yaml").read_text("utf-8").splitlines()
    assert source[line - 1].strip().startswith("details:")


def test_junit_and_github_formats() -> None:
    proc = run_psed("check", "examples", "--as-of", AS_OF, "--format", "junit")
    suite = ET.fromstring(proc.stdout).find("testsuite")
    assert suite is not None
    examples = str(len(list(EXAMPLES.glob("*.yaml"))))
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == (examples, "1", "0")
    proc = run_psed("check", "examples", "--as-of", AS_OF, "--format", "github")
    assert b"::error file=examples/customer-access-strategy.yaml,line=" in proc.stdout


def test_colour_on_request_and_no_color_wins() -> None:
    seed = "examples/customer-access-strategy.yaml"
    forced = run_psed("check", seed, "--as-of", AS_OF, env={"FORCE_COLOR": "1"})
    assert b"\x1b[31m" in forced.stdout
    plain = run_psed("check", seed, "--as-of", AS_OF, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert b"\x1b[" not in plain.stdout
    assert plain.returncode == forced.returncode == 1


def test_unknown_command_and_flag_exit_2_without_traceback() -> None:
    for args in (["frobnicate"], ["check", "examples", "--no-such-flag"]):
        proc = run_psed(*args)
        assert proc.returncode == 2
        assert proc.stdout == b""
        assert len(proc.stderr.splitlines()) == 1
        assert b"Traceback" not in proc.stderr


def test_stdin_dash() -> None:
    data = (EXAMPLES / "garden-waste-charge.yaml").read_bytes()
    proc = run_psed("check", "-", "--as-of", AS_OF, "--format", "json", stdin=data)
    assert proc.returncode == 0
    report = json.loads(proc.stdout)
    assert report["files"][0]["path"] == "-"
    assert report["files"][0]["ok"] is True
