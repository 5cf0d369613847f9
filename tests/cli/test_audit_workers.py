"""The audit computed in the workers: the same rows and totals as reading each file twice.

``iter_audit`` works out each row where the file is checked, from the one reading
that also gives the report. These tests compare it with the way it was computed
before (the report from ``check_file``, then ``psed.read`` of the parsed tree for the
Proposal, then :func:`psed.audit.audit_row`), and ``--jobs 1`` with ``--jobs 2``, on
the examples, on broken files and on generated documents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pickle
import random
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import psed
import psed.audit
from psed._batch import Job, Outcome, _format, check_file
from psed._files import discover
from psed._reading.limits import DEFAULT_LIMITS, decode
from psed._reading.text import parse_text
from psed.audit import AuditResult, AuditRow, AuditTotals, audit_row, history
from psed.audit._run import _AuditStep
from psed.findings import Finding

from .conftest import AS_OF, BROKEN_FILES, EXAMPLES, run_psed

DAY = dt.date.fromisoformat(AS_OF)

_WORDS = (  # noqa: SIM905 - a sentence reads better than a list of words
    "older residents may find the online service harder to use evidence from the survey "
    "shows no difference staff will monitor take-up N/A tbc and report to the board"
).split()
_IMPACTS = ("positive", "negative", "mixed", "neutral", "not_applicable", "unknown", "bogus")


def _variant(base: dict[str, Any], rng: random.Random, index: int) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(json.dumps(base, default=str))
    doc["name"] = f"{doc['name']} ({index})"
    doc["id"] = f"G-{index:03d}"  # one id each: no portfolio finding (PSED702) to add
    for entry in doc.get("impacts", []):
        entry["impact"] = rng.choice(_IMPACTS)
        entry["details"] = rng.choice(
            [" ".join(rng.choices(_WORDS, k=rng.randint(1, 12))), "N/A", None, 7]
        )
    if rng.random() < 0.3:
        doc["review_date"] = rng.choice([None, "not a date", "2020-01-01"])
    if rng.random() < 0.2:
        doc["approver"] = rng.choice([None, {"name": ""}, {"name": "A. Person"}])
    if rng.random() < 0.1:
        doc["framework"] = rng.choice(["nonesuch", "wales", 3])
    if rng.random() < 0.1:
        doc["status"] = rng.choice(["final", "approved", "submitted"])
    if rng.random() < 0.1 and doc.get("impacts"):
        doc["impacts"][0]["characteristic"] = "made_up"
    return doc


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated documents (JSON and YAML, some invalid) with the examples and broken files."""
    folder = tmp_path_factory.mktemp("audit-portfolio")
    rng = random.Random(1149)
    bases = [
        psed.unstructure(psed.load(path), compact=True) for path in sorted(EXAMPLES.glob("*.yaml"))
    ]
    for index in range(60):
        doc = _variant(bases[index % len(bases)], rng, index)
        if index % 2:
            (folder / f"g-{index:03d}.json").write_text(json.dumps(doc, indent=2), "utf-8")
        else:
            (folder / f"g-{index:03d}.yaml").write_text(yaml.safe_dump(doc), "utf-8")
    # parsing itself reports something: the text is validated whole
    (folder / "h-duplicate.yaml").write_text("name: One\nname: Two\nstatus: draft\n", "utf-8")
    (folder / "h-nan.json").write_text('{"name": "x", "impacts": [], "extra": NaN}', "utf-8")
    for name, data in BROKEN_FILES.items():
        (folder / name).write_bytes(data)
    for example in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(example, folder / f"z-{example.name}")
    return folder


def _reference(paths: list[str], job: Job) -> AuditResult:
    """The audit as computed before: the report, then a second reading for the Proposal."""
    job = attrs.evolve(job, proposal=False)
    rows = []
    totals = AuditTotals()
    catalogue = psed.default_catalogue()
    for path in discover(paths):
        result = check_file(path, job).result
        proposal = None
        if not result.unreadable:
            text = decode(Path(path).read_bytes())
            assert not isinstance(text, Finding)
            tree = parse_text(text, format=_format(path), limits=DEFAULT_LIMITS).tree
            proposal, _ = psed.read(tree, catalogue=catalogue)
        row = audit_row(Outcome(result=result, proposal=proposal), catalogue)
        rows.append(row)
        totals.add(row, [f.code for f in result.report.findings if f.waived is None])
    return AuditResult(rows=tuple(rows), totals=totals)


@pytest.mark.parametrize("status", [None, "approved"])
def test_rows_and_totals_match_the_two_reading_audit(portfolio: Path, status: str | None) -> None:
    job = Job(as_of=DAY, status=None if status is None else psed.Status(status))
    expected = _reference([str(portfolio)], job)
    assert len(expected.rows) == 60 + 2 + len(BROKEN_FILES) + len(list(EXAMPLES.glob("*.yaml")))
    # a duplicate key or a NaN is PSED001 at its place, but the file is read and checked
    assert expected.totals.unreadable == len(BROKEN_FILES)
    # the two-reading audit knows no portfolio rules: compare the documents' own findings
    own = psed.Config(ignore=("PSED7",))
    for jobs in (1, 2):
        got = psed.audit.audit(str(portfolio), as_of=DAY, status=status, jobs=jobs, config=own)
        # the audit adds the hash of each file's bytes, which audit_row cannot know
        assert tuple(attrs.evolve(r, sha256=None) for r in got.rows) == expected.rows
        for row in got.rows:
            assert row.sha256 == hashlib.sha256(Path(row.path).read_bytes()).hexdigest()
        assert got.totals == expected.totals
        assert got.totals.to_dict() == expected.totals.to_dict()
    # the generated documents are varied enough to exercise every kind of row
    rows = expected.rows
    assert any(0 < (r.completeness or 0) < 1 for r in rows)
    assert any(r.completeness == 1.0 for r in rows)
    assert len({r.status for r in rows}) >= 3


def test_iter_audit_yields_the_same_codes_with_any_number_of_workers(portfolio: Path) -> None:
    # the documents' own findings (the portfolio's are compared in tests/audit)
    job = Job(as_of=DAY, config=psed.Config(ignore=("PSED7",)))
    one = list(psed.audit.iter_audit([str(portfolio)], job, jobs=1))
    two = list(psed.audit.iter_audit([str(portfolio)], job, jobs=2))
    assert one == two
    for (row, codes), path in zip(one, discover([str(portfolio)]), strict=True):
        report = check_file(path, job).result.report
        assert codes == [f.code for f in report.findings if f.waived is None]
        assert row.codes == tuple(sorted(set(codes)))


def test_one_reading_gives_the_report_and_the_proposal_of_two(portfolio: Path) -> None:
    job = Job(as_of=DAY, proposal=True)
    for path in discover([str(portfolio)]):
        outcome = check_file(path, job)
        text = decode(Path(path).read_bytes())
        if isinstance(text, Finding):
            continue
        parsed = parse_text(text, format=_format(path), limits=DEFAULT_LIMITS)
        if not parsed.ok:
            continue
        payload = parsed.tree if not parsed.findings else text
        assert outcome.result.report == psed.validate(payload, as_of=DAY), path
        assert outcome.proposal == psed.read(parsed.tree)[0], path
        assert check_file(path, attrs.evolve(job, proposal=False)).proposal is None


def test_what_a_worker_sends_back_pickles_to_the_same_row(portfolio: Path) -> None:
    step = _AuditStep(None, None, DEFAULT_LIMITS.max_bytes)
    job = Job(as_of=DAY, proposal=True)
    columns = history.columns("documents", history=False)[2:]
    for path in discover([str(portfolio)]):
        outcome = check_file(path, job)
        data = step(outcome)
        assert pickle.loads(pickle.dumps(data)) == data
        record = dict(zip(columns, data.document, strict=True))
        row = AuditRow.from_record(record)
        assert attrs.evolve(row, sha256=None) == audit_row(outcome)
        report = outcome.result.report
        assert [values[1] for values in data.findings] == [f.code for f in report.findings]


@pytest.mark.parametrize("fmt", ["json", "csv", "text"])
def test_the_command_prints_the_same_with_one_or_two_workers(portfolio: Path, fmt: str) -> None:
    outputs = [
        run_psed("audit", str(portfolio), "--format", fmt, "--as-of", AS_OF, "--jobs", jobs)
        for jobs in ("1", "2")
    ]
    assert outputs[0].returncode == outputs[1].returncode == 2  # the broken files
    assert outputs[0].stdout == outputs[1].stdout
    assert outputs[0].stdout.count(b"g-0") >= 60
