"""Shared setup for the form tests: the repo root on sys.path, the service, a hand-made report."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from psed import Report

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    # The reference service lives in examples/form_service, outside the package.
    sys.path.insert(0, str(ROOT))

from .forms_helpers import make_finding, make_report  # noqa: E402

AS_OF = dt.date(2026, 11, 26)
IN_CI = os.environ.get("CI", "").lower() == "true"


def _service_module() -> Any:
    """The service's app module; it needs the ``form-service`` extra (Flask, GOV.UK macros)."""
    try:
        from examples.form_service import app
    except ImportError as exc:  # pragma: no cover - the test install has the extra
        message = f"the form service needs pip install -e '.[form-service]' ({exc})"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return app


@pytest.fixture
def service_app(tmp_path: Path) -> Any:
    """The Flask app with its own SQLite file, judging dates as at 26 November 2026."""
    return _service_module().create_app(db=tmp_path / "drafts.sqlite3", as_of=AS_OF, testing=True)


@pytest.fixture
def client(service_app: Any) -> Any:
    """A Flask test client for the service."""
    return service_app.test_client()


def _served(folder: Path, read_timeout: float) -> Iterator[str]:
    """The service served on 127.0.0.1 (an ephemeral port) until the generator closes."""
    module = _service_module()
    server = module.serve(
        0, db=folder / "drafts.sqlite3", as_of=AS_OF, quiet=True, read_timeout=read_timeout
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service for one test module, dropping a connection idle for 2 s (the HTTP tests
    show that a body that never arrives does not hold a thread for ever)."""
    yield from _served(tmp_path_factory.mktemp("service"), read_timeout=2.0)


@pytest.fixture(scope="module")
def browser_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service for the browser tests, keeping idle connections for a minute: Chromium
    reuses a kept-alive connection after an axe-core run of several seconds, and one the
    server has just dropped would race the next click."""
    yield from _served(tmp_path_factory.mktemp("service"), read_timeout=60.0)


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
