"""Benchmark of ``psed check`` over large folders, against named alternatives in the same run.

Writes generated documents (``_corpus.py``: variations of the examples, 500 to a
sub-folder) as JSON into a temporary folder for each size, then runs, each in a fresh
process with its output sent to /dev/null:

- ``psed check DIR --format json --jobs 1`` and ``--jobs 2``;
- A, "parse loop": one Python process that finds every file (``os.walk``) and parses
  it with ``json.load``, checking nothing: the floor of any checker written in Python;
- B, "fastjsonschema loop": the same, validating each document against its own
  framework's schema (``psed.json_schema(framework, mode="submission")``, compiled
  once per framework): a schema-only pipeline.

For each run it prints documents per second, CPU milliseconds per document (every
process of the run: what other load on the machine changes least) and the peak
resident memory of its largest process (``ru_maxrss``, measured in a wrapper process),
and the ratios of ``--jobs 2`` to A and B.

Memory must not grow with the number of files. That is measured apart, on folders of
``--memory-sizes`` one-line documents (``name: ...``: the number of files is what
varies, and small documents keep a run of 100,000 files short): the peak memory of
``psed check --jobs 2`` at the largest size against the smallest.

Usage::

    .venv/bin/python benchmarks/bench_cli.py        # 10,000 documents; memory at 10,000 and 100,000
    .venv/bin/python benchmarks/bench_cli.py --sizes 1000 --memory-sizes 1000 10000
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import _corpus

import psed

PSED = str(Path(sys.executable).parent / "psed")

_WRAPPER = """
import os, resource, subprocess, sys, time
start = time.perf_counter()
with open(os.devnull, "wb") as sink:
    code = subprocess.run(sys.argv[1:], stdout=sink, stderr=subprocess.PIPE).returncode
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{elapsed} {usage.ru_maxrss} {code} {usage.ru_utime + usage.ru_stime}")
"""

_PARSE_LOOP = """
import json, os, sys
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        with open(os.path.join(root, name), "rb") as f:
            json.load(f)
"""

_SCHEMA_LOOP = """
import json, os, sys
import fastjsonschema, psed
validators = {f: fastjsonschema.compile(psed.json_schema(f, mode="submission"))
              for f in psed.BUILTIN_FRAMEWORKS}
invalid = 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        with open(os.path.join(root, name), "rb") as f:
            document = json.load(f)
        try:
            validators[document.get("framework", "psed")](document)
        except fastjsonschema.JsonSchemaValueException:
            invalid += 1
"""


def measure(command: list[str]) -> tuple[float, float, int, float]:
    """(seconds, peak MiB of the largest process, exit code, CPU seconds) of one fresh run."""
    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2]), float(out[3])


def load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000])
    parser.add_argument("--memory-sizes", type=int, nargs="*", default=[10_000, 100_000])
    args = parser.parse_args()
    print(f"psed {psed.__version__}; Python {sys.version.split()[0]}")
    header = (
        f"{'docs':>7}  {'run':<24} {'seconds':>8} {'docs/s':>7} {'CPU ms/doc':>10} {'peak MiB':>9}"
    )
    print(header)
    print("-" * len(header))
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix="psed-bench-cli-"))
        try:
            _corpus.write_folder(folder, size, "json")
            runs = {
                "A: parse loop": [sys.executable, "-c", _PARSE_LOOP, str(folder)],
                "B: fastjsonschema loop": [sys.executable, "-c", _SCHEMA_LOOP, str(folder)],
            }
            for jobs in ("1", "2"):
                runs[f"psed check --jobs {jobs}"] = [
                    *(PSED, "check", str(folder), "--format", "json"),
                    *("--as-of", _corpus.AS_OF.isoformat(), "--jobs", jobs),
                ]
            rates: dict[str, float] = {}
            print(f"{size:>7}  load average before: {load_average()}")
            for name, command in runs.items():
                seconds, peak, code, cpu = measure(command)
                if name.startswith("psed") and code not in (0, 1):
                    raise SystemExit(f"{name} failed with exit code {code}")
                rates[name] = size / seconds
                print(
                    f"{size:>7}  {name:<24} {seconds:>8.2f} {rates[name]:>7.0f} "
                    f"{cpu / size * 1000:>10.3f} {peak:>9.1f}"
                )
            best = rates["psed check --jobs 2"]
            print(
                f"{size:>7}  psed check --jobs 2: {best / rates['A: parse loop']:.3f}x the "
                f"documents/s of A, {best / rates['B: fastjsonschema loop']:.2f}x of B, "
                f"{best / rates['psed check --jobs 1']:.2f}x of --jobs 1; "
                f"{'met' if best >= 5000 else 'NOT met'} (target >= 5,000 documents/s "
                f"on a quiet machine); load average after: {load_average()}"
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    peaks: dict[int, float] = {}
    for size in args.memory_sizes:
        folder = Path(tempfile.mkdtemp(prefix="psed-bench-cli-"))
        try:
            write_small(folder, size)
            command = [PSED, "check", str(folder), "--format", "json", "--jobs", "2"]
            seconds, peaks[size], code, cpu = measure([*command, "--as-of", "2026-11-26"])
            if code not in (0, 1):
                raise SystemExit(f"psed check failed with exit code {code}")
            print(
                f"{size:>7}  {'one-line documents, -j 2':<24} {seconds:>8.2f} "
                f"{size / seconds:>7.0f} {cpu / size * 1000:>10.3f} {peaks[size]:>9.1f}"
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if len(peaks) > 1:
        low, high = min(peaks), max(peaks)
        ratio = peaks[high] / peaks[low]
        print(
            f"peak memory of psed check --jobs 2 at {high:,} files / at {low:,}: "
            f"{ratio:.3f}x ({peaks[high]:.1f} / {peaks[low]:.1f} MiB), "
            f"{'met' if ratio <= 1.10 else 'NOT met'} (target <= 1.10)"
        )


def write_small(folder: Path, count: int, per_folder: int = 500) -> None:
    """``count`` one-line YAML documents, 500 to a sub-folder."""
    for index in range(count):
        sub = folder / f"dept-{index // per_folder:04d}"
        if index % per_folder == 0:
            sub.mkdir()
        (sub / f"eia-{index:07d}.yaml").write_text(f"name: Proposal {index}\n", "utf-8")


if __name__ == "__main__":
    main()
