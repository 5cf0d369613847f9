"""The rule catalogue: one registry of every rule, built-in and plug-in.

Write a rule with the :func:`rule` decorator::

    from psed.rules import Context, Hit, rule

    @rule(code="ACME001", name="no-owner-email", severity="warning", status="submitted",
          references=("ACME equality policy 2024, para 3",))
    def no_owner_email(ctx: Context) -> Iterator[Hit]:
        '''<one-line summary> ... ## What it checks ... (see docs/extending.md)'''

:func:`all_rules` and :func:`get_rule` load installed plug-ins (entry-point group
``psed.rules``) the first time they are called.
"""

from __future__ import annotations

import importlib

from psed._text import Phrases, Text
from psed.rules._plugins import ENTRY_POINT_GROUP, PluginError, load_plugins
from psed.rules._registry import (
    Context,
    Hit,
    Rule,
    RuleError,
    RuleFunc,
    help_url,
    lookup,
    registered_rules,
    rule,
    unregister,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "Context",
    "Hit",
    "Phrases",
    "PluginError",
    "Rule",
    "RuleError",
    "RuleFunc",
    "Text",
    "all_rules",
    "get_rule",
    "help_url",
    "load_plugins",
    "rule",
    "unregister",
]

_BUILTIN_MODULES = (
    "psed.rules.structural",
    "psed.rules.completeness",
    "psed.rules.mitigation",
    "psed.rules.signoff",
    "psed.rules.evidence",
    "psed.rules.rigour",
    "psed.rules.community_safety",
    "psed.rules.duties",
    "psed.rules.waivers",
    "psed.rules.portfolio",
    "psed.rules.report",
)

for _module in _BUILTIN_MODULES:
    importlib.import_module(_module)


def all_rules(*, builtin_only: bool = False) -> tuple[Rule, ...]:
    """Every registered rule, built-in and plug-in, sorted by code.

    ``builtin_only=True`` leaves out rules from plug-ins and user code (``origin`` other
    than ``psed``), for psed's own reference documentation. Raises :class:`PluginError`
    when an installed plug-in cannot be loaded.
    """
    load_plugins()
    rules = tuple(registered_rules())
    return tuple(r for r in rules if r.origin == "psed") if builtin_only else rules


def get_rule(code: str) -> Rule:
    """The rule with this code (any case, such as ``psed201``).

    Raises :class:`KeyError` when no rule has the code, and :class:`PluginError` when
    an installed plug-in cannot be loaded.
    """
    load_plugins()
    found = lookup(code.strip().upper())
    if found is None:
        raise KeyError(f"no rule has the code {code!r}; `psed rules` lists them all")
    return found
