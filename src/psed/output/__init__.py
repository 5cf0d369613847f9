"""Renderers for ``psed check``: text, JSON, SARIF, JUnit XML and GitHub annotations.

Each renderer turns a stream of :class:`FileResult` into one report, piece by piece, so
a run over thousands of files holds only one file's result at a time. :func:`render`
does it in one call for scripts and tests::

    text = render(results, "sarif", RunInfo(version=psed.__version__, as_of=date.today()))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from psed.output._common import FileResult, Renderer, RunInfo, Totals

if TYPE_CHECKING:
    from psed._batch import Outcome

__all__ = [
    "FORMATS",
    "FileResult",
    "RenderStep",
    "Rendered",
    "Renderer",
    "RunInfo",
    "Totals",
    "make_renderer",
    "render",
]

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "junit", "github")
"""The report formats of ``psed check --format``."""


def make_renderer(fmt: str, run: RunInfo, *, color: bool = False, **options: Any) -> Renderer:
    """The renderer for a format name (one of :data:`FORMATS`)."""
    if fmt == "text":
        from psed.output.text import TextRenderer

        return TextRenderer(run, color=color, **options)
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


@attrs.frozen(kw_only=True)
class Rendered:
    """One file's output pieces and the little the run needs to count it."""

    items: tuple[str, ...]
    counts: Mapping[str, int]
    ok: bool
    unreadable: bool
    read_with_problems: bool = False
    codes: Mapping[str, int] = attrs.field(factory=dict)
    """Unwaived findings by rule code, when the run counts them (``--statistics``)."""


_renderers: dict[RenderStep, Renderer] = {}


@attrs.frozen
class RenderStep:
    """Renders one checked file where it was checked (a worker process, or this one).

    Picklable, so that a pool of workers sends back text and counters instead of the
    findings themselves.
    """

    fmt: str
    run: RunInfo
    color: bool = False
    quiet: bool = False
    """Text only: no line per finding."""
    statistics: bool = False
    """Count each file's findings by rule code."""

    def __call__(self, outcome: Outcome) -> Rendered:
        renderer = _renderers.get(self)
        if renderer is None:
            options = {"quiet": self.quiet} if self.fmt == "text" else {}
            renderer = make_renderer(self.fmt, self.run, color=self.color, **options)
            _renderers[self] = renderer
        result = outcome.result
        codes: dict[str, int] = {}
        if self.statistics:
            for finding in result.report.findings:
                if finding.waived is None:
                    codes[finding.code] = codes.get(finding.code, 0) + 1
        return Rendered(
            codes=codes,
            items=renderer.items(result),
            counts=result.report.counts,
            ok=result.report.ok,
            unreadable=result.unreadable,
            read_with_problems=result.read_with_problems,
        )
