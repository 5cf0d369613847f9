"""Benchmark: psed.validate (structure + every rule) against structure-only validators.

In one run, on the same typical document (an example assessment), times:

- ``psed.validate`` on the parsed tree and on JSON text: reading, structural checks
  and every registered rule, findings sorted into document order;
- ``jsonschema`` (Draft202012Validator on ``psed.json_schema()``, compiled once):
  structure only, collecting every error;
- a pydantic v2 model of the same format written below: structure only.

and prints, for each, the wall-clock time per call and the CPU time per call
(``time.process_time``: what other load on a shared machine barely changes), with the
ratios to jsonschema's, and the load average before and after. Target: psed's full
validate no slower than jsonschema's structure-only check (judged on CPU time). Run
from the repository root::

    .venv/bin/python benchmarks/bench_validate.py [examples/NAME.yaml] [--quick]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import jsonschema
from pydantic import BaseModel, ConfigDict, Field

import psed

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DOCUMENT = ROOT / "examples" / "customer-access-strategy.yaml"
AS_OF = dt.date(2026, 11, 26)

# --------------------------------------------------------------------- pydantic model

ImpactCode = Literal["positive", "negative", "mixed", "neutral", "not_applicable", "unknown"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ServiceProfileModel(_Strict):
    description: str | None = None
    customers: int | None = Field(default=None, ge=0)


class EvidenceModel(_Strict):
    source: str
    summary: str | None = None
    date: dt.date | None = None
    url: str | None = None


class EngagementModel(_Strict):
    audience: str | None = None
    method: str | None = None
    date: dt.date | None = None
    end: dt.date | None = None
    summary: str | None = None


class AimsModel(_Strict):
    eliminate: ImpactCode | None = None
    advance: ImpactCode | None = None
    foster: ImpactCode | None = None


class MitigationModel(_Strict):
    action: str
    owner: str | None = None
    due: dt.date | None = None
    status: Literal["planned", "in_progress", "done", "dropped"] = "planned"
    monitoring: str | None = None


class ImpactEntryModel(_Strict):
    characteristic: str
    group: str | None = None
    impact: ImpactCode = "unknown"
    aims: AimsModel | None = None
    details: str | None = None
    mitigations: list[MitigationModel] = []
    justification: str | None = None


class DecisionModel(_Strict):
    outcome: Literal["no_major_change", "adjust", "continue", "stop"] | None = None
    justification: str | None = None
    date: dt.date | None = None
    maker: str | None = None


class SignOffModel(_Strict):
    name: str | None = None
    role: str | None = None
    date: dt.date | None = None


class CharacteristicModel(_Strict):
    code: str
    label: str
    description: str | None = None


class WaiverModel(_Strict):
    rule: str
    pointer: str | None = None
    reason: str | None = None
    approved_by: str | None = None
    expires: dt.date | None = None


class ProposalModel(_Strict):
    schema_version: Literal[1] = 1
    id: str | None = None
    name: str
    description: str | None = None
    framework: str = "psed"
    status: Literal["draft", "submitted", "approved"] = "draft"
    service_profile: ServiceProfileModel | None = None
    impact_summary: str | None = None
    positive_impacts: str | None = None
    evidence: list[EvidenceModel] = []
    engagement: list[EngagementModel] = []
    impacts: list[ImpactEntryModel] = []
    decision: DecisionModel | None = None
    responsible: SignOffModel | None = None
    approver: SignOffModel | None = None
    review_date: dt.date | None = None
    characteristics: list[CharacteristicModel] = []
    waivers: list[WaiverModel] = []


# --------------------------------------------------------------------- timing


def per_call(func: Callable[[], object], quick: bool) -> tuple[float, float]:
    """Best (wall-clock, CPU) time per call, in seconds, over several repeats."""
    number = 20 if quick else 200
    repeats = 3 if quick else 7
    wall = min(timeit.repeat(func, number=number, repeat=repeats)) / number
    cpu = min(timeit.repeat(func, number=number, repeat=repeats, timer=time.process_time))
    return wall, cpu / number


def load_average() -> str:
    """The 1-minute load average, or "n/a" where the platform has none."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "n/a"


def rounds(document: Path) -> dict[str, Callable[[], object]]:
    """The timed calls: name -> zero-argument callable."""
    tree: dict[str, Any] = psed.unstructure(psed.load(document), compact=True)
    text = json.dumps(tree)
    validator = jsonschema.Draft202012Validator(psed.json_schema())
    # Sanity: the three agree that the document is structurally valid.
    assert not list(validator.iter_errors(tree)), "jsonschema rejects the example"
    ProposalModel.model_validate(tree)
    assert not [f for f in psed.validate(tree, as_of=AS_OF).findings if f.code < "PSED100"]

    return {
        "psed.validate(dict), structure + rules": lambda: psed.validate(tree, as_of=AS_OF),
        "psed.validate(JSON text), structure + rules": lambda: psed.validate(text, as_of=AS_OF),
        "jsonschema iter_errors(dict), structure only": lambda: list(validator.iter_errors(tree)),
        "jsonschema json.loads + iter_errors, structure only": lambda: list(
            validator.iter_errors(json.loads(text))
        ),
        "pydantic model_validate(dict), structure only": lambda: ProposalModel.model_validate(tree),
        "pydantic model_validate_json(text), structure only": (
            lambda: ProposalModel.model_validate_json(text)
        ),
        **backend_rounds(text),
    }


# --- backend round -----------------------------------------------------------------------
# The form-backend helper adds here a "backend round": JSON text in (the form's POST body),
# psed.validate, then the GOV.UK error summary as JSON text out, as a form backend does it.
# Return {"name": callable}; the rows are printed with the others.


BACKEND_PSED = "backend round: JSON text -> psed.validate -> error summary JSON"
BACKEND_JSONSCHEMA = "backend round: JSON text -> jsonschema (structure only) -> summary JSON"


def backend_rounds(text: str) -> dict[str, Callable[[], object]]:
    """Timed calls of a form backend's round trip, with psed and with jsonschema.

    Both take the POST body as text and return the response body as text: psed runs
    structure and every rule (``status="submitted"``) and builds
    :func:`psed.forms.form_response`; the alternative runs jsonschema's structure-only
    check and builds the same ``{"ok", "summary", ...}`` shape from its errors.
    """
    from psed.forms import form_response, pointer_to_field_id

    validator = jsonschema.Draft202012Validator(psed.json_schema())

    def with_psed() -> str:
        report = psed.validate(json.loads(text), status="submitted", as_of=AS_OF)
        return json.dumps(form_response(report))

    def with_jsonschema() -> str:
        errors = list(validator.iter_errors(json.loads(text)))
        summary = []
        by_field: dict[str, list[str]] = {}
        for error in errors:
            pointer = "".join(f"/{part}" for part in error.absolute_path)
            field = pointer_to_field_id(pointer)
            summary.append({"text": error.message, "href": f"#{field}"})
            by_field.setdefault(field, []).append(error.message)
        return json.dumps({"ok": not errors, "summary": summary, "errors_by_field": by_field})

    return {BACKEND_PSED: with_psed, BACKEND_JSONSCHEMA: with_jsonschema}


def print_backend_round(times: dict[str, float]) -> None:
    """Requests per second of the backend round (one core, no HTTP), and the ratio."""
    ours, theirs = times[BACKEND_PSED], times[BACKEND_JSONSCHEMA]
    print(
        f"\nbackend round, one core, no HTTP: psed {1 / ours:,.0f} requests/s "
        f"(structure + every rule + error summary); jsonschema {1 / theirs:,.0f} requests/s "
        f"(structure only); psed takes {ours / theirs:.2f}x the time"
    )


# --- end of backend round ----------------------------------------------------------------


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    paths = [a for a in argv if not a.startswith("--")]
    document = Path(paths[0]) if paths else DEFAULT_DOCUMENT
    calls = rounds(document)
    findings = psed.validate(document.read_text(encoding="utf-8"), as_of=AS_OF).findings
    rules = sum(1 for r in psed.rules.all_rules() if r.check is not None)
    print(f"document: {document.relative_to(ROOT) if document.is_relative_to(ROOT) else document}")
    print(f"psed {psed.__version__}: {rules} rules with a check, {len(findings)} findings")
    print(
        f"python {sys.version.split()[0]}, jsonschema {jsonschema_version()}, pydantic "
        f"{pydantic_version()}"
    )
    load_before = load_average()
    measured = {name: per_call(call, quick) for name, call in calls.items()}
    print(f"load average (1 min): {load_before} before, {load_average()} after")
    times = {name: wall for name, (wall, _) in measured.items()}
    cpus = {name: cpu for name, (_, cpu) in measured.items()}
    width = max(len(name) for name in times)
    reference = "jsonschema iter_errors(dict), structure only"
    baseline, cpu_baseline = times[reference], cpus[reference]
    print(
        f"\n{'call':<{width}}  {'wall/call':>10}  {'CPU/call':>10}  "
        f"{'wall vs jsonschema':>18}  {'CPU vs jsonschema':>17}"
    )
    for name, seconds in times.items():
        print(
            f"{name:<{width}}  {seconds * 1e6:>8.0f}µs  {cpus[name] * 1e6:>8.0f}µs  "
            f"{seconds / baseline:>17.2f}x  {cpus[name] / cpu_baseline:>16.2f}x"
        )
    full = "psed.validate(dict), structure + rules"
    ratio = cpus[full] / cpu_baseline
    verdict = "met" if ratio <= 1 else "NOT met"
    print(
        f"\ntarget (psed full validate no slower than jsonschema structure-only): {verdict} "
        f"(CPU {ratio:.2f}x, wall-clock {times[full] / baseline:.2f}x)"
    )
    print_backend_round(times)
    return 0


def jsonschema_version() -> str:
    from importlib.metadata import version

    return version("jsonschema")


def pydantic_version() -> str:
    from importlib.metadata import version

    return version("pydantic")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
