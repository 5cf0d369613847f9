"""Shared fixtures of the render tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import psed
from psed.model import Proposal

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def full_proposal() -> Proposal:
    """A document in which every field of the format holds a value."""
    return psed.load(DATA / "every-field.yaml")
