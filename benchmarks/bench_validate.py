"""Benchmark: psed.validate (structure and every rule) against structure-only validators.

In one run, on two corpora (the examples, and 1,000 documents generated from them with
a fixed seed: see ``_corpus.py``), it times per document:

- ``psed.validate`` of the parsed tree (a dict), of JSON text and of YAML text:
  reading, structural checks, every rule, waivers, findings in document order;
- fastjsonschema, compiled once per framework from ``psed.json_schema(framework,
  mode="submission")``, validating each document against its own framework's schema
  (structure and the completeness conditions a schema can express; it stops at the
  first error);
- a pydantic v2 model and msgspec structs of the same format (``_models.py``):
  structure only, from a dict and from JSON text;
- libyaml's ``CSafeLoader``: parsing the YAML text, nothing else;
- a form backend's round, JSON text in and the error summary as JSON out, with psed
  (``json.loads``, ``psed.validate(status="submitted")``, ``psed.forms.form_response``,
  ``json.dumps``) and with pydantic (``model_validate_json``, its errors turned into
  the same ``{"ok", "summary", "errors_by_field"}`` shape, ``json.dumps``).

Times are CPU time (``time.process_time``) of one pass over a corpus, best of
``--repeat`` passes, divided by the number of documents: CPU time is what other work
on the machine changes least. Each line gives the ratio to its anchor and whether the
target is met. Run from the repository root::

    .venv/bin/python benchmarks/bench_validate.py [--count 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from importlib.metadata import version
from typing import Any

import _corpus
import _models
import attrs
import fastjsonschema
import msgspec
import pydantic
import yaml

import psed
from psed.forms import form_response, pointer_to_field_id

LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Corpus:
    """One set of documents in every shape the calls take."""

    def __init__(self, name: str, trees: list[dict[str, Any]]) -> None:
        self.name = name
        self.trees = trees
        self.json = [_corpus.as_json(t) for t in trees]
        self.yaml = [_corpus.as_yaml(t) for t in trees]
        self.frameworks = [str(t.get("framework", "psed")) for t in trees]

    def __len__(self) -> int:
        return len(self.trees)


def per_document(func: Callable[[int], object], count: int, repeat: int) -> float:
    """CPU seconds per document: best of ``repeat`` passes calling ``func(i)`` for each."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for index in range(count):
            func(index)
        best = min(best, time.process_time() - start)
    return best / count


def schema_validators() -> dict[str, Callable[[Any], Any]]:
    return {
        framework: fastjsonschema.compile(psed.json_schema(framework, mode="submission"))
        for framework in sorted(psed.BUILTIN_FRAMEWORKS)
    }


def _fastjsonschema(validate: Callable[[Any], Any], tree: Any) -> bool:
    try:
        validate(tree)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


def _pydantic(call: Callable[[Any], Any], value: Any) -> bool:
    try:
        call(value)
    except pydantic.ValidationError:
        return False
    return True


def _msgspec(call: Callable[[Any], Any], value: Any) -> bool:
    try:
        call(value)
    except msgspec.ValidationError:
        return False
    return True


def psed_round(text: str) -> str:
    """A form backend's request with psed: the body in, the response body out."""
    report = psed.validate(json.loads(text), status="submitted", as_of=_corpus.AS_OF)
    return json.dumps(form_response(report))


def pydantic_round(text: str) -> str:
    """The same round with pydantic checking structure only."""
    try:
        _models.ProposalModel.model_validate_json(text)
    except pydantic.ValidationError as exc:
        summary = []
        by_field: dict[str, list[str]] = {}
        for error in exc.errors():
            field = pointer_to_field_id("".join(f"/{part}" for part in error["loc"]))
            summary.append({"text": error["msg"], "href": f"#{field}"})
            by_field.setdefault(field, []).append(error["msg"])
        return json.dumps({"ok": False, "summary": summary, "errors_by_field": by_field})
    return json.dumps({"ok": True, "summary": [], "errors_by_field": {}})


def _read(proposal: psed.Proposal | None) -> psed.Proposal:
    assert proposal is not None, "every benchmark document is read (sanity checks it)"
    return proposal


def calls(corpus: Corpus) -> dict[str, Callable[[int], object]]:
    """The timed calls on one corpus, by name; each takes a document's index."""
    day = _corpus.AS_OF
    trees, texts, yamls = corpus.trees, corpus.json, corpus.yaml
    validators = schema_validators()
    schema_of = [validators[f] for f in corpus.frameworks]
    model = _models.ProposalModel
    # The two halves of psed.validate(dict), each on its own: reading the mapping (the
    # structural checks and the typed Proposal) and the rules on a Proposal read before.
    proposals = [psed.read(tree)[0] for tree in trees]
    return {
        "psed.validate(dict)": lambda i: psed.validate(trees[i], as_of=day),
        "psed.read(dict), reading only": lambda i: psed.read(trees[i]),
        "psed.check(Proposal), rules only": lambda i: psed.check(_read(proposals[i]), as_of=day),
        "psed.validate(JSON text)": lambda i: psed.validate(texts[i], as_of=day),
        "psed.validate(YAML text)": lambda i: psed.validate(yamls[i], as_of=day),
        "fastjsonschema, own framework (dict)": lambda i: _fastjsonschema(schema_of[i], trees[i]),
        "pydantic model_validate(dict)": lambda i: _pydantic(model.model_validate, trees[i]),
        "pydantic model_validate_json(text)": (
            lambda i: _pydantic(model.model_validate_json, texts[i])
        ),
        "msgspec convert(dict)": (
            lambda i: _msgspec(lambda v: msgspec.convert(v, _models.ProposalS), trees[i])
        ),
        "msgspec json.decode(text)": (
            lambda i: _msgspec(lambda v: msgspec.json.decode(v, type=_models.ProposalS), texts[i])
        ),
        "yaml.load(text, CSafeLoader)": lambda i: yaml.load(yamls[i], Loader=LOADER),
        "form round, psed": lambda i: psed_round(texts[i]),
        "form round, pydantic": lambda i: pydantic_round(texts[i]),
    }


def unplaced(finding: psed.Finding) -> psed.Finding:
    """The finding without its line and column (which only text has)."""
    return attrs.evolve(finding, line=None, column=None)


def sanity(corpus: Corpus) -> tuple[int, float]:
    """Every document is structurally valid to all four; (documents, findings a document)."""
    findings = 0
    for tree, text in zip(corpus.trees, corpus.json, strict=True):
        report = psed.validate(tree, as_of=_corpus.AS_OF)
        structural = [f for f in report.findings if f.code < "PSED100"]
        assert not structural, structural
        from_text = psed.validate(text, as_of=_corpus.AS_OF).findings  # with line and column
        assert [unplaced(f) for f in report.findings] == [unplaced(f) for f in from_text]
        _models.ProposalModel.model_validate(tree)
        msgspec.convert(tree, _models.ProposalS)
        findings += len(report.findings)
    return len(corpus), findings / len(corpus)


def verdict(ratio: float, target: float, *, at_most: bool = True) -> str:
    met = ratio <= target if at_most else ratio >= target
    return f"{'met' if met else 'NOT met'} (target {'<=' if at_most else '>='} {target:g})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="generated documents")
    parser.add_argument("--repeat", type=int, default=5, help="passes; the best counts")
    args = parser.parse_args(argv)
    libraries = ("pydantic", "fastjsonschema", "msgspec", "PyYAML")
    print(
        f"psed {psed.__version__}; Python {sys.version.split()[0]}; "
        + ", ".join(f"{name} {version(name)}" for name in libraries)
    )
    corpora = [
        Corpus("examples", _corpus.examples()),
        Corpus(f"generated {args.count:,}", _corpus.generated(args.count)),
    ]
    for corpus in corpora:
        documents, findings = sanity(corpus)
        size = sum(len(t.encode()) for t in corpus.json) / documents / 1024
        print(
            f"\n{corpus.name}: {documents} documents, {size:.1f} KiB of JSON and "
            f"{findings:.1f} findings a document; CPU time per document, best of {args.repeat}"
        )
        timed = {
            name: per_document(call, len(corpus), args.repeat)
            for name, call in calls(corpus).items()
        }
        anchor = timed["psed.validate(dict)"]
        for name, seconds in timed.items():
            print(f"  {name:<40} {seconds * 1e6:>9.1f} µs   {seconds / anchor:>6.2f}x psed(dict)")
        fast = anchor / timed["fastjsonschema, own framework (dict)"]
        pyd = anchor / timed["pydantic model_validate(dict)"]
        yaml_anchor = timed["yaml.load(text, CSafeLoader)"] + timed["psed.validate(JSON text)"]
        yaml_ratio = timed["psed.validate(YAML text)"] / yaml_anchor
        ours, theirs = timed["form round, psed"], timed["form round, pydantic"]
        print(f"  targets ({corpus.name}):")
        print(f"    psed.validate(dict) / fastjsonschema: {fast:.2f}x, {verdict(fast, 1.5)}")
        print(f"    psed.validate(dict) / pydantic(dict): {pyd:.2f}x, {verdict(pyd, 10)}")
        print(
            f"    psed.validate(YAML) / (CSafeLoader parse + psed.validate(JSON)): "
            f"{yaml_ratio:.2f}x, {verdict(yaml_ratio, 1.3)}"
        )
        print(
            f"    form round on one core: psed {1 / ours:,.0f} requests/s, pydantic "
            f"{1 / theirs:,.0f} (psed takes {ours / theirs:.1f}x as long); "
            f"{verdict(1 / ours, 5000, at_most=False)} requests/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
