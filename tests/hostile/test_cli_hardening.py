"""The command line against hostile places and settings: folders it may not read, a
working folder it may not read, named pipes, SIGTERM, and configurations built to break it."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import psed
from psed import cli
from psed._batch import Job, check_file
from psed.config import Config, ConfigError, load_config

from .test_cli_folder import EXAMPLES, _alive, _children, _env, _psed

AS_OF = "2026-11-26"
DOC = "name: Library opening hours\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def deny(monkeypatch: pytest.MonkeyPatch, attribute: str, *denied: Path) -> None:
    """Make ``os.scandir`` of these folders, or ``Path.is_file`` of a path inside them,
    fail with EACCES, as they do for a user without permission on the folder (root reads
    every folder, so the tests run as root too)."""
    owner: Any = Path if attribute == "is_file" else os
    real: Callable[..., Any] = getattr(owner, attribute)
    places = [os.path.abspath(p) for p in denied]

    def refused(path: Any, *args: Any, **kwargs: Any) -> Any:
        where = os.path.abspath(os.fspath(path))
        inside = any(where.startswith(p + os.sep) for p in places)
        if inside or (attribute == "scandir" and where in places):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(owner, attribute, refused)


# ----------------------------------------------------------------- unreadable folders


def test_a_folder_that_cannot_be_listed_is_psed001_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "top").mkdir()
    (tmp_path / "nested" / "locked").mkdir(parents=True)
    (tmp_path / "nested" / "ok.yaml").write_text(DOC)
    (tmp_path / "nested" / "locked" / "x.yaml").write_text(DOC)
    deny(monkeypatch, "scandir", tmp_path / "top", tmp_path / "nested" / "locked")
    for folder, expected in (("top", "top"), ("nested", os.path.join("nested", "locked"))):
        code, out, _ = run(capsys, "check", str(tmp_path / folder), "--as-of", AS_OF)
        assert code == 2, out
        assert f"{tmp_path / expected}:/: PSED001 [error] This folder cannot be searched" in out
        assert "(permission denied)" in out
        assert "1 unreadable" in out.splitlines()[-1]
    assert out.splitlines()[-1].startswith("2 files checked")  # locked/ and ok.yaml


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads all")
def test_a_folder_with_mode_000_is_psed001(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.yaml").write_text(DOC)
    locked.chmod(0)
    try:
        result = subprocess.run(
            [_psed(), "check", str(tmp_path)], capture_output=True, text=True, timeout=60
        )
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    assert "PSED001 [error] This folder cannot be searched (permission denied)" in result.stdout


def test_an_unreadable_working_folder_is_skipped_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    document = tmp_path / "doc.yaml"
    document.write_text((EXAMPLES[1]).read_text("utf-8"), "utf-8")
    monkeypatch.chdir(work)
    deny(monkeypatch, "is_file", work)
    code, out, err = run(capsys, "check", str(document), "--as-of", AS_OF)
    assert code in (0, 1)
    assert out.splitlines()[-1].startswith("1 file checked")
    assert err.startswith(f"psed: warning: cannot look for a configuration in {work}")
    assert "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_named_on_the_command_line_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    start = time.monotonic()
    result = subprocess.run(
        [_psed(), "check", str(pipe)], capture_output=True, text=True, timeout=60, env=_env()
    )
    assert time.monotonic() - start < 30
    assert result.returncode == 2
    assert "PSED001 [error] This is not a regular file" in result.stdout
    assert "give '-'" in result.stdout


def test_huge_reading_limits_are_safe(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(DOC)
    limits = psed.Limits(max_bytes=2**63)
    job = Job(as_of=dt.date(2026, 11, 26), config=Config(limits=limits))
    result = check_file(str(path), job).result
    assert not result.unreadable
    assert result.report.status is not None


# ----------------------------------------------------------------- SIGTERM


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_stops_quietly_with_no_orphan_workers(tmp_path: Path) -> None:
    text = EXAMPLES[0].read_bytes()
    for index in range(3000):
        (tmp_path / f"doc-{index:04d}.yaml").write_bytes(text)
    process = subprocess.Popen(
        [_psed(), "check", ".", "--jobs", "2", "--as-of", AS_OF],
        cwd=tmp_path,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 30
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = _children(process.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the worker processes did not start"
        time.sleep(1.0)
        assert process.poll() is None, "the run ended before it could be stopped"
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 143, err.decode(errors="replace")
    assert err == b"", err.decode(errors="replace")  # no BrokenPipeError, no traceback
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "worker processes outlived psed"


# ----------------------------------------------------------------- configuration


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("psed.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
        ("psed.toml", "max-bytes = 99999999999999999999\n", "max-bytes: expected a whole number"),
        ("psed.toml", f"max-bytes = {2**63 - 1}\n", "from 1 to 2,147,483,647"),
        ("psed.toml", "max-depth = 0\n", "max-depth: expected a whole number from 1"),
        (
            "psed.toml",
            '[[characteristics]]\ncode = "carers"\nlabel = "Carers"\n'
            '[[characteristics]]\ncode = "carers"\nlabel = "Unpaid carers"\n',
            "characteristics[1].code: 'carers' is defined twice",
        ),
        (
            "psed.toml",
            '[[characteristics]]\ncode = "carers"\nlabel = "Carers"\n'
            '[frameworks.local]\nrequire = ["carers", "carers"]\n',
            "frameworks.local.require[1]: 'carers' is listed twice",
        ),
        (
            "psed.toml",
            '[frameworks.local]\nlabel = "Local\\nstatus: approved"\n',
            "frameworks.local.label: 'Local\\nstatus: approved' has a line break",
        ),
        ("pyproject.toml", "[tool]\npsed = 5\n", "tool.psed: expected a table"),
        ("pyproject.toml", "tool = 5\n", "tool: expected a table"),
        ("psed.toml", 'ignore = ["PSED"]\n', "ignore: 'PSED' takes in every family"),
        ("psed.toml", 'ignore = ["ALL"]\n', "ignore: 'ALL' in ignore would take in every rule"),
        ("psed.toml", '[severity]\nPSED = "info"\n', "severity: 'PSED' takes in every family"),
        ("psed.toml", 'select = ["PSED6O1"]\n', "did you mean 'PSED601'"),
        ("psed.toml", 'select = ["PSED101", "PSED101"]\n', "select[1]: 'PSED101' is listed"),
    ],
)
def test_bad_configurations_are_named_errors(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    text: str,
    expected: str,
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert expected in str(info.value)
    # through the command: exit 2, one line, no internal error
    (tmp_path / "doc.yaml").write_text(DOC)
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "doc.yaml")
    assert code == 2
    assert err.startswith("psed check: error: configuration:")
    assert expected in err
    assert len(err.splitlines()) == 1
