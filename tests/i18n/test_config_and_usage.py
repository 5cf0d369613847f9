"""Configuration errors and the command line's usage errors, in Welsh when asked."""

from __future__ import annotations

from pathlib import Path

import pytest

import psed
from psed.cli import main
from psed.config import ConfigError, load_config

ROOT = Path(__file__).resolve().parents[2]
WALES = ROOT / "examples" / "library-service-review-wales.yaml"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the Welsh example, the current folder, with no PSED_LANG set."""
    (tmp_path / "a.yaml").write_text(WALES.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PSED_LANG", raising=False)
    return tmp_path


CONFIG_CASES = {
    "unknown key": (
        'selekt = ["PSED1"]\n',
        "selekt: unknown key; did you mean 'select'?",
        "selekt: allwedd anhysbys; ai 'select' oedd gennych mewn golwg?",
    ),
    "selector with a slip": (
        'select = ["PSED6O1"]\n',
        "select: 'PSED6O1' matches no rule; did you mean 'PSED601' or 'PSED6'?",
        "select: nid yw 'PSED6O1' yn cyfateb i unrhyw reol; ai 'PSED601' neu 'PSED6' oedd "
        "gennych mewn golwg?",
    ),
    "selector too broad": (
        'ignore = ["ALL"]\n',
        "ignore: 'ALL' in ignore would take in every rule",
        "ignore: byddai 'ALL' yn ignore yn cynnwys pob rheol",
    ),
    "bad number": (
        'min-consultation-days = "x"\n',
        "min-consultation-days: expected a whole number from 1 to 365, got 'x'",
        "min-consultation-days: roedd disgwyl rhif cyfan o 1 i 365; cafwyd 'x'",
    ),
    "bad severity": (
        'fail-on = "fatal"\n',
        "fail-on: severity 'fatal' is not one of error, warning, info",
        "fail-on: nid yw'r difrifoldeb 'fatal' yn un o error, warning, info",
    ),
    "not TOML": (
        "x = [\n",
        "not valid TOML (",
        "nid yw'n TOML dilys (neges y dosrannydd, yn Saesneg: ",
    ),
}


@pytest.mark.parametrize(("toml", "english", "welsh"), CONFIG_CASES.values(), ids=CONFIG_CASES)
def test_a_configuration_error_is_told_in_welsh(
    folder: Path, capsys: pytest.CaptureFixture[str], toml: str, english: str, welsh: str
) -> None:
    (folder / "psed.toml").write_text(toml, encoding="utf-8")
    code, _out, err = _run(capsys, "check", "a.yaml")
    assert code == 2
    assert err.startswith("psed check: error: configuration: ")
    assert english in err
    code, _out, err = _run(capsys, "check", "a.yaml", "--lang", "cy")
    assert code == 2
    assert err.startswith("psed check: gwall: ffurfweddiad: ")
    assert welsh in err
    assert english not in err


def test_psed_lang_gives_configuration_errors_in_welsh(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "pyproject.toml").write_text('[tool.psed]\nselekt = ["PSED1"]\n', encoding="utf-8")
    monkeypatch.setenv("PSED_LANG", "cy")
    code, _out, err = _run(capsys, "check", "a.yaml")
    assert code == 2
    assert "tool.psed.selekt: allwedd anhysbys; ai 'select' oedd gennych mewn golwg?" in err


def test_a_config_error_from_python_gives_its_message_in_either_language() -> None:
    with pytest.raises(ConfigError) as caught:
        psed.Config.from_mapping({"respect-gitignore": "yes"}, source="psed.toml")
    assert str(caught.value) == "psed.toml: respect-gitignore: expected true or false, got 'yes'"
    assert caught.value.message == str(caught.value)
    assert caught.value.message.text("cy") == (
        "psed.toml: respect-gitignore: roedd disgwyl true neu false; cafwyd 'yes'"
    )


def test_a_missing_configuration_file_is_told_in_welsh(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "nowhere.toml")
    assert caught.value.message.text("cy").endswith(
        "nowhere.toml: nid oes ffeil ffurfweddu o'r fath; gwiriwch y llwybr"
    )


USAGE_CASES = {
    "bad date": (
        ("check", "a.yaml", "--as-of", "2026-13-01"),
        "psed check: error: argument --as-of: '2026-13-01' is not a date; give it as "
        "YYYY-MM-DD, such as 2026-11-26 (see 'psed check --help')",
        "psed check: gwall: argument --as-of: nid yw '2026-13-01' yn ddyddiad; rhowch ef ar "
        "ffurf BBBB-MM-DD, er enghraifft 2026-11-26 (gweler 'psed check --help')",
    ),
    "unknown option": (
        ("check", "a.yaml", "--formt", "json"),
        "psed check: error: unrecognized arguments: --formt json; did you mean '--format'? "
        "(see 'psed check --help')",
        "psed check: gwall: unrecognized arguments: --formt json; ai '--format' oedd gennych "
        "mewn golwg? (gweler 'psed check --help')",
    ),
    "selector on the command line": (
        ("check", "a.yaml", "--select", "ZZZ"),
        "psed check: error: --select: 'ZZZ' matches no rule; use a code or prefix listed by "
        "`psed rules`",
        "psed check: gwall: --select: nid yw 'ZZZ' yn cyfateb i unrhyw reol; defnyddiwch god "
        "neu ragddodiad a restrir gan `psed rules`",
    ),
    "nothing found": (
        ("check", "empty"),
        "psed check: error: no assessment found in empty (psed looks for *.json, *.yaml and "
        "*.yml files); name the files or the folder that holds them",
        "psed check: gwall: ni chafwyd hyd i asesiad yn empty (mae psed yn chwilio am ffeiliau "
        "*.json, *.yaml a *.yml); enwch y ffeiliau neu'r ffolder sy'n eu dal",
    ),
    "missing --config file": (
        ("check", "a.yaml", "--config", "missing.toml"),
        "psed check: error: --config: missing.toml: no such file",
        "psed check: gwall: --config: missing.toml: nid oes ffeil o'r fath",
    ),
    "baseline without a history": (
        ("audit", ".", "--baseline"),
        "psed audit: error: --baseline compares with the history: give --db FILE as well",
        "psed audit: gwall: mae --baseline yn cymharu â'r hanes: rhowch --db FFEIL hefyd",
    ),
}


@pytest.mark.parametrize(("args", "english", "welsh"), USAGE_CASES.values(), ids=USAGE_CASES)
def test_a_usage_error_is_told_in_welsh(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    english: str,
    welsh: str,
) -> None:
    (folder / "empty").mkdir()
    code, _out, err = _run(capsys, *args)
    assert (code, err) == (2, english + "\n")
    code, _out, err = _run(capsys, *args, "--lang", "cy")
    assert (code, err) == (2, welsh + "\n")
    code, _out, err = _run(capsys, *args, "--lang=cy")
    assert (code, err) == (2, welsh + "\n")


def test_a_usage_error_met_while_parsing_follows_psed_lang(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PSED_LANG", "cy")
    code, _out, err = _run(capsys, "check", "a.yaml", "--jobs", "many")
    assert code == 2
    assert "nid yw 'many' yn nifer o brosesau" in err
    code, _out, err = _run(capsys, "check", "a.yaml", "--jobs", "many", "--lang", "en")
    assert "'many' is not a number of processes" in err


def test_a_bad_language_leaves_the_error_in_english(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "check", "a.yaml", "--as-of", "soon", "--lang", "xx")
    assert code == 2
    assert err.startswith("psed check: error: ")


def test_the_ignore_note_is_in_welsh(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, _out, err = _run(capsys, "check", "a.yaml", "--ignore", "PSED5", "--lang", "cy")
    assert "psed check: mae --ignore PSED5 yn diffodd " in err
    assert "turns off" not in err


def test_an_unknown_import_template_is_told_in_welsh(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PSED_LANG", "cy")
    code, _out, err = _run(capsys, "import", "a.yaml", "--template", "nope")
    assert code == 2
    assert err.startswith("psed import: gwall: --template: nid oes templed 'nope'; ")
    assert "there is no template" not in err


def test_a_render_error_gives_its_message_in_either_language() -> None:
    from psed.rendering import RenderError

    proposal = psed.load(WALES)
    with pytest.raises(RenderError) as caught:
        psed.render(proposal, "nope")
    assert str(caught.value).startswith("format: 'nope' is not a format psed renders")
    assert caught.value.args[0].text("cy").startswith("format: nid yw 'nope' yn fformat")
