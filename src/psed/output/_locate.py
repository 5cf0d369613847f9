"""The line of a JSON Pointer in a JSON or YAML file, for reports that show lines.

A light scan: the text is composed into YAML nodes (JSON is YAML for this purpose),
which carry their line, without building Python objects. A pointer to a field the
file does not spell out (rule findings point into the full tree, with defaults)
gets the line of its deepest ancestor that the file has. Whatever goes wrong, the
answer is line 1: a line number is a convenience, never a reason to fail.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

__all__ = ["pointer_lines"]

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def _tokens(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def _line_of(root: yaml.Node, pointer: str) -> int:
    node: yaml.Node = root
    line = 1
    for token in _tokens(pointer):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == token:
                    line = key.start_mark.line + 1
                    node = value
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode):
            if not token.isdigit() or int(token) >= len(node.value):
                return line
            node = node.value[int(token)]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def pointer_lines(data: bytes | str, pointers: Iterable[str]) -> dict[str, int]:
    """The 1-based line of each pointer in the document text (1 when unknown)."""
    wanted = set(pointers)
    try:
        root = yaml.compose(data, Loader=_Loader)
    except Exception:
        return dict.fromkeys(wanted, 1)
    if root is None:
        return dict.fromkeys(wanted, 1)
    out: dict[str, int] = {}
    for pointer in wanted:
        try:
            out[pointer] = _line_of(root, pointer)
        except Exception:  # pragma: no cover - defensive: a line is never worth a crash
            out[pointer] = 1
    return out
