"""Hostile and broken input: refused with one clear sentence, nothing written, memory bounded."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
import zipfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psed.cli import main
from psed.importing import ImportLimits, ImportProblem, import_file, read_source, report_schema

from .conftest import FIXTURES, imported

_MINIMAL_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>"
)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def _problem(path: Path, limits: ImportLimits | None = None) -> str:
    with pytest.raises(ImportProblem) as caught:
        import_file(path, limits=limits)
    assert caught.value.path == str(path)
    return caught.value.message


def test_zip_bomb_in_a_word_file_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", _MINIMAL_DOCUMENT)
        with archive.open("word/media/image1.png", "w") as part:
            block = bytes(1 << 20)
            for _ in range(80):
                part.write(block)
    assert path.stat().st_size < 1 << 20
    tracemalloc.start()
    message = _problem(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "zip bomb" in message
    assert peak < 8 << 20


def test_many_small_parts_over_the_unpacked_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", _MINIMAL_DOCUMENT)
        for n in range(12):
            archive.writestr(f"word/media/image{n}.bin", bytes(900_000))
    message = _problem(path, ImportLimits(max_unpacked_bytes=4 << 20))
    assert "would unpack to more than 4.0 MiB" in message


_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "' + f"&lol{n - 1 if n > 1 else ''};" * 10 + '">\n' for n in range(1, 10)
    )
    + "]>\n"
)


def test_xml_entity_bomb_in_a_word_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.docx"
    body = _MINIMAL_DOCUMENT.replace("Hello", "&lol9;").split("?>", 1)[1]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", _LAUGHS + body)
    message = _problem(path)
    assert "document type declaration" in message
    assert "entity-expansion" in message


def test_entity_bomb_in_an_html_page_is_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "laughs.html"
    path.write_text(
        _LAUGHS.replace("lolz", "html")
        + "<html><head><title>Library hours</title></head><body><p>&lol9;</p></body></html>",
        encoding="utf-8",
    )
    tracemalloc.start()
    source = read_source(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    text = "".join(getattr(b, "text", "") for b in source.blocks)
    assert len(text) < 1000
    assert peak < 16 << 20


def test_a_50_mb_pdf_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.seek(50 * 1024 * 1024)
        handle.write(b"\n%%EOF\n")
    tracemalloc.start()
    message = _problem(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "50.0 MiB, over the import limit of 20.0 MiB" in message
    assert peak < 1 << 20


def test_scanned_pdf_without_a_text_layer_suggests_ocr_and_writes_nothing(tmp_path: Path) -> None:
    message = _problem(FIXTURES / "scanned-esia.pdf")
    assert "no text layer" in message
    assert "OCR" in message
    out = tmp_path / "out"
    assert main(["import", str(FIXTURES / "scanned-esia.pdf"), "-o", str(out)]) == 2
    assert not out.exists() or not any(out.iterdir())


def test_password_protected_pdf(tmp_path: Path) -> None:
    assert "password-protected" in _problem(FIXTURES / "protected-esia.pdf")


def test_password_protected_word_file_and_old_doc(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    protected = tmp_path / "protected.docx"
    protected.write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + bytes(2048))
    assert "password-protected" in _problem(protected)
    old = tmp_path / "old.docx"
    old.write_bytes(ole + "WordDocument".encode("utf-16-le") + bytes(2048))
    assert "old binary Word (.doc)" in _problem(old)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("picture.docx", b"\x89PNG\r\n\x1a\n" + bytes(100), "holds a PNG image"),
        ("report.docx", b"%PDF-1.4\n" + bytes(100), "rename it to .pdf"),
        ("form.pdf", bytes(range(256)) * 4, "holds binary data"),
        ("page.html", b"PK\x03\x04" + bytes(100), "rename it to .docx"),
        ("program.pdf", b"\x7fELF" + bytes(100), "a program"),
        ("empty.docx", b"", "the file is empty"),
        ("damaged.docx", b"PK\x03\x04" + b"junk" * 50, "not a valid zip package"),
    ],
)
def test_renamed_and_broken_files(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert expected in _problem(path)


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert "not a Word document" in _problem(path)


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "form.odt"
    path.write_bytes(b"x")
    assert "not .odt" in _problem(path)
    assert "cannot be read" in _problem(tmp_path / "missing.docx")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=2048),
    prefix=st.sampled_from([b"", b"PK\x03\x04", b"%PDF-1.4\n", b"<html><body>"]),
    suffix=st.sampled_from([".docx", ".pdf", ".html"]),
)
def test_no_bytes_crash_the_importer(
    tmp_path: Path, data: bytes, prefix: bytes, suffix: str
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(prefix + data)
    message = "imported"
    try:
        import_file(path)
    except ImportProblem as exc:
        message = exc.message
    assert message.strip()
    assert "Traceback" not in message


def test_batch_goes_on_after_a_failure_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "seed.docx").write_bytes((FIXTURES / "southampton-esia.docx").read_bytes())
    (folder / "scan.pdf").write_bytes((FIXTURES / "scanned-esia.pdf").read_bytes())
    (folder / "picture.docx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "notes.txt").write_text("not a form", encoding="utf-8")
    out, report = tmp_path / "out", tmp_path / "report.json"
    code = main(["import", str(folder), "-o", str(out), "--report", str(report)])
    assert code == 2
    captured = capsys.readouterr()
    assert sorted(p.name for p in out.iterdir()) == ["seed.yaml"]
    assert f"{folder / 'scan.pdf'}: error: the PDF has no text layer" in captured.err
    assert f"{folder / 'picture.docx'}: error: the file is named .docx" in captured.err
    assert "imported 1 of 3 files; 2 could not be imported" in captured.out
    data = json.loads(report.read_text(encoding="utf-8"))
    jsonschema.validate(data, report_schema())
    assert [f["ok"] for f in data["files"]] == [False, False, True]
    # an existing document is never replaced without --force
    assert main(["import", str(folder / "seed.docx"), "-o", str(out)]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert main(["import", str(folder / "seed.docx"), "-o", str(out), "--force"]) == 0


@pytest.mark.slow
def test_memory_stays_bounded_on_the_seed_pdf() -> None:
    # tracing every allocation makes this take about ten seconds
    tracemalloc.start()
    read_source(FIXTURES / "southampton-esia.pdf")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 64 << 20


def test_report_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(report_schema())


def test_a_folder_of_forms_imports_then_audits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forms = tmp_path / "forms" / "2024"
    forms.mkdir(parents=True)
    for name in ("county-eqia.docx", "wales-iia.docx", "ni-s75-screening.docx"):
        (forms / name).write_bytes((FIXTURES / name).read_bytes())
    out = tmp_path / "assessments"
    assert main(["import", str(tmp_path / "forms"), "-o", str(out)]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml"))
    assert written == ["2024/county-eqia.yaml", "2024/ni-s75-screening.yaml", "2024/wales-iia.yaml"]
    capsys.readouterr()
    # every imported document is read by the audit (2 would mean one could not be)
    assert main(["audit", str(out), "--format", "csv", "--as-of", "2026-11-26"]) in (0, 1)
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 3
    first = rows[0]
    assert (first["name"], first["framework"], first["status"]) == (
        "Library opening hours 2024",
        "psed",
        "approved",
    )
    assert all(row["readable"] == "true" for row in rows)


def test_without_the_import_extra_the_message_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec

    def missing(name: str, package: str | None = None) -> object:
        return None if name in ("docx", "pdfplumber", "lxml") else real(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", missing)
    message = _problem(FIXTURES / "southampton-esia.docx")
    assert "pip install 'psed[import]'" in message


def test_a_form_no_template_fits_is_imported_and_said_to_fit_poorly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "letter.html"
    path.write_text(
        "<html><body><p>Dear resident,</p><p>The library will close early.</p></body></html>",
        encoding="utf-8",
    )
    assert main(["import", str(path), "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "a poor fit" in out
    assert "2 pieces of text not imported" in out


def test_the_import_report_schema_is_published(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--import-report"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == report_schema()
    assert printed["properties"]["import_report_version"] == {"const": 1}


def test_word_footnotes_and_end_notes_are_accounted_for(tmp_path: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    document.core_properties.title = "Library hours"
    document.add_paragraph("Summary of impact and issues")
    notes = (
        '<w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:id="1"><w:p><w:r><w:t>Say who the proposal affects.</w:t></w:r></w:p>'
        "</w:endnote></w:endnotes>"
    )
    part = Part(
        PackURI("/word/endnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
        notes.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.ENDNOTES)
    path = tmp_path / "with-notes.docx"
    document.save(str(path))
    result = import_file(path, template="generic-eqia")
    notes_found = [s for s in result.skipped if s["from"]["kind"] == "endnote"]
    assert [s["text"] for s in notes_found] == ["Say who the proposal affects."]
    assert notes_found[0]["reason"] == "a footnote or end note (form guidance)"


def test_a_pdf_with_bytes_before_its_header_imports_like_the_pdf_itself(tmp_path: Path) -> None:
    original = FIXTURES / "county-eqia.pdf"
    padded = tmp_path / "county-eqia.pdf"
    padded.write_bytes(b"\r\nsaved by a mail gateway\n" + original.read_bytes())
    assert import_file(padded).tree == imported("county-eqia.pdf").tree


def test_a_pdf_with_more_pages_than_the_limit_is_refused_saying_how_to_import_it() -> None:
    with pytest.raises(ImportProblem, match=r"pages, more than the import limit of 1; .*max_pages"):
        import_file(FIXTURES / "county-eqia.pdf", limits=ImportLimits(max_pages=1))


def test_a_word_file_with_more_parts_than_the_limit_is_refused_before_it_is_unpacked() -> None:
    with pytest.raises(ImportProblem, match=r"has 17 parts, more than the 2 .*max_parts"):
        import_file(FIXTURES / "county-eqia.docx", limits=ImportLimits(max_parts=2))
