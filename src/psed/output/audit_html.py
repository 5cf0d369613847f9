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
from markupsafe import Markup, escape
from matplotlib.figure import Figure

from psed._i18n import C_, Arg, Message, _, label
from psed._i18n_tables import CHARACTERISTIC
from psed.audit.estate import GroupTotals, TrendPoint
from psed.output.audit import AuditView
from psed.output.text import one_line, pointer_text, severity_name
from psed.rendering._templates import template_environment

__all__ = ["Chart", "Words", "render_html"]

BLUE = "#1d70b8"
"""Bars and lines: 5.2:1 against white (WCAG 1.4.11 asks 3:1 for graphics)."""
RED = "#d4351c"
GREY = "#505a5f"
PALETTE = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#b58840", "#505a5f", "#f47738", "#912b88")
"""Line colours, each at least 3:1 against white."""

_TOP_RULES = 15
"""Rules drawn in the chart of findings by rule (the table lists them all)."""


def _dashboard_words() -> dict[str, Message]:
    """Every word of the dashboard, by key: whole labels and sentences with their
    ``{placeholders}`` (an entry ending ``_html`` holds markup)."""
    return {
        "title": _("Equality impact assessments: estate audit as of {as_of}"),
        "skip": _("Skip to the audit"),
        "heading": _("Equality impact assessments: estate audit"),
        "as_of": _("As of {as_of}: {documents} documents."),
        "as_of_status": _("As of {as_of}: {documents} documents, judged as if {status}."),
        "as_of_run": _("As of {as_of}: {documents} documents; run {run} of the history."),
        "as_of_status_run": _(
            "As of {as_of}: {documents} documents, judged as if {status}; run {run} of the history."
        ),
        "contents": C_("audit dashboard", "Contents"),
        "summary": C_("audit dashboard", "Summary"),
        "completeness": C_("audit dashboard", "Completeness over time"),
        "rules": C_("audit dashboard", "Findings by rule"),
        "directorates": C_("audit dashboard", "Findings by directorate"),
        "cumulative": C_("audit dashboard", "Cumulative impact"),
        "reviews": C_("audit dashboard", "Reviews due and overdue"),
        "actions": C_("audit dashboard", "Actions past their due date"),
        "actions_count": _("Actions past their due date ({count})"),
        "portfolio": C_("audit dashboard", "Portfolio findings"),
        "portfolio_count": _("Portfolio findings ({count})"),
        "baseline": C_("audit dashboard", "Since the previous run"),
        "documents": C_("audit dashboard", "Every document"),
        "figure_documents": C_("audit dashboard figure", "documents"),
        "figure_failing": C_("audit dashboard figure", "failing"),
        "figure_complete": C_("audit dashboard figure", "fully assessed"),
        "figure_reviews": C_("audit dashboard figure", "reviews overdue"),
        "figure_actions": C_("audit dashboard figure", "actions past due"),
        "figure_unreadable": C_("audit dashboard figure", "unreadable"),
        "about_completeness": _(
            "Completeness is the share of the characteristics a framework requires that "
            "are assessed with a reason. The views below cover the current assessments: "
            "one that another audited assessment supersedes is left out of them."
        ),
        "trend_caption": _(
            "Mean completeness by month and directorate (the last audit of each month)"
        ),
        "record_html": _(
            "Record each audit with <code>--db FILE</code> to see completeness change "
            "from month to month."
        ),
        "rules_caption": _("Documents and findings of each rule (unwaived)"),
        "no_findings": _("No findings."),
        "by_directorate": _("Current assessments by directorate"),
        "by_organisation": _("Current assessments by organisation"),
        "by_programme": _("Current assessments by programme"),
        "cumulative_yes": _(
            "{proposals} current proposals; the programme has a cumulative assessment."
        ),
        "cumulative_no_html": _(
            "{proposals} current proposals; <strong>no cumulative assessment</strong> of "
            "the programme."
        ),
        "cumulative_caption": _("Characteristics adversely affected in {programme}"),
        "no_adverse": _("No adverse impact recorded."),
        "no_programme_html": _("No document names a <code>programme</code>."),
        "reviews_overdue": C_("audit dashboard", "Reviews overdue"),
        "reviews_overdue_count": _("Reviews overdue ({count})"),
        "reviews_due": _("Reviews due within {days} days"),
        "reviews_due_count": _("Reviews due within {days} days ({count})"),
        "none": C_("audit dashboard", "None."),
        "actions_caption": _(
            "Mitigating actions still planned or in progress after their due date"
        ),
        "portfolio_about": _(
            "Findings that only show across several assessments (PSED701 to PSED704); "
            "each is also in its document's row below."
        ),
        "first_run": _("No earlier run is recorded in the history, so every finding is new."),
        "compared": _("Compared with run {run} (as of {as_of})."),
        "new": C_("audit dashboard", "New findings"),
        "new_count": _("New findings ({count})"),
        "resolved": C_("audit dashboard", "Resolved findings"),
        "resolved_count": _("Resolved findings ({count})"),
        "documents_caption": _("Every document audited"),
        "footer": _(
            "Made by psed {version}. Findings are gaps in the record, not findings of law: "
            "see each rule's documentation for what it checks and why."
        ),
        "no_directorate": C_("audit dashboard", "(no directorate)"),
        "no_value": C_("audit dashboard", "(none)"),
        "no_owner": C_("audit dashboard", "(no owner)"),
        "unreadable_name": C_("audit dashboard", "(unreadable)"),
        "unreadable": C_("audit dashboard", "unreadable"),
        "waived": C_("audit dashboard", "(waived)"),
        "signed": _("{present} of {expected}"),
        # Column headings
        "col_month": C_("audit dashboard column", "Month"),
        "col_directorate": C_("audit dashboard column", "Directorate"),
        "col_organisation": C_("audit dashboard column", "Organisation"),
        "col_programme": C_("audit dashboard column", "Programme"),
        "col_documents": C_("audit dashboard column", "Documents"),
        "col_failing": C_("audit dashboard column", "Failing"),
        "col_errors": C_("audit dashboard column", "Errors"),
        "col_warnings": C_("audit dashboard column", "Warnings"),
        "col_mean": C_("audit dashboard column", "Mean completeness"),
        "col_code": C_("audit dashboard column", "Code"),
        "col_rule": C_("audit dashboard column", "Rule"),
        "col_findings": C_("audit dashboard column", "Findings"),
        "col_complete": C_("audit dashboard column", "Fully assessed"),
        "col_reviews_overdue": C_("audit dashboard column", "Reviews overdue"),
        "col_actions_overdue": C_("audit dashboard column", "Actions overdue"),
        "col_characteristic": C_("audit dashboard column", "Characteristic"),
        "col_proposals": C_("audit dashboard column", "Proposals"),
        "col_negative": C_("audit dashboard column", "Negative"),
        "col_mixed": C_("audit dashboard column", "Mixed"),
        "col_review_date": C_("audit dashboard column", "Review date"),
        "col_days_overdue": C_("audit dashboard column", "Days overdue"),
        "col_days_left": C_("audit dashboard column", "Days left"),
        "col_status": C_("audit dashboard column", "Status"),
        "col_document": C_("audit dashboard column", "Document"),
        "col_path": C_("audit dashboard column", "Path"),
        "col_due": C_("audit dashboard column", "Due"),
        "col_owner": C_("audit dashboard column", "Owner"),
        "col_action": C_("audit dashboard column", "Action"),
        "col_place": C_("audit dashboard column", "Place"),
        "col_severity": C_("audit dashboard column", "Severity"),
        "col_message": C_("audit dashboard column", "Message"),
        "col_completeness": C_("audit dashboard column", "Completeness"),
        "col_signed": C_("audit dashboard column", "Signed"),
        # Charts
        "chart_completeness": _("Completeness over time, by directorate"),
        "chart_completeness_about": _(
            "Mean completeness of each directorate's assessments in the last audit of each "
            "month, {first} to {last}; the table below gives the figures."
        ),
        "chart_completeness_axis": _("Mean completeness (%)"),
        "chart_rules": _("Documents with each finding, most common rules"),
        "chart_rules_about": _(
            "The {count} rules found in most documents, with the number of documents "
            "each; the table below lists every rule."
        ),
        "chart_documents": C_("audit dashboard chart", "documents"),
        "chart_documents_axis": C_("audit dashboard chart", "Documents"),
        "chart_directorates": C_("audit dashboard chart", "Findings by directorate"),
        "chart_directorates_about": _(
            "Unwaived errors and warnings in each directorate's current assessments; the "
            "table below gives the figures."
        ),
        "chart_errors": C_("audit dashboard chart", "errors"),
        "chart_warnings": C_("audit dashboard chart", "warnings"),
        "chart_findings_axis": C_("audit dashboard chart", "Findings"),
    }


_WORDS = _dashboard_words()


@attrs.frozen
class Words:
    """The dashboard's words in one language: ``words("footer", version="0.2.0")``."""

    lang: str

    def __call__(self, key: str, /, **values: Arg) -> str:
        """Entry ``key`` with its values, in the language, as plain text."""
        entry = _WORDS[key]
        return Message(entry.id, tuple(values.items()), entry.context).text(self.lang)

    def markup(self, key: str, /, **values: Arg) -> Markup:
        """Entry ``key`` as HTML: the catalogue's wording as it is (some entries hold
        markup), each text value escaped."""
        escaped = {k: escape(v) if isinstance(v, str) else v for k, v in values.items()}
        return Markup(self(key, **escaped))


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


def _completeness_chart(trends: Sequence[TrendPoint], words: Words) -> Chart | None:
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
            label=_label(directorate or words("no_directorate")),
        )
    axes.set_xticks(range(len(months)), labels=months)
    axes.set_ylim(0, 100)
    axes.set_ylabel(words("chart_completeness_axis"))
    axes.legend(frameon=False, fontsize=9, loc="lower left")
    title = words("chart_completeness")
    description = words("chart_completeness_about", first=months[0], last=months[-1])
    return Chart(
        "chart-completeness",
        title,
        description,
        _inline(_svg(figure, "chart-completeness"), "chart-completeness", title, description),
    )


def _rules_chart(rules: Sequence[tuple[str, str, int, int]], words: Words) -> Chart | None:
    top = list(rules[:_TOP_RULES])
    return _bars(
        "chart-rules",
        words("chart_rules"),
        words("chart_rules_about", count=len(top)),
        [f"{code} {name}" for code, name, _, _ in top],
        [(words("chart_documents"), [docs for _, _, docs, _ in top], BLUE)],
        words("chart_documents_axis"),
    )


def _directorate_chart(groups: Sequence[GroupTotals], words: Words) -> Chart | None:
    named = [g for g in groups if g.documents]
    return _bars(
        "chart-directorates",
        words("chart_directorates"),
        words("chart_directorates_about"),
        [g.value or words("no_directorate") for g in named],
        [
            (words("chart_errors"), [g.errors for g in named], RED),
            (words("chart_warnings"), [g.warnings for g in named], BLUE),
        ],
        words("chart_findings_axis"),
    )


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


_ENVIRONMENT = template_environment(jinja2, "psed.output")
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
    words = Words(view.run.lang)
    rules = [(code, _rule_name(code), docs, n) for code, docs, n in totals.most_common_rules()]
    charts = {
        "completeness": _completeness_chart(view.trends, words),
        "rules": _rules_chart(rules, words),
        "directorates": _directorate_chart(estate.directorates, words),
    }
    groups = (
        ("directorate", words("by_directorate"), words("col_directorate"), estate.directorates),
        ("organisation", words("by_organisation"), words("col_organisation"), estate.organisations),
        ("programme", words("by_programme"), words("col_programme"), estate.programmes),
    )
    template = _ENVIRONMENT.get_template("audit.html")
    for piece in template.generate(
        lang=view.run.lang,
        words=words.markup,
        severity=lambda value: severity_name(value, view.run.lang),
        characteristic=lambda english: label(CHARACTERISTIC, english).text(view.run.lang),
        action_state=lambda state: label("action state", state.replace("_", " ")).text(
            view.run.lang
        ),
        groups=groups,
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
