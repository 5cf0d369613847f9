"""Every file of the hostile corpus gets its findings, within bounded time and memory.

The corpus and what each file must produce are in ``expected.yaml``; files too big
to commit (50 MiB, a 20 MiB string, nesting 10,000 deep, 100,000 keys) are built at
test time. Each case runs through :func:`psed.validate` in this process, with
tracemalloc measuring its peak memory, and the whole corpus runs through one
``psed check --format json`` subprocess with a timeout, its peak memory measured by
the operating system. The per-test alarm in ``conftest.py`` turns a hang into a
failure.
"""

from __future__ import annotations

import datetime as _dt
import gc
import json
import os
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import psed
from psed._reading.pointer import resolve

from .cases import CASES, LONG_KEY, NINE_MIB_TEXT, Case

AS_OF = _dt.date(2026, 11, 26)
MIB = 1024 * 1024
MEMORY_BOUND = 200 * MIB
"""Peak memory allowed for one document, over what the process already held."""
STRUCTURAL = frozenset(f"PSED00{i}" for i in range(1, 8))


def structural(report: psed.Report) -> set[tuple[str, str]]:
    return {(f.code, f.pointer) for f in report.findings if f.code in STRUCTURAL}


def _assert_structural(
    case: Case, found: set[tuple[str, str]], expected: frozenset[Any], summary: str | None
) -> None:
    """``found`` are the structural findings listed; ``summary`` the PSED008 message, if any."""
    if case.count is None:
        assert found == set(expected), case.why
        return
    assert set(expected) <= found, case.why
    told_of = 0
    if summary is not None:  # the report lists the first findings, and tells of the rest
        told_of = sum(int(n.replace(",", "")) for n in re.findall(r"([\d,]+) PSED00[1-7]", summary))
    assert len(found) + told_of == case.count, case.why


def _summary(messages: dict[str, str]) -> str | None:
    return messages.get("PSED008")


def _short(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(code, pointer[:80]) for code, pointer in pairs}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validate_reports_the_expected_findings_in_bounded_memory(case: Case) -> None:
    data = case.data()
    gc.collect()
    tracemalloc.start()
    try:
        report = psed.validate(data, as_of=AS_OF)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(report, psed.Report)
    assert peak < MEMORY_BOUND, f"{case.name}: peak {peak / MIB:.0f} MiB"
    found = structural(report)
    try:
        _assert_structural(
            case, found, case.guessed, _summary({f.code: f.message for f in report.findings})
        )
    except AssertionError:
        pytest.fail(f"{case.name}: {_short(found)} != {_short(set(case.guessed))}")
    for finding in report.findings:
        assert finding.message.strip()
        assert "Traceback" not in finding.message
        assert "internal error" not in finding.message
        assert len(finding.message) < 2000, "messages cut long values short"
    if case.message is not None:
        first = next(f for f in report.findings if f.code in STRUCTURAL)
        assert case.message in first.message


@pytest.mark.parametrize("case", [c for c in CASES if c.keeps], ids=lambda c: c.name)
def test_valid_text_is_kept_exactly(case: Case) -> None:
    proposal, findings = psed.read(case.data())
    assert proposal is not None
    assert not findings
    tree = psed.unstructure(proposal)
    for pointer, text in case.keeps.items():
        assert resolve(tree, pointer) == text


def test_a_9_mib_text_is_kept_exactly() -> None:
    case = next(c for c in CASES if c.generate == "string_9mib")
    proposal, findings = psed.read(case.data())
    assert findings == []
    assert proposal is not None
    assert proposal.description == NINE_MIB_TEXT


def test_5000_impact_entries_are_all_read() -> None:
    case = next(c for c in CASES if c.generate == "impacts_5000")
    proposal, findings = psed.read(case.data())
    assert findings == []
    assert proposal is not None
    assert len(proposal.impacts) == 5000
    only_201 = psed.Config(select=("PSED201",))
    report = psed.validate(case.data(), as_of=AS_OF, config=only_201)
    # A report lists at most 1,000 findings: 999 of them, and one that tells of the rest.
    listed = sum(f.code == "PSED201" for f in report.findings)
    (summary,) = [f.message for f in report.findings if f.code == "PSED008"]
    assert listed == 999
    assert "4,001 PSED201" in summary


def test_a_long_key_is_named_by_its_start_and_pointed_at_exactly() -> None:
    case = next(c for c in CASES if c.generate == "long_key_json")
    report = psed.validate(case.data(), as_of=AS_OF)
    (finding,) = [f for f in report.findings if f.code == "PSED005"]
    assert finding.pointer == "/" + LONG_KEY
    assert len(finding.message) < 2000


def test_no_python_object_is_built(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"name: !!python/object/apply:os.system ['touch {marker}']\n"
    report = psed.validate(text, as_of=AS_OF)
    assert structural(report) == {("PSED001", "")}
    assert not marker.exists()


# --------------------------------------------------------------------------- the command line

_RSS_WRAPPER = """
import resource, subprocess, sys
result = subprocess.run(sys.argv[1:])
sys.stderr.write("\\nMAXRSS_KB=%d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(result.returncode)
"""


def _psed() -> str:
    return str(Path(sys.executable).with_name("psed"))


def run_measured(args: list[str], cwd: Path, timeout: float = 240) -> tuple[int, str, str, int]:
    """Run ``psed ARGS`` in a subprocess: exit code, stdout, stderr, peak RSS in bytes."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONHASHSEED": "0"}
    result = subprocess.run(
        [sys.executable, "-c", _RSS_WRAPPER, _psed(), *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    stderr, _, rss = stderr.rpartition("\nMAXRSS_KB=")
    return result.returncode, result.stdout.decode("utf-8"), stderr, int(rss.strip()) * 1024


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Case]]:
    """Every case written to one folder (generated ones built there)."""
    folder = tmp_path_factory.mktemp("hostile")
    return folder, {case.write(folder).name: case for case in CASES}


@pytest.fixture(scope="module")
def baseline_rss(tmp_path_factory: pytest.TempPathFactory) -> int:
    """Peak memory of ``psed check`` on one small valid file."""
    folder = tmp_path_factory.mktemp("baseline")
    (folder / "ok.yaml").write_text("name: Small\n", encoding="utf-8")
    return run_measured(["check", "ok.yaml", "--as-of", "2026-11-26"], folder)[3]


def test_psed_check_reports_every_file_with_its_findings(
    corpus_folder: tuple[Path, dict[str, Case]],
) -> None:
    folder, cases = corpus_folder
    code, out, err, _peak = run_measured(
        ["check", ".", "--format", "json", "--as-of", "2026-11-26"], folder
    )
    assert "Traceback" not in err
    assert "Traceback" not in out
    assert code == 2, err
    report = json.loads(out)
    files = {Path(entry["path"]).name: entry for entry in report["files"]}
    assert set(files) == set(cases)
    for name, case in cases.items():
        found = {
            (f["code"], f["pointer"]) for f in files[name]["findings"] if f["code"] in STRUCTURAL
        }
        messages = {f["code"]: f["message"] for f in files[name]["findings"]}
        try:
            _assert_structural(case, found, case.structural, _summary(messages))
        except AssertionError:
            pytest.fail(f"{name}: {_short(found)} != {_short(set(case.structural))}")
        # unreadable: nothing could be read (PSED001 about the whole document); a PSED001
        # at a field (a duplicate key, a NaN) leaves the rest read and checked
        assert files[name]["unreadable"] is (("PSED001", "") in case.structural), name


@pytest.mark.parametrize("case", [c for c in CASES if c.generate], ids=lambda c: c.name)
def test_psed_check_on_each_big_file_stays_within_the_memory_bound(
    case: Case, baseline_rss: int, corpus_folder: tuple[Path, dict[str, Case]]
) -> None:
    folder, _cases = corpus_folder
    code, _out, err, peak = run_measured(
        ["check", case.filename(), "--format", "json", "--as-of", "2026-11-26"], folder
    )
    assert "Traceback" not in err
    assert code in (0, 1, 2)
    over = peak - baseline_rss
    assert over < MEMORY_BOUND, f"{case.name}: {over / MIB:.0f} MiB over the baseline"
