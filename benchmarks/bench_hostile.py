"""Benchmark: what each hostile input costs psed, as a multiple of its size.

For every case of the hostile corpus (``tests/hostile/expected.yaml``: the committed
files and the big ones generated from ``tests/hostile/cases.py``), in a fresh process
of its own so that one case's peak cannot hide another's, it measures:

- ``psed.validate`` of the bytes (reading, structural checks and every rule): CPU time
  (``time.process_time``, best of ``--repeat``), the peak of what Python allocates
  (``tracemalloc``) and the growth of the process's peak resident memory (which also
  sees what C code allocates, such as a regular expression's stack);
- the named alternative, in the same process and on the same bytes: parsing alone,
  with ``json.loads`` for text that starts as JSON and libyaml's ``CSafeLoader``
  (``yaml.compose``, which does not expand aliases) for the rest. The alternative does
  not check anything; it shows what the bytes cost before psed does any work.

Each line gives the input's size, psed's time and its ratio to the parse, and each
memory peak as a multiple of the input's size (for inputs under 64 KiB the peaks are
mostly fixed costs, so the multiple is shown but not summarised). The summary gives
the largest multiples over the inputs of 64 KiB and more, and the largest absolute
figures over all. Run from the repository root::

    .venv/bin/python benchmarks/bench_hostile.py [--repeat 3] [--only NAME] [--json FILE]
    .venv/bin/python benchmarks/bench_hostile.py --summarise FILE   # a saved run again
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024
SMALL = 64 * 1024
"""Inputs under this size are dominated by fixed costs: their multiples are not summarised."""


def _rss() -> int:
    """The process's peak resident memory so far, in bytes (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _cpu(call: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return best


def _traced(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _parser(data: bytes) -> tuple[str, Callable[[], object]]:
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if data.lstrip()[:1] in (b"{", b"["):
        return "json.loads", lambda: json.loads(data)
    return "CSafeLoader compose", lambda: yaml.compose(data, Loader=loader)


def measure(name: str, repeat: int) -> dict[str, Any]:
    """One case, measured in this process (run it in a fresh one)."""
    sys.path.insert(0, str(ROOT))
    import datetime as dt

    from tests.hostile.cases import CASES

    import psed

    case = next(c for c in CASES if c.name == name)
    data = case.data()
    day = dt.date(2026, 11, 26)
    psed.validate(b"name: warm-up\n", as_of=day)  # rule modules imported, not counted
    before = _rss()
    seconds = _cpu(lambda: psed.validate(data, as_of=day), repeat)
    rss = _rss() - before
    traced = _traced(lambda: psed.validate(data, as_of=day))
    parser, parse = _parser(data)
    try:
        parse_seconds: float | None = _cpu(parse, repeat)
        parse_traced: int | None = _traced(parse)
        parse_error = None
    except Exception as exc:  # the parser alone may fail where psed reports a finding
        parse_seconds = parse_traced = None
        parse_error = type(exc).__name__
    return {
        "case": name,
        "bytes": len(data),
        "seconds": seconds,
        "traced": traced,
        "rss": rss,
        "parser": parser,
        "parse_seconds": parse_seconds,
        "parse_traced": parse_traced,
        "parse_error": parse_error,
    }


def _size(n: float) -> str:
    if n >= MIB:
        return f"{n / MIB:.1f} MiB"
    if n >= 1024:
        return f"{n / 1024:.0f} KiB"
    return f"{n:.0f} B"


def _times(n: float, size: int) -> str:
    return f"{n / max(size, 1):.1f}x"


def _line(row: dict[str, Any]) -> str:
    size = row["bytes"]
    if row["parse_seconds"]:
        times = row["seconds"] / row["parse_seconds"]
        ratio = f"{times:.1f}x the parse" if times >= 1 else f"{times:.2f}x the parse"
    elif row["parse_error"]:
        ratio = f"the parse fails ({row['parse_error']})"
    else:
        ratio = "the parse takes no measurable time"
    return (
        f"{row['case'][:34]:34} {_size(size):>9} {row['seconds'] * 1000:9.1f} ms "
        f"({ratio}); traced {_size(row['traced'])} = {_times(row['traced'], size)}, "
        f"resident +{_size(row['rss'])} = {_times(row['rss'], size)}"
    )


def summarise(rows: list[dict[str, Any]]) -> None:
    """The largest multiples over the inputs of :data:`SMALL` and more; the largest figures."""
    big = [r for r in rows if r["bytes"] >= SMALL]
    if big:
        print(f"\nOver the {len(big)} inputs of {_size(SMALL)} and more:")
        for key, what in (("seconds", "CPU time"), ("traced", "traced peak"), ("rss", "resident")):
            worst = max(big, key=lambda r: r[key] / r["bytes"])
            if key == "seconds":
                figure = f"{worst[key] / (worst['bytes'] / MIB):.3f} s per MiB"
            else:
                figure = f"{worst[key] / worst['bytes']:.1f}x the input"
            print(f"  largest {what}: {figure} ({worst['case']}, {_size(worst['bytes'])})")
    if rows:
        print("Over all inputs:")
        for key, what in (("seconds", "CPU time"), ("traced", "traced peak"), ("rss", "resident")):
            worst = max(rows, key=lambda r: r[key])
            figure = f"{worst[key]:.2f} s" if key == "seconds" else _size(worst[key])
            print(f"  largest {what}: {figure} ({worst['case']}, {_size(worst['bytes'])})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per case (best)")
    parser.add_argument("--only", action="append", help="run only the cases with this name")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--summarise", type=Path, help="summarise a run saved with --json")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.summarise:
        rows = json.loads(args.summarise.read_text(encoding="utf-8"))
        for row in rows:
            print(_line(row))
        summarise(rows)
        return 0
    if args.worker:
        print(json.dumps(measure(args.worker, args.repeat)))
        return 0
    sys.path.insert(0, str(ROOT))
    from tests.hostile.cases import CASES

    names = [c.name for c in CASES if not args.only or c.name in args.only]
    rows = []
    print(f"{len(names)} hostile cases, each in a fresh process; best of {args.repeat} passes")
    for name in names:
        done = subprocess.run(
            [sys.executable, __file__, "--worker", name, "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            print(f"{name}: the measurement failed: {done.stderr.strip()[-300:]}")
            continue
        row = json.loads(done.stdout)
        rows.append(row)
        print(_line(row), flush=True)
    summarise(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
