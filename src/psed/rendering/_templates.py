"""HTML and Markdown from a layout, with Jinja2 templates (autoescaping on).

The HTML environment escapes every value for HTML (Jinja2's autoescaping). The
Markdown environment does the same for Markdown: every value written with ``{{ }}``
passes through :func:`markdown_escape` unless it is already Markdown this module
made, so a document text can never become a heading, a link or a table cell border.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from typing import Any

from psed.rendering._chars import plain, segments
from psed.rendering._labels import LABELS, Bilingual, label
from psed.rendering._layout import Layout, Value, ValueKind

__all__ = ["html", "markdown", "markdown_escape", "template_environment"]


def _jinja() -> Any:
    from psed.rendering import _require

    return _require("jinja2", "Jinja2")


def template_environment(
    jinja2: Any, package: str, *, autoescape: bool = True, finalize: Any = None
) -> Any:
    """A Jinja2 environment for the ``templates`` folder of ``package``.

    Every psed template is read the same way: an undefined name is an error, block tags
    leave no blank lines, and a file's last newline is kept. ``jinja2`` is the module,
    imported by the caller (each says in its own way which extra provides it).
    """
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=autoescape,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@functools.cache
def _html_environment() -> Any:
    jinja2 = _jinja()
    markup = jinja2.utils.markupsafe.Markup
    both = markup(
        '<span lang="cy">{}</span><span class="psed-sep" aria-hidden="true"> / </span>'
        '<span lang="en">{}</span>'
    )

    def finalize(value: Any) -> Any:
        # A bilingual label: each language in its own element, marked with its language.
        return both.format(value.cy, value.en) if isinstance(value, Bilingual) else value

    env = template_environment(jinja2, "psed.rendering", finalize=finalize)
    env.tests["bilingual"] = lambda value: isinstance(value, Bilingual)
    css = importlib.resources.files("psed.rendering").joinpath("templates/document.css")
    env.globals.update(
        label=label,
        segments=segments,
        plain=plain,
        labels=LABELS,
        css=markup(css.read_text(encoding="utf-8").strip()),
    )
    return env


def html(layout: Layout) -> str:
    """One self-contained HTML page."""
    return str(_html_environment().get_template("document.html.j2").render(layout=layout))


# --------------------------------------------------------------------------- Markdown


class _Markdown(str):
    """Text that is already Markdown (made here from escaped pieces): written as it is."""

    __slots__ = ()


# Everything that can start or end inline markup (emphasis, code, strikethrough, maths),
# a link or image (whose brackets are escaped, so parentheses and "!" need not be), raw
# HTML, an entity, a table cell or a heading's closing sequence. Every value sits in a
# table cell or a heading, inline contexts where block markup ("- ", "1.") cannot start.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$#])")


def markdown_escape(text: str, *, breaks: bool = True) -> _Markdown:
    """``text`` as Markdown that shows exactly that text (CommonMark, GitHub tables).

    Line breaks become ``<br>`` in a table cell (``breaks``) and spaces in a heading;
    special characters are shown as their code point in a code span.
    """
    out = []
    for piece, marker in segments(text):
        if marker:
            out.append(f"`{piece}`")
            continue
        escaped = _MD_SPECIAL.sub(r"\\\1", piece)
        out.append(escaped.replace("\n", "<br>" if breaks else " "))
    return _Markdown("".join(out))


def _finalize(value: Any) -> Any:
    if isinstance(value, _Markdown) or not isinstance(value, str):
        return value
    return markdown_escape(value)


def _md_value(v: Value) -> _Markdown:
    if v.kind is ValueKind.NONE:
        return _Markdown(f"*{markdown_escape(v.text)}*")
    if v.kind is ValueKind.LINES:
        bullet = "• " if v.bullets else ""
        return _Markdown("<br>".join(f"{bullet}{_md_value(line)}" for line in v.lines))
    if v.href is not None and not v.href.startswith("#"):
        # Only web addresses: a page anchor would not match the anchors a host generates.
        return _Markdown(f"[{markdown_escape(v.text)}](<{v.href}>)")
    return markdown_escape(v.text)


def _heading(text: str) -> _Markdown:
    return markdown_escape(text, breaks=False)


@functools.cache
def _markdown_environment() -> Any:
    env = template_environment(_jinja(), "psed.rendering", autoescape=False, finalize=_finalize)
    # ``markdown`` marks a macro's output, already escaped piece by piece, as Markdown.
    env.filters.update(value=_md_value, heading=_heading, markdown=_Markdown)
    env.globals.update(labels=LABELS, label=label)
    return env


def markdown(layout: Layout) -> str:
    """Markdown for a repository or a wiki (CommonMark with GitHub's tables)."""
    return str(_markdown_environment().get_template("document.md.j2").render(layout=layout))
