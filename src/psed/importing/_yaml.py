"""The YAML an import writes: psed's own writer, a header, and a comment on each inferred value.

The document text comes from :func:`psed.dumps`, so it reads back exactly like any
other document. Comments are then placed on the line above each inferred value,
found by composing the written YAML (so a comment can never land on the wrong key).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from psed.importing._template import Template

__all__ = ["commented_yaml"]


def _line_of(root: yaml.Node | None, pointer: str) -> tuple[int, int]:
    """(line, column) of the key a pointer names in the composed YAML, 0-based.

    Every inferred pointer names a value the tree holds, so the walk always arrives.
    """
    node: Any = root
    mark = (0, 0)
    for token in pointer.strip("/").split("/"):
        if isinstance(node, yaml.MappingNode):
            key, node = next((k, v) for k, v in node.value if k.value == token)
            mark = (key.start_mark.line, key.start_mark.column)
        else:
            node = node.value[int(token)]
            mark = (node.start_mark.line, node.start_mark.column)
    return mark


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def commented_yaml(
    tree: Mapping[str, Any],
    *,
    source: str,
    template: Template,
    inferred: Sequence[Mapping[str, Any]],
) -> str:
    """The document as YAML: a header, and a ``# inferred`` comment above each inferred value."""
    import psed

    body = psed.dumps(tree)
    root = yaml.compose(body)
    lines = body.splitlines()
    notes: dict[int, list[str]] = {}
    for item in inferred:
        line, column = _line_of(root, str(item["pointer"]))
        value, reason = _one_line(item["value"]), _one_line(item["reason"])
        text = f"{' ' * column}# inferred: {value} ({reason}); check it"
        notes.setdefault(line, []).append(text)
    out: list[str] = []
    for number, text_line in enumerate(lines):
        out.extend(notes.get(number, []))
        out.append(text_line)
    count = len(inferred)
    header = [
        f"# Imported by psed from {source}",
        f"# with the template {template.id} ({_one_line(template.label)}).",
    ]
    if count:
        header.append(
            "# 1 value was inferred rather than read: it is marked '# inferred'; confirm or "
            "correct it."
            if count == 1
            else f"# {count} values were inferred rather than read: each is marked "
            "'# inferred'; confirm or correct them."
        )
    header.append(
        "# The import report lists where every value came from and any text not imported."
    )
    return "\n".join(header + out) + "\n"
