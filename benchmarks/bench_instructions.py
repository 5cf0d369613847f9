"""Benchmark: instructions a document, counted, for psed and the validators it is compared with.

CPU time moves with whatever else the machine runs; the instructions a call executes do
not. For each call of ``bench_validate.py`` named below it runs a fresh interpreter under
valgrind's instruction counter (``valgrind --tool=cachegrind --cache-sim=no``) twice on
the same ``--count`` generated documents (``_corpus.py``): once calling it on the first
document and then on each document once, and once on the first and then on each
document twice. Both runs pay the same one-time costs (imports, compiled expressions,
the first call), so the difference divided by ``--count`` is the instructions a
document. (A run that stops after the first call does not pay the same one-time costs:
pydantic's count, differenced against one, came out at a tenth of its true figure.)
Each line gives the ratio to ``psed.validate(dict)``, and
the targets are the ratios ``bench_validate.py`` states in CPU time. Needs valgrind; run
from the repository root (it takes a few minutes)::

    .venv/bin/python benchmarks/bench_instructions.py [--count 50] [--only NAME]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent

CALLS = (
    "psed.validate(dict)",
    "psed.validate(JSON text)",
    "psed.read(dict), reading only",
    "psed.check(Proposal), rules only",
    "fastjsonschema, own framework (dict)",
    "pydantic model_validate(dict)",
    "form round, psed",
    "form round, pydantic",
)
"""The calls counted, by their names in ``bench_validate.calls``."""


def work(name: str, count: int, total: int) -> None:
    """In the counted interpreter: ``name`` on document 0, then on ``count`` documents."""
    sys.path.insert(0, str(HERE))
    import _corpus
    import bench_validate

    corpus = bench_validate.Corpus("generated", _corpus.generated(total))
    call = bench_validate.calls(corpus)[name]
    call(0)
    for index in range(count):
        call(index % total)


def instructions(name: str, count: int, total: int) -> int:
    """The instructions one interpreter executes doing :func:`work`."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--worker",
            name,
            "--count",
            str(count),
            "--total",
            str(total),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # the same hashing in both runs
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no instruction count for {name}: {done.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50, help="documents counted")
    parser.add_argument("--only", action="append", choices=CALLS, help="count only this call")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--total", type=int, default=50, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        work(args.worker, args.count, args.total)
        return 0
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: it counts the instructions")
    names = args.only or list(CALLS)
    if "psed.validate(dict)" not in names:
        names.insert(0, "psed.validate(dict)")
    print(f"Instructions a document, over {args.count} generated documents")
    per: dict[str, float] = {}
    for name in names:
        base = instructions(name, args.count, args.count)
        full = instructions(name, 2 * args.count, args.count)
        per[name] = (full - base) / args.count
        ratio = per[name] / per["psed.validate(dict)"]
        print(
            f"  {name:<40} {per[name] / 1e6:>8.2f} million   {ratio:>6.2f}x psed(dict)", flush=True
        )
    anchor = per["psed.validate(dict)"]
    for other, target in (
        ("fastjsonschema, own framework (dict)", 1.5),
        ("pydantic model_validate(dict)", 10.0),
    ):
        if other in per:
            ratio = anchor / per[other]
            met = "met" if ratio <= target else "not met"
            print(f"  psed.validate(dict) / {other}: {ratio:.2f}x (target {target}x: {met})")
    if "form round, psed" in per and "form round, pydantic" in per:
        ratio = per["form round, psed"] / per["form round, pydantic"]
        print(f"  form round: psed executes {ratio:.1f}x the instructions of pydantic's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
