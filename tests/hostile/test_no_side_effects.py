"""psed opens no network connection and writes no file unless asked, whatever the input."""

from __future__ import annotations

import builtins
import contextlib
import io
import os
import socket
from pathlib import Path
from typing import Any

import pytest

import psed
from psed.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).parent / "corpus"


class Forbidden(AssertionError):
    """psed tried something it promises never to do."""


@pytest.fixture
def no_network_no_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_connect(*_args: Any, **_kwargs: Any) -> None:
        raise Forbidden("psed opened a network connection")

    real_open = builtins.open

    def read_only_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            raise Forbidden(f"psed opened {file!r} for writing ({mode!r})")
        return real_open(file, mode, *args, **kwargs)

    real_os_open = os.open

    def read_only_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise Forbidden(f"psed opened {path!r} for writing")
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", no_connect)
    monkeypatch.setattr(socket, "create_connection", no_connect)
    monkeypatch.setattr(builtins, "open", read_only_open)
    monkeypatch.setattr(os, "open", read_only_os_open)


@pytest.mark.usefixtures("no_network_no_writes")
def test_validate_load_and_check_only_read(capsys: pytest.CaptureFixture[str]) -> None:
    for path in [*sorted((ROOT / "examples").glob("*.yaml")), *sorted(CORPUS.iterdir())]:
        psed.validate(path.read_bytes())
        with contextlib.suppress(psed.DocumentError):
            psed.check(psed.load(path))
    for fmt in ("text", "json", "sarif", "junit", "github"):
        assert main(["check", str(ROOT / "examples"), str(CORPUS), "--format", fmt]) == 2
    for fmt in ("text", "csv", "json"):
        assert main(["audit", str(ROOT / "examples"), str(CORPUS), "--format", fmt]) == 2
    out = capsys.readouterr()
    assert "internal error" not in out.err
    assert "Forbidden" not in out.err


@pytest.mark.usefixtures("no_network_no_writes")
def test_the_guard_itself_works() -> None:
    with pytest.raises(Forbidden):
        open("/nonexistent/psed-guard-test", "w")  # noqa: SIM115
    with pytest.raises(Forbidden):
        socket.create_connection(("127.0.0.1", 9))
    assert isinstance(io.StringIO(), io.StringIO)
