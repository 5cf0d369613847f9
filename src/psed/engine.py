"""check and validate: run the selected rules on a document and build the report.

:func:`check` takes a :class:`~psed.Proposal`; :func:`validate` takes what a form or a
file gives (a mapping, or JSON/YAML text), reads it best-effort and never raises on
bad input: structural and rule findings come back in one :class:`~psed.Report`.

How a finding's severity is decided, in order:

1. the rule's default severity, or the configuration's override for its code;
2. ``info`` when the rule's status is above the status the check uses (a draft gets a
   to-do list without failing);
3. a waived finding keeps its severity, is marked ``waived`` and does not fail.

A report lists at most :data:`psed.rules.report.MAX_FINDINGS` findings (1,000): beyond
that, one PSED008 finding at the whole document says how many more there are. Each
finding is handed to the report's :class:`psed._bound.Bound` as it is found, which
makes only those it lists.
"""

from __future__ import annotations

import datetime as _dt
import functools
import traceback
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from psed import __version__  # the package is initialised before any of its modules
from psed._bound import Bound
from psed._i18n import DEFAULT_LANG, Message, _, choose_lang
from psed._reading.codes import structural_finding
from psed._reading.document import locate
from psed._reading.pointer import Positions, join, split
from psed.catalogue import Catalogue, Framework
from psed.config import Config
from psed.findings import Finding, Report, Severity, translate
from psed.law import LawAt, LawDate, cite, law_at
from psed.law import law_date as _law_date
from psed.model import Proposal, Status
from psed.rules import Context, Hit, Rule, all_rules, load_plugins
from psed.rules._registry import lookup, registry_version
from psed.rules.portfolio import is_portfolio
from psed.rules.waivers import UNUSED_WAIVER, WaiverMatch, waivable

__all__ = ["check", "validate"]

_DEFAULT_CONFIG = Config()


def _status(status: Status | str | None) -> Status | None:
    if status is None or isinstance(status, Status):
        return status
    try:
        return Status(status)
    except ValueError:
        raise ValueError(
            f"status {status!r} is not valid; use one of {', '.join(Status.codes())}"
        ) from None


def _as_of(as_of: _dt.date | None) -> _dt.date:
    if as_of is None:
        return _dt.date.today()
    if isinstance(as_of, _dt.datetime):
        return as_of.date()
    if not isinstance(as_of, _dt.date):
        raise TypeError(f"as_of must be a datetime.date, not {type(as_of).__name__}")
    return as_of


def _given_law_date(law_date: _dt.date | None) -> _dt.date | None:
    if law_date is None:
        return None
    if isinstance(law_date, _dt.datetime):
        return law_date.date()
    if not isinstance(law_date, _dt.date):
        raise TypeError(f"law_date must be a datetime.date, not {type(law_date).__name__}")
    return law_date


@functools.lru_cache(maxsize=64)
def _plan(config: Config, version: int) -> tuple[tuple[Rule, Severity], ...]:
    """The rules a configuration runs, with their configured severity (cached)."""
    del version  # part of the cache key: the registry changed
    return tuple(
        (rule, config.severity_for(rule.code, rule.severity))
        for rule in all_rules()
        if rule.check is not None and config.is_selected(rule.code)
    )


def _framework(proposal: Proposal, catalogue: Catalogue) -> Framework:
    found = catalogue.framework(proposal.framework)
    if found is None:
        found = catalogue.framework("psed")
        assert found is not None, "the psed framework is built in"
    return found


def _internal_error(rule: Rule, exc: BaseException) -> Finding:
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    place = f" at {where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno}" if where else ""
    error = f"{type(exc).__name__}: {exc}"
    message = _(
        "internal error in rule {code} ({name}){place}: {error}; the document could not be "
        "checked against this rule; please report it",
        code=rule.code,
        name=rule.name,
        place=place,
        error=error,
    )
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=Severity.ERROR,
        default_severity=rule.severity,
        message=str(message),
        source=message,
        pointer="",
        references=rule.references,
    )


_Cited = dict[tuple[str, str | None], tuple[str, ...]]


_RANK = {member: rank for rank, member in enumerate(Status)}
"""Status.rank, looked up (the property rebuilds the list of codes on every call)."""


def _effective(rule: Rule, severity: Severity, status: Status) -> Severity:
    """``severity``, or ``info`` when the rule applies only from a later status."""
    return Severity.INFO if _RANK[rule.status] > _RANK[status] else severity


def _references(rule: Rule, hit: Hit, law: LawAt, cited: _Cited) -> tuple[str, ...]:
    """The citations of one hit: the rule's references as they apply under ``law`` (memoized)."""
    key = (rule.code, hit.characteristic)
    found = cited.get(key)
    if found is None:
        found = cited[key] = cite(rule.cites, law, hit.characteristic)
    return found


def _finding(
    rule: Rule, severity: Severity, hit: Hit, law: LawAt, cited: _Cited, waived: str | None
) -> Finding:
    """A finding at ``severity`` (already the effective one) for one hit."""
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=severity,
        default_severity=rule.severity if hit.severity is None else hit.severity,
        message=str(hit.message),
        pointer=hit.pointer,
        characteristic=hit.characteristic,
        references=_references(rule, hit, law, cited),
        source=hit.message if isinstance(hit.message, Message) else None,
        waived=waived,
    )


def _run_rules(
    proposal: Proposal,
    as_of: _dt.date,
    status: Status,
    config: Config,
    catalogue: Catalogue,
    bound: Bound,
    structural: AbstractSet[str] = frozenset(),
    broken_waivers: frozenset[int] = frozenset(),
    law_date: _dt.date | None = None,
) -> LawDate:
    """Every selected rule's findings, waivers applied, handed to ``bound`` as they are found.

    A finding at or below one of the ``structural`` places is left out (one mistake is
    reported once), after the waivers have seen it.
    """
    framework = _framework(proposal, catalogue)
    day = _law_date(proposal, as_of, given=law_date)
    law = law_at(proposal, framework, catalogue, day)
    ctx = Context(
        proposal=proposal,
        as_of=as_of,
        status=status,
        framework=framework,
        catalogue=catalogue,
        thresholds=config.thresholds_for(framework.id),
        law=law,
    )
    cited: _Cited = {}
    waivers = WaiverMatch(proposal, as_of, broken_waivers)
    errors: list[Finding] = []

    def add(rule: Rule, severity: Severity, hit: Hit, waived: str | None) -> None:
        if not _covered(hit.pointer, structural):
            make = functools.partial(_finding, rule, severity, hit, law, cited, waived)
            bound.add(rule.code, hit.pointer, severity, make, waived=waived is not None)

    def run(rule: Rule, severity: Severity) -> None:
        """One rule's findings (its hits live only while it is handled)."""
        assert rule.check is not None
        hits = list(rule.check(ctx))  # a rule that raises adds no finding, only its error
        for hit in hits:
            if not isinstance(hit, Hit):
                raise TypeError(f"the rule yielded {type(hit).__name__}, not a Hit")
        if not hits:
            return
        effective = _effective(rule, severity, status)
        for hit in hits:
            if hit.severity is not None:  # the rule's severity for this document
                own = config.severity_for(rule.code, hit.severity)  # config wins
                graded = _effective(rule, own, status)
            else:
                graded = effective
            add(rule, graded, hit, waivers.reason(rule.code, hit.pointer))

    for rule, severity in _plan(config, registry_version()):
        try:
            run(rule, severity)
        except Exception as exc:  # a broken rule must not stop the others
            errors.append(_internal_error(rule, exc))

    # Internal errors are never waived: the rule did not really run. A waiver of a
    # portfolio rule is judged by the audit, the only place those rules run.
    for error in errors:
        if not _covered(error.pointer, structural):
            bound.add_made(error)

    def runs_here(code: str) -> bool:
        return config.is_selected(code) and not is_portfolio(code)

    unused = waivers.unused(runs_here)
    if unused and config.is_selected(UNUSED_WAIVER.code):
        severity = config.severity_for(UNUSED_WAIVER.code, UNUSED_WAIVER.severity)
        for index in unused:
            code = proposal.waivers[index].rule.strip()
            if lookup(code) is None:
                message = _(
                    "The waiver names {code}, which is not a rule code psed knows: correct "
                    "the code (for example PSED501), or remove the waiver.",
                    code=code,
                )
            elif not waivable(code):
                message = _(
                    "The waiver of {code} waives nothing, because structural findings and "
                    "waiver findings cannot be waived: remove it and fix the document instead.",
                    code=code,
                )
            else:
                message = _(
                    "The waiver of {code} matched no finding: remove it, or correct its "
                    "rule or pointer.",
                    code=code,
                )
            add(
                UNUSED_WAIVER,
                _effective(UNUSED_WAIVER, severity, status),
                Hit(join("waivers", index), message),
                None,
            )
    return day


def check(
    proposal: Proposal,
    *,
    as_of: _dt.date | None = None,
    status: Status | str | None = None,
    config: Config | None = None,
    law_date: _dt.date | None = None,
    lang: str = DEFAULT_LANG,
) -> Report:
    """Run every selected rule on a Proposal and report the findings in document order.

    ``as_of`` is the date the document is judged on (default: today). ``status``
    overrides the document's own status (a Status or its code; ValueError if invalid).
    ``config`` selects rules, overrides severities, sets the fail level and adds
    frameworks and characteristics. ``law_date`` sets the day whose law applies
    (default: the document's own law date, see :func:`psed.law.law_date`), for "what
    if this were decided today". ``lang`` is the language of the messages: ``"en"``
    (English, the default) or ``"cy"`` (Welsh; each finding then also carries the
    English in ``message_en``). Raises :class:`psed.rules.PluginError` only when an
    installed plug-in cannot be loaded.

    .. versionchanged:: 0.2.0
       ``law_date``; findings cite the law of the document's framework on its law date;
       ``lang``.
    """
    if not isinstance(proposal, Proposal):
        raise TypeError(
            f"check takes a psed.Proposal, not {type(proposal).__name__}; to check a dict, "
            "JSON or YAML text, call psed.validate, which reads it first"
        )
    used_status = _status(status)
    day = _as_of(as_of)
    given = _given_law_date(law_date)
    code = choose_lang(lang)
    cfg = _DEFAULT_CONFIG if config is None else config
    load_plugins()  # plug-ins may register frameworks and characteristics too
    used_status = Status(proposal.status) if used_status is None else used_status
    bound = Bound()
    law_day = _run_rules(proposal, day, used_status, cfg, cfg.catalogue(), bound, law_date=given)
    report = Report(
        findings=bound.listed(),
        as_of=day,
        status=used_status,
        version=__version__,
        fail_on=cfg.fail_on,
        law_date=law_day.date,
        law_date_source=law_day.source.value,
    )
    return report if code == DEFAULT_LANG else translate(report, code)


def _only(only: str | Sequence[str] | None) -> tuple[str, ...] | None:
    if only is None:
        return None
    pointers = (only,) if isinstance(only, str) else tuple(only)
    for pointer in pointers:
        if not isinstance(pointer, str) or not (pointer == "" or pointer.startswith("/")):
            raise ValueError(
                f"only: {pointer!r} is not a JSON Pointer; give '' or a pointer such as "
                "'/impacts' (or a list of them)"
            )
    return pointers


def _read(
    payload: Any, config: Config, catalogue: Catalogue, bound: Bound, format: str | None = None
) -> tuple[Proposal | None, Positions | None]:
    """The Proposal and positions of ``payload``; every finding reading makes, to ``bound``."""
    from psed._reading.document import read_document
    from psed._reading.text import describe_document

    if not isinstance(payload, (Mapping, str, bytes, bytearray)):
        finding = structural_finding(
            "PSED001",
            "",
            _(
                "The document must be a JSON or YAML mapping (or its text), not "
                "{kind}; send the assessment as an object.",
                kind=describe_document(payload),
            ),
        )
        bound.add_made(finding)
        return None, None
    if isinstance(payload, bytearray):
        payload = bytes(payload)
    try:
        read = read_document(payload, format, catalogue, config.limits, bound)
    except Exception as exc:  # the reader promises not to raise; never let it reach a user
        error = f"{type(exc).__name__}: {exc}"
        finding = structural_finding(
            "PSED001",
            "",
            _("internal error reading the document: {error}; please report it", error=error),
        )
        bound.clear()
        bound.add_made(finding)
        return None, None
    return read.proposal, read.positions


def _broken_waivers(places: AbstractSet[str]) -> frozenset[int]:
    """Indexes of the waivers at or under which the reader reported something."""
    broken: set[int] = set()
    for pointer in places:
        keys = split(pointer)
        if len(keys) >= 2 and keys[0] == "waivers" and keys[1].isdigit():
            broken.add(int(keys[1]))
    return frozenset(broken)


def _covered(pointer: str, places: AbstractSet[str]) -> bool:
    """True when ``pointer`` is at or below one of ``places`` (each prefix is looked up once).

    The same as ``any(is_at_or_below(pointer, p) for p in places)``, in time that grows
    with the pointer's depth rather than with the number of places (a hostile document
    can have a million structural findings).
    """
    if not places:
        return False
    if "" in places or pointer in places:
        return True
    index = pointer.find("/", 1)
    while index != -1:
        if pointer[:index] in places:
            return True
        index = pointer.find("/", index + 1)
    return False


def validate(
    payload: Any,
    *,
    as_of: _dt.date | None = None,
    status: Status | str | None = None,
    config: Config | None = None,
    only: str | Sequence[str] | None = None,
    law_date: _dt.date | None = None,
    lang: str = DEFAULT_LANG,
) -> Report:
    """Structural and rule findings for a JSON/YAML tree or text; never raises on bad input.

    ``payload`` is a mapping (already-parsed JSON) or JSON/YAML text (str or bytes);
    anything else is reported as PSED001. A rule finding at or below a place that
    already has a structural finding is dropped, so one mistake is reported once.
    ``only`` (a pointer or a list of them) keeps only findings at or below those
    places, for a multi-page form checking one page. The other arguments are as for
    :func:`check` (``lang="cy"`` gives the messages in Welsh); an invalid ``status``,
    ``only`` or ``lang`` raises ValueError (a programming error, not bad input).

    .. versionchanged:: 0.2.0
       ``lang``.
    """
    return _validate_and_read(
        payload,
        as_of=as_of,
        status=status,
        config=config,
        only=only,
        law_date=law_date,
        lang=lang,
    )[0]


def _validate_and_read(
    payload: Any,
    *,
    as_of: _dt.date | None = None,
    status: Status | str | None = None,
    config: Config | None = None,
    only: str | Sequence[str] | None = None,
    law_date: _dt.date | None = None,
    lang: str = DEFAULT_LANG,
    format: str | None = None,
) -> tuple[Report, Proposal | None]:
    """:func:`validate`'s report and the best-effort Proposal the rules ran on (internal).

    The Proposal is what :func:`psed.read` gives for the same payload, catalogue and
    limits (None when the document could not be read as a mapping): the audit takes
    both from one reading instead of reading every document twice. ``format``
    (``"json"``, ``"yaml"``, None to decide from the text) is for text read from a
    file whose suffix says it. Findings about text carry their line and column, from
    the one parse.
    """
    used_status = _status(status)
    day = _as_of(as_of)
    given = _given_law_date(law_date)
    cfg = _DEFAULT_CONFIG if config is None else config
    keep = _only(only)
    code = choose_lang(lang)
    load_plugins()  # plug-ins may register frameworks and characteristics too
    catalogue = cfg.catalogue()
    kept = frozenset(keep or ())
    bound = Bound(keep=None if keep is None else lambda pointer: _covered(pointer, kept))
    proposal, positions = _read(payload, cfg, catalogue, bound, format)
    law_day: LawDate | None = None
    if proposal is not None:
        used_status = Status(proposal.status) if used_status is None else used_status
        structural = frozenset(bound.places)
        broken = _broken_waivers(structural)
        law_day = _run_rules(
            proposal, day, used_status, cfg, catalogue, bound, structural, broken, law_date=given
        )
    report = Report(
        findings=locate(bound.listed(), positions),
        as_of=day,
        status=used_status,
        version=__version__,
        fail_on=cfg.fail_on,
        law_date=None if law_day is None else law_day.date,
        law_date_source=None if law_day is None else law_day.source.value,
    )
    if code != DEFAULT_LANG:
        report = translate(report, code)
    return report, proposal
