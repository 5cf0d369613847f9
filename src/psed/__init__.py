"""psed: a typed model of UK public-sector equality impact assessments, and a checker for gaps.

>>> import psed
>>> sorted(psed.BUILTIN_FRAMEWORKS)
['esia', 'ni-s75', 'psed', 'scotland', 'wales']
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from psed.catalogue import (
    BUILTIN_CHARACTERISTICS,
    BUILTIN_FRAMEWORKS,
    PROTECTED_CHARACTERISTICS,
    Catalogue,
    CatalogueError,
    Framework,
    default_catalogue,
    register_characteristic,
    register_framework,
)
from psed.config import Config, ConfigError, Thresholds, find_config, load_config
from psed.engine import check, validate
from psed.findings import Finding, Report, Severity
from psed.model import (
    SCHEMA_VERSION,
    Aim,
    Aims,
    Characteristic,
    CharacteristicKind,
    Decision,
    Engagement,
    Evidence,
    Impact,
    ImpactEntry,
    Mitigation,
    MitigationStatus,
    Outcome,
    Proposal,
    ServiceProfile,
    SignOff,
    Status,
    Waiver,
)
from psed.reading import (
    DocumentError,
    Limits,
    dump,
    dumps,
    load,
    loads,
    read,
    structure,
    unstructure,
)
from psed.schema import json_schema

try:
    __version__ = _version("psed")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "BUILTIN_CHARACTERISTICS",
    "BUILTIN_FRAMEWORKS",
    "PROTECTED_CHARACTERISTICS",
    "SCHEMA_VERSION",
    "Aim",
    "Aims",
    "Catalogue",
    "CatalogueError",
    "Characteristic",
    "CharacteristicKind",
    "Config",
    "ConfigError",
    "Decision",
    "DocumentError",
    "Engagement",
    "Evidence",
    "Finding",
    "Framework",
    "Impact",
    "ImpactEntry",
    "Limits",
    "Mitigation",
    "MitigationStatus",
    "Outcome",
    "Proposal",
    "Report",
    "ServiceProfile",
    "Severity",
    "SignOff",
    "Status",
    "Thresholds",
    "Waiver",
    "__version__",
    "check",
    "default_catalogue",
    "dump",
    "dumps",
    "find_config",
    "json_schema",
    "load",
    "load_config",
    "loads",
    "read",
    "register_characteristic",
    "register_framework",
    "structure",
    "unstructure",
    "validate",
]
