"""Properties of the audit over generated estates: no folder crashes it, findings resolve."""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import psed
import psed.audit
from psed._batch import Job
from psed._reading.pointer import resolve
from psed.audit._run import AuditRun, RunOptions
from psed.output._common import RunInfo
from psed.output.audit import AuditView, render_audit
from psed.testing import documents, mutated_documents

AS_OF = dt.date(2026, 11, 26)
IDS = st.sampled_from(["A-1", "a-1 ", "B-2", "C-3", "TBC"])
PROGRAMMES = st.sampled_from(["Budget", " budget", "Access"])


@st.composite
def estate_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document whose id, programme, links and impacts often meet others'."""
    doc: dict[str, Any] = draw(documents(framework="psed"))
    doc["id"] = draw(st.one_of(st.none(), IDS))
    doc["programme"] = draw(st.one_of(st.none(), PROGRAMMES))
    doc["level"] = draw(st.sampled_from([None, "full", "cumulative"]))
    doc["directorate"] = draw(st.one_of(st.none(), st.text(max_size=12), st.just("$\\frac{a$ $^$")))
    doc["related"] = [
        {"id": draw(IDS), "relation": draw(st.sampled_from(["supersedes", "see_also"]))}
        for _ in range(draw(st.integers(0, 2)))
        if doc["id"] is None
    ]
    for entry in doc.get("impacts", []):
        entry["impact"] = draw(st.sampled_from(["negative", "mixed", "neutral"]))
    if draw(st.booleans()):
        doc.setdefault("waivers", []).append(
            {
                "rule": draw(st.sampled_from(["PSED701", "PSED702", "PSED704"])),
                "reason": "Accepted by the equality board",
                "approved_by": "Head of Policy",
            }
        )
    return {k: v for k, v in doc.items() if v is not None}


ESTATES = st.lists(
    st.one_of(
        estate_documents(),
        estate_documents(),
        mutated_documents().map(lambda mutation: mutation[0]),
        st.binary(max_size=40),
    ),
    min_size=1,
    max_size=6,
)


def _write(folder: Path, items: list[Any]) -> None:
    for index, item in enumerate(items):
        path = folder / f"doc-{index}.json"
        if isinstance(item, bytes):
            path.write_bytes(item)
        else:
            path.write_text(json.dumps(item, default=str), encoding="utf-8")


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(ESTATES)
def test_no_estate_crashes_the_audit_and_findings_resolve(items: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "estate"
        folder.mkdir()
        _write(folder, items)
        history = str(Path(scratch) / "audit.sqlite")
        result = psed.audit.audit(str(folder), as_of=AS_OF, db=history, baseline=True)
        assert len(result.rows) == len(items)
        for row in result.rows:
            if not row.readable:
                assert row.portfolio == ()
                continue
            proposal, _ = psed.read(Path(row.path).read_bytes())
            assert proposal is not None
            tree = psed.unstructure(proposal)
            for finding in row.portfolio:
                resolve(tree, finding.pointer)  # a LookupError fails the test
                assert finding.message.endswith(".")
        # every text format renders whatever the estate
        with AuditRun([str(folder)], Job(as_of=AS_OF), RunOptions()) as run:
            run.run()
            view = AuditView(
                run=RunInfo(version="test", as_of=AS_OF),
                rows=run.rows,
                findings=run.findings,
                portfolio=run.portfolio,
                totals=run.totals(),
                estate=run.estate(),
                trends=run.trends(),
            )
            for fmt in ("text", "csv", "json", "html"):
                out = io.StringIO()
                render_audit(fmt, view, out)
                assert out.getvalue()
            json.loads(_json(view))


def _json(view: AuditView) -> str:
    out = io.StringIO()
    render_audit("json", view, out)
    return out.getvalue()
