"""Plug-ins through the psed.rules entry points (tests/plugin_pkg is installed for the tests)."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterator
from typing import Any

import pytest

import psed
from psed.rules import PluginError, _plugins, all_rules, get_rule

from .conftest import AS_OF, complete_proposal


@pytest.fixture
def fresh_discovery() -> Iterator[None]:
    _plugins._reset()
    yield
    _plugins._reset()


def test_the_example_plugin_is_installed() -> None:
    names = {ep.name for ep in importlib.metadata.entry_points(group="psed.rules")}
    assert {"example", "example-extra"} <= names, "pip install -e tests/plugin_pkg"


def test_plugin_rules_are_registered_and_documented() -> None:
    codes = {r.code for r in all_rules()}
    assert {"EXP001", "EXP002"} <= codes
    exp = get_rule("EXP001")
    assert exp.origin == "psed_example_plugin"
    assert exp.name == "missing-reference-number"
    assert exp.summary == "The assessment has no reference number."
    assert "EXP001" not in {r.code for r in all_rules(builtin_only=True)}
    assert "example" in _plugins.loaded_plugins()


def test_plugin_rules_run_through_check() -> None:
    council = complete_proposal(framework="example-council")
    report = psed.check(council, as_of=AS_OF)
    (finding,) = [f for f in report.findings if f.code == "EXP001"]
    assert finding.pointer == "/id"
    assert finding.severity is psed.Severity.WARNING
    assert finding.references == ("Example Council records management policy 2024, para 4.2",)
    decided = complete_proposal(
        framework="example-council", id="LIB-1", decision=psed.Decision(outcome=psed.Outcome.ADJUST)
    )
    report = psed.check(decided, as_of=AS_OF)
    assert [f.code for f in report.findings if f.code.startswith("EXP")] == ["EXP002"]
    # The plug-in's rules apply only to its own framework.
    other = psed.check(complete_proposal(), as_of=AS_OF)
    assert not [f for f in other.findings if f.code.startswith("EXP")]


class _FakeEntryPoint:
    def __init__(self, name: str, value: str, target: Any) -> None:
        self.name, self.value, self._target = name, value, target
        self.dist = None

    def load(self) -> Any:
        if isinstance(self._target, BaseException):
            raise self._target
        return self._target


def test_a_broken_plugin_raises_a_plugin_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, fresh_discovery: None
) -> None:
    broken = _FakeEntryPoint("acme", "acme_rules", ModuleNotFoundError("No module named 'acme'"))
    monkeypatch.setattr(_plugins, "_entry_points", lambda: [broken])
    for _ in range(2):  # every time, not only the first
        with pytest.raises(PluginError, match=r"plug-in 'acme' = 'acme_rules'") as info:
            all_rules()
        assert "ModuleNotFoundError: No module named 'acme'" in str(info.value)
        assert "Fix or uninstall that package" in str(info.value)
    with pytest.raises(PluginError):
        psed.check(complete_proposal(), as_of=AS_OF)


def test_a_plugin_whose_setup_fails(monkeypatch: pytest.MonkeyPatch, fresh_discovery: None) -> None:
    def setup() -> None:
        raise ValueError("bad rule")

    monkeypatch.setattr(
        _plugins, "_entry_points", lambda: [_FakeEntryPoint("acme", "acme:setup", setup)]
    )
    with pytest.raises(PluginError, match="ValueError: bad rule"):
        _plugins.load_plugins()


def test_an_entry_point_that_is_neither_module_nor_callable(
    monkeypatch: pytest.MonkeyPatch, fresh_discovery: None
) -> None:
    monkeypatch.setattr(
        _plugins, "_entry_points", lambda: [_FakeEntryPoint("acme", "acme:VALUE", 42)]
    )
    with pytest.raises(PluginError, match="neither a module nor a callable"):
        _plugins.load_plugins()


def test_discovery_runs_once(monkeypatch: pytest.MonkeyPatch, fresh_discovery: None) -> None:
    calls: list[int] = []

    def setup() -> None:
        calls.append(1)

    monkeypatch.setattr(
        _plugins, "_entry_points", lambda: [_FakeEntryPoint("once", "once:setup", setup)]
    )
    import threading

    threads = [threading.Thread(target=_plugins.load_plugins) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    all_rules()
    assert calls == [1]
    assert _plugins.loaded_plugins() == ("once",)
