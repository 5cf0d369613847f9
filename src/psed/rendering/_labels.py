"""Every heading, label and sentence a rendered assessment shows, in one table.

Each entry is a whole label or a whole sentence, with ``{placeholders}`` where a value
goes, so that a translation can replace each one as a unit. Nothing is glued together
from pieces. Enumeration labels ("Mixed (positive and negative)") and framework names
come from the model and the catalogue, so that each wording is written once.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from psed._i18n import gettext_for
from psed._i18n_tables import CHARACTERISTIC, FRAMEWORK, enum_context, render_context

__all__ = [
    "LABELS",
    "RENDER_LANGUAGES",
    "Bilingual",
    "characteristic_label",
    "enum_label",
    "finding_message",
    "framework_label",
    "label",
    "language",
]

RENDER_LANGUAGES = ("en", "cy", "both")
"""English, Welsh, or both (Welsh first, then English, in each heading and label)."""

_LANG: contextvars.ContextVar[str] = contextvars.ContextVar("psed_render_lang", default="en")


class Bilingual(str):
    """A label in Welsh and English: its text is ``"Cymraeg / English"`` (Welsh first).

    HTML shows each language in its own element marked with its language; Word,
    PDF and Markdown show the text.
    """

    cy: str
    en: str

    def __new__(cls, cy: str, en: str) -> Bilingual:
        self = super().__new__(cls, f"{cy} / {en}")
        self.cy, self.en = cy, en
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Bilingual, (self.cy, self.en))


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Labels are given in ``lang`` (``en``, ``cy`` or ``both``) inside the block."""
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def _part(value: Any, lang: str) -> Any:
    if isinstance(value, Bilingual):
        return value.cy if lang == "cy" else value.en
    return value


def _in(lang: str, english: str, context: str, values: Mapping[str, Any]) -> str:
    template = gettext_for(lang, english, context)
    if not values:
        return template
    return template.format(**{name: _part(v, lang) for name, v in values.items()})


def _translated(english: str, context: str, values: Mapping[str, Any]) -> str:
    lang = _LANG.get()
    if lang != "both":
        return _in(lang, english, context, values)
    cy, en = _in("cy", english, context, values), _in("en", english, context, values)
    return en if cy == en else Bilingual(cy, en)


def finding_message(finding: Any) -> str:
    """A finding's message in the language of the rendering (both: Welsh, then English)."""
    from psed.findings import translate

    lang = _LANG.get()
    if lang != "both":
        return str(translate(finding, lang).message)
    cy, en = translate(finding, "cy").message, translate(finding, "en").message
    return en if cy == en else Bilingual(cy, en)


def enum_label(member: Any) -> str:
    """An enumeration's label (``Impact.MIXED.label``) in the language of the rendering."""
    return _translated(str(member.label), enum_context(type(member).__name__), {})


def characteristic_label(english: str) -> str:
    """A characteristic's label in the language of the rendering (built-in labels only)."""
    return _translated(english, CHARACTERISTIC, {})


def framework_label(english: str) -> str:
    """A framework's label in the language of the rendering (built-in labels only)."""
    return _translated(english, FRAMEWORK, {})


_LABELS: dict[str, str] = {
    # The page as a whole
    "document.kind": "Equality impact assessment",
    "document.untitled": "Untitled proposal",
    "document.page_title": "{name}: {kind}",
    "document.skip_link": "Skip to the assessment",
    "document.contents": "Contents",
    "document.generator": "Produced with psed {version}.",
    # Values
    "value.not_given": "Not given",
    "value.none": "None",
    "value.yes": "Yes",
    "value.no": "No",
    "value.date": "{day} {month} {year}",
    "value.character": "U+{code}",
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
    # Markdown tables need a header row; HTML and Word field tables have row headers only
    "table.item": "Item",
    "table.details": "Details",
    # Sections, in the order they are published
    "section.proposal": "About the proposal",
    "section.screening": "Screening",
    "section.service_profile": "Service profile",
    "section.summary": "Summary of impact",
    "section.impacts": "Impact by characteristic",
    "section.action_plan": "Action plan",
    "section.evidence": "Evidence",
    "section.engagement": "Engagement and what changed",
    "section.alternatives": "Alternatives considered",
    "section.decision": "Decision",
    "section.signoff": "Sign-off",
    "section.review": "Review",
    "section.related": "Related assessments",
    "section.characteristics": "Characteristics added for this assessment",
    "section.waivers": "Accepted findings",
    "section.about": "About this document",
    "section.quality": "Quality check",
    # Subsections
    "subsection.overview": "Impact at a glance",
    "subsection.intersections": "Where characteristics combine",
    "subsection.report": "Report to the decision-maker",
    "subsection.responsible": "Responsible service manager",
    "subsection.approver": "Approved by senior manager",
    "subsection.contributors": "Who took part in the assessment",
    "impact.heading": "{number}. {characteristic}",
    "impact.heading_group": "{number}. {characteristic}: {group}",
    # Objects that are not given, and lists with no entries
    "absent.screening": "No screening decision is recorded.",
    "absent.service_profile": "No service profile is recorded.",
    "absent.decision": "No decision is recorded.",
    "absent.report": "No report to the decision-maker is recorded.",
    "absent.responsible": "No responsible service manager is recorded.",
    "absent.approver": "No approval by a senior manager is recorded.",
    "absent.aims": "Impact on each aim",
    "empty.impacts": "No impacts are recorded.",
    "empty.intersections": "No combined characteristics are recorded.",
    "empty.action_plan": "No actions are recorded.",
    "empty.evidence": "No evidence is recorded.",
    "empty.engagement": "No engagement is recorded.",
    "empty.alternatives": "No alternatives are recorded.",
    "empty.contributors": "No contributors are recorded.",
    "empty.related": "No related assessments are recorded.",
    "empty.characteristics": "No characteristics were added for this assessment.",
    "empty.waivers": "No findings have been accepted.",
    "empty.actions": "None recorded",
    # Fields: the labels the forms use
    "field.Proposal.name": "Name or brief description of proposal",
    "field.Proposal.id": "Reference",
    "field.Proposal.organisation": "Organisation",
    "field.Proposal.directorate": "Directorate or service area",
    "field.Proposal.programme": "Programme",
    "field.Proposal.version": "Version",
    "field.Proposal.description": "Description of the proposal",
    "field.Proposal.framework": "Framework",
    "field.Proposal.level": "Level of assessment",
    "field.Proposal.strategic": "Strategic decision",
    "field.Proposal.functions": "Functions exercised",
    "field.Proposal.status": "Status",
    "field.Proposal.published": "Date published",
    "field.Proposal.impact_summary": "Summary of impact and issues",
    "field.Proposal.positive_impacts": "Potential positive impacts",
    "field.Proposal.review_date": "Review date",
    "field.Proposal.schema_version": "Document format version",
    "field.Screening.outcome": "Screening outcome",
    "field.Screening.date": "Date of screening",
    "field.Screening.rationale": "Reasons for the screening decision",
    "field.ServiceProfile.description": "Brief service profile",
    "field.ServiceProfile.customers": "Number of customers",
    "field.ImpactEntry.label": "Characteristic",
    "field.ImpactEntry.characteristic": "Characteristic code",
    "field.ImpactEntry.group": "Group",
    "field.ImpactEntry.impact": "Impact",
    "field.ImpactEntry.details": "Details of impact",
    "field.ImpactEntry.actions": "Possible solutions and mitigating actions",
    "field.ImpactEntry.justification": "Justification for the adverse impact",
    "field.ImpactEntry.monitoring": "How this impact will be monitored",
    "field.Aims.eliminate": "Impact on eliminating discrimination, harassment and victimisation",
    "field.Aims.advance": "Impact on advancing equality of opportunity",
    "field.Aims.foster": "Impact on fostering good relations",
    "field.Intersection.labels": "Characteristics",
    "field.Intersection.characteristics": "Characteristic codes",
    "field.Intersection.details": "Details of impact",
    "field.Mitigation.impact": "For impact",
    "field.Mitigation.action": "Action",
    "field.Mitigation.owner": "Owner",
    "field.Mitigation.due": "Due",
    "field.Mitigation.status": "Progress",
    "field.Mitigation.monitoring": "Monitoring",
    "field.Evidence.source": "Source",
    "field.Evidence.kind": "Kind of information",
    "field.Evidence.summary": "What it shows",
    "field.Evidence.date": "Date",
    "field.Evidence.area": "Area",
    "field.Evidence.url": "Link",
    "field.Engagement.audience": "Who was engaged",
    "field.Engagement.method": "How",
    "field.Engagement.date": "Date or start",
    "field.Engagement.end": "End",
    "field.Engagement.summary": "What people said",
    "field.Engagement.changes": "What changed as a result",
    "field.Alternative.option": "Option",
    "field.Alternative.chosen": "Chosen",
    "field.Alternative.reason": "Reason",
    "field.Decision.outcome": "Outcome",
    "field.Decision.justification": "Justification for continuing",
    "field.Decision.date": "Date of decision",
    "field.Decision.maker": "Decision-maker",
    "field.Decision.duty_statement": "How the report put the equality duty",
    "field.DecisionReport.title": "Title",
    "field.DecisionReport.ref": "Report reference",
    "field.DecisionReport.date": "Date of report",
    "field.DecisionReport.url": "Link",
    "field.DecisionReport.assessment_appended": "Assessment appended to the report",
    "field.SignOff.name": "Name",
    "field.SignOff.role": "Role",
    "field.SignOff.date": "Date",
    "field.Contributor.name": "Name",
    "field.Contributor.role": "Role",
    "field.RelatedAssessment.id": "Reference",
    "field.RelatedAssessment.relation": "Relation",
    "field.RelatedAssessment.title": "Title",
    "field.Characteristic.code": "Code",
    "field.Characteristic.label": "Name",
    "field.Characteristic.description": "Why it is assessed",
    "field.Waiver.rule": "Rule",
    "field.Waiver.pointer": "Where",
    "field.Waiver.reason": "Reason",
    "field.Waiver.approved_by": "Approved by",
    "field.Waiver.expires": "Expires",
    # Where a finding is, in the quality check
    "place.field": "{context}: {field}",
    "place.item": "{context}, item {number}",
    "place.item_field": "{context}, item {number}: {field}",
    "place.action": "{context}, action {number}",
    "place.action_field": "{context}, action {number}: {field}",
    # The quality check annex
    "quality.intro": (
        "psed {version} checked this assessment on {as_of}, applying the rules for the "
        "status {status}. These findings are about how complete the record is; they are "
        "not legal advice."
    ),
    "quality.law_date.given": (
        "The rules applied the law in force on {date}, the date given to the check."
    ),
    "quality.law_date.decision": (
        "The rules applied the law in force on {date}, the date of the decision."
    ),
    "quality.law_date.approver": (
        "The rules applied the law in force on {date}, the date of approval."
    ),
    "quality.law_date.responsible": (
        "The rules applied the law in force on {date}, the date the responsible officer signed."
    ),
    "quality.law_date.screening": (
        "The rules applied the law in force on {date}, the date of screening."
    ),
    "quality.law_date.as_of": (
        "The rules applied the law in force on {date}, the date of the check, as the "
        "document gives no date of its own."
    ),
    "quality.no_findings": "psed found no gaps in this assessment.",
    "quality.summary": "Summary of findings",
    "quality.errors": "Errors",
    "quality.warnings": "Warnings",
    "quality.info": "For information",
    "quality.waived": "Accepted",
    "quality.whole_document": "The whole document",
    "quality.code": "Code",
    "quality.severity": "Severity",
    "quality.where": "Where",
    "quality.message": "Finding",
    "quality.references": "Law and guidance cited",
    "quality.accepted": "Accepted because",
    "severity.error": "Error",
    "severity.warning": "Warning",
    "severity.info": "Information",
}

LABELS: Mapping[str, str] = MappingProxyType(_LABELS)
"""Label id -> English text (a complete label or sentence, ``{placeholders}`` for values)."""


def label(label_id: str, **values: Any) -> str:
    """The text of one label, with its placeholders filled in, in the rendering's language.

    In English (the default) this is the entry of :data:`LABELS`; in Welsh its
    translation from the message catalogue; with ``both``, a :class:`Bilingual`.
    """
    return _translated(LABELS[label_id], render_context(label_id), values)
