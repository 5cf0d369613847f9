"""Continue an existing assessment: upload a YAML or JSON file and carry on with it."""

from __future__ import annotations

import html
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import psed

from .conftest import AS_OF, ROOT
from .forms_helpers import ServicePage

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
IMPORTED = sorted((ROOT / "tests" / "importing" / "fixtures").glob("*.docx"))
TEN_MB = 10 * 1024 * 1024
STATUS = re.compile(
    r'href="[^"]*/([a-z]+)" aria-describedby="tasks-[0-9]+-status">.*?'
    r'id="tasks-[0-9]+-status">\s*(?:<strong[^>]*>\s*)?([A-Za-z ]+?)\s*<',
    re.S,
)


def _upload(client: Any, data: bytes, filename: str = "assessment.yaml") -> Any:
    return client.post(
        "/assessments/upload",
        data={"file": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


def _drafts(tmp_path: Path) -> int:
    with sqlite3.connect(tmp_path / "drafts.sqlite3") as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS assessments (ref TEXT)")
        return int(connection.execute("SELECT count(*) FROM assessments").fetchone()[0])


def _stored(tmp_path: Path, ref: str) -> dict[str, Any]:
    from examples.form_service.store import Store

    draft = Store(tmp_path / "drafts.sqlite3").get(ref)
    assert draft is not None
    return draft.document


def _leaves(tree: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _leaves(value, f"{path}/{key}")
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from _leaves(value, f"{path}/{index}")
    else:
        yield path, tree


def _holds(outer: Any, inner: Any) -> bool:
    """Whether ``outer`` has every field of ``inner`` with the same value (and maybe more)."""
    if isinstance(inner, dict):
        return isinstance(outer, dict) and all(
            key in outer and _holds(outer[key], value) for key, value in inner.items()
        )
    if isinstance(inner, list):
        return (
            isinstance(outer, list)
            and len(outer) == len(inner)
            and all(_holds(o, i) for o, i in zip(outer, inner, strict=True))
        )
    return bool(outer == inner)


def _files() -> dict[str, bytes]:
    """Every example, and what ``psed import`` writes for every Word form of its tests."""
    files = {path.name: path.read_bytes() for path in EXAMPLES}
    from psed.importing import import_file

    for path in IMPORTED:
        files[f"imported {path.name}"] = import_file(path).yaml.encode("utf-8")
    json_example = psed.load(EXAMPLES[0])
    files[f"{EXAMPLES[0].stem}.json"] = psed.dumps(json_example, format="json").encode("utf-8")
    return files


FILES = _files()


def test_the_start_page_links_to_the_upload_page(client: Any) -> None:
    start = client.get("/").get_data(as_text=True)
    assert 'id="upload-link" href="/assessments/upload"' in start
    response = client.get("/assessments/upload")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in text
    assert 'type="file"' in text
    assert '<label class="govuk-label govuk-label--m" for="file">' in text
    page = ServicePage(text)
    assert page.title.startswith("Continue an existing assessment")
    assert page.summary == []


@pytest.mark.parametrize("name", sorted(FILES))
def test_an_uploaded_assessment_keeps_every_field_through_to_publishing(
    client: Any, tmp_path: Path, name: str
) -> None:
    data = FILES[name]
    raw = json.loads(json.dumps(yaml.safe_load(data), default=str))  # the file as written
    uploaded, _ = psed.read(data)
    assert uploaded is not None
    tree = psed.unstructure(uploaded, compact=True)
    response = _upload(client, data, name)
    assert response.status_code == 303, ServicePage(response.get_data(as_text=True)).inline
    ref = response.headers["Location"]
    assert re.fullmatch(r"/assessments/[A-Za-z0-9_-]{16,64}", ref)
    key = ref.rsplit("/", 1)[1]
    stored = _stored(tmp_path, key)
    assert _holds(stored, raw)
    assert stored == tree  # the file's fields, and psed's defaults for the ones it leaves out
    assert psed.read(stored) == (uploaded, [])

    # Submit it: a complete assessment is submitted, an incomplete one says what stops it.
    report = psed.validate(data, status="submitted", as_of=AS_OF)
    submitted = client.post(f"{ref}/check")
    if report.ok:
        assert submitted.headers["Location"] == f"{ref}/submitted"
        stored = _stored(tmp_path, key)
        assert stored == {**tree, "status": "submitted"}
        assert _holds(stored, {**raw, "status": "submitted"})
    else:
        assert submitted.status_code == 200
        assert ServicePage(submitted.get_data(as_text=True)).summary
        assert _stored(tmp_path, key) == tree

    # The published page is rendered from the stored document: every text of the file is on it.
    published = client.get(f"{ref}/assessment")
    assert published.status_code == 200
    shown = " ".join(
        html.unescape(re.sub(r"<[^>]+>", " ", published.get_data(as_text=True))).split()
    )
    texts = [v for _, v in _leaves(raw) if isinstance(v, str) and " " in v.strip()]
    assert texts
    assert [t for t in texts if " ".join(t.split()) not in shown] == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_task_list_shows_each_section_as_the_document_stands(client: Any, path: Path) -> None:
    from examples.form_service.sections import SECTIONS

    data = path.read_bytes()
    tasks = client.get(_upload(client, data, path.name).headers["Location"])
    shown = dict(STATUS.findall(tasks.get_data(as_text=True)))
    assert list(shown) == [s.slug for s in SECTIONS]
    report = psed.validate(data, status="submitted", as_of=AS_OF)
    tree = psed.unstructure(psed.load(path), compact=True)
    for section in SECTIONS:
        problems = [
            f
            for f in report.findings
            if section.owns(f.pointer) and f.waived is None and f.severity.value != "info"
        ]
        if not any(section.owns(f"/{key}") for key in tree):
            expected = "Not yet started"
        else:
            expected = "Incomplete" if problems else "Completed"
        assert shown[section.slug] == expected, (section.slug, [f.code for f in problems])
    # Each example reaches at least one completed section, and the drafts some to finish.
    assert "Completed" in shown.values()


def test_a_json_upload_of_an_incomplete_draft_lands_on_its_task_list(
    client: Any, tmp_path: Path
) -> None:
    document = {"name": "Library opening hours", "impacts": [{"characteristic": "age"}]}
    response = _upload(client, json.dumps(document).encode(), "draft.json")
    assert response.status_code == 303
    text = client.get(response.headers["Location"]).get_data(as_text=True)
    shown = dict(STATUS.findall(text))
    assert shown["proposal"] == "Incomplete"  # no description yet
    assert shown["impacts"] == "Incomplete"
    assert shown["service"] == "Not yet started"
    assert "Library opening hours" in text


def test_a_file_without_a_name_is_taken_and_the_first_page_asks_for_it(
    client: Any, tmp_path: Path
) -> None:
    response = _upload(client, b"description: Close the branch library.\n")
    assert response.status_code == 303
    ref = response.headers["Location"]
    page = ServicePage(
        client.post(f"{ref}/proposal", data={"action": "continue"}).get_data(as_text=True)
    )
    assert "#name" in [href for href, _ in page.summary]


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
BAD_FILES = {
    "an image": (PNG, "photo.png", "The selected file must be a YAML or JSON assessment"),
    "a Word document": (
        (ROOT / "tests" / "importing" / "fixtures" / "county-eqia.docx").read_bytes(),
        "county-eqia.docx",
        "The selected file must be a YAML or JSON assessment",
    ),
    "broken YAML": (
        b"name: Library hours\ndescription: [unclosed\n",
        "broken.yaml",
        "The selected file must be a YAML or JSON assessment",
    ),
    "a JSON list": (
        b"[1, 2, 3]",
        "list.json",
        "The selected file must be a YAML or JSON assessment",
    ),
    "plain text": (
        b"Just some notes about the library.",
        "notes.txt",
        "The selected file must be a YAML or JSON assessment",
    ),
    "another YAML file": (
        b"services:\n  web:\n    image: nginx\n",
        "compose.yaml",
        "The selected file must be a YAML or JSON assessment",
    ),
    "an empty file": (b"", "empty.yaml", "The selected file is empty"),
    "blank lines": (b"\n\n  \n", "blank.yaml", "The selected file is empty"),
    "a bad date": (
        b"name: Library hours\nreview_date: soon\n",
        "hours.yaml",
        "The selected file has a problem on line 2: The review date 'soon' is not a date: "
        "write it as YYYY-MM-DD.",
    ),
    "two problems": (
        b"name: Library hours\nreview_date: soon\ncolour: blue\n",
        "hours.yaml",
        "The selected file has 2 problems. The first is on line 2: The review date 'soon' is "
        "not a date: write it as YYYY-MM-DD.",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_file_that_cannot_be_used_is_explained_at_the_file_field(
    client: Any, tmp_path: Path, case: str
) -> None:
    data, filename, message = BAD_FILES[case]
    before = _drafts(tmp_path)
    response = _upload(client, data, filename)
    assert response.status_code == 200
    page = ServicePage(response.get_data(as_text=True))
    assert page.title.startswith("Error: ")
    assert page.summary == [("#file", message)]
    assert page.inline == {"file": message}
    assert "file" in page.ids
    assert _drafts(tmp_path) == before


@pytest.mark.parametrize("size", [TEN_MB + 1, TEN_MB + 2 * 1024 * 1024])
def test_a_file_over_10_mb_is_refused_with_413_on_the_page(
    client: Any, tmp_path: Path, size: int
) -> None:
    data = b"name: Library hours\n" + b" " * (size - 20)
    response = _upload(client, data)
    assert response.status_code == 413
    page = ServicePage(response.get_data(as_text=True))
    message = "The selected file must be smaller than 10 MB"
    assert page.summary == [("#file", message)]
    assert page.inline == {"file": message}
    assert _drafts(tmp_path) == 0


def test_a_file_of_exactly_10_mib_is_read(client: Any) -> None:
    data = b"name: Library hours\n"
    data += b"#" * (TEN_MB - len(data) - 1) + b"\n"
    assert len(data) == TEN_MB
    assert _upload(client, data).status_code == 303


def test_no_file_chosen(client: Any, tmp_path: Path) -> None:
    for data in ({}, {"file": (io.BytesIO(b""), "")}):
        response = client.post("/assessments/upload", data=data, content_type="multipart/form-data")
        assert response.status_code == 200
        page = ServicePage(response.get_data(as_text=True))
        assert page.summary == [("#file", "Select an assessment file")]
    assert _drafts(tmp_path) == 0


def test_what_the_file_says_is_escaped_on_the_page(client: Any) -> None:
    data = b'name: Library hours\nreview_date: "<script>alert(1)</script>"\n'
    text = _upload(client, data).get_data(as_text=True)
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_the_uploaded_file_is_not_written_to_disk(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkzeug import formparser

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the upload went to a temporary file")

    # Werkzeug keeps a file part in a temporary file (on disk past 500 KB) unless told not to.
    monkeypatch.setattr(formparser, "SpooledTemporaryFile", refuse)
    assert _upload(client, EXAMPLES[0].read_bytes()).status_code == 303


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_no_upload_crashes_the_page(client: Any, data: bytes) -> None:
    response = _upload(client, data)
    assert response.status_code in (200, 303)
    if response.status_code == 200:
        page = ServicePage(response.get_data(as_text=True))
        assert [href for href, _ in page.summary] == ["#file"]
        assert "Traceback" not in response.get_data(as_text=True)


def test_the_stored_draft_reads_back_as_the_upload(client: Any, tmp_path: Path) -> None:
    # A document whose status is approved comes in as it is: the draft keeps the file's fields.
    proposal = psed.load(EXAMPLES[0])
    changed = attrs.evolve(proposal, name="Renamed in the file")
    response = _upload(client, psed.dumps(changed).encode())
    stored = _stored(tmp_path, response.headers["Location"].rsplit("/", 1)[1])
    assert psed.structure(stored) == changed
