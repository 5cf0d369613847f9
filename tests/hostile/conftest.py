"""Hostile-input tests: a hang must fail the test, not block CI."""

from __future__ import annotations

import faulthandler
import signal
import sys
from collections.abc import Iterator

import pytest

TEST_SECONDS = 60
"""No single hostile test may take longer (a hang fails the test, with a stack dump)."""


class Hang(Exception):
    """A test ran past :data:`TEST_SECONDS`."""


def _alarm(_signum: int, _frame: object) -> None:
    raise Hang(f"the test took longer than {TEST_SECONDS} s: psed hangs on this input")


@pytest.fixture(autouse=True)
def _time_guard() -> Iterator[None]:
    """Fail a test that runs too long (SIGALRM), and dump stacks if even that is stuck."""
    use_alarm = hasattr(signal, "SIGALRM")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(TEST_SECONDS)
    faulthandler.dump_traceback_later(TEST_SECONDS * 2, exit=True, file=sys.stderr)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        if use_alarm:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
