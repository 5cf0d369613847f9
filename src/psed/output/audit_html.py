"""The estate dashboard: ``psed audit --format html``, one self-contained accessible page.

Needs the ``psed[audit]`` extra. The page has no script and makes no request: its
styles are inline and its charts are inline SVG drawn by matplotlib's SVG backend
(text kept as text, so it zooms and can be read by assistive technology), each with
a title and a description for screen readers and followed by a table of the same
figures, the alternative for anyone who cannot see the chart. Everything is written
through Jinja2 with autoescaping on.

matplotlib is used because it is the most widely used and longest maintained Python
plotting library, writes SVG itself without a browser or JavaScript runtime, and can
be made to write byte-identical SVG for the same figures (a fixed hash salt, no
date), so the same audit gives the same page.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Sequence
from typing import IO, Any

import attrs
import jinja2
import matplotlib
from markupsafe import escape
from matplotlib.figure import Figure

from psed.audit.estate import GroupTotals, TrendPoint
from psed.output.audit import AuditView
from psed.output.text import one_line, pointer_text

__all__ = ["Chart", "render_html"]

BLUE = "#1d70b8"
"""Bars and lines: 5.2:1 against white (WCAG 1.4.11 asks 3:1 for graphics)."""
RED = "#d4351c"
GREY = "#505a5f"
PALETTE = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#b58840", "#505a5f", "#f47738", "#912b88")
"""Line colours, each at least 3:1 against white."""

_TOP_RULES = 15
"""Rules drawn in the chart of findings by rule (the table lists them all)."""


@attrs.frozen
class Chart:
    """One inline SVG chart, its accessible name and description."""

    id: str
    title: str
    description: str
    svg: str


_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)([^")]+)')


def _inline(svg: str, chart_id: str, title: str, description: str) -> str:
    """matplotlib's SVG as an inline, labelled image with ids unique to the chart."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
    svg = _ID.sub(lambda m: f'id="{chart_id}-{m.group(1)}"', svg)
    svg = _REF.sub(lambda m: f"{m.group(1)}{chart_id}-{m.group(2)}", svg)
    label = (
        f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        'class="chart" preserveAspectRatio="xMinYMin meet"'
    )
    svg = svg.replace("<svg", label, 1)
    head_end = svg.index(">") + 1
    return (
        svg[:head_end]
        + f'<title id="{chart_id}-title">{escape(title)}</title>'
        + f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        + svg[head_end:]
    )


def _figure(height: float) -> tuple[Figure, Any]:
    figure = Figure(figsize=(8.0, height), layout="constrained")
    axes = figure.subplots()
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(colors="#0b0c0c", labelsize=10)
    return figure, axes


def _label(text: str) -> str:
    """A document's text as a chart label: on one line, and never read as mathematics.

    matplotlib reads text between two ``$`` as a formula (and fails on a malformed
    one); a label is always plain text.
    """
    return one_line(text).replace("$", r"\$")


def _svg(figure: Figure, chart_id: str) -> str:
    buffer = io.StringIO()
    with warnings.catch_warnings():
        # A character the layout font lacks is still written as text; the browser's
        # fonts draw it, so matplotlib's warning about it is not the reader's concern.
        warnings.simplefilter("ignore", UserWarning)
        with matplotlib.rc_context({"svg.hashsalt": f"psed-{chart_id}", "svg.fonttype": "none"}):
            figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _bars(
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], str]],
    xlabel: str,
) -> Chart | None:
    """A horizontal bar chart, stacked when there are several series."""
    if not labels:
        return None
    figure, axes = _figure(max(1.6, 0.32 * len(labels) + 0.9))
    positions = list(range(len(labels)))
    left = [0.0] * len(labels)
    for name, values, colour in series:
        axes.barh(positions, values, left=left, color=colour, label=name, height=0.7)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(positions, labels=[_label(text) for text in labels])
    axes.invert_yaxis()
    axes.set_xlabel(xlabel)
    axes.xaxis.get_major_locator().set_params(integer=True)
    if len(series) > 1:
        axes.legend(frameon=False, loc="lower right")
    return Chart(
        chart_id, title, description, _inline(_svg(figure, chart_id), chart_id, title, description)
    )


def _completeness_chart(trends: Sequence[TrendPoint]) -> Chart | None:
    months = sorted({t.month for t in trends})
    if not months:
        return None
    directorates: list[str | None] = []
    for point in trends:
        if point.directorate not in directorates:
            directorates.append(point.directorate)
    figure, axes = _figure(3.2)
    for n, directorate in enumerate(directorates):
        points = {t.month: t.completeness for t in trends if t.directorate == directorate}
        xs = [i for i, month in enumerate(months) if points.get(month) is not None]
        ys = [100 * (points[months[i]] or 0.0) for i in xs]
        axes.plot(
            xs,
            ys,
            marker="o",
            color=PALETTE[n % len(PALETTE)],
            label=_label(directorate or "(no directorate)"),
        )
    axes.set_xticks(range(len(months)), labels=months)
    axes.set_ylim(0, 100)
    axes.set_ylabel("Mean completeness (%)")
    axes.legend(frameon=False, fontsize=9, loc="lower left")
    title = "Completeness over time, by directorate"
    description = (
        f"Mean completeness of each directorate's assessments in the last audit of each "
        f"month, {months[0]} to {months[-1]}; the table below gives the figures."
    )
    return Chart(
        "chart-completeness",
        title,
        description,
        _inline(_svg(figure, "chart-completeness"), "chart-completeness", title, description),
    )


def _rules_chart(rules: Sequence[tuple[str, str, int, int]]) -> Chart | None:
    top = list(rules[:_TOP_RULES])
    return _bars(
        "chart-rules",
        "Documents with each finding, most common rules",
        f"The {len(top)} rules found in most documents, with the number of documents each; "
        "the table below lists every rule.",
        [f"{code} {name}" for code, name, _, _ in top],
        [("documents", [docs for _, _, docs, _ in top], BLUE)],
        "Documents",
    )


def _directorate_chart(groups: Sequence[GroupTotals]) -> Chart | None:
    named = [g for g in groups if g.documents]
    return _bars(
        "chart-directorates",
        "Findings by directorate",
        "Unwaived errors and warnings in each directorate's current assessments; the table "
        "below gives the figures.",
        [g.value or "(no directorate)" for g in named],
        [
            ("errors", [g.errors for g in named], RED),
            ("warnings", [g.warnings for g in named], BLUE),
        ],
        "Findings",
    )


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("psed.output", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENVIRONMENT.filters["percent"] = _percent
_ENVIRONMENT.filters["pointer"] = pointer_text


def _rule_name(code: str) -> str:
    from psed.rules._registry import lookup

    found = lookup(code)
    return "?" if found is None else found.name


def render_html(view: AuditView, out: IO[str]) -> None:
    """Write the dashboard of one audit to ``out``."""
    totals = view.totals
    estate = view.estate
    rules = [(code, _rule_name(code), docs, n) for code, docs, n in totals.most_common_rules()]
    charts = {
        "completeness": _completeness_chart(view.trends),
        "rules": _rules_chart(rules),
        "directorates": _directorate_chart(estate.directorates),
    }
    template = _ENVIRONMENT.get_template("audit.html")
    for piece in template.generate(
        run=view.run,
        totals=totals,
        estate=estate,
        trends=view.trends,
        baseline=view.baseline,
        run_id=view.run_id,
        rules=rules,
        charts=charts,
        rows=view.rows(),
        portfolio=list(view.portfolio()),
    ):
        out.write(piece)
