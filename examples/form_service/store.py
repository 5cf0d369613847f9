"""Drafts kept in SQLite: "Save and come back later" saves here, and nothing else does.

One table, ``assessments``: a random reference (the only way back to a draft, so it
is long and unguessable), the document as JSON text exactly as the person left it
(invalid answers included, so they see them again), the status, and when it was
last saved. Each request opens its own connection, so the server's threads never
share one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import secrets
import sqlite3
from pathlib import Path
from typing import Any

import attrs

__all__ = ["Draft", "Store"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS assessments (
    ref TEXT PRIMARY KEY,
    document TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    saved_at TEXT NOT NULL
)
"""


@attrs.frozen(kw_only=True)
class Draft:
    """One saved assessment: its reference, the document so far and its status."""

    ref: str
    document: dict[str, Any]
    status: str
    saved_at: str


@attrs.frozen
class Store:
    """The SQLite file the service keeps its assessments in."""

    path: Path

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=10)
        connection.execute(_SCHEMA)
        return connection

    def create(self, document: dict[str, Any] | None = None) -> Draft:
        """A new draft with a fresh reference: empty, or holding ``document``."""
        ref = secrets.token_urlsafe(18)
        return self.save(ref, {} if document is None else document, "draft")

    def get(self, ref: str) -> Draft | None:
        """The assessment with this reference, or None."""
        with contextlib.closing(self._connect()) as connection:
            row = connection.execute(
                "SELECT document, status, saved_at FROM assessments WHERE ref = ?", (ref,)
            ).fetchone()
        if row is None:
            return None
        document = json.loads(row[0])
        return Draft(ref=ref, document=document, status=row[1], saved_at=row[2])

    def save(self, ref: str, document: dict[str, Any], status: str = "draft") -> Draft:
        """Save the document under ``ref`` (replacing what was there)."""
        saved_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        text = json.dumps(document, ensure_ascii=False, default=str)
        with contextlib.closing(self._connect()) as connection, connection:
            connection.execute(
                "INSERT INTO assessments (ref, document, status, saved_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(ref) DO UPDATE SET document = excluded.document, "
                "status = excluded.status, saved_at = excluded.saved_at",
                (ref, text, status, saved_at),
            )
        return Draft(ref=ref, document=document, status=status, saved_at=saved_at)
