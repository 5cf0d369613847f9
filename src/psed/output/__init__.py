"""Renderers for ``psed check``: text, JSON, SARIF, JUnit XML and GitHub annotations.

Each renderer turns a stream of :class:`FileResult` into one report, piece by piece, so
a run over thousands of files holds only one file's result at a time. :func:`render`
does it in one call for scripts and tests::

    text = render(results, "sarif", RunInfo(version=psed.__version__, as_of=date.today()))
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from psed.output._common import FileResult, Renderer, RunInfo, Totals

__all__ = ["FORMATS", "FileResult", "Renderer", "RunInfo", "Totals", "make_renderer", "render"]

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "junit", "github")
"""The report formats of ``psed check --format``."""


def make_renderer(fmt: str, run: RunInfo, *, color: bool = False, **options: Any) -> Renderer:
    """The renderer for a format name (one of :data:`FORMATS`)."""
    if fmt == "text":
        from psed.output.text import TextRenderer

        return TextRenderer(run, color=color)
    if fmt == "json":
        from psed.output.json import JsonRenderer

        return JsonRenderer(run)
    if fmt == "sarif":
        from psed.output.sarif import SarifRenderer

        return SarifRenderer(run, **options)
    if fmt == "junit":
        from psed.output.junit import JunitRenderer

        return JunitRenderer(run)
    if fmt == "github":
        from psed.output.github import GithubRenderer

        return GithubRenderer(run)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def render(
    results: Iterable[FileResult], fmt: str, run: RunInfo, *, color: bool = False, **options: Any
) -> str:
    """A whole report as one string."""
    renderer = make_renderer(fmt, run, color=color, **options)
    totals = Totals()
    pieces = [renderer.begin()]
    for result in results:
        totals.add(result)
        pieces.append(renderer.add(result))
    pieces.extend(renderer.end(totals))
    return "".join(pieces)
