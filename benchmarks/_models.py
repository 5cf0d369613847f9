"""The document format written as a pydantic v2 model and as msgspec structs, for comparison.

Both check what psed's reader checks structurally (field names, types, enumeration
codes, dates, the required fields, no unknown keys) and nothing of what the rules
check: they are the anchors "structure only, by the fastest libraries there are".
Characteristic codes are checked as lower snake case, not against the catalogue.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from pydantic import BaseModel, ConfigDict, Field

Impact = Literal["positive", "negative", "mixed", "neutral", "not_applicable", "unknown"]
MitigationStatus = Literal["planned", "in_progress", "done", "dropped"]
Outcome = Literal["no_major_change", "adjust", "continue", "stop"]
Status = Literal["draft", "submitted", "approved"]
Level = Literal["screening", "full", "cumulative"]
ScreeningOutcome = Literal[
    "screened_out", "screened_out_with_mitigation", "screened_in", "not_required"
]
Relation = Literal["supersedes", "part_of", "see_also"]
EvidenceKind = Literal[
    "population",
    "service_users",
    "workforce",
    "engagement",
    "research",
    "complaints",
    "performance",
    "other",
]
CODE = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"

# --------------------------------------------------------------------- pydantic


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


Code = Annotated[str, Field(pattern=CODE)]


class ServiceProfileModel(_Strict):
    description: str | None = None
    customers: int | None = Field(default=None, ge=0)


class EvidenceModel(_Strict):
    source: str
    summary: str | None = None
    date: dt.date | None = None
    url: str | None = None
    kind: EvidenceKind | None = None
    area: str | None = None


class EngagementModel(_Strict):
    audience: str | None = None
    method: str | None = None
    date: dt.date | None = None
    end: dt.date | None = None
    summary: str | None = None
    changes: str | None = None


class AimsModel(_Strict):
    eliminate: Impact | None = None
    advance: Impact | None = None
    foster: Impact | None = None


class MitigationModel(_Strict):
    action: str
    owner: str | None = None
    due: dt.date | None = None
    status: MitigationStatus = "planned"
    monitoring: str | None = None


class ImpactEntryModel(_Strict):
    characteristic: Code
    group: str | None = None
    impact: Impact = "unknown"
    aims: AimsModel | None = None
    details: str | None = None
    mitigations: list[MitigationModel] = []
    justification: str | None = None
    monitoring: str | None = None


class DecisionReportModel(_Strict):
    title: str | None = None
    ref: str | None = None
    date: dt.date | None = None
    url: str | None = None
    assessment_appended: bool | None = None


class DecisionModel(_Strict):
    outcome: Outcome | None = None
    justification: str | None = None
    date: dt.date | None = None
    maker: str | None = None
    report: DecisionReportModel | None = None
    duty_statement: str | None = None


class SignOffModel(_Strict):
    name: str | None = None
    role: str | None = None
    date: dt.date | None = None


class ContributorModel(_Strict):
    name: str
    role: str | None = None


class CharacteristicModel(_Strict):
    code: Code
    label: str
    description: str | None = None


class WaiverModel(_Strict):
    rule: str
    pointer: str | None = None
    reason: str | None = None
    approved_by: str | None = None
    expires: dt.date | None = None


class ScreeningModel(_Strict):
    outcome: ScreeningOutcome | None = None
    date: dt.date | None = None
    rationale: str | None = None


class AlternativeModel(_Strict):
    option: str
    chosen: bool = False
    reason: str | None = None


class IntersectionModel(_Strict):
    characteristics: list[Code] = []
    details: str | None = None


class RelatedModel(_Strict):
    id: str
    relation: Relation | None = None
    title: str | None = None


class ProposalModel(_Strict):
    schema_version: Literal[1] = 1
    id: str | None = None
    name: str
    description: str | None = None
    framework: str = "psed"
    status: Status = "draft"
    organisation: str | None = None
    directorate: str | None = None
    programme: str | None = None
    version: str | None = None
    published: dt.date | None = None
    level: Level | None = None
    screening: ScreeningModel | None = None
    strategic: bool | None = None
    functions: list[Code] = []
    service_profile: ServiceProfileModel | None = None
    impact_summary: str | None = None
    positive_impacts: str | None = None
    alternatives: list[AlternativeModel] = []
    intersections: list[IntersectionModel] = []
    related: list[RelatedModel] = []
    contributors: list[ContributorModel] = []
    evidence: list[EvidenceModel] = []
    engagement: list[EngagementModel] = []
    impacts: list[ImpactEntryModel] = []
    decision: DecisionModel | None = None
    responsible: SignOffModel | None = None
    approver: SignOffModel | None = None
    review_date: dt.date | None = None
    characteristics: list[CharacteristicModel] = []
    waivers: list[WaiverModel] = []


# --------------------------------------------------------------------- msgspec

MCode = Annotated[str, msgspec.Meta(pattern=CODE)]


class _S(msgspec.Struct, forbid_unknown_fields=True):
    pass


class ServiceProfileS(_S, kw_only=True):
    description: str | None = None
    customers: Annotated[int, msgspec.Meta(ge=0)] | None = None


class EvidenceS(_S, kw_only=True):
    source: str
    summary: str | None = None
    date: dt.date | None = None
    url: str | None = None
    kind: EvidenceKind | None = None
    area: str | None = None


class EngagementS(_S, kw_only=True):
    audience: str | None = None
    method: str | None = None
    date: dt.date | None = None
    end: dt.date | None = None
    summary: str | None = None
    changes: str | None = None


class AimsS(_S, kw_only=True):
    eliminate: Impact | None = None
    advance: Impact | None = None
    foster: Impact | None = None


class MitigationS(_S, kw_only=True):
    action: str
    owner: str | None = None
    due: dt.date | None = None
    status: MitigationStatus = "planned"
    monitoring: str | None = None


class ImpactEntryS(_S, kw_only=True):
    characteristic: MCode
    group: str | None = None
    impact: Impact = "unknown"
    aims: AimsS | None = None
    details: str | None = None
    mitigations: list[MitigationS] = []
    justification: str | None = None
    monitoring: str | None = None


class DecisionReportS(_S, kw_only=True):
    title: str | None = None
    ref: str | None = None
    date: dt.date | None = None
    url: str | None = None
    assessment_appended: bool | None = None


class DecisionS(_S, kw_only=True):
    outcome: Outcome | None = None
    justification: str | None = None
    date: dt.date | None = None
    maker: str | None = None
    report: DecisionReportS | None = None
    duty_statement: str | None = None


class SignOffS(_S, kw_only=True):
    name: str | None = None
    role: str | None = None
    date: dt.date | None = None


class ContributorS(_S, kw_only=True):
    name: str
    role: str | None = None


class CharacteristicS(_S, kw_only=True):
    code: MCode
    label: str
    description: str | None = None


class WaiverS(_S, kw_only=True):
    rule: str
    pointer: str | None = None
    reason: str | None = None
    approved_by: str | None = None
    expires: dt.date | None = None


class ScreeningS(_S, kw_only=True):
    outcome: ScreeningOutcome | None = None
    date: dt.date | None = None
    rationale: str | None = None


class AlternativeS(_S, kw_only=True):
    option: str
    chosen: bool = False
    reason: str | None = None


class IntersectionS(_S, kw_only=True):
    characteristics: list[MCode] = []
    details: str | None = None


class RelatedS(_S, kw_only=True):
    id: str
    relation: Relation | None = None
    title: str | None = None


class ProposalS(_S, kw_only=True):
    schema_version: Literal[1] = 1
    id: str | None = None
    name: str
    description: str | None = None
    framework: str = "psed"
    status: Status = "draft"
    organisation: str | None = None
    directorate: str | None = None
    programme: str | None = None
    version: str | None = None
    published: dt.date | None = None
    level: Level | None = None
    screening: ScreeningS | None = None
    strategic: bool | None = None
    functions: list[MCode] = []
    service_profile: ServiceProfileS | None = None
    impact_summary: str | None = None
    positive_impacts: str | None = None
    alternatives: list[AlternativeS] = []
    intersections: list[IntersectionS] = []
    related: list[RelatedS] = []
    contributors: list[ContributorS] = []
    evidence: list[EvidenceS] = []
    engagement: list[EngagementS] = []
    impacts: list[ImpactEntryS] = []
    decision: DecisionS | None = None
    responsible: SignOffS | None = None
    approver: SignOffS | None = None
    review_date: dt.date | None = None
    characteristics: list[CharacteristicS] = []
    waivers: list[WaiverS] = []
