"""Configuration: which rules run, at what severity, what fails, and an organisation's own terms.

A :class:`Config` is immutable. Build one in Python, or read it from ``[tool.psed]`` in
``pyproject.toml`` or from the top level of a ``psed.toml`` with :func:`load_config`;
:func:`find_config` looks for one upward from a folder, as ruff does.

Rule selection (``select`` / ``ignore``) takes codes or code prefixes such as ``PSED5``;
``ALL`` selects every rule. For each rule the most specific matching selector
(the longest prefix) decides; when a ``select`` and an ``ignore`` entry are equally
specific, ``ignore`` wins. So ``select = ["PSED5"]`` with ``ignore = ["PSED501"]``
runs PSED502 only, and ``select = ["PSED501"]`` with ``ignore = ["PSED5"]`` runs
PSED501. Structural findings (PSED001-PSED007) are always reported.

A selector must name at least one registered rule: a code with a typing slip such as
``PSED6O1`` is an error that suggests what was meant. In ``ignore`` and ``severity`` a
selector must also be no broader than a family (``PSED5``): ``PSED`` or ``ALL`` there is
an error, so that a careless setting never turns the rules off in silence.
:func:`check_selectors` is the check, used for files and the command line alike.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
import threading
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from psed._files import DEFAULT_EXCLUDE
from psed._i18n import C_, Arg, Message, _
from psed._reading.limits import DEFAULT_LIMITS, Limits
from psed.catalogue import Catalogue, CatalogueError, Framework, default_catalogue
from psed.findings import Severity
from psed.law import BUILTIN_DUTIES, Basis, Duty, Jurisdiction
from psed.model import Characteristic, CharacteristicKind

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = [
    "CONFIG_FILES",
    "LIMIT_RANGES",
    "Config",
    "ConfigError",
    "Thresholds",
    "check_selectors",
    "find_config",
    "load_config",
]

CONFIG_FILES = ("psed.toml", "pyproject.toml")

_SOURCE = C_("configuration source", "configuration")
"""What a message calls a configuration that did not come from a file."""
"""The files :func:`find_config` looks for in each folder, in this order."""

_SELECTOR_RE = re.compile(r"^[A-Z][A-Z0-9]*$")
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_FRAMEWORK_ID_RE = re.compile(r"^[a-z][a-z0-9_-]*$")


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the key and what to do.

    The message (``str(error)``) is English; :attr:`message` gives it in another
    language (``error.message.text("cy")``).
    """

    @property
    def message(self) -> Message:
        """The message, to be given in the language asked for (as it is, in every language,
        when it is not one of psed's catalogue)."""
        said = self.args[0] if self.args else ""
        return said if isinstance(said, Message) else Message(str(said))


def _suggestion(near: list[str]) -> Message:
    """ "did you mean ...?" for one or two close names."""
    if len(near) == 1:
        return _("did you mean {name}?", name=repr(near[0]))
    return _("did you mean {first} or {second}?", first=repr(near[0]), second=repr(near[1]))


def _selectors(value: Iterable[str] | str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = (value,) if isinstance(value, str) else tuple(value)
    out = []
    for item in items:
        selector = str(item).strip().upper()
        if not _SELECTOR_RE.match(selector):
            raise ConfigError(
                _(
                    "rule selector {selector} is not a rule code or prefix; use a code such as "
                    "'PSED501', a prefix such as 'PSED5', or 'ALL'",
                    selector=repr(item),
                )
            )
        out.append(selector)
    return tuple(out)


def _ignore(value: Iterable[str] | str) -> tuple[str, ...]:
    return _selectors(value) or ()


def _patterns(value: Iterable[str] | str) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _family(code: str) -> str:
    """A code's family prefix: its letters and first digit (``PSED1`` for PSED105)."""
    letters = code.rstrip("0123456789")
    return code[: len(letters) + 1]


def check_selectors(
    selectors: Iterable[str], codes: Iterable[str], *, key: str = "select"
) -> dict[str, tuple[str, ...]]:
    """Each selector with the codes it matches; ConfigError for one that is not safe to use.

    ``key`` is what the selectors are for: ``select``, ``ignore`` or ``severity``. A
    selector must match at least one of ``codes`` (the error suggests the nearest code
    or family prefix: "did you mean"). In ``ignore`` and ``severity``, where a slip turns
    rules off or down, it must also be no broader than a family: ``PSED`` alone, or
    ``ALL``, is refused there (``select`` takes both: running every rule is safe).
    """
    known = sorted(set(codes))
    families = sorted({_family(code) for code in known})
    narrow = key != "select"
    matched: dict[str, tuple[str, ...]] = {}
    for selector in selectors:
        if selector == "ALL":
            if narrow:
                raise ConfigError(
                    _(
                        "'ALL' in {key} would take in every rule; name the codes or families "
                        "you mean, such as 'PSED5'",
                        key=key,
                    )
                )
            matched[selector] = tuple(known)
            continue
        hits = tuple(code for code in known if code.startswith(selector))
        if hits and narrow and not any(c.isdigit() for c in selector):
            shown = ", ".join(f"'{f}'" for f in families if f.startswith(selector))
            raise ConfigError(
                _(
                    "{selector} takes in every family of rules ({families}); name the families "
                    "or codes you mean, such as 'PSED5' or 'PSED501'",
                    selector=repr(selector),
                    families=shown,
                )
            )
        if not hits:
            near = difflib.get_close_matches(selector, [*families, *known], n=2, cutoff=0.6)
            if near:
                raise ConfigError(
                    _(
                        "{selector} matches no rule; {suggestion}",
                        selector=repr(selector),
                        suggestion=_suggestion(near),
                    )
                )
            raise ConfigError(
                _(
                    "{selector} matches no rule; use a code or prefix listed by `psed rules`",
                    selector=repr(selector),
                )
            )
        matched[selector] = hits
    return matched


def _severity_value(value: Severity | str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(
            _(
                "severity {value} is not one of error, warning, info; use one of those",
                value=repr(value),
            )
        ) from None


def _severities(
    value: Mapping[str, Severity | str] | Iterable[tuple[str, Severity | str]],
) -> tuple[tuple[str, Severity], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    out: dict[str, Severity] = {}
    for code, severity in pairs:
        selector = _selectors([code])
        assert selector is not None
        out[selector[0]] = _severity_value(severity)
    return tuple(sorted(out.items()))


def _specificity(selectors: Iterable[str], code: str) -> int:
    """The length of the longest selector matching ``code`` (``ALL`` counts 0); -1 if none."""
    best = -1
    for selector in selectors:
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


_THRESHOLD_RANGES = {
    "min_consultation_days": (1, 365),
    "max_evidence_age_years": (1, 50),
}
"""The values each threshold may take, inclusive."""


def _whole_number_in(value: object, low: int, high: int) -> bool:
    """Whether ``value`` is a whole number (not a bool) from ``low`` to ``high``."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _threshold_in_range(instance: Thresholds, attribute: attrs.Attribute[int], value: int) -> None:
    low, high = _THRESHOLD_RANGES[attribute.name]
    if not _whole_number_in(value, low, high):
        raise ConfigError(
            _(
                "{name} must be a whole number from {low} to {high}, got {value}",
                name=attribute.name,
                low=low,
                high=high,
                value=repr(value),
            )
        )


MIN_CUMULATIVE_RANGE = (2, 10_000)
"""The values ``min-cumulative`` may take, inclusive: two proposals are the least that
can have a combined effect."""


def _min_cumulative_in_range(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    low, high = MIN_CUMULATIVE_RANGE
    if not _whole_number_in(value, low, high):
        raise ConfigError(
            _(
                "{name} must be a whole number from {low} to {high}, got {value}",
                name="min_cumulative",
                low=low,
                high=high,
                value=repr(value),
            )
        )


@attrs.frozen(kw_only=True)
class Thresholds:
    """The numbers two rules compare against: practice thresholds, not law.

    No statute sets a minimum consultation period or a maximum age of evidence, so
    an organisation sets its own (for all documents, or for one framework).
    """

    min_consultation_days: int = attrs.field(default=28, validator=_threshold_in_range)
    """PSED407: a consultation shorter than this many days (end minus start) is reported."""
    max_evidence_age_years: int = attrs.field(default=5, validator=_threshold_in_range)
    """PSED411: evidence dated more than this many years before the law date is reported."""


# Named, typed converters (not ``converter=tuple``): a type checker types the
# constructor from them, so ``Config(frameworks=[framework])`` type-checks in user code.
def _to_characteristics(value: Iterable[Characteristic]) -> tuple[Characteristic, ...]:
    return tuple(value)


def _to_frameworks(value: Iterable[Framework]) -> tuple[Framework, ...]:
    return tuple(value)


def _to_duties(value: Iterable[Duty]) -> tuple[Duty, ...]:
    return tuple(value)


def _to_template_paths(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _framework_thresholds(
    value: Mapping[str, Thresholds] | Iterable[tuple[str, Thresholds]],
) -> tuple[tuple[str, Thresholds], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    out: dict[str, Thresholds] = {}
    for framework, thresholds in pairs:
        if not isinstance(framework, str) or not isinstance(thresholds, Thresholds):
            raise ConfigError(
                _(
                    "framework_thresholds maps a framework id to a Thresholds object, got "
                    "{framework}: {thresholds}",
                    framework=repr(framework),
                    thresholds=repr(thresholds),
                )
            )
        out[framework] = thresholds
    return tuple(sorted(out.items()))


@attrs.frozen(kw_only=True, cache_hash=True)  # every check looks up its plan by the Config
class Config:
    """Which rules run, at what severity, what fails, and extra frameworks and characteristics.

    ``select=None`` (the default) runs every registered rule, plug-ins included.
    ``severity`` maps codes or prefixes to a severity (the longest match wins).
    A rule below its status still reports at ``info`` whatever its override.
    """

    select: tuple[str, ...] | None = attrs.field(default=None, converter=_selectors)
    """Codes or prefixes to run; None for all."""
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_ignore)
    """Codes or prefixes not to run (see the module docstring for precedence)."""
    severity: tuple[tuple[str, Severity], ...] = attrs.field(default=(), converter=_severities)
    """Severity overrides by code or prefix, as sorted pairs (give a dict)."""
    fail_on: Severity = attrs.field(default=Severity.ERROR, converter=_severity_value)
    """The lowest severity that makes a report fail."""
    characteristics: tuple[Characteristic, ...] = attrs.field(
        default=(), converter=_to_characteristics
    )
    """The organisation's own characteristics, added to the catalogue."""
    frameworks: tuple[Framework, ...] = attrs.field(default=(), converter=_to_frameworks)
    """The organisation's own frameworks, added to the catalogue."""
    duties: tuple[Duty, ...] = attrs.field(default=(), converter=_to_duties)
    """The organisation's own duties, and a body's own commencement date for a duty whose
    date differs by body (the Welsh Language Standards), added to the catalogue.

    .. versionadded:: 0.2.0
    """
    limits: Limits = attrs.field(default=DEFAULT_LIMITS)
    """Reading limits for :func:`psed.validate`: size, nesting depth, YAML alias expansion."""
    exclude: tuple[str, ...] = attrs.field(default=DEFAULT_EXCLUDE, converter=_patterns)
    """What a folder search skips (``.gitignore`` syntax); replaces the defaults."""
    extend_exclude: tuple[str, ...] = attrs.field(default=(), converter=_patterns)
    """More to skip, on top of :attr:`exclude`."""
    respect_gitignore: bool = True
    """Skip what the repository's ``.gitignore`` files ignore."""
    thresholds: Thresholds = attrs.field(
        default=Thresholds(), validator=attrs.validators.instance_of(Thresholds)
    )
    """The thresholds of PSED407 and PSED411 for documents of any framework."""
    framework_thresholds: tuple[tuple[str, Thresholds], ...] = attrs.field(
        default=(), converter=_framework_thresholds
    )
    """Thresholds for the documents of one framework (a dict of framework id to
    :class:`Thresholds`), replacing :attr:`thresholds` for them."""
    import_templates: tuple[str, ...] = attrs.field(default=(), converter=_to_template_paths)
    """The organisation's own import templates for ``psed import``: YAML files, as paths
    (relative ones resolved against the configuration file's folder).

    .. versionadded:: 0.2.0
    """
    source: str | None = attrs.field(default=None, eq=False)
    """Where the configuration was read from, for messages."""

    min_cumulative: int = attrs.field(default=3, validator=_min_cumulative_in_range)
    """PSED701 (``psed audit``): a characteristic adversely affected by this many proposals
    of one programme, with no cumulative assessment, is reported. Practice, not law.

    .. versionadded:: 0.2.0
    """

    def thresholds_for(self, framework: str) -> Thresholds:
        """The thresholds that apply to a document of ``framework`` (its id)."""
        for fid, thresholds in self.framework_thresholds:
            if fid == framework:
                return thresholds
        return self.thresholds

    def is_selected(self, code: str) -> bool:
        """True when the rule with this code runs under this configuration."""
        chosen = 0 if self.select is None else _specificity(self.select, code)
        return chosen >= 0 and _specificity(self.ignore, code) < chosen

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The severity a rule reports at (before the status lowers it to ``info``)."""
        best, chosen = -1, default
        for selector, severity in self.severity:
            if code.startswith(selector) and len(selector) > best:
                best, chosen = len(selector), severity
        return chosen

    def catalogue(self, base: Catalogue | None = None) -> Catalogue:
        """``base`` (the process-wide catalogue by default) plus this configuration's terms."""
        base = default_catalogue() if base is None else base
        if not self.characteristics and not self.frameworks and not self.duties:
            return base
        key = (self, id(base))
        with _cache_lock:
            cached = _catalogue_cache.get(key)
            if cached is not None and cached[0] is base:
                return cached[1]
        try:
            result = base.extend(
                characteristics=self.characteristics,
                frameworks=self.frameworks,
                duties=self.duties,
            )
        except CatalogueError as exc:
            raise ConfigError(
                _("{source}: {problem}", source=self.source or _SOURCE, problem=str(exc))
            ) from None
        with _cache_lock:
            if len(_catalogue_cache) > 64:
                _catalogue_cache.clear()
            _catalogue_cache[key] = (base, result)
        return result

    @classmethod
    def from_mapping(
        cls, mapping: Mapping[str, Any], *, source: str | None = None, prefix: str = ""
    ) -> Config:
        """A configuration from a TOML table (kebab-case keys); ConfigError names bad keys.

        ``prefix`` is how the table is named in messages, such as ``tool.psed``.
        """
        return _from_mapping(mapping, source=source, prefix=prefix)


_cache_lock = threading.Lock()
_catalogue_cache: dict[tuple[Config, int], tuple[Catalogue, Catalogue]] = {}

_TOP_KEYS = (
    "select",
    "ignore",
    "severity",
    "fail-on",
    "frameworks",
    "characteristics",
    "duties",
    "max-bytes",
    "max-depth",
    "max-values",
    "max-alias-nodes",
    "exclude",
    "extend-exclude",
    "respect-gitignore",
    "min-consultation-days",
    "max-evidence-age-years",
    "per-framework",
    "min-cumulative",
    "import-templates",
)
_THRESHOLD_KEYS = ("min-consultation-days", "max-evidence-age-years")

LIMIT_RANGES: dict[str, tuple[str, int, int]] = {
    "max-bytes": ("max_bytes", 1, 2**31 - 1),
    "max-depth": ("max_depth", 1, 1_000),
    "max-values": ("max_values", 1, 10**9),
    "max-alias-nodes": ("max_alias_nodes", 1, 10**9),
}
"""Each reading limit's key: its :class:`~psed.Limits` field and the range it may take
(the largest values are far past any real document, and still safe to count to)."""
_FRAMEWORK_KEYS = (
    "base",
    "label",
    "require",
    "optional",
    "signoffs",
    "duties",
    "community-safety",
    "description",
    "jurisdiction",
)
_DUTY_KEYS = (
    "citation",
    "title",
    "jurisdictions",
    "in-force",
    "until",
    "requires",
    "basis",
    "note",
)
_CHARACTERISTIC_KEYS = ("code", "label", "description", "kind", "legal-basis")


class _Reader:
    """Validates one configuration table, producing messages that name the key."""

    def __init__(self, source: str | None, prefix: str) -> None:
        self.source: Arg = source or _SOURCE
        self.prefix = prefix

    def error(self, key: str, problem: Arg) -> ConfigError:
        name = f"{self.prefix}.{key}" if self.prefix else key
        return ConfigError(
            _("{source}: {key}: {problem}", source=self.source, key=name, problem=problem)
        )

    def check_keys(self, table: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(str(key).replace("_", "-"), allowed, n=1)
                problem = (
                    _("unknown key; {suggestion}", suggestion=_suggestion(close))
                    if close
                    else _("unknown key; use one of {keys}", keys=", ".join(allowed))
                )
                raise self.error(f"{where}{key}" if where else str(key), problem)

    def text(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, _("expected non-empty text, got {value}", value=repr(value)))
        return value

    def line(self, value: Any, key: str) -> str:
        """Text on one line: a label, shown in reports and written into templates."""
        text = self.text(value, key)
        if not text.isprintable():
            raise self.error(
                key,
                _(
                    "{text} has a line break or a control character; write it on one line",
                    text=repr(text),
                ),
            )
        return text

    def texts(self, value: Any, key: str) -> tuple[str, ...]:
        if isinstance(value, str) or not isinstance(value, list):
            raise self.error(
                key, _('expected a list of text such as ["a", "b"], got {value}', value=repr(value))
            )
        items = tuple(self.text(v, f"{key}[{i}]") for i, v in enumerate(value))
        for i, item in enumerate(items):
            if item in items[:i]:
                raise self.error(
                    f"{key}[{i}]", _("{item} is listed twice; keep one", item=repr(item))
                )
        return items

    def flag(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.error(key, _("expected true or false, got {value}", value=repr(value)))
        return value

    def table(self, value: Any, key: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.error(key, _("expected a table, got {value}", value=repr(value)))
        return value


def _from_mapping(mapping: Mapping[str, Any], *, source: str | None, prefix: str) -> Config:
    r = _Reader(source, prefix)
    if not isinstance(mapping, Mapping):
        raise ConfigError(
            _(
                "{source}: the configuration must be a table, got {value}",
                source=r.source,
                value=repr(mapping),
            )
        )
    r.check_keys(mapping, _TOP_KEYS, "")
    kwargs: dict[str, Any] = {"source": source}
    for key in ("select", "ignore"):
        if key in mapping:
            values = r.texts(mapping[key], key)
            try:
                kwargs[key] = _selectors(values)
                check_selectors(kwargs[key], _rule_codes(), key=key)
            except ConfigError as exc:
                raise r.error(key, exc.message) from None
    if "severity" in mapping:
        table = r.table(mapping["severity"], "severity")
        overrides: dict[str, Severity] = {}
        for code, value in table.items():
            try:
                selector = _selectors([code])
                assert selector is not None
                overrides[selector[0]] = _severity_value(value)
            except ConfigError as exc:
                raise r.error(f"severity.{code}", exc.message) from None
        try:
            check_selectors(overrides, _rule_codes(), key="severity")
        except ConfigError as exc:
            raise r.error("severity", exc.message) from None
        kwargs["severity"] = overrides
    if "fail-on" in mapping:
        try:
            kwargs["fail_on"] = _severity_value(mapping["fail-on"])
        except ConfigError as exc:
            raise r.error("fail-on", exc.message) from None
    limits: dict[str, int] = {}
    for key, (field, low, high) in LIMIT_RANGES.items():
        if key in mapping:
            value = mapping[key]
            if not _whole_number_in(value, low, high):
                raise r.error(key, _whole_number_problem(f"{low:,}", f"{high:,}", value))
            limits[field] = value
    if limits:
        kwargs["limits"] = attrs.evolve(DEFAULT_LIMITS, **limits)
    for key, field in (("exclude", "exclude"), ("extend-exclude", "extend_exclude")):
        if key in mapping:
            kwargs[field] = r.texts(mapping[key], key)
    if "respect-gitignore" in mapping:
        kwargs["respect_gitignore"] = r.flag(mapping["respect-gitignore"], "respect-gitignore")
    if "import-templates" in mapping:
        folder = Path(source).parent if source else Path.cwd()
        kwargs["import_templates"] = tuple(
            str(folder / path) for path in r.texts(mapping["import-templates"], "import-templates")
        )
    characteristics = [
        _characteristic(r, entry, f"characteristics[{i}]")
        for i, entry in enumerate(
            _list_of_tables(r, mapping.get("characteristics", []), "characteristics")
        )
    ]
    for i, characteristic in enumerate(characteristics):
        if any(c.code == characteristic.code for c in characteristics[:i]):
            raise r.error(
                f"characteristics[{i}].code",
                _(
                    "{code} is defined twice; keep one definition",
                    code=repr(characteristic.code),
                ),
            )
    kwargs["characteristics"] = characteristics
    catalogue = default_catalogue()
    try:
        catalogue = catalogue.extend(characteristics=characteristics)
    except CatalogueError as exc:
        raise r.error("characteristics", str(exc)) from None
    duties = _duties(r, r.table(mapping.get("duties", {}), "duties"))
    kwargs["duties"] = duties
    try:
        catalogue = catalogue.extend(duties=duties)
    except CatalogueError as exc:
        raise r.error("duties", str(exc)) from None
    frameworks = _frameworks(r, r.table(mapping.get("frameworks", {}), "frameworks"), catalogue)
    kwargs["frameworks"] = frameworks
    kwargs["thresholds"] = _thresholds(r, mapping, "", Thresholds())
    per_framework = r.table(mapping.get("per-framework", {}), "per-framework")
    known = {f.id for f in frameworks} | set(catalogue.frameworks)
    by_framework: dict[str, Thresholds] = {}
    for fid, table in per_framework.items():
        where = f"per-framework.{fid}"
        if fid not in known:
            close = difflib.get_close_matches(str(fid), sorted(known), n=1)
            problem = (
                _(
                    "no framework has the id {framework}; {suggestion}",
                    framework=repr(fid),
                    suggestion=_suggestion(close),
                )
                if close
                else _(
                    "no framework has the id {framework}; use one of {frameworks}",
                    framework=repr(fid),
                    frameworks=", ".join(sorted(known)),
                )
            )
            raise r.error(where, problem)
        table = r.table(table, where)
        r.check_keys(table, _THRESHOLD_KEYS, where + ".")
        by_framework[str(fid)] = _thresholds(r, table, where + ".", kwargs["thresholds"])
    kwargs["framework_thresholds"] = by_framework
    if "min-cumulative" in mapping:
        value = mapping["min-cumulative"]
        low, high = MIN_CUMULATIVE_RANGE
        if not _whole_number_in(value, low, high):
            raise r.error("min-cumulative", _whole_number_problem(str(low), str(high), value))
        kwargs["min_cumulative"] = value
    return Config(**kwargs)


def _thresholds(r: _Reader, table: Mapping[str, Any], where: str, base: Thresholds) -> Thresholds:
    """``base`` with the threshold keys ``table`` gives (a key not given keeps its value)."""
    values: dict[str, int] = {}
    for key in _THRESHOLD_KEYS:
        if key not in table:
            continue
        field = key.replace("-", "_")
        low, high = _THRESHOLD_RANGES[field]
        value = table[key]
        if not _whole_number_in(value, low, high):
            raise r.error(f"{where}{key}", _whole_number_problem(str(low), str(high), value))
        values[field] = value
    return attrs.evolve(base, **values)


def _whole_number_problem(low: str, high: str, value: Any) -> Message:
    return _(
        "expected a whole number from {low} to {high}, got {value}",
        low=low,
        high=high,
        value=repr(value),
    )


def _toml_date(r: _Reader, value: Any, key: str) -> Any:
    import datetime as _dt

    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise r.error(
            key, _("expected a date such as 2016-09-30 (no quotes), got {value}", value=repr(value))
        )
    return value


def _duties(r: _Reader, table: Mapping[str, Any]) -> list[Duty]:
    out: list[Duty] = []
    for did, entry in table.items():
        where = f"duties.{did}"
        entry = r.table(entry, where)
        builtin = BUILTIN_DUTIES.get(str(did))
        if builtin is not None:
            if not builtin.configurable or set(entry) - {"in-force"}:
                problem = (
                    _(
                        "{duty} is a built-in duty; only the commencement date ('in-force') of "
                        "a duty whose date differs by body may be set",
                        duty=repr(did),
                    )
                    if builtin.configurable
                    else _(
                        "{duty} is a built-in duty; only the commencement date ('in-force') of "
                        "a duty whose date differs by body may be set, and this one's does not",
                        duty=repr(did),
                    )
                )
                raise r.error(where, problem)
            if "in-force" in entry:
                day = _toml_date(r, entry["in-force"], f"{where}.in-force")
                out.append(attrs.evolve(builtin, in_force=day))
            continue
        r.check_keys(entry, _DUTY_KEYS, where + ".")
        for key in ("citation", "jurisdictions"):
            if key not in entry:
                raise r.error(
                    f"{where}.{key}", _("missing; every duty needs a citation and jurisdictions")
                )
        places = r.texts(entry["jurisdictions"], f"{where}.jurisdictions")
        for place in places:
            if place not in Jurisdiction.codes():
                raise r.error(
                    f"{where}.jurisdictions",
                    _(
                        "{place} is not a jurisdiction; use {jurisdictions}",
                        place=repr(place),
                        jurisdictions=", ".join(Jurisdiction.codes()),
                    ),
                )
        basis = entry.get("basis", "law")
        if basis not in Basis.codes():
            raise r.error(
                f"{where}.basis",
                _("{basis} is not allowed; use 'law' or 'practice'", basis=repr(basis)),
            )
        citation = r.text(entry["citation"], f"{where}.citation")
        out.append(
            Duty(
                id=str(did),
                citation=citation,
                title=r.text(entry.get("title", citation), f"{where}.title"),
                jurisdictions=places,
                in_force=(
                    _toml_date(r, entry["in-force"], f"{where}.in-force")
                    if "in-force" in entry
                    else None
                ),
                until=(
                    _toml_date(r, entry["until"], f"{where}.until") if "until" in entry else None
                ),
                requires=r.texts(entry.get("requires", []), f"{where}.requires"),
                basis=basis,
                note=r.text(entry["note"], f"{where}.note") if "note" in entry else "",
            )
        )
    return out


def _rule_codes() -> list[str]:
    from psed.rules import all_rules

    return [rule.code for rule in all_rules()]


def _list_of_tables(r: _Reader, value: Any, key: str) -> list[Mapping[str, Any]]:
    if not isinstance(value, list):
        table = f"{r.prefix or 'psed'}.{key}"
        raise r.error(key, _("expected an array of tables ([[{table}]])", table=table))
    return [r.table(v, f"{key}[{i}]") for i, v in enumerate(value)]


def _characteristic(r: _Reader, entry: Mapping[str, Any], where: str) -> Characteristic:
    r.check_keys(entry, _CHARACTERISTIC_KEYS, where + ".")
    if "code" not in entry:
        raise r.error(f"{where}.code", _("missing; give a lower_snake_case code"))
    code = r.text(entry["code"], f"{where}.code")
    if not _CODE_RE.match(code):
        raise r.error(
            f"{where}.code",
            _(
                "{code} is not lower_snake_case; use a code such as 'young_carers'",
                code=repr(code),
            ),
        )
    if "label" not in entry:
        raise r.error(f"{where}.label", _("missing; give the name shown on the form"))
    kind = entry.get("kind", "local")
    if kind not in ("local", "statutory"):
        raise r.error(
            f"{where}.kind",
            _(
                "{kind} is not allowed; use 'local' or 'statutory' (only the nine built-in "
                "characteristics are protected)",
                kind=repr(kind),
            ),
        )
    basis = r.texts(entry["legal-basis"], f"{where}.legal-basis") if "legal-basis" in entry else ()
    return Characteristic(
        code=code,
        label=r.line(entry["label"], f"{where}.label"),
        description=(
            r.text(entry["description"], f"{where}.description") if "description" in entry else None
        ),
        kind=CharacteristicKind(kind),
        legal_basis=basis,
    )


def _frameworks(r: _Reader, table: Mapping[str, Any], catalogue: Catalogue) -> list[Framework]:
    pending = dict(table)
    out: list[Framework] = []
    for fid, entry in pending.items():
        where = f"frameworks.{fid}"
        if not _FRAMEWORK_ID_RE.match(str(fid)):
            raise r.error(where, _("the id must be lower case letters, digits, '-' or '_'"))
        r.check_keys(r.table(entry, where), _FRAMEWORK_KEYS, where + ".")
    # A framework may name another one of this table as its base: resolve in dependency order.
    while pending:
        progress = False
        for fid, entry in list(pending.items()):
            where = f"frameworks.{fid}"
            base = r.text(entry.get("base", "psed"), f"{where}.base")
            if base in pending and base != fid:
                continue
            flag = entry.get("community-safety")
            if flag is not None:
                flag = r.flag(flag, f"{where}.community-safety")
            try:
                framework = catalogue.derive_framework(
                    fid,
                    base=base,
                    label=r.line(entry["label"], f"{where}.label") if "label" in entry else None,
                    require=r.texts(entry.get("require", []), f"{where}.require"),
                    optional=r.texts(entry.get("optional", []), f"{where}.optional"),
                    signoffs=(
                        r.texts(entry["signoffs"], f"{where}.signoffs")
                        if "signoffs" in entry
                        else None
                    ),
                    duties=r.texts(entry.get("duties", []), f"{where}.duties"),
                    community_safety=flag,
                    jurisdiction=(
                        r.text(entry["jurisdiction"], f"{where}.jurisdiction")
                        if "jurisdiction" in entry
                        else None
                    ),
                    description=(
                        r.text(entry["description"], f"{where}.description")
                        if "description" in entry
                        else ""
                    ),
                )
                catalogue = catalogue.extend(frameworks=[framework])
            except CatalogueError as exc:
                raise r.error(where, str(exc)) from None
            out.append(framework)
            del pending[fid]
            progress = True
        if not progress:
            raise r.error(
                "frameworks",
                _(
                    "the frameworks {frameworks} name each other as base; give one of them a "
                    "built-in base",
                    frameworks=", ".join(sorted(pending)),
                ),
            )
    return out


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except FileNotFoundError:
        raise ConfigError(
            _("{path}: no such configuration file; check the path", path=str(path))
        ) from None
    except OSError as exc:
        raise ConfigError(
            _("{path}: cannot be read ({reason})", path=str(path), reason=str(exc.strerror))
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            _(
                "{path}: not valid TOML ({problem}); fix the syntax",
                path=str(path),
                problem=str(exc),
            )
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(_("{path}: not UTF-8 text; save it as UTF-8", path=str(path))) from None
    except RecursionError:
        raise ConfigError(
            _(
                "{path}: nested too deeply to read (arrays or tables inside one another); a "
                "psed configuration needs only a few levels",
                path=str(path),
            )
        ) from None


def _psed_table(path: Path, data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """``[tool.psed]`` of a pyproject.toml (None when it has none), or the whole file."""
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, Mapping):
        raise ConfigError(
            _(
                "{path}: tool: expected a table ([tool]), got {value}",
                path=str(path),
                value=repr(tool),
            )
        )
    table = tool.get("psed")
    if table is None or isinstance(table, Mapping):
        return table
    raise ConfigError(
        _(
            "{path}: tool.psed: expected a table ([tool.psed] with keys such as select), got "
            "{value}",
            path=str(path),
            value=repr(table),
        )
    )


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read ``[tool.psed]`` from a pyproject.toml, or the top level of any other TOML file.

    A pyproject.toml without ``[tool.psed]`` gives the default configuration.
    Raises :class:`ConfigError` for a missing or invalid file or key.
    """
    file = Path(path)
    table = _psed_table(file, _read_toml(file))
    prefix = "tool.psed" if file.name == "pyproject.toml" else ""
    if table is None:
        return Config(source=str(file))
    return Config.from_mapping(table, source=str(file), prefix=prefix)


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The configuration file that applies to ``start`` (a folder or a file; default: cwd).

    Looks in the folder and then each parent for ``psed.toml`` and then ``pyproject.toml``;
    a pyproject.toml without ``[tool.psed]`` is skipped. None when there is none. A
    folder that cannot be examined (no permission) is skipped with a warning.
    """
    try:
        here = (Path.cwd() if start is None else Path(start)).resolve()
        if here.is_file():
            here = here.parent
    except OSError as exc:
        warnings.warn(
            f"cannot look for a configuration from {start or 'the current folder'} "
            f"({exc.strerror or exc}); none is used",
            stacklevel=2,
        )
        return None
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            try:
                found = candidate.is_file()
            except OSError as exc:
                warnings.warn(
                    f"cannot look for a configuration in {folder} ({exc.strerror or exc}); "
                    "skipped it",
                    stacklevel=2,
                )
                break
            if not found:
                continue
            if name == "pyproject.toml":
                try:
                    data = _read_toml(candidate)
                except ConfigError:
                    return candidate  # broken: let load_config say what is wrong
                if _psed_table(candidate, data) is None:
                    continue
            return candidate
    return None
