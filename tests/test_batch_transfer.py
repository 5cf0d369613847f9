"""What a worker process sends back to the parent survives pickling unchanged."""

from __future__ import annotations

import datetime as _dt
import pickle
from pathlib import Path

import psed
from psed._batch import Job, check_file
from psed.findings import Severity
from psed.output import Rendered, RenderStep, RunInfo

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))


def test_rendered_pickles_by_value() -> None:
    job = Job(as_of=_dt.date(2026, 11, 26))
    run = RunInfo(version=psed.__version__, as_of=job.as_of, fail_on=Severity.ERROR)
    for fmt in ("json", "text", "sarif"):
        step = RenderStep(fmt, run)
        for path in EXAMPLES:
            rendered = step(check_file(str(path), job))
            back = pickle.loads(pickle.dumps(rendered))
            assert isinstance(back, Rendered)
            assert back == rendered
            assert all(isinstance(item, str) for item in back.items)
