"""psed: a typed model of UK public-sector equality impact assessments, and a checker for gaps.

>>> import psed
>>> sorted(psed.BUILTIN_FRAMEWORKS)
['esia', 'ni-s75', 'psed', 'scotland', 'wales']

Every public name is importable from here (``from psed import validate``); each is
loaded from its module the first time it is used, so that ``import psed`` and the
commands that need little (``psed --version``, ``psed schema``) start quickly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
"""The psed release (the one place it is written: the package build reads it here)."""

if TYPE_CHECKING:
    from psed.catalogue import BUILTIN_CHARACTERISTICS as BUILTIN_CHARACTERISTICS
    from psed.catalogue import BUILTIN_FRAMEWORKS as BUILTIN_FRAMEWORKS
    from psed.catalogue import PROTECTED_CHARACTERISTICS as PROTECTED_CHARACTERISTICS
    from psed.catalogue import Catalogue as Catalogue
    from psed.catalogue import CatalogueError as CatalogueError
    from psed.catalogue import Framework as Framework
    from psed.catalogue import default_catalogue as default_catalogue
    from psed.catalogue import register_characteristic as register_characteristic
    from psed.catalogue import register_duty as register_duty
    from psed.catalogue import register_framework as register_framework
    from psed.config import Config as Config
    from psed.config import ConfigError as ConfigError
    from psed.config import Thresholds as Thresholds
    from psed.config import find_config as find_config
    from psed.config import load_config as load_config
    from psed.engine import check as check
    from psed.engine import validate as validate
    from psed.findings import Finding as Finding
    from psed.findings import Report as Report
    from psed.findings import Severity as Severity
    from psed.model import SCHEMA_VERSION as SCHEMA_VERSION
    from psed.model import Aim as Aim
    from psed.model import Aims as Aims
    from psed.model import Alternative as Alternative
    from psed.model import Characteristic as Characteristic
    from psed.model import CharacteristicKind as CharacteristicKind
    from psed.model import Contributor as Contributor
    from psed.model import Decision as Decision
    from psed.model import DecisionReport as DecisionReport
    from psed.model import Engagement as Engagement
    from psed.model import Evidence as Evidence
    from psed.model import EvidenceKind as EvidenceKind
    from psed.model import Impact as Impact
    from psed.model import ImpactEntry as ImpactEntry
    from psed.model import Intersection as Intersection
    from psed.model import Level as Level
    from psed.model import Mitigation as Mitigation
    from psed.model import MitigationStatus as MitigationStatus
    from psed.model import Outcome as Outcome
    from psed.model import Proposal as Proposal
    from psed.model import RelatedAssessment as RelatedAssessment
    from psed.model import Relation as Relation
    from psed.model import Screening as Screening
    from psed.model import ScreeningOutcome as ScreeningOutcome
    from psed.model import ServiceProfile as ServiceProfile
    from psed.model import SignOff as SignOff
    from psed.model import Status as Status
    from psed.model import Waiver as Waiver
    from psed.reading import DocumentError as DocumentError
    from psed.reading import Limits as Limits
    from psed.reading import dump as dump
    from psed.reading import dumps as dumps
    from psed.reading import load as load
    from psed.reading import loads as loads
    from psed.reading import read as read
    from psed.reading import structure as structure
    from psed.reading import unstructure as unstructure
    from psed.rendering import render as render
    from psed.schema import json_schema as json_schema

_EXPORTS: dict[str, tuple[str, ...]] = {
    "psed.catalogue": (
        "BUILTIN_CHARACTERISTICS",
        "BUILTIN_FRAMEWORKS",
        "PROTECTED_CHARACTERISTICS",
        "Catalogue",
        "CatalogueError",
        "Framework",
        "default_catalogue",
        "register_characteristic",
        "register_duty",
        "register_framework",
    ),
    "psed.config": ("Config", "ConfigError", "Thresholds", "find_config", "load_config"),
    "psed.engine": ("check", "validate"),
    "psed.findings": ("Finding", "Report", "Severity"),
    "psed.model": (
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
    ),
    "psed.reading": (
        "DocumentError",
        "Limits",
        "dump",
        "dumps",
        "load",
        "loads",
        "read",
        "structure",
        "unstructure",
    ),
    "psed.rendering": ("render",),
    "psed.schema": ("json_schema",),
}
"""Each public name by the module it is defined in (the type checker reads the imports above)."""

_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

_SUBMODULES = ("audit", "forms", "law", "rules", "testing")
"""The public modules, reachable as ``psed.rules`` after ``import psed``."""

__all__ = ["__version__", *sorted(_MODULE_OF)]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"psed.{name}")
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'psed' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found once; later uses are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted([*__all__, *_SUBMODULES])
