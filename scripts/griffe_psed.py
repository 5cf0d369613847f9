"""A Griffe extension for the API reference: psed's docstrings as mkdocstrings shows them.

Listed under the Python handler's ``extensions`` in mkdocs.yml. It does three things:

- **attrs classes.** The constructor attrs generates is shown as the class signature
  (keyword-only, with the types the converters accept), and a field whose sentence is
  kept in ``metadata["doc"]`` (the model's fields) gets that sentence as its docstring;
  the field's default is shown instead of the ``attrs.field(...)`` call.
- **reStructuredText.** Docstrings are written for ``help()`` and Sphinx-style
  readers: each role (``:func:`check```, ``:class:`~psed.Report```) becomes a link to
  the object's entry in the reference, or plain code where the object is not documented
  there (a private helper); ``>>>`` examples and ``::`` literal blocks become code
  blocks, and ``.. versionadded::`` / ``.. versionchanged::`` a sentence.

The docstrings themselves are the documentation: nothing is added that they do not say.
"""

from __future__ import annotations

import enum
import inspect
import re
from typing import Any

import attrs
import griffe

_ROLE = re.compile(r":(?:py:)?(?:func|class|mod|data|attr|meth|exc|obj|const):`(~?)([^`<>]+)`")

logger = griffe.get_logger("griffe_psed")


def _runtime(path: str) -> Any:
    try:
        return griffe.dynamic_import(path)
    except ImportError:
        return None


def _default(value: Any) -> str | None:
    """A field's default as Python source (``Status.DRAFT``, not ``<Status.DRAFT: 'draft'>``)."""
    if value is attrs.NOTHING:
        return None
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        return "..."
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return repr(value)


def _annotation(text: Any) -> str | None:
    if text is inspect.Parameter.empty:
        return None
    return str(text).replace("_dt.", "datetime.") if isinstance(text, str) else repr(text)


class PsedDocs(griffe.Extension):
    """Show attrs constructors and field sentences, and turn Sphinx roles into links."""

    def __init__(self) -> None:
        super().__init__()
        self._converted: set[int] = set()

    def on_class(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        runtime = _runtime(cls.path)
        if not (isinstance(runtime, type) and attrs.has(runtime)):
            return
        fields = {field.name: field for field in attrs.fields(runtime)}
        for name, field in fields.items():
            member = cls.members.get(name)
            if not isinstance(member, griffe.Attribute):
                continue
            doc = field.metadata.get("doc")
            if doc and member.docstring is None:
                member.docstring = griffe.Docstring(doc, parent=member)
            if isinstance(member.value, griffe.ExprCall):
                member.value = _default(field.default)
        if "__init__" in cls.members:
            return
        signature = inspect.signature(runtime.__init__)
        parameters = []
        for parameter in signature.parameters.values():
            default = None
            if parameter.default is attrs.NOTHING:  # a factory
                default = "..."
            elif parameter.default is not inspect.Parameter.empty:
                default = _default(parameter.default)
            parameters.append(
                griffe.Parameter(
                    parameter.name,
                    annotation=_annotation(parameter.annotation),
                    kind=griffe.ParameterKind(parameter.kind.description),
                    default=default,
                )
            )
        init = griffe.Function(
            "__init__", parameters=griffe.Parameters(*parameters), returns="None", parent=cls
        )
        init.labels.add("attrs")
        cls.set_member("__init__", init)

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        docstring = obj.docstring
        if docstring is not None and id(docstring) not in self._converted:
            self._converted.add(id(docstring))
            text = _ROLE.sub(lambda match: _link(obj, match), docstring.value)
            docstring.value = _blocks(text)


def _link(obj: griffe.Object, match: re.Match[str]) -> str:
    """One Sphinx role as an optional cross-reference (plain code when it does not resolve)."""
    short, target = match.group(1) == "~", match.group(2).strip()
    shown = target.rsplit(".", 1)[-1] if short else target.lstrip(".")
    identifier = _resolve(obj, target)
    if identifier is None:
        return f"`{shown}`"
    return f'<autoref identifier="{identifier}" optional><code>{shown}</code></autoref>'


def _resolve(obj: griffe.Object, target: str) -> str | None:
    """The full path a role's target names, seen from the object whose docstring it is in."""
    if target.startswith("psed"):
        return target
    if target.startswith("."):  # a module beside this one (":mod:`.converter`")
        module = obj.module
        package = module.path if module.is_init_module else module.path.rsplit(".", 1)[0]
        return f"{package}{target}"
    first, _, rest = target.partition(".")
    scope: griffe.Object | None = obj if obj.is_class or obj.is_module else obj.parent
    while scope is not None:
        try:
            found = scope.resolve(first)
        except griffe.NameResolutionError:
            scope = scope.parent
            continue
        return f"{found}.{rest}" if rest else found
    return None


_VERSION = re.compile(r"^\.\. version(added|changed):: *(\S+)$")


def _blocks(text: str) -> str:
    """Doctest and ``::`` literal blocks as fenced code, version directives as sentences."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(">>> "):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            out.append(f"{indent}```")
            continue
        version = _VERSION.match(stripped)
        if version:
            kind, number = version.groups()
            body: list[str] = []
            i += 1
            while i < len(lines) and lines[i].startswith((" ", "\t")) and lines[i].strip():
                body.append(lines[i].strip())
                i += 1
            what = "Added" if kind == "added" else "Changed"
            out.append(" ".join([f"*{what} in version {number}.*", *body]))
            continue
        if stripped.endswith("::") and not stripped.startswith(".."):
            out.append(line[:-1])  # "in its pyproject.toml::" reads "in its pyproject.toml:"
            i += 1
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            while block and not block[0].strip():
                block.pop(0)
            margin = min(len(row) - len(row.lstrip()) for row in block if row.strip())
            out.extend(["", "```", *(row[margin:] for row in block), "```", ""])
            continue
        out.append(line)
        i += 1
    return "\n".join(out)
