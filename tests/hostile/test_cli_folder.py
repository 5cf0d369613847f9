"""psed check on a folder mixing good and hostile files, and interrupted with Ctrl-C."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from psed.output.text import pointer_text

from .cases import CASES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SMALL = [c for c in CASES if c.generate is None]


def _psed() -> str:
    return str(Path(sys.executable).with_name("psed"))


def _snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file below ``folder``: size, modification time and content hash."""
    found = {}
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        found[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns, digest)
    return found


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    good = tmp_path / "good"
    bad = tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    for path in EXAMPLES:
        (good / path.name).write_bytes(path.read_bytes())
    for case in SMALL:
        case.write(bad)
    return tmp_path


def _env() -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1"}


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_mixed_folder_reports_every_file_and_writes_nothing(mixed: Path, fmt: str) -> None:
    before = _snapshot(mixed)
    result = subprocess.run(
        [_psed(), "check", ".", "--format", fmt, "--as-of", "2026-11-26"],
        capture_output=True,
        text=True,
        cwd=mixed,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    assert result.returncode == 2
    assert _snapshot(mixed) == before, "psed check wrote, changed or removed a file"
    # PSED001 about the whole document: nothing could be read. PSED001 at a field (a
    # duplicate key, a number too large): the rest was read and every rule ran.
    unreadable = {c.name for c in SMALL if ("PSED001", "") in c.structural}
    read_with_problems = {
        c.name
        for c in SMALL
        if c.name not in unreadable and any(code == "PSED001" for code, _ in c.structural)
    }
    assert read_with_problems
    if fmt == "json":
        files = {Path(f["path"]).as_posix(): f for f in json.loads(result.stdout)["files"]}
        assert set(files) == {f"good/{p.name}" for p in EXAMPLES} | {f"bad/{c.name}" for c in SMALL}
        for path in EXAMPLES:
            assert not files[f"good/{path.name}"]["unreadable"]
            assert files[f"good/{path.name}"]["status"] is not None
        for name in unreadable:
            assert files[f"bad/{name}"]["unreadable"], name
        for name in read_with_problems:
            assert not files[f"bad/{name}"]["unreadable"], name
            assert files[f"bad/{name}"]["status"] is not None, name
    else:
        lines = result.stdout.splitlines()
        for case in SMALL:
            for code, pointer in case.structural:
                shown = pointer_text(pointer)  # "/" for "", '/""' for an empty key
                # path:line:column: pointer: CODE, or path:pointer: CODE when not placed
                prefix = re.compile(
                    rf"\./bad/{re.escape(case.name)}(?::[0-9]+:[0-9]+: |:)"
                    rf"{re.escape(shown)}: {code} "
                )
                assert any(prefix.match(line) for line in lines), prefix.pattern
        # Every file is checked (clean files have no line of their own, only the count).
        assert lines[-1].startswith(f"{len(EXAMPLES) + len(SMALL)} files checked")


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    ("command", "jobs"),
    [("check", 2), ("check", 1), ("audit", 2)],
    ids=["check-j2", "check-j1", "audit-j2"],
)
def test_ctrl_c_stops_cleanly_with_no_orphan_workers(
    tmp_path: Path, command: str, jobs: int
) -> None:
    text = EXAMPLES[0].read_bytes()
    for index in range(3000):
        (tmp_path / f"doc-{index:04d}.yaml").write_bytes(text)
    process = subprocess.Popen(
        [_psed(), command, ".", "--jobs", str(jobs), "--as-of", "2026-11-26"],
        cwd=tmp_path,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C as a terminal sends it: a command started in the background by a shell
        # without job control inherits SIGINT ignored, and would never see it.
        preexec_fn=_default_sigint,
    )
    try:
        workers: set[int] = set()
        if jobs > 1:
            deadline = time.monotonic() + 30
            while len(workers) < jobs and time.monotonic() < deadline:
                workers = _children(process.pid)
                time.sleep(0.05)
            assert len(workers) >= jobs, "the worker processes did not start"
        time.sleep(1.0)  # well into the run: it takes several seconds
        assert process.poll() is None, "the run ended before it could be interrupted"
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, err.decode(errors="replace")
    assert b"Traceback" not in err
    assert b"KeyboardInterrupt" not in err
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "worker processes outlived psed"


@pytest.mark.parametrize(
    "name", ["big_file_50mib", "invalid-utf8.yaml", "alias-bomb.yaml", "deep_json_lists"]
)
def test_hostile_standard_input_is_one_psed001_line(name: str) -> None:
    case = next(c for c in CASES if name in (c.name, c.generate))
    result = subprocess.run(
        [_psed(), "check", "-", "--as-of", "2026-11-26"],
        input=case.data(),
        capture_output=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    lines = result.stdout.decode().splitlines()
    # -:line:column: /: PSED001 when the reading knows where it stopped, else -:/: PSED001
    assert re.match(r"-:(?:[0-9]+:[0-9]+: )?/: PSED001 \[error\] ", lines[0]), lines[0]
    assert len(lines) == 2  # the finding and the summary


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_file_names_that_are_not_utf8_are_reported_in_every_format(
    tmp_path: Path, fmt: str
) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.yaml")).write_bytes(b"name: [\n")
    (tmp_path / "new\nline.yaml").write_bytes(b"name: x\n")
    result = subprocess.run(
        [_psed(), "check", ".", "--format", fmt, "--as-of", "2026-11-26"],
        capture_output=True,
        cwd=tmp_path,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert b"internal error" not in result.stderr
    assert b"Traceback" not in result.stderr
    assert result.returncode == 2  # the unreadable YAML, reported and counted
    assert b"PSED001" in result.stdout
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_in_a_folder_does_not_hang_the_run(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "ok.yaml").write_text("name: Library opening hours\n")
    (tmp_path / "broken.yaml").symlink_to(tmp_path / "nowhere.yaml")
    result = subprocess.run(
        [_psed(), "check", ".", "--format", "json", "--as-of", "2026-11-26"],
        capture_output=True,
        cwd=tmp_path,
        env=_env(),
        timeout=60,
        check=False,
    )
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert set(files) == {"ok.yaml", "broken.yaml"}  # the pipe skipped, the broken link reported
    assert files["broken.yaml"]["unreadable"]
    assert result.returncode == 2
