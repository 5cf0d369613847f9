"""The hostile corpus: committed files, generated big ones, and the manifest of expectations."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import yaml

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
MIB = 1024 * 1024
LONG_KEY = "k" * MIB


def deep_json_lists() -> tuple[str, bytes]:
    return "deep-json-lists.json", (
        '{"name": "x", "description": ' + "[" * 10_000 + "]" * 10_000 + "}"
    ).encode()


def deep_json_objects() -> tuple[str, bytes]:
    return "deep-json-objects.json", ('{"a": ' * 10_000 + "1" + "}" * 10_000).encode()


def deep_yaml_flow() -> tuple[str, bytes]:
    return "deep-yaml-flow.yaml", ("name: x\ndescription: " + "[" * 10_000 + "]" * 10_000).encode()


def deep_yaml_block() -> tuple[str, bytes]:
    lines = ["name: x", "description:"] + [" " * (2 * i) + "a:" for i in range(1, 1001)]
    return "deep-yaml-block.yaml", ("\n".join(lines) + " 1\n").encode()


def deep_json_in_string() -> tuple[str, bytes]:
    return "deep-json-in-string.json", json.dumps(
        {"name": "[" * 10_000 + "{" * 10_000, "description": "]" * 10_000}
    ).encode()


def big_file_50mib() -> tuple[str, bytes]:
    line = b"description: " + b"x" * 1000 + b"\n"
    return "big-file-50mib.yaml", b"name: big\n" + line * (50 * MIB // len(line) + 1)


def string_20mib() -> tuple[str, bytes]:
    return "string-20mib.json", b'{"name": "' + b"a" * (20 * MIB) + b'"}'


NINE_MIB_TEXT = "Ŵŷ â\t" + "a" * (9 * MIB) + " \n😀 "


def string_9mib() -> tuple[str, bytes]:
    return "string-9mib.json", json.dumps(
        {"name": "x", "description": NINE_MIB_TEXT}, ensure_ascii=False
    ).encode()


def impacts_5000() -> tuple[str, bytes]:
    entry = {
        "characteristic": "age",
        "impact": "negative",
        "details": "Shorter opening hours.",
        "mitigations": [{"action": "TBC"}],
    }
    document = {"name": "Many", "status": "submitted", "impacts": [entry] * 5000}
    return "impacts-5000.yaml", yaml.safe_dump(document, sort_keys=False).encode()


def many_unknown_keys() -> tuple[str, bytes]:
    document: dict[str, Any] = {"name": "x"}
    document.update((f"k{i}", i) for i in range(40_000))
    return "many-unknown-keys.json", json.dumps(document).encode()


def items_not_mappings() -> tuple[str, bytes]:
    document = {"name": "x", "impacts": [1] * 60_000}  # 60,003 values, within the limit
    return "items-not-mappings.json", json.dumps(document).encode()


def too_many_keys() -> tuple[str, bytes]:
    document: dict[str, Any] = {"name": "x"}
    document.update((f"k{i}", i) for i in range(100_000))
    return "too-many-keys.json", json.dumps(document).encode()


def too_many_impacts() -> tuple[str, bytes]:
    lines = "- characteristic: age\n" * (10 * MIB // 22 - 10)
    return "too-many-impacts.yaml", ("name: x\nimpacts:\n" + lines).encode()


def long_key_json() -> tuple[str, bytes]:
    return "long-key.json", json.dumps({"name": "x", LONG_KEY: 1}).encode()


def long_key_yaml() -> tuple[str, bytes]:
    return "long-key.yaml", ("name: x\n" + "k" * 2000 + ": 1\n").encode()


def alias_text_bomb() -> tuple[str, bytes]:
    big = "word " * 800_000  # 4 MB of text, aliased in 100 impact entries
    entries = "".join(
        f"  - characteristic: age\n    group: g{i}\n    impact: neutral\n    details: *t\n"
        for i in range(100)
    )
    text = f'name: x\nstatus: submitted\nimpact_summary: &t "{big}"\nimpacts:\n{entries}'
    return "alias-text-bomb.yaml", text.encode()


def many_waivers() -> tuple[str, bytes]:
    document = {
        "name": "x",
        "status": "approved",
        "impacts": [{"characteristic": "age"} for _ in range(8000)],
        "waivers": [
            {
                "rule": "PSED103",
                "pointer": f"/impacts/{i}/impact",
                "reason": "Accepted",
                "approved_by": "Head",
            }
            for i in range(8000)
        ],
    }
    return "many-waivers.json", json.dumps(document).encode()


GENERATORS: dict[str, Callable[[], tuple[str, bytes]]] = {
    f.__name__: f
    for f in (
        deep_json_lists,
        deep_json_objects,
        deep_yaml_flow,
        deep_yaml_block,
        deep_json_in_string,
        big_file_50mib,
        string_20mib,
        string_9mib,
        impacts_5000,
        many_unknown_keys,
        items_not_mappings,
        too_many_keys,
        too_many_impacts,
        long_key_json,
        long_key_yaml,
        alias_text_bomb,
        many_waivers,
    )
}


def _pair(text: str) -> tuple[str, str]:
    code, _, pointer = text.partition(" ")
    return code, pointer.replace("LONG_KEY", LONG_KEY)


@attrs.frozen
class Case:
    """One hostile input and what psed must say about it."""

    name: str
    why: str
    structural: frozenset[tuple[str, str]]
    guessed: frozenset[tuple[str, str]]
    message: str | None
    keeps: dict[str, str]
    generate: str | None
    count: int | None
    """When set, the exact number of structural findings (``structural`` lists some)."""

    def filename(self) -> str:
        if self.generate is None:
            return self.name
        return GENERATORS[self.generate]()[0]

    def data(self) -> bytes:
        if self.generate is None:
            return (CORPUS / self.name).read_bytes()
        return GENERATORS[self.generate]()[1]

    def write(self, folder: Path) -> Path:
        """The case as a file in ``folder`` (generated ones are made there)."""
        if self.generate is None:
            path = folder / self.name
            path.write_bytes(self.data())
            return path
        name, data = GENERATORS[self.generate]()
        path = folder / name
        path.write_bytes(data)
        return path


def load_cases() -> list[Case]:
    manifest = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))
    cases = []
    for name, entry in manifest.items():
        structural = frozenset(_pair(s) for s in entry["structural"])
        guessed = entry.get("guessed")
        cases.append(
            Case(
                name=name,
                why=entry["why"],
                structural=structural,
                guessed=structural if guessed is None else frozenset(_pair(s) for s in guessed),
                message=entry.get("message"),
                keeps=dict(entry.get("keeps") or {}),
                generate=entry.get("generate"),
                count=entry.get("count"),
            )
        )
    return cases


CASES = load_cases()
