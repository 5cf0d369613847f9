"""Properties of the import over generated forms: it never fails on a readable page, the
document it writes is always valid and reads back from its YAML exactly, and every value
it infers is marked in that YAML."""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import psed
from psed.importing import builtin_templates, import_file

_WORDS = st.sampled_from(
    [
        "Age",
        "Disability",
        "Religion or Belief",
        "Carers",
        "Positive",
        "Negative",
        "Neutral",
        "N/A",
        "None",
        "Date",
        "18/11/2021",
        "Approved by",
        "Responsible Service Manager",
        "Details of Impact",
        "Impact Assessment",
        "Possible Solutions & Mitigating Actions",
        "Protected characteristic",
        "may exclude some people",
        "☒",
        "☐",
        "X",
        "Click or tap here to enter text.",
        "Summary of Impact and Issues",
        "Outcome of the assessment",
        "Adjust the proposal",
        "Jo Clarke, Officer",
        "260,111 residents",
        "Section 75 category",
        "Level of impact",
        "minor",
        "Welsh Language",
        "[5]",
    ]
)
# text of a page: no control characters (a NUL makes it binary data, refused as such)
_CHARS = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
_TEXT = st.lists(_WORDS | _CHARS, min_size=0, max_size=4).map(" ".join)
_CELL = st.lists(_TEXT, min_size=1, max_size=2)
_ROW = st.lists(_CELL, min_size=1, max_size=4)
_TABLE = st.lists(_ROW, min_size=1, max_size=6)
_BLOCK = st.one_of(
    _TEXT.map(lambda t: ("p", t)),
    _TEXT.map(lambda t: ("h2", t)),
    _TABLE.map(lambda t: ("table", t)),
)


def _page(blocks: list[tuple[str, object]]) -> str:
    out = ["<html><head><title>Generated form</title></head><body>"]
    for kind, body in blocks:
        if kind == "table":
            assert isinstance(body, list)
            out.append("<table>")
            for row in body:
                out.append("<tr>")
                for cell in row:
                    out.append("<td>" + "".join(f"<p>{html.escape(p)}</p>" for p in cell) + "</td>")
                out.append("</tr>")
            out.append("</table>")
        else:
            out.append(f"<{kind}>{html.escape(str(body))}</{kind}>")
    out.append("</body></html>")
    return "".join(out)


@settings(max_examples=80, deadline=None)
@given(
    blocks=st.lists(_BLOCK, max_size=8),
    template=st.sampled_from(
        ["auto", *sorted(t for t in builtin_templates() if t != "psed-rendered")]
    ),
)
def test_any_page_imports_to_a_valid_document_that_reads_back(
    blocks: list[tuple[str, object]], template: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "form.html"
        path.write_text(_page(blocks), encoding="utf-8")
        result = import_file(path, template=template)
    assert result.findings == ()
    assert result.proposal is not None
    assert psed.loads(result.yaml) == result.proposal
    commented = result.yaml.count("# inferred:")
    assert commented == len(result.inferred)
