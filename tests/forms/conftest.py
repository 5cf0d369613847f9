"""Shared setup for the form-backend tests: the repo root on sys.path, a hand-made report."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from psed import Report

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    # The worked example lives in examples/form_backend, outside the package.
    sys.path.insert(0, str(ROOT))

from examples.form_backend.app import serve  # noqa: E402
from forms_helpers import make_finding, make_report  # noqa: E402


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    """The worked example served on 127.0.0.1 (an ephemeral port) for one test module."""
    server = serve(0, as_of=dt.date(2026, 11, 26), quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def sample_report() -> Report:
    """Findings at the root, a section, nested fields, a waived one and an info one."""
    return make_report(
        make_finding("PSED001", "", message="The whole document is wrong."),
        make_finding("PSED107", "/description", message="Describe the proposal."),
        make_finding("PSED101", "/impacts", message="Assess race.", characteristic="race"),
        make_finding("PSED201", "/impacts/2", message="Add a mitigation."),
        make_finding(
            "PSED202",
            "/impacts/2/mitigations/0/owner",
            severity="warning",
            message="Name an owner.",
        ),
        make_finding(
            "PSED203", "/impacts/2/mitigations/0/due", severity="warning", message="Give a date."
        ),
        make_finding("PSED501", "/impacts/3/details", severity="warning", waived="Reviewed."),
        make_finding("PSED310", "/review_date", severity="info", message="Set a review date."),
    )
