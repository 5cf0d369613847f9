"""Plug-in discovery: rules from installed packages, through the ``psed.rules`` entry points.

A package declares, in its ``pyproject.toml``::

    [project.entry-points."psed.rules"]
    acme = "acme_psed_rules"            # a module: importing it registers its rules
    acme-extra = "acme_psed_rules:setup"  # or a callable, called once with no arguments

Discovery runs once per process, lazily (the first time the rule list is needed),
and under a lock so that threads checking documents at the same time see the same
rules. A plug-in that fails to import or to register raises :class:`PluginError`
naming the plug-in, every time the rules are asked for, so the failure is never
silently half-applied.
"""

from __future__ import annotations

import importlib.metadata
import threading
import types
from collections.abc import Iterable
from typing import Any

__all__ = ["ENTRY_POINT_GROUP", "PluginError", "load_plugins", "loaded_plugins"]

ENTRY_POINT_GROUP = "psed.rules"
"""The entry-point group a plug-in package declares its rules under (``psed.rules``)."""


class PluginError(RuntimeError):
    """An installed psed plug-in that could not be loaded; the message names it."""


_lock = threading.RLock()
_loaded: list[str] | None = None
_error: PluginError | None = None
_loading = False


def _entry_points() -> Iterable[Any]:
    return importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)


def _describe(ep: Any) -> str:
    dist = getattr(ep, "dist", None)
    package = f" (package {dist.name} {dist.version})" if dist is not None else ""
    return f"plug-in {ep.name!r} = {ep.value!r}{package}"


def _load_one(ep: Any) -> None:
    try:
        target = ep.load()
        if not isinstance(target, types.ModuleType):
            if not callable(target):
                raise TypeError(f"{ep.value} is neither a module nor a callable")
            target()
    except Exception as exc:
        raise PluginError(
            f"psed could not load {_describe(ep)} from the {ENTRY_POINT_GROUP!r} entry-point "
            f"group: {type(exc).__name__}: {exc}. Fix or uninstall that package."
        ) from exc


def load_plugins() -> tuple[str, ...]:
    """Load every installed plug-in once; the names of the entry points loaded.

    Raises :class:`PluginError` when a plug-in cannot be loaded (again on every call).
    """
    global _loaded, _error, _loading
    if _loaded is not None:
        return tuple(_loaded)
    with _lock:
        if _error is not None:
            raise _error
        if _loaded is not None or _loading:
            # Already done, or a plug-in asks for the rules while it is being loaded.
            return tuple(_loaded or ())
        _loading = True
        try:
            names: list[str] = []
            for ep in sorted(_entry_points(), key=lambda ep: (ep.name, ep.value)):
                _load_one(ep)
                names.append(ep.name)
        except PluginError as exc:
            _error = exc
            raise
        finally:
            _loading = False
        _loaded = names
        return tuple(names)


def loaded_plugins() -> tuple[str, ...]:
    """The names of the plug-ins loaded so far (empty before discovery)."""
    return tuple(_loaded or ())


def _reset() -> None:
    """Forget discovery (tests only): the next :func:`load_plugins` runs it again."""
    global _loaded, _error
    with _lock:
        _loaded = None
        _error = None
