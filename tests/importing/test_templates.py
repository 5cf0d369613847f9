"""Each real layout imports to the document written by hand from the form.

For every fixture in ``fixtures/`` with an expected document in ``expected/``:
the import equals the expected document, the values it inferred are exactly the
expected inference list, the text it could not place is exactly the expected
unmapped list, and the template chosen by ``--template auto`` is the expected one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import psed

from .conftest import imported

EXPECTED = Path(__file__).parent / "expected"
CASES = sorted(p.name.removesuffix(".account.yaml") for p in EXPECTED.glob("*.account.yaml"))


def _account(case: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXPECTED / f"{case}.account.yaml").read_text("utf-8"))
    return data


def _fixture(case: str) -> str:
    found = [p.name for p in (Path(__file__).parent / "fixtures").glob(f"{case}.*")]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("case", CASES)
def test_import_equals_the_document_written_by_hand(case: str) -> None:
    account = _account(case)
    result = imported(_fixture(case), account.get("given", "auto"))
    assert result.findings == ()
    assert result.proposal is not None
    expected = psed.load(EXPECTED / f"{case}.yaml", catalogue=None)
    assert psed.unstructure(result.proposal) == psed.unstructure(expected)


@pytest.mark.parametrize("case", CASES)
def test_inferred_values_are_the_expected_list(case: str) -> None:
    account = _account(case)
    result = imported(_fixture(case), account.get("given", "auto"))
    assert {i["pointer"]: i["value"] for i in result.inferred} == account["inferred"]
    for item in result.inferred:
        assert item["reason"]


@pytest.mark.parametrize("case", CASES)
def test_text_not_imported_is_the_expected_list(case: str) -> None:
    account = _account(case)
    result = imported(_fixture(case), account.get("given", "auto"))
    assert [u["text"] for u in result.unmapped] == account.get("unmapped", [])


@pytest.mark.parametrize("case", CASES)
def test_auto_chooses_the_expected_template(case: str) -> None:
    account = _account(case)
    result = imported(_fixture(case))
    assert result.template == account["template"]
    others = [s for tid, s in result.candidates if tid != result.template]
    assert all(s < result.score for s in others)
