"""Benchmark of ``psed audit --db`` over a large estate, against the same audit without it.

Generates an estate (variations of the examples/ assessments, as bench_cli.py writes
them, each given one of three directorates and, for two in three, one of two
programmes) in a temporary folder, then times, each in a fresh process with its
output sent to /dev/null:

- ``psed audit DIR --format json`` (the alternative: nothing recorded);
- ``psed audit DIR --format json --db FILE`` into a new history;
- ``psed audit DIR --format json --db FILE --baseline`` into that history again (a
  second run, compared with the first).

It prints documents per second, CPU milliseconds per document, the ratio of each run
to the audit without ``--db``, the peak resident memory of the largest process, and
the size of the history. Sizes 1,000, 5,000 and 10,000 show whether memory stays flat
as the number of documents grows: the audit keeps its working set in a temporary
SQLite database, not in Python objects.

Usage::

    .venv/bin/python benchmarks/bench_audit.py                 # 1,000, 5,000 and 10,000
    .venv/bin/python benchmarks/bench_audit.py --sizes 2000
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cli import AS_OF, PSED, load_average, measure
from bench_cli import generate as generate_documents

import psed

DIRECTORATES = ("People", "Place", "Resources")
PROGRAMMES = ("Budget 2026/27 savings", "Customer Access Programme", None)


def generate(folder: Path, count: int) -> None:
    """``count`` JSON documents, each with a directorate and most with a programme."""
    generate_documents(folder, count, "json")
    for index, path in enumerate(sorted(folder.rglob("*.json"))):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["directorate"] = DIRECTORATES[index % 3]
        programme = PROGRAMMES[index % 3 if index % 7 else 2]
        if programme is not None:
            doc["programme"] = programme
        path.write_text(json.dumps(doc, indent=2), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    args = parser.parse_args()
    print(f"psed {psed.__version__}; Python {sys.version.split()[0]}; {PSED}")
    header = (
        f"{'docs':>6} {'run':<24} {'seconds':>8} {'docs/s':>7} {'CPU ms/doc':>10} "
        f"{'ratio':>6} {'peak MiB':>9} {'history MiB':>11}"
    )
    print(header)
    print("-" * len(header))
    peaks: dict[str, list[tuple[int, float]]] = {}
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix="psed-bench-audit-"))
        try:
            estate = folder / "estate"
            generate(estate, size)
            db = folder / "audit.sqlite"
            base = [PSED, "audit", str(estate), "--format", "json", "--as-of", AS_OF]
            runs = {
                "audit (no --db)": base,
                "audit --db (new)": [*base, "--db", str(db)],
                "audit --db --baseline": [*base, "--db", str(db), "--baseline"],
            }
            print(f"{size:>6} load average (1 min) before: {load_average()}")
            rates: dict[str, float] = {}
            for name, command in runs.items():
                seconds, peak, code, cpu = measure(command)
                if code not in (0, 1, 2):
                    raise SystemExit(f"{name} failed with exit code {code}")
                rates[name] = size / seconds
                ratio = rates[name] / rates["audit (no --db)"]
                history = db.stat().st_size / 2**20 if "--db" in command else 0.0
                peaks.setdefault(name, []).append((size, peak))
                print(
                    f"{size:>6} {name:<24} {seconds:>8.2f} {rates[name]:>7.0f} "
                    f"{cpu / size * 1000:>10.2f} {ratio:>6.2f} {peak:>9.1f} {history:>11.1f}"
                )
            print(f"{size:>6} load average after: {load_average()}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if len(args.sizes) > 1:
        print()
        print("Peak memory as the estate grows (MiB per 1,000 more documents):")
        for name, points in peaks.items():
            (first, low), (last, high) = points[0], points[-1]
            slope = (high - low) / (last - first) * 1000
            print(f"  {name:<24} {low:.1f} -> {high:.1f} MiB: {slope:+.2f} MiB per 1,000")


if __name__ == "__main__":
    main()
