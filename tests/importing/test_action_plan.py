"""An action plan table after the impact table: each row's action joins its characteristic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from psed.importing import ImportResult, import_file
from psed.importing._template import parse_template

_TEMPLATE: dict[str, Any] = {
    "template_version": 1,
    "id": "ours",
    "label": "Our form",
    "fields": {"name": {"labels": ["Title"]}},
    "impact_tables": [
        {"columns": {"characteristic": ["Group"], "impact": ["Impact"], "details": ["Details"]}}
    ],
    "list_tables": {
        "mitigations": {
            "columns": {
                "characteristic": ["Characteristic"],
                "action": ["Action"],
                "owner": ["Owner"],
                "due": ["By when"],
            }
        }
    },
}
_PAGE = """<html><body><table><tr><td>Title</td><td>Library hours</td></tr></table>
<table><tr><th>Group</th><th>Impact</th><th>Details</th></tr>
<tr><td>Age</td><td>Negative</td><td>Older people read in the mornings.</td></tr>
<tr><td>Disability</td><td>Negative</td><td>Fewer staff to help.</td></tr></table>
<h2>Action plan</h2>
<table><tr><th>Characteristic</th><th>Action</th><th>Owner</th><th>By when</th></tr>
<tr><td>Age</td><td>Keep Tuesday mornings</td><td>Head of libraries</td><td>1 June 2026</td></tr>
<tr><td>Disability</td><td>Train volunteers</td><td>Volunteer lead</td><td>soon</td></tr>
<tr><td>Sexual orientation</td><td>Stock review</td><td>Librarian</td><td>July 2026</td></tr>
</table></body></html>"""


def _import(tmp_path: Path) -> ImportResult:
    path = tmp_path / "eqia.html"
    path.write_text(_PAGE, encoding="utf-8")
    return import_file(path, template=parse_template(_TEMPLATE, "ours.yaml"))


def test_each_action_joins_the_impact_entry_of_its_characteristic(tmp_path: Path) -> None:
    result = _import(tmp_path)
    assert result.findings == ()
    assert [e.get("mitigations") for e in result.tree["impacts"]] == [
        [{"action": "Keep Tuesday mornings", "owner": "Head of libraries", "due": "2026-06-01"}],
        [{"action": "Train volunteers", "owner": "Volunteer lead"}],
    ]
    fields = {f["pointer"] for f in result.fields}
    assert "/impacts/0/mitigations/0/due" in fields


def test_a_due_date_that_is_not_a_date_is_listed_as_not_a_date(tmp_path: Path) -> None:
    result = _import(tmp_path)
    (soon,) = [u for u in result.unmapped if u["text"] == "soon"]
    assert soon["reason"] == "/impacts/1/mitigations/0/due: not a date the importer can read"
    assert (soon["from"]["table"], soon["from"]["row"], soon["from"]["cell"]) == (3, 3, 4)


def test_an_action_for_a_characteristic_not_assessed_is_listed_not_imported(
    tmp_path: Path,
) -> None:
    result = _import(tmp_path)
    texts = {u["text"] for u in result.unmapped}
    assert {"Sexual orientation", "Stock review", "Librarian"} <= texts
    assert all(e["characteristic"] != "sexual_orientation" for e in result.tree["impacts"])
