"""The typed model of an impact assessment (format ``schema_version: 1``).

Every class here is a frozen, slotted attrs class with no behaviour of its own:
reading and writing live in :mod:`psed.reading`, judgements in :mod:`psed.rules`.
Field docstrings are kept in ``metadata["doc"]``; the JSON Schema
(:func:`psed.json_schema`) and the format reference in the docs are generated
from them, so the three cannot drift apart.

Optional fields default to ``None`` (or an empty tuple for lists): a
half-filled draft is a valid document, and completeness is judged by the rules,
which know the document's status.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "SCHEMA_VERSION",
    "Aim",
    "Aims",
    "Alternative",
    "Characteristic",
    "CharacteristicKind",
    "Contributor",
    "Decision",
    "DecisionReport",
    "Engagement",
    "Evidence",
    "EvidenceKind",
    "Impact",
    "ImpactEntry",
    "Intersection",
    "Level",
    "Mitigation",
    "MitigationStatus",
    "Outcome",
    "Proposal",
    "RelatedAssessment",
    "Relation",
    "Screening",
    "ScreeningOutcome",
    "ServiceProfile",
    "SignOff",
    "Status",
    "Waiver",
]

SCHEMA_VERSION = 1
"""The document format version this release reads and writes."""


def _doc(text: str, **extra: Any) -> dict[str, Any]:
    """Field metadata: the sentence shown in the schema and the docs."""
    return {"doc": text, **extra}


_LABELS: dict[tuple[str, str], str] = {}


class _CodedEnum(str, enum.Enum):
    """An enumeration stored as its lower-snake-case code, with a display label.

    Members compare equal to their code (``Impact.NEGATIVE == "negative"``), so
    they can be used wherever a plain string is expected.
    """

    def __str__(self) -> str:
        return str(self.value)

    @property
    def label(self) -> str:
        """The wording shown to people, such as "Not applicable"."""
        return _LABELS[(type(self).__name__, self.value)]

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        """Every code, in declaration order."""
        return tuple(member.value for member in cls)


def _labels(cls: type[_CodedEnum], labels: dict[str, str]) -> None:
    assert set(labels) == set(cls.codes()), cls
    for code, label in labels.items():
        _LABELS[(cls.__name__, code)] = label


class Impact(_CodedEnum):
    """The assessed impact of a proposal on one characteristic."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    MIXED = "mixed"
    NEUTRAL = "neutral"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"

    @property
    def is_adverse(self) -> bool:
        """True for ``negative`` and ``mixed``: impacts that need a mitigation or a reason."""
        return self in (Impact.NEGATIVE, Impact.MIXED)


_labels(
    Impact,
    {
        "positive": "Positive",
        "negative": "Negative",
        "mixed": "Mixed (positive and negative)",
        "neutral": "Neutral (no differential impact)",
        "not_applicable": "Not applicable",
        "unknown": "Not yet determined",
    },
)


class Status(_CodedEnum):
    """Where the assessment is in its life; rules apply from a given status on."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"

    @property
    def rank(self) -> int:
        """Order of the statuses: draft 0 < submitted 1 < approved 2."""
        return Status.codes().index(self.value)


_labels(Status, {"draft": "Draft", "submitted": "Submitted for approval", "approved": "Approved"})


class Outcome(_CodedEnum):
    """The four outcomes of an assessment (EHRC guidance; wording varies by council)."""

    NO_MAJOR_CHANGE = "no_major_change"
    ADJUST = "adjust"
    CONTINUE = "continue"
    STOP = "stop"


_labels(
    Outcome,
    {
        "no_major_change": "No major change",
        "adjust": "Adjust the proposal",
        "continue": "Continue despite adverse impact",
        "stop": "Stop and remove the proposal",
    },
)


class MitigationStatus(_CodedEnum):
    """Progress of a mitigating action."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


_labels(
    MitigationStatus,
    {"planned": "Planned", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"},
)


class Aim(_CodedEnum):
    """The three aims of the general equality duty, Equality Act 2010 s149(1)."""

    ELIMINATE = "eliminate"
    ADVANCE = "advance"
    FOSTER = "foster"


_labels(
    Aim,
    {
        "eliminate": "Eliminate discrimination, harassment and victimisation (s149(1)(a))",
        "advance": "Advance equality of opportunity (s149(1)(b))",
        "foster": "Foster good relations (s149(1)(c))",
    },
)


class CharacteristicKind(_CodedEnum):
    """Where a characteristic comes from."""

    PROTECTED = "protected"
    STATUTORY = "statutory"
    LOCAL = "local"


_labels(
    CharacteristicKind,
    {
        "protected": "Protected characteristic (Equality Act 2010 s4)",
        "statutory": "Another statutory duty",
        "local": "Added by the organisation",
    },
)


class Level(_CodedEnum):
    """How far the assessment goes: a screening, a full assessment, or a cumulative one."""

    SCREENING = "screening"
    FULL = "full"
    CUMULATIVE = "cumulative"


_labels(
    Level,
    {
        "screening": "Screening",
        "full": "Full assessment",
        "cumulative": "Cumulative assessment (several proposals together)",
    },
)


class ScreeningOutcome(_CodedEnum):
    """The screening decision: whether a full assessment is needed."""

    SCREENED_OUT = "screened_out"
    SCREENED_OUT_WITH_MITIGATION = "screened_out_with_mitigation"
    SCREENED_IN = "screened_in"
    NOT_REQUIRED = "not_required"


_labels(
    ScreeningOutcome,
    {
        "screened_out": "Screened out (no full assessment needed)",
        "screened_out_with_mitigation": "Screened out with mitigation",
        "screened_in": "Screened in (full assessment needed)",
        "not_required": "Assessment not required",
    },
)


class Relation(_CodedEnum):
    """How another assessment relates to this one."""

    SUPERSEDES = "supersedes"
    PART_OF = "part_of"
    SEE_ALSO = "see_also"


_labels(
    Relation,
    {
        "supersedes": "This assessment replaces it",
        "part_of": "This assessment is part of it",
        "see_also": "Related assessment",
    },
)


class EvidenceKind(_CodedEnum):
    """What kind of information an evidence item is."""

    POPULATION = "population"
    SERVICE_USERS = "service_users"
    WORKFORCE = "workforce"
    ENGAGEMENT = "engagement"
    RESEARCH = "research"
    COMPLAINTS = "complaints"
    PERFORMANCE = "performance"
    OTHER = "other"


_labels(
    EvidenceKind,
    {
        "population": "Population data (census, demographics)",
        "service_users": "Data on the people who use the service",
        "workforce": "Workforce data",
        "engagement": "Consultation and engagement results",
        "research": "Research and national studies",
        "complaints": "Complaints and feedback",
        "performance": "Service performance data",
        "other": "Other information",
    },
)


# The converters. Each is a named function typed with what it accepts, because mypy's
# attrs plugin types a class's constructor from its converters' parameters:
# ``Proposal(impacts=[entry])`` type-checks, and ``Proposal(impacts=["age"])`` is an
# error in the caller's code. A generic ``Iterable[T] -> tuple[T, ...]`` would leave
# ``T`` unsolved there, and the plugin does not read a converter assigned to a typed
# variable, so there is one small function per element type.


def _to_kind(value: CharacteristicKind | str) -> CharacteristicKind:
    return CharacteristicKind(value)


def _to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _to_aim_frozenset(value: Iterable[Aim | str]) -> frozenset[Aim]:
    return frozenset(Aim(v) for v in value)


def _to_characteristic_tuple(value: Iterable[Characteristic]) -> tuple[Characteristic, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Characteristic:
    """A dimension an assessment considers: a protected characteristic or a local one.

    In a document an impact entry names its characteristic by ``code``; in Python
    :attr:`ImpactEntry.characteristic` is the resolved object, carrying the legal
    basis and the PSED aims that apply.
    """

    code: str = attrs.field(
        metadata=_doc("Lower-snake-case code, such as `age` or `digitally_excluded`.")
    )
    label: str = attrs.field(metadata=_doc("The name shown on the form."))
    kind: CharacteristicKind = attrs.field(
        default=CharacteristicKind.LOCAL,
        converter=_to_kind,
        metadata=_doc("`protected`, `statutory` or `local`.", document=False),
    )
    legal_basis: tuple[str, ...] = attrs.field(
        default=(),
        converter=_to_str_tuple,
        metadata=_doc("Citations of the law that makes this characteristic apply.", document=False),
    )
    aims: frozenset[Aim] = attrs.field(
        default=frozenset(),
        converter=_to_aim_frozenset,
        metadata=_doc("Which of the three PSED aims apply to it.", document=False),
    )
    description: str | None = attrs.field(
        default=None,
        metadata=_doc("Why the organisation assesses this characteristic."),
    )

    @property
    def is_protected(self) -> bool:
        """True for the nine characteristics of Equality Act 2010 s4."""
        return self.kind is CharacteristicKind.PROTECTED


@attrs.frozen(kw_only=True)
class Aims:
    """Impact on each PSED aim, for forms that record it (informational in version 1)."""

    eliminate: Impact | None = attrs.field(
        default=None,
        metadata=_doc("Impact on eliminating discrimination, harassment and victimisation."),
    )
    advance: Impact | None = attrs.field(
        default=None, metadata=_doc("Impact on advancing equality of opportunity.")
    )
    foster: Impact | None = attrs.field(
        default=None, metadata=_doc("Impact on fostering good relations.")
    )


@attrs.frozen(kw_only=True)
class Mitigation:
    """An action that removes or reduces an adverse impact.

    "Possible solutions and mitigating actions" on most forms.
    """

    action: str = attrs.field(metadata=_doc("What will be done."))
    owner: str | None = attrs.field(
        default=None, metadata=_doc("Who is responsible for the action.")
    )
    due: _dt.date | None = attrs.field(
        default=None, metadata=_doc("When the action is due (YYYY-MM-DD).")
    )
    status: MitigationStatus = attrs.field(
        default=MitigationStatus.PLANNED,
        metadata=_doc("Progress: `planned`, `in_progress`, `done` or `dropped`."),
    )
    monitoring: str | None = attrs.field(
        default=None, metadata=_doc("How the effect of the action will be monitored.")
    )


def _to_mitigations(value: Iterable[Mitigation]) -> tuple[Mitigation, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ImpactEntry:
    """The assessed impact on one characteristic (one row of the impact table)."""

    characteristic: Characteristic = attrs.field(
        metadata=_doc("The characteristic assessed, by code.")
    )
    group: str | None = attrs.field(
        default=None,
        metadata=_doc('A sub-group, when the form has one row per group ("Older people (65+)").'),
    )
    impact: Impact = attrs.field(
        default=Impact.UNKNOWN,
        metadata=_doc(
            "The impact: `positive`, `negative`, `mixed`, `neutral`, `not_applicable` or `unknown`."
        ),
    )
    aims: Aims | None = attrs.field(
        default=None, metadata=_doc("Impact on each PSED aim, for forms that record it.")
    )
    details: str | None = attrs.field(
        default=None, metadata=_doc('"Details of impact": the reasoning and evidence for it.')
    )
    mitigations: tuple[Mitigation, ...] = attrs.field(
        default=(),
        converter=_to_mitigations,
        metadata=_doc('"Possible solutions and mitigating actions".'),
    )
    justification: str | None = attrs.field(
        default=None,
        metadata=_doc("Why an adverse impact is accepted (objective justification)."),
    )
    monitoring: str | None = attrs.field(
        default=None,
        metadata=_doc('How this impact will be monitored ("Monitoring arrangements").'),
    )


@attrs.frozen(kw_only=True)
class Intersection:
    """Where characteristics combine, such as older disabled people (intersectionality)."""

    characteristics: tuple[Characteristic, ...] = attrs.field(
        default=(),
        converter=_to_characteristic_tuple,
        metadata=_doc("The characteristics that combine, by code (`[age, disability]`)."),
    )
    details: str | None = attrs.field(
        default=None,
        metadata=_doc("The impact on people who share all of them, and why it differs."),
    )


@attrs.frozen(kw_only=True)
class ServiceProfile:
    """\"Brief service profile (including number of customers)\"."""

    description: str | None = attrs.field(
        default=None, metadata=_doc("The service and who uses it.")
    )
    customers: int | None = attrs.field(
        default=None, metadata=_doc("Number of customers or residents affected (whole number).")
    )


@attrs.frozen(kw_only=True)
class Evidence:
    """Information the assessment relied on (the duty of due inquiry)."""

    source: str = attrs.field(metadata=_doc("Where the information comes from."))
    summary: str | None = attrs.field(default=None, metadata=_doc("What it shows."))
    date: _dt.date | None = attrs.field(
        default=None, metadata=_doc("The date of the information (YYYY-MM-DD).")
    )
    url: str | None = attrs.field(default=None, metadata=_doc("Where it is published."))
    kind: EvidenceKind | None = attrs.field(
        default=None,
        metadata=_doc(
            "What kind of information it is: `population`, `service_users`, `workforce`, "
            "`engagement`, `research`, `complaints`, `performance` or `other`."
        ),
    )
    area: str | None = attrs.field(
        default=None,
        metadata=_doc("The area it covers: an ONS GSS code (`E06000045`) or a place name."),
    )


@attrs.frozen(kw_only=True)
class Engagement:
    """Consultation with, or involvement of, the people affected."""

    audience: str | None = attrs.field(default=None, metadata=_doc("Who was engaged."))
    method: str | None = attrs.field(
        default=None, metadata=_doc("How: survey, workshop, public meeting...")
    )
    date: _dt.date | None = attrs.field(
        default=None, metadata=_doc("The date, or the start of a consultation period.")
    )
    end: _dt.date | None = attrs.field(
        default=None, metadata=_doc("The end of a consultation period.")
    )
    summary: str | None = attrs.field(
        default=None, metadata=_doc("What people said and what changed as a result.")
    )
    changes: str | None = attrs.field(
        default=None,
        metadata=_doc("What changed in the proposal as a result of what people said."),
    )


@attrs.frozen(kw_only=True)
class Alternative:
    """An option considered for the proposal, including "do nothing"."""

    option: str = attrs.field(metadata=_doc("The option considered."))
    chosen: bool = attrs.field(
        default=False,
        metadata=_doc("True for the option taken forward (at most one); default false."),
    )
    reason: str | None = attrs.field(default=None, metadata=_doc("Why it was chosen or rejected."))


@attrs.frozen(kw_only=True)
class Screening:
    """The screening decision: whether the proposal needs a full assessment, and why."""

    outcome: ScreeningOutcome | None = attrs.field(
        default=None,
        metadata=_doc(
            "`screened_out`, `screened_out_with_mitigation`, `screened_in` or `not_required`."
        ),
    )
    date: _dt.date | None = attrs.field(
        default=None, metadata=_doc("The date of the screening decision (YYYY-MM-DD).")
    )
    rationale: str | None = attrs.field(
        default=None, metadata=_doc("The reasons for the screening decision.")
    )


@attrs.frozen(kw_only=True)
class DecisionReport:
    """The report that put the proposal to the decision-maker (a committee or cabinet report)."""

    title: str | None = attrs.field(default=None, metadata=_doc("The title of the report."))
    ref: str | None = attrs.field(
        default=None, metadata=_doc("The report's reference or agenda item number.")
    )
    date: _dt.date | None = attrs.field(
        default=None, metadata=_doc("The date of the report or of the meeting (YYYY-MM-DD).")
    )
    url: str | None = attrs.field(default=None, metadata=_doc("Where the report is published."))
    assessment_appended: bool | None = attrs.field(
        default=None,
        metadata=_doc(
            "True when the assessment was appended to the report or expressly referred to in it."
        ),
    )


@attrs.frozen(kw_only=True)
class Decision:
    """The decision taken on the proposal in the light of the assessment."""

    outcome: Outcome | None = attrs.field(
        default=None,
        metadata=_doc("`no_major_change`, `adjust`, `continue` or `stop`."),
    )
    justification: str | None = attrs.field(
        default=None,
        metadata=_doc("Why the proposal continues despite adverse impact (needed for `continue`)."),
    )
    date: _dt.date | None = attrs.field(
        default=None, metadata=_doc("The date the decision on the proposal is taken.")
    )
    maker: str | None = attrs.field(
        default=None, metadata=_doc("Who takes the decision (Cabinet, a committee, an officer).")
    )
    report: DecisionReport | None = attrs.field(
        default=None, metadata=_doc("The report that put the proposal to the decision-maker.")
    )
    duty_statement: str | None = attrs.field(
        default=None,
        metadata=_doc("How the report put the equality duty to the decision-maker, in its words."),
    )


@attrs.frozen(kw_only=True)
class SignOff:
    """A person who signs the assessment, with their role and the date."""

    name: str | None = attrs.field(default=None, metadata=_doc("Full name."))
    role: str | None = attrs.field(default=None, metadata=_doc("Job title."))
    date: _dt.date | None = attrs.field(
        default=None, metadata=_doc("Date of signature (YYYY-MM-DD).")
    )


@attrs.frozen(kw_only=True)
class Contributor:
    """A person who took part in the assessment (like a sign-off, without a date)."""

    name: str = attrs.field(metadata=_doc("Full name, or the post when no name is given."))
    role: str | None = attrs.field(default=None, metadata=_doc("Job title or part played."))


@attrs.frozen(kw_only=True)
class RelatedAssessment:
    """A link to another assessment, by the organisation's own reference."""

    id: str = attrs.field(metadata=_doc("The other assessment's `id`."))
    relation: Relation | None = attrs.field(
        default=None,
        metadata=_doc("`supersedes` (this one replaces it), `part_of` or `see_also`."),
    )
    title: str | None = attrs.field(default=None, metadata=_doc("The other assessment's name."))


@attrs.frozen(kw_only=True)
class Waiver:
    """An accepted finding: it stays in the report, marked with the reason, and does not fail."""

    rule: str = attrs.field(metadata=_doc("The rule code waived, such as `PSED501`."))
    pointer: str | None = attrs.field(
        default=None,
        metadata=_doc("Limit the waiver to one place in the document and below (JSON Pointer)."),
    )
    reason: str | None = attrs.field(default=None, metadata=_doc("Why the finding is accepted."))
    approved_by: str | None = attrs.field(default=None, metadata=_doc("Who accepted it."))
    expires: _dt.date | None = attrs.field(
        default=None, metadata=_doc("After this date the waiver waives nothing.")
    )


def _to_evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value)


def _to_engagement(value: Iterable[Engagement]) -> tuple[Engagement, ...]:
    return tuple(value)


def _to_alternatives(value: Iterable[Alternative]) -> tuple[Alternative, ...]:
    return tuple(value)


def _to_impacts(value: Iterable[ImpactEntry]) -> tuple[ImpactEntry, ...]:
    return tuple(value)


def _to_intersections(value: Iterable[Intersection]) -> tuple[Intersection, ...]:
    return tuple(value)


def _to_contributors(value: Iterable[Contributor]) -> tuple[Contributor, ...]:
    return tuple(value)


def _to_related(value: Iterable[RelatedAssessment]) -> tuple[RelatedAssessment, ...]:
    return tuple(value)


def _to_waivers(value: Iterable[Waiver]) -> tuple[Waiver, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Proposal:
    """One impact assessment: a proposal and its assessed impacts (the document root)."""

    schema_version: int = attrs.field(
        default=SCHEMA_VERSION, metadata=_doc("The document format version; 1.")
    )
    id: str | None = attrs.field(default=None, metadata=_doc("The organisation's own reference."))
    name: str = attrs.field(metadata=_doc('"Name or brief description of proposal".'))
    description: str | None = attrs.field(
        default=None, metadata=_doc("What the proposal is and what it aims to do.")
    )
    organisation: str | None = attrs.field(
        default=None, metadata=_doc("The public body whose decision this is.")
    )
    directorate: str | None = attrs.field(
        default=None,
        metadata=_doc('The directorate or service that owns the proposal ("Service area").'),
    )
    programme: str | None = attrs.field(
        default=None,
        metadata=_doc("The budget round or programme the proposal belongs to."),
    )
    version: str | None = attrs.field(
        default=None, metadata=_doc('The organisation\'s own version label, such as "2.1".')
    )
    published: _dt.date | None = attrs.field(
        default=None, metadata=_doc("When the assessment was published (YYYY-MM-DD).")
    )
    framework: str = attrs.field(
        default="psed",
        metadata=_doc("Which characteristics and duties apply: `psed`, `esia`, `wales`, ..."),
    )
    status: Status = attrs.field(
        default=Status.DRAFT, metadata=_doc("`draft`, `submitted` or `approved`.")
    )
    level: Level | None = attrs.field(
        default=None, metadata=_doc("`screening`, `full` or `cumulative`.")
    )
    screening: Screening | None = attrs.field(
        default=None,
        metadata=_doc("The screening decision, where the form has one."),
    )
    strategic: bool | None = attrs.field(
        default=None,
        metadata=_doc("True for a strategic decision (the socio-economic duty applies to those)."),
    )
    functions: tuple[str, ...] = attrs.field(
        default=(),
        converter=_to_str_tuple,
        metadata=_doc(
            "The functions the proposal exercises, as lower-snake-case codes "
            "(`housing`, `education`, `health`, ...)."
        ),
    )
    service_profile: ServiceProfile | None = attrs.field(
        default=None,
        metadata=_doc('"Brief service profile (including number of customers)".'),
    )
    impact_summary: str | None = attrs.field(
        default=None, metadata=_doc('"Summary of impact and issues".')
    )
    positive_impacts: str | None = attrs.field(
        default=None, metadata=_doc('"Potential positive impacts".')
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_to_evidence, metadata=_doc("Information the assessment relied on.")
    )
    engagement: tuple[Engagement, ...] = attrs.field(
        default=(), converter=_to_engagement, metadata=_doc("Consultation and involvement.")
    )
    alternatives: tuple[Alternative, ...] = attrs.field(
        default=(),
        converter=_to_alternatives,
        metadata=_doc('The options considered, including "do nothing".'),
    )
    impacts: tuple[ImpactEntry, ...] = attrs.field(
        default=(),
        converter=_to_impacts,
        metadata=_doc("One entry per characteristic (and group)."),
    )
    intersections: tuple[Intersection, ...] = attrs.field(
        default=(),
        converter=_to_intersections,
        metadata=_doc("Where characteristics combine (for example older disabled people)."),
    )
    decision: Decision | None = attrs.field(
        default=None, metadata=_doc("The decision on the proposal; optional until approval.")
    )
    contributors: tuple[Contributor, ...] = attrs.field(
        default=(),
        converter=_to_contributors,
        metadata=_doc("Who took part in the assessment, by name and role."),
    )
    responsible: SignOff | None = attrs.field(
        default=None, metadata=_doc('"Responsible service manager".')
    )
    approver: SignOff | None = attrs.field(
        default=None, metadata=_doc('"Approved by senior manager".')
    )
    review_date: _dt.date | None = attrs.field(
        default=None, metadata=_doc("When the assessment will be reviewed (continuing duty).")
    )
    related: tuple[RelatedAssessment, ...] = attrs.field(
        default=(),
        converter=_to_related,
        metadata=_doc("Links to other assessments, by their `id`."),
    )
    characteristics: tuple[Characteristic, ...] = attrs.field(
        default=(),
        converter=_to_characteristic_tuple,
        metadata=_doc("Local characteristics beyond the built-in ones, for this document."),
    )
    waivers: tuple[Waiver, ...] = attrs.field(
        default=(), converter=_to_waivers, metadata=_doc("Accepted findings, kept visible.")
    )
