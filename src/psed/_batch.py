"""Checking many files: one file at a time, in this process or in worker processes.

Used by ``psed check``, ``psed audit`` and :func:`psed.audit.audit`. Results come back
in the order of the paths, whatever the number of workers, and are consumed one by
one, so memory does not grow with the number of files. Every failure to read a file
becomes a PSED001 finding; nothing here raises for a bad input.
"""

from __future__ import annotations

import datetime as _dt
import os
import stat
import sys
from collections.abc import Callable, Generator, Iterable
from typing import Any, BinaryIO, TypeVar

import attrs

from psed._files import STDIN
from psed._i18n import Message, _
from psed._reading.codes import structural_finding
from psed._reading.limits import DEFAULT_LIMITS, Limits
from psed.config import Config
from psed.findings import Finding, Report, Severity
from psed.model import Proposal, Status
from psed.output._common import FileResult

__all__ = ["Job", "Outcome", "check_file", "read_stream", "run", "run_map"]


@attrs.frozen(kw_only=True)
class Job:
    """What to do with each file: the same for every file of a run."""

    as_of: _dt.date
    law_date: _dt.date | None = None
    """The day whose law judges every document; None for each document's own law date."""
    status: Status | None = None
    config: Config | None = None
    fail_on: Severity = Severity.ERROR
    proposal: bool = False
    """Keep the best-effort Proposal (for the audit)."""
    stdin: bytes | None = None
    """The bytes of standard input, when ``-`` is among the paths."""
    lang: str = "en"
    """The language of the messages (``en`` or ``cy``)."""


@attrs.frozen(kw_only=True)
class Outcome:
    """One file's result, and its Proposal when the job asked for it and it could be read."""

    result: FileResult
    proposal: Proposal | None = None


def _unreadable(path: str, message: str | Message, job: Job) -> Outcome:
    finding = structural_finding("PSED001", "", message)
    report = Report(
        findings=(finding,),
        as_of=job.as_of,
        status=None,
        version=_version(),
        fail_on=job.fail_on,
    )
    return Outcome(result=FileResult(path=path, report=report, unreadable=True))


def _version() -> str:
    from psed import __version__

    return __version__


def _limits(job: Job) -> Limits:
    """The reading limits of this run: the config file's, else the defaults."""
    return job.config.limits if job.config is not None else DEFAULT_LIMITS


_CHUNK = 64 * 1024


def read_stream(stream: BinaryIO, max_bytes: int) -> bytes:
    """What a stream holds, up to one byte past ``max_bytes`` (enough to say it is too large).

    Read in pieces, so that memory follows what arrives, not the limit.
    """
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
"""Opening never waits: without O_NONBLOCK, opening a named pipe waits for a writer."""


def _read_bytes(path: str, job: Job) -> bytes | Message:
    """The file's bytes, or a message saying why they cannot be read.

    The file's size is known before it is read, so a file over the limit is not read
    at all and any other is read with one read of its own size.
    """
    max_bytes = _limits(job).max_bytes
    if path == STDIN:
        data = job.stdin if job.stdin is not None else b""
    else:
        try:
            fd = os.open(path, _OPEN_FLAGS)
        except FileNotFoundError:
            return _("The file does not exist; check the path.")
        except PermissionError:
            if os.path.isdir(path):
                return _folder_message(path)
            return _("The file cannot be opened (permission denied); check its permissions.")
        except OSError as exc:
            return _("The file cannot be read ({reason}); check the path.", reason=_why(exc))
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                return _folder_message(path)
            if not stat.S_ISREG(info.st_mode):
                return _(
                    "This is not a regular file (a named pipe, device or socket), and psed "
                    "reads only files; to check what a program writes, send it to standard "
                    "input and give '-' as the path."
                )
            if info.st_size > max_bytes:
                return _too_large(max_bytes)
            with open(fd, "rb", closefd=False) as handle:
                # one byte more than its size: a file that grew while read is still caught
                data = handle.read(info.st_size + 1)
        except OSError as exc:
            return _("The file cannot be read ({reason}); check the path.", reason=_why(exc))
        finally:
            os.close(fd)
    if len(data) > max_bytes:
        return _too_large(max_bytes)
    return data


_FOLDER_DENIED = _(
    "This folder cannot be searched (permission denied), so nothing in it was checked; "
    "check its permissions, or exclude it."
)


def _why(exc: OSError) -> str:
    """The operating system's reason (its own words, in English)."""
    return str(exc.strerror or exc)


def _folder_message(path: str) -> Message:
    """Why a folder reached the checker: it could not be searched, or was named as a file."""
    try:
        with os.scandir(path):
            pass
    except PermissionError:
        return _FOLDER_DENIED
    except OSError as exc:
        return _(
            "This folder cannot be searched ({reason}), so nothing in it was checked; check "
            "the path.",
            reason=_why(exc),
        )
    return _("This is a folder, not a file; name the folder itself to check the files in it.")


def _too_large(max_bytes: int) -> Message:
    limit = f"{max_bytes:,}"
    return _(
        "The file is larger than the limit of {limit} bytes; split it into one document per "
        "assessment, or raise max-bytes in the [tool.psed] configuration.",
        limit=limit,
    )


def _format(path: str) -> str | None:
    """``json`` or ``yaml`` from the file's extension, as :func:`psed.load` reads it."""
    lower = path.lower()
    if lower.endswith(".json"):
        return "json"
    if lower.endswith((".yaml", ".yml")):
        return "yaml"
    return None


def _report(findings: list[Finding], job: Job) -> Report:
    return Report(
        findings=findings, as_of=job.as_of, status=None, version=_version(), fail_on=job.fail_on
    )


def check_file(path: str, job: Job) -> Outcome:
    """Check one file; never raises for any content.

    The file is decoded and parsed once; the tree is then read once, and validated
    (for the audit, the Proposal the rules ran on is kept). When parsing itself
    reported something about a readable tree (a duplicate key, a NaN), the text is
    validated as a whole instead (read as the suffix says), so that the report is exactly
    what :func:`psed.validate` says about the text. Every finding about the text carries
    its line and column.
    """
    from psed._reading.document import locate
    from psed._reading.limits import decode
    from psed._reading.text import parse_text
    from psed.engine import _validate_and_read

    data = _read_bytes(path, job)
    if isinstance(data, Message):
        return _unreadable(path, data, job)
    text = decode(data)
    if isinstance(text, Finding):
        return Outcome(result=FileResult(path=path, report=_report([text], job), unreadable=True))
    parsed = parse_text(text, format=_format(path), limits=_limits(job))
    if not parsed.ok:
        report = _report(parsed.findings, job)
        return Outcome(result=FileResult(path=path, report=report, unreadable=True))
    tree = parsed.tree
    proposal: Proposal | None = None
    if not parsed.findings:
        # One reading of the tree gives the report and, for the audit, the Proposal.
        report, proposal = _validate_and_read(
            tree, as_of=job.as_of, status=job.status, config=job.config, law_date=job.law_date
        )
        # Every finding gets its line and column from this one parse.
        report = attrs.evolve(report, findings=locate(report.findings, parsed.positions))
    else:
        report, proposal = _validate_and_read(
            text,
            as_of=job.as_of,
            status=job.status,
            config=job.config,
            law_date=job.law_date,
            format=_format(path),
        )
    if not job.proposal:
        proposal = None
    report = attrs.evolve(report, fail_on=job.fail_on)
    value = tree.get("framework", "psed") if isinstance(tree, dict) else None
    framework = value if isinstance(value, str) else None
    # A limit the walk enforces (too many values) is one PSED001 about the whole document:
    # nothing of it was read, as when the parser itself stops.
    unreadable = any(f.code == "PSED001" and f.pointer == "" for f in report.findings)
    result = FileResult(path=path, report=report, framework=framework, unreadable=unreadable)
    return Outcome(result=result, proposal=None if unreadable else proposal)


def _safe_check(path: str, job: Job) -> Outcome:
    """:func:`check_file` in the job's language, any unexpected exception reported as PSED001."""
    outcome = _checked(path, job)
    if job.lang == "en":
        return outcome
    from psed.findings import translate

    result = outcome.result
    report = translate(result.report, job.lang)
    return attrs.evolve(outcome, result=attrs.evolve(result, report=report))


def _checked(path: str, job: Job) -> Outcome:
    try:
        return check_file(path, job)
    except (KeyboardInterrupt, SystemExit):
        raise
    except RecursionError:
        return _unreadable(path, _("The document is nested too deeply to read."), job)
    except MemoryError:
        return _unreadable(path, _("The document is too large to read."), job)
    except Exception as exc:  # a bug in psed: keep the run going, name the file
        error = f"{type(exc).__name__}: {exc}"
        return _unreadable(
            path,
            _(
                "psed could not check this file (internal error: {error}); please report it.",
                error=error,
            ),
            job,
        )


T = TypeVar("T")

CHUNK_SIZE = 128
"""Files a worker checks per task. The parent's CPU grows with the number of tasks
(benchmarks/bench_cli.py, 10,000 documents: 0.074 ms a file with 32 files a task, 0.034
with 128); a worker holds one task's rendered text at a time (under 1 MB for typical
documents)."""

_worker_job: Job | None = None
_worker_then: Callable[[Outcome], Any] | None = None


def _init_worker(job: Job, then: Callable[[Outcome], Any]) -> None:
    global _worker_job, _worker_then
    _worker_job = job
    _worker_then = then
    import signal

    # The parent handles Ctrl-C and SIGTERM and terminates the pool; workers stay quiet
    # (a worker forked from the command would otherwise inherit its SIGTERM handler).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _work(path: str) -> Any:
    assert _worker_job is not None
    assert _worker_then is not None
    return _worker_then(_safe_check(path, _worker_job))


def _same(outcome: Outcome) -> Outcome:
    return outcome


def jobs_count(jobs: int) -> int:
    """The number of processes for ``--jobs``: 0 means one per core."""
    if jobs <= 0:
        return os.cpu_count() or 1
    return jobs


def run(paths: Iterable[str], job: Job, *, jobs: int = 1) -> Generator[Outcome, None, None]:
    """Check every path, yielding outcomes in the order of the paths (see :func:`run_map`)."""
    return run_map(paths, job, _same, jobs=jobs)


def run_map(
    paths: Iterable[str], job: Job, then: Callable[[Outcome], T], *, jobs: int = 1
) -> Generator[T, None, None]:
    """Check every path and apply ``then`` to each outcome, yielding in the order of the paths.

    With ``jobs`` > 1 the files are checked, and ``then`` applied, in that many worker
    processes, so only ``then``'s (small) result crosses back; ``then`` must be
    picklable. When every path is done the pool is closed and its workers end as usual;
    it is terminated if the consumer stops early or on Ctrl-C.
    """
    workers = jobs_count(jobs)
    if workers <= 1:
        for path in paths:
            yield then(_safe_check(path, job))
        return
    import multiprocessing  # only when it is used: it costs start-up time

    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    pool = context.Pool(workers, initializer=_init_worker, initargs=(job, then))
    finished = False
    try:
        yield from pool.imap(_work, paths, chunksize=CHUNK_SIZE)
        finished = True
    finally:
        if finished:
            pool.close()  # the workers finish and exit as processes do (their atexit runs)
        else:
            pool.terminate()
        pool.join()
