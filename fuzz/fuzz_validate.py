"""Fuzz psed's reading and validating: any bytes in, a Report out, never an exception.

Usage (from the repository root)::

    python fuzz/fuzz_validate.py --minutes 30             # long run (atheris if installed)
    python fuzz/fuzz_validate.py --seconds 5 --engine random   # the smoke run the tests use
    python fuzz/fuzz_validate.py --minutes 10 --mode mapping   # parsed mappings
    python fuzz/fuzz_validate.py --minutes 10 --mode config    # configuration files

Modes:

- ``bytes`` (the default): each input is a document's bytes, as below.
- ``mapping``: each input is a recipe for a mapping a caller parsed itself and hands
  to ``psed.validate`` (as a form backend does with ``json.loads``): mappings up to a
  million keys wide, nesting up to 100,000 deep, lists of 200,000 entries, values
  that refer to themselves, keys that are not text, numbers of 5,000 digits, text
  with half a surrogate pair, and Python values no parser makes (sets, bytes,
  tuples). ``validate``, ``read`` and ``structure`` (which may raise only
  ``DocumentError``) and every report format run on it; the report must be
  bounded (at most the documented number of findings).
- ``config``: each input is the text of a ``psed.toml`` or a ``pyproject.toml``,
  read by ``load_config`` (which may raise only ``ConfigError``); a configuration
  that loads must give a catalogue, check a document (from text, under its own
  limits) and write a ``psed new`` template for each of its frameworks that reads
  back without findings, as a draft of that framework.

Engines:

- ``atheris`` (coverage-guided, libFuzzer): used when the ``atheris`` package is
  installed (``pip install -e '.[fuzz]'``). Crashing inputs are written to ``--out``.
- ``random``: a plain mutation fuzzer with no dependency (byte flips, splices and
  YAML/JSON tokens inserted into seed documents, plus generated trees); it needs
  only the standard library and is what the test suite's smoke run uses.

Each input goes through every entry point that takes untrusted input:
``psed.validate`` on the bytes, on the text and on the parsed tree, ``psed.read``,
``psed.loads`` (which may raise only ``DocumentError``), the command line's per-file
path (:func:`psed._batch.check_file` reading standard input) and every report
renderer. The properties checked for each input:

1. nothing raises except ``DocumentError`` from ``loads``;
2. ``validate`` returns a ``Report`` whose findings all have a known code, a
   severity and a pointer that is ``""`` or starts with ``/``;
3. a document that reads without findings keeps every value through
   ``structure(unstructure(p)) == p``;
4. no input takes longer than ``--timeout`` seconds (a hang is a failure).

A failure is written to ``--out`` as ``<kind>-<sha1>.bin`` (the input) and
``<kind>-<sha1>.txt`` (what went wrong), and summarised in ``summary.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import hashlib
import json
import os
import random
import signal
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AS_OF = _dt.date(2026, 11, 26)

# Imported lazily by the engines (atheris instruments the imports it wraps).
psed: Any = None


def _import_psed() -> None:
    global psed
    import psed as _psed
    import psed._batch
    import psed.output

    psed = _psed


class InputTimeout(Exception):
    """One input took longer than the per-input time budget."""


class PropertyFailure(AssertionError):
    """An input broke one of the harness's properties."""


# --------------------------------------------------------------------------- the target


def _known_codes() -> frozenset[str]:
    from psed.rules import all_rules

    return frozenset(r.code for r in all_rules())


_CODES: frozenset[str] | None = None


def _check_report(report: Any, where: str) -> None:
    global _CODES
    if _CODES is None:
        _CODES = _known_codes()
    if not isinstance(report, psed.Report):
        raise PropertyFailure(f"{where}: returned {type(report).__name__}, not a Report")
    for finding in report.findings:
        if finding.code not in _CODES:
            raise PropertyFailure(f"{where}: unknown code {finding.code!r}")
        if not (finding.pointer == "" or finding.pointer.startswith("/")):
            raise PropertyFailure(f"{where}: bad pointer {finding.pointer!r}")
        if not finding.message or "Traceback" in finding.message:
            raise PropertyFailure(f"{where}: bad message {finding.message!r}")
        if finding.message.startswith("internal error") or "internal error in rule" in (
            finding.message
        ):
            raise PropertyFailure(f"{where}: {finding.message}")
    json.dumps(report.to_dict())  # must be JSON-ready


def _leaves(node: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            token = str(key).replace("~", "~0").replace("/", "~1")
            yield from _leaves(value, f"{pointer}/{token}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, f"{pointer}/{index}")
    else:
        yield pointer, node


def _check_nothing_lost(data: bytes, tree: dict[str, Any]) -> None:
    """Every value of a document read without findings is in its unstructured tree, equal.

    The source tree is what psed's parser built (so YAML's own rules, such as line
    folding, are the parser's business); this checks structuring loses nothing.
    """
    from psed._reading.limits import DEFAULT_LIMITS, decode
    from psed._reading.pointer import resolve
    from psed._reading.text import parse_text

    text = decode(data)
    assert isinstance(text, str)
    parsed = parse_text(text, format=None, limits=DEFAULT_LIMITS)
    for pointer, value in _leaves(parsed.tree):
        if value is None:
            continue  # null counts as not given: the field's default is filled in
        if isinstance(value, _dt.date):
            value = value.isoformat()
        got = resolve(tree, pointer, None)
        if got != value or type(got) is not type(value):
            if isinstance(value, float) and value.is_integer() and got == value:
                continue  # 5.0 is read as the whole number 5, as JSON Schema counts it
            raise PropertyFailure(f"{pointer}: {value!r} came back as {got!r}")


def one_input(data: bytes) -> None:
    """Run one input through every entry point; raise on any broken property."""
    from psed._batch import Job, check_file
    from psed.output import FORMATS, RunInfo, render

    _check_report(psed.validate(data, as_of=AS_OF), "validate(bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        _check_report(psed.validate(text, as_of=AS_OF), "validate(str)")
        with contextlib.suppress(psed.DocumentError):
            psed.loads(text)
    proposal, findings = psed.read(data)
    if proposal is not None and not findings:
        tree = psed.unstructure(proposal)
        again = psed.structure(json.loads(json.dumps(tree)))
        if again != proposal:
            raise PropertyFailure("structure(unstructure(p)) != p")
        _check_nothing_lost(data, tree)
    if proposal is not None:
        # The tree the reader saw, validated as an already-parsed mapping.
        from psed._reading.limits import DEFAULT_LIMITS, decode
        from psed._reading.text import parse_text

        decoded = decode(data)
        if isinstance(decoded, str):
            parsed = parse_text(decoded, format=None, limits=DEFAULT_LIMITS)
            if parsed.ok:
                _check_report(psed.validate(parsed.tree, as_of=AS_OF), "validate(tree)")
    job = Job(as_of=AS_OF, stdin=data)
    outcome = check_file("-", job)
    _check_report(outcome.result.report, "check_file")
    run = RunInfo(version="fuzz", as_of=AS_OF)
    for fmt in FORMATS:
        rendered = render([outcome.result], fmt, run)
        if fmt in ("json", "sarif"):
            json.loads(rendered)  # the machine-readable reports must stay parseable


# --------------------------------------------------------------------------- parsed mappings


class Draw:
    """Choices read from the input bytes, so that an input always gives the same mapping.

    Past the end of the bytes every choice is the first one: a short input is a small
    mapping, and a coverage-guided fuzzer grows it byte by byte.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def below(self, n: int) -> int:
        """A number from 0 to ``n - 1`` (two bytes of the input)."""
        chunk = self.data[self.at : self.at + 2]
        self.at += 2
        return int.from_bytes(chunk, "big") % n if chunk else 0

    def pick(self, options: list[Any]) -> Any:
        return options[self.below(len(options))]


WIDTHS = [0, 1, 3, 70, 1_000, 60_000, 100_001, 1_000_000]
DEPTHS = [1, 2, 63, 64, 65, 1_000, 10_000, 100_000]
FIELDS = [
    "name",
    "description",
    "status",
    "framework",
    "impacts",
    "characteristic",
    "impact",
    "details",
    "mitigations",
    "action",
    "owner",
    "due",
    "evidence",
    "engagement",
    "waivers",
    "rule",
    "pointer",
    "reason",
    "approved_by",
    "characteristics",
    "code",
    "label",
    "service_profile",
    "customers",
    "review_date",
    "decision",
    "outcome",
    "alternatives",
    "chosen",
    "intersections",
    "related",
    "screening",
    "level",
    "schema_version",
    "unknown",
    "",
    "/",
    "~",
]


def _odd_key(draw: Draw, index: int) -> Any:
    """A key: mostly text, sometimes what no JSON parser makes."""
    kind = draw.below(12)
    if kind < 6:
        return draw.pick(FIELDS) if kind < 3 else f"k{index}"
    return draw.pick([index, None, True, 1.5, float("nan"), (index, "t"), b"name", "\ud800"])


def _scalar(draw: Draw) -> Any:
    return draw.pick(
        [
            None,
            True,
            0,
            -1,
            5.0,
            1.5,
            float("nan"),
            float("inf"),
            10**5000,
            -(10**5000),
            "",
            " ",
            "N/A",
            "TBC",
            "age",
            "negative",
            "approved",
            "2021-02-30",
            "2026-11-26",
            "/impacts/0",
            "\ud800",
            "a\x00b",
            "\u2028",
            "." * 200_000,
            "a " * 100_000,
            b"bytes",
            bytearray(b"x"),
            {"a", "b"},
            frozenset(),
            ("a", 1),
            complex(1, 2),
            _dt.date(2021, 11, 18),
            _dt.datetime(2021, 11, 18, 10, 0),
            object(),
        ]
    )


def _chain(draw: Draw, depth: int, leaf: Any) -> Any:
    """``depth`` mappings or lists inside one another, built without recursion."""
    node = leaf
    as_list = draw.below(3)
    key = draw.pick(FIELDS)
    for level in range(depth):
        use_list = as_list == 1 or (as_list == 2 and level % 2 == 1)
        node = [node] if use_list else {key: node}
    return node


def build_mapping(data: bytes) -> Any:
    """The mapping (or, now and then, the non-mapping) an input describes."""
    draw = Draw(data)
    root: dict[Any, Any] = {} if draw.below(8) == 7 else {"name": draw.pick(["x", "", None, 1])}
    stack: list[Any] = [root]
    for _ in range(1 + draw.below(8)):
        target = draw.pick(stack)
        key = _odd_key(draw, len(target))
        shape = draw.below(8)
        value: Any
        if shape == 0:  # a wide mapping of unknown or odd keys
            width = draw.pick(WIDTHS)
            leaf = _scalar(draw)
            value = {_odd_key(draw, i) if i < 64 else f"k{i}": leaf for i in range(width)}
        elif shape == 1:  # a deep chain
            value = _chain(draw, draw.pick(DEPTHS), _scalar(draw))
        elif shape == 2:  # a long list of impact entries, empty or alike
            entry = draw.pick([{}, {"characteristic": "age"}, {"impact": "negative"}, None, 1])
            value = [entry] * draw.pick(WIDTHS[:7])
        elif shape == 3:  # a value that holds itself
            value = draw.pick([root, target, stack])
        elif shape == 4:  # a small nested value to put more into
            value = {} if draw.below(2) else []
            stack.append(value)
        else:
            value = _scalar(draw)
        if isinstance(target, dict):
            target[key] = value
        else:
            target.append(value)
    if draw.below(16) == 15:
        return draw.pick([[root], "name: x", None, 5, b"name: x", ()])
    return root


def one_mapping(data: bytes) -> None:
    """Run one parsed mapping through validate, read, structure and the report formats."""
    from psed.output import FORMATS, FileResult, RunInfo, render
    from psed.rules.report import MAX_FINDINGS

    payload = build_mapping(data)
    report = psed.validate(payload, as_of=AS_OF)
    _check_report(report, "validate(mapping)")
    if len(report.findings) > MAX_FINDINGS:
        raise PropertyFailure(f"a report of {len(report.findings)} findings")
    proposal, findings = psed.read(payload)
    if proposal is None and not findings:
        raise PropertyFailure("read gave neither a proposal nor a finding")
    with contextlib.suppress(psed.DocumentError):
        psed.structure(payload)
    run = RunInfo(version="fuzz", as_of=AS_OF)
    result = FileResult(path="mapping", report=report)
    for fmt in FORMATS:
        rendered = render([result], fmt, run)
        if fmt in ("json", "sarif"):
            json.loads(rendered)


# --------------------------------------------------------------------------- configuration files


CONFIG_DOCUMENT = (
    b"name: Library hours\nstatus: submitted\nframework: county\nimpacts:\n"
    b"  - characteristic: age\n    impact: negative\n    details: Shorter hours.\n"
    b"  - characteristic: carers\n    impact: unknown\n"
)

_CONFIG_FOLDER: Path | None = None


def _config_folder() -> Path:
    global _CONFIG_FOLDER
    if _CONFIG_FOLDER is None:
        import tempfile

        _CONFIG_FOLDER = Path(tempfile.mkdtemp(prefix="psed-fuzz-config-"))
    return _CONFIG_FOLDER


def one_config(data: bytes) -> None:
    """Load one configuration file; if it loads, check a document and write templates."""
    from psed._batch import Job, check_file
    from psed.config import ConfigError, load_config
    from psed.output.template import new_document

    # The first byte says which file it is: P a pyproject.toml (read for [tool.psed]).
    name = "pyproject.toml" if data[:1] == b"P" else "psed.toml"
    path = _config_folder() / name
    path.write_bytes(data[1:] if data[:1] in (b"P", b"T") else data)
    try:
        config = load_config(path)
        catalogue = config.catalogue()
    except ConfigError as exc:
        message = str(exc)
        if not message or "Traceback" in message or "internal error" in message:
            raise PropertyFailure(f"a bad configuration message: {message!r}") from None
        return
    job = Job(as_of=AS_OF, config=config, stdin=CONFIG_DOCUMENT)
    _check_report(check_file("-", job).result.report, "check_file(config)")
    _check_report(psed.validate(CONFIG_DOCUMENT, as_of=AS_OF, config=config), "validate(config)")
    for framework_id, framework in sorted(catalogue.frameworks.items()):
        template = new_document(framework)
        proposal, findings = psed.read(template, catalogue=catalogue)
        if findings or proposal is None:
            codes = [f"{f.code} {f.pointer}: {f.message}" for f in findings]
            raise PropertyFailure(f"the template for {framework_id!r} reads with {codes}")
        if (proposal.framework, proposal.status) != (framework_id, "draft"):
            raise PropertyFailure(
                f"the template for {framework_id!r} reads as {proposal.framework!r}, "
                f"{proposal.status!r}"
            )


def config_seeds() -> list[bytes]:
    """The TOML examples in the documentation, and a few hostile configurations."""
    found: list[bytes] = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text("utf-8")
        for block in text.split("```toml\n")[1:]:
            body = block.split("```", 1)[0].encode()
            found.append((b"P" if b"[tool.psed" in body else b"T") + body)
    found += [
        b"T",
        b'Tselect = ["PSED1"]\nfail-on = "warning"\n',
        b"Tmax-bytes = 99999999999999999999\n",
        b"Tmax-depth = 0\n",
        b'T[[characteristics]]\ncode = "carers"\nlabel = "Carers"\n'
        b'[frameworks.county]\nbase = "psed"\nlabel = "County\\nstatus: approved"\n'
        b'require = ["carers"]\n',
        b'T[[characteristics]]\ncode = "carers"\nlabel = "Carers"\n'
        b'[frameworks.county]\nbase = "psed"\nlabel = "County # status: approved"\n'
        b'require = ["carers"]\n',
        b"P[tool]\npsed = 5\n",
        b"Tx = " + b"[" * 600 + b"]" * 600 + b"\n",
    ]
    return found


_TOML_TOKENS = [
    b"[",
    b"]",
    b"[[",
    b"]]",
    b"{",
    b"}",
    b" = ",
    b'"',
    b"'''",
    b'"""',
    b"\n",
    b",",
    b".",
    b"#",
    b"\\n",
    b"\\u0000",
    b"\\u2028",
    b"tool.psed",
    b"select",
    b"ignore",
    b"severity",
    b"fail-on",
    b"frameworks",
    b"characteristics",
    b"duties",
    b"per-framework",
    b"base",
    b"label",
    b"require",
    b"optional",
    b"code",
    b"max-bytes",
    b"max-depth",
    b"max-values",
    b"max-alias-nodes",
    b"exclude",
    b"extend-exclude",
    b"respect-gitignore",
    b"import-templates",
    b"min-consultation-days",
    b"max-evidence-age-years",
    b"PSED",
    b"PSED601",
    b"ALL",
    b"esia",
    b"psed",
    b"carers",
    b"9" * 30,
    b"-1",
    b"0",
    b"2147483648",
    b"inf",
    b"nan",
    b"1979-05-27",
    b"true",
    b"\xff",
    b"\x00",
]


# --------------------------------------------------------------------------- recording


def _record(out: Path, kind: str, data: bytes, detail: str) -> str:
    digest = hashlib.sha1(data).hexdigest()[:16]
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{kind}-{digest}.bin").write_bytes(data)
    (out / f"{kind}-{digest}.txt").write_text(detail, encoding="utf-8")
    return digest


def _alarm(_signum: int, _frame: Any) -> None:
    raise InputTimeout()


TARGETS = {"bytes": one_input, "mapping": one_mapping, "config": one_config}
"""What each mode runs on one input."""


def mode_of(path: Path) -> str:
    """The mode a saved input is for, by its name (``mapping-...``, ``config-...``)."""
    prefix = path.name.split("-", 1)[0]
    return prefix if prefix in TARGETS else "bytes"


def guarded(data: bytes, timeout: float, mode: str = "bytes") -> tuple[str, str] | None:
    """Run the mode's target on one input; None if all is well, else (kind, detail)."""
    use_alarm = timeout > 0 and hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        TARGETS[mode](data)
    except InputTimeout:
        return "hang", f"took longer than {timeout} s"
    except PropertyFailure as exc:
        return "property", f"{exc}\n\n{traceback.format_exc()}"
    except RecursionError:
        return "crash", traceback.format_exc()
    except Exception:
        return "crash", traceback.format_exc()
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return None


# --------------------------------------------------------------------------- seeds and mutations


def seeds() -> list[bytes]:
    """Seed inputs: the examples, the small hostile corpus and a few hand-written ones."""
    found: list[bytes] = []
    for folder in (ROOT / "examples", ROOT / "tests" / "hostile" / "corpus"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix in (".yaml", ".yml", ".json"):
                    data = path.read_bytes()
                    if len(data) <= 64 * 1024:
                        found.append(data)
    found += [
        b'{"name": "x"}',
        b"name: x\nimpacts:\n  - characteristic: age\n    impact: negative\n",
        b"{}",
        b"[]",
        b"",
    ]
    return found


_TOKENS = [
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b",",
    b'"',
    b"'",
    b"\n",
    b"\n  ",
    b"- ",
    b"&a ",
    b"*a",
    b"<<: ",
    b"!!python/object/apply:os.system ['true']",
    b"!!binary ",
    b"!!set ",
    b"!!omap ",
    b"? ",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"%TAG ! tag:x,2000:\n",
    b"NaN",
    b"Infinity",
    b"-Infinity",
    b".nan",
    b".inf",
    b"1e999",
    b"9" * 50,
    b"0x1F",
    b"0o17",
    b"2021-02-30",
    b"0000-01-01",
    b"2021-11-18T10:00:00+01:00",
    b"null",
    b"~",
    b"true",
    b"yes",
    b"\x00",
    b"\x1b",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\\u0000",
    b"\\ud800",
    b"\xed\xa0\x80",
    b"\xf0\x9f\x91\xa9",
    b"\t",
    b"\r\n",
    b"|\n  ",
    b">-\n  ",
    b"name",
    b"impacts",
    b"characteristic",
    b"mitigations",
    b"waivers",
    b"pointer: /impacts/0",
    b"characteristics",
    b"framework: esia",
    b"status: approved",
    b"schema_version: 1",
    b"decision",
    b"review_date",
    b"/~0~1",
]


def _json_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(8 if depth < 4 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 10**20, 1.5, -0.0, 1e308])
    if kind in (3, 4):
        return rng.choice(["", " ", "N/A", "age", "negative", "2021-02-30", "Ŵŷ\u202e", "a\x00b"])
    if kind == 5:
        return [_json_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = [
        "name",
        "impacts",
        "characteristic",
        "impact",
        "mitigations",
        "action",
        "status",
        "decision",
        "outcome",
        "waivers",
        "rule",
        "pointer",
        "characteristics",
        "code",
        "label",
        "unknown",
        "",
    ]
    return {rng.choice(keys): _json_value(rng, depth + 1) for _ in range(rng.randrange(5))}


def mutate(rng: random.Random, corpus: list[bytes], mode: str = "bytes") -> bytes:
    """One new input from the corpus (for a mode's inputs)."""
    if mode == "mapping":
        if rng.random() < 0.5:
            return rng.randbytes(rng.randrange(1, 40))
        recipe = bytearray(rng.choice(corpus))
        for _ in range(rng.randrange(1, 4)):
            pos = rng.randrange(len(recipe) + 1)
            recipe[pos : pos + rng.randrange(3)] = rng.randbytes(rng.randrange(1, 4))
        return bytes(recipe[:64])
    tokens = _TOML_TOKENS if mode == "config" else _TOKENS
    choice = rng.randrange(10)
    if choice == 0 and mode == "bytes":
        value = _json_value(rng)
        if rng.random() < 0.5:
            return json.dumps(value, ensure_ascii=rng.random() < 0.5).encode()
        import yaml

        try:
            return yaml.safe_dump(value, allow_unicode=True).encode()
        except Exception:  # a YAML writer quirk is not what we fuzz
            return b""
    data = bytearray(rng.choice(corpus))
    for _ in range(rng.randrange(1, 6)):
        op = rng.randrange(6)
        pos = rng.randrange(len(data) + 1)
        if op == 0 and data:
            del data[pos : pos + rng.randrange(1, 16)]
        elif op == 1:
            data[pos:pos] = rng.choice(tokens)
        elif op == 2 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif op == 3:
            other = rng.choice(corpus)
            start = rng.randrange(len(other) + 1)
            data[pos:pos] = other[start : start + rng.randrange(1, 200)]
        elif op == 4 and data:
            end = min(len(data), pos + rng.randrange(1, 64))
            data[pos:pos] = data[pos:end] * rng.randrange(1, 4)
        else:
            data[pos:pos] = rng.choice(tokens) + rng.choice(tokens)
    return bytes(data[: 256 * 1024])


def mode_seeds(mode: str) -> list[bytes]:
    """The seed inputs of a mode."""
    if mode == "config":
        return config_seeds()
    if mode == "mapping":
        # One recipe for each shape and each of its sizes (a width, a depth or a choice):
        # a named root, one step, into the root, under key k1, the shape, its size, a value.
        return [
            bytes([0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, shape, 0, size, 0, 4 * size + shape])
            for shape in range(8)
            for size in range(8)
        ]
    return seeds()


# --------------------------------------------------------------------------- engines


def run_random(
    *, seconds: float, seed: int, out: Path | None, timeout: float = 10.0, mode: str = "bytes"
) -> dict[str, Any]:
    """Mutation fuzzing for ``seconds``; a summary with the failures found (deduplicated)."""
    if psed is None:
        _import_psed()
    rng = random.Random(seed)
    corpus = mode_seeds(mode)
    deadline = time.monotonic() + seconds
    executions = 0
    failures: dict[str, dict[str, Any]] = {}
    while time.monotonic() < deadline:
        data = mutate(rng, corpus, mode)
        executions += 1
        outcome = guarded(data, timeout, mode)
        if outcome is None:
            if rng.random() < 0.02 and len(corpus) < 2000:
                corpus.append(data)  # keep some variety without coverage feedback
            continue
        kind, detail = outcome
        signature = _signature(kind, detail)
        if signature not in failures:
            digest = _record(out, f"{mode}-{kind}", data, detail) if out is not None else ""
            failures[signature] = {
                "kind": kind,
                "input": data[:200].decode("utf-8", "backslashreplace"),
                "file": digest,
                "detail": detail.strip().splitlines()[-1] if detail.strip() else kind,
            }
    return {
        "engine": "random",
        "mode": mode,
        "seed": seed,
        "seconds": seconds,
        "executions": executions,
        "failures": list(failures.values()),
    }


def _signature(kind: str, detail: str) -> str:
    """Deduplicate failures by kind and the last frame and line of the traceback."""
    lines = [line for line in detail.strip().splitlines() if line.strip()]
    frames = [line for line in lines if line.strip().startswith('File "')]
    return f"{kind}|{frames[-1].strip() if frames else ''}|{lines[-1] if lines else ''}"[:500]


def run_atheris(*, seconds: float, out: Path, timeout: float, mode: str = "bytes") -> None:
    """Coverage-guided fuzzing with atheris (libFuzzer); does not return normally."""
    import atheris

    # psed imports most of itself on first use: run every seed once while instrumenting,
    # so that the modules each mode reaches are instrumented too.
    with atheris.instrument_imports(include=["psed"]):
        _import_psed()
        for data in mode_seeds(mode):
            guarded(data, timeout, mode)
    corpus_dir = out / f"corpus-{mode}"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for index, data in enumerate(mode_seeds(mode)):
        (corpus_dir / f"seed-{index:04d}").write_bytes(data)

    seen: set[str] = set()

    def target(data: bytes) -> None:
        # Failures are recorded and fuzzing goes on (a long run finds more than one);
        # the alarm catches slow inputs, libFuzzer's -timeout is the backstop.
        outcome = guarded(data, timeout, mode)
        if outcome is not None:
            kind, detail = outcome
            signature = _signature(kind, detail)
            if signature not in seen:
                seen.add(signature)
                digest = _record(out, f"{mode}-{kind}", data, detail)
                last = detail.strip().splitlines()[-1] if detail.strip() else kind
                print(f"\nFAIL {kind}: {last} ({digest})", file=sys.stderr, flush=True)

    argv = [
        sys.argv[0],
        str(corpus_dir),
        f"-max_total_time={int(seconds)}",
        f"-timeout={int(timeout * 3)}",
        "-rss_limit_mb=2048",
        f"-max_len={64 if mode == 'mapping' else 65536}",
        f"-artifact_prefix={out}/",
        "-print_final_stats=1",
    ]
    atheris.Setup(argv, target)
    atheris.Fuzz()


def _iter_inputs(paths: list[str]) -> Iterator[tuple[str, bytes]]:
    for name in paths:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            yield str(file), file.read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument("--minutes", type=float, help="how long to fuzz")
    budget.add_argument("--seconds", type=float, help="how long to fuzz")
    parser.add_argument("--engine", choices=("auto", "atheris", "random"), default="auto")
    parser.add_argument("--mode", choices=sorted(TARGETS), default="bytes", help="what to fuzz")
    parser.add_argument("--seed", type=int, default=None, help="random engine seed")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input")
    parser.add_argument("--out", default="/tmp/psed-fuzz", help="folder for failing inputs")
    parser.add_argument(
        "--replay", nargs="+", metavar="PATH", help="run these inputs once and report"
    )
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.replay:
        _import_psed()
        bad = 0
        for name, data in _iter_inputs(args.replay):
            outcome = guarded(data, args.timeout, mode_of(Path(name)))
            if outcome is not None:
                bad += 1
                print(f"{name}: {outcome[0]}\n{outcome[1]}")
        print(f"replayed; {bad} failing")
        return 1 if bad else 0
    seconds = 60.0 * args.minutes if args.minutes is not None else (args.seconds or 60.0)
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "random"
    if engine == "atheris":
        run_atheris(seconds=seconds, out=out, timeout=args.timeout, mode=args.mode)
        return 0
    seed = args.seed if args.seed is not None else int(time.time())
    summary = run_random(seconds=seconds, seed=seed, out=out, timeout=args.timeout, mode=args.mode)
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k != "failures"}))
    for failure in summary["failures"]:
        print(f"FAIL {failure['kind']}: {failure['detail']}  ({failure['file']})")
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
