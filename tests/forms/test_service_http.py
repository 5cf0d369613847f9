"""The form service over real HTTP on 127.0.0.1: what it refuses, and how.

These are the hostile cases a form backend meets: bodies too big, the wrong content
type, JSON that is not JSON or is built to hurt (huge numbers, deep nesting, repeated
keys), form posts with thousands of fields, and a client that stops sending. Each gets
a GOV.UK-style page or a JSON error, never a traceback, and no thread is held.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

import psed

from .forms_helpers import example_payloads

CLEAN = next(
    p
    for p in example_payloads().values()
    if psed.validate(p, status="submitted", as_of=dt.date(2026, 11, 26)).ok
)


def request(
    url: str,
    body: bytes | None = None,
    *,
    method: str = "POST",
    content_type: str | None = "application/json",
) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=body, method=method)
    if content_type is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def api(base: str, body: bytes, **query: str) -> tuple[int, dict[str, Any]]:
    url = f"{base}/api/validate" + (f"?{urlencode(query)}" if query else "")
    status, headers, data = request(url, body)
    assert headers["Content-Type"].startswith("application/json")
    return status, json.loads(data)


def _codes(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f["code"], f["pointer"]) for f in body["findings"]]


def test_a_clean_assessment_is_ok(base_url: str) -> None:
    status, body = api(base_url, json.dumps(CLEAN).encode(), status="submitted")
    assert status == 200
    assert set(body) == {"ok", "summary", "field_errors", "errors_by_field", "findings"}
    assert body["ok"] is True


def test_findings_point_into_the_payload(base_url: str) -> None:
    payload = json.loads(json.dumps(CLEAN))
    payload["service_profile"]["customers"] = "lots"
    payload["colour"] = "blue"
    status, body = api(base_url, json.dumps(payload).encode(), status="submitted")
    assert status == 200
    assert ("PSED003", "/service_profile/customers") in _codes(body)
    assert ("PSED005", "/colour") in _codes(body)
    assert body["field_errors"]["service_profile-customers"] == (
        "Enter the number of customers as a whole number, like 1800"
    )


def test_only_keeps_one_page(base_url: str) -> None:
    payload = {"name": "x", "impacts": [{"characteristic": "age", "impact": "unknown"}]}
    status, body = api(base_url, json.dumps(payload).encode(), status="submitted", only="/impacts")
    assert status == 200
    assert body["findings"]
    assert all(f["pointer"].startswith("/impacts") for f in body["findings"])


@pytest.mark.parametrize(
    ("name", "body", "pointer"),
    [
        ("not JSON", b"{oops", ""),
        ("not an object", b"[1, 2, 3]", ""),
        ("not UTF-8", b'{"name": "caf\xe9"}', ""),
        (
            "a 5,000-digit number",
            b'{"name":"x","service_profile":{"customers":' + b"9" * 5000 + b"}}",
            "/service_profile/customers",
        ),
        ("arrays 3,000 deep", b'{"name":"x","impacts":' + b"[" * 3000 + b"]" * 3000 + b"}", ""),
        ("objects 3,000 deep", b'{"name":' + b'{"a":' * 3000 + b"1" + b"}" * 3000 + b"}", ""),
        ("a repeated key", b'{"name":"first","name":"second"}', "/name"),
        ("NaN", b'{"name":"x","service_profile":{"customers":NaN}}', "/service_profile/customers"),
    ],
)
def test_unreadable_json_is_400_with_psed001(
    base_url: str, name: str, body: bytes, pointer: str
) -> None:
    status, answer = api(base_url, body)
    assert status == 400, name
    assert answer["ok"] is False
    assert ("PSED001", pointer) in _codes(answer), answer["findings"]
    assert answer["summary"], name
    assert "Traceback" not in json.dumps(answer)


def test_a_repeated_key_is_not_read_as_the_last(base_url: str) -> None:
    status, answer = api(base_url, b'{"name":"first","name":"second"}')
    assert status == 400
    assert "second" not in json.dumps(answer["summary"])


def test_other_content_types_are_415(base_url: str) -> None:
    for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
        status, _, data = request(
            f"{base_url}/api/validate", json.dumps(CLEAN).encode(), content_type=content_type
        )
        assert status == 415, content_type
        assert json.loads(data) == {
            "error": "Send the assessment as JSON, with the content type application/json."
        }


def test_an_oversized_body_is_413(base_url: str) -> None:
    body = b'{"name": "' + b"x" * (10 * 1024 * 1024) + b'"}'
    status, _, data = request(f"{base_url}/api/validate", body)
    assert status == 413
    assert "error" in json.loads(data)


def test_bad_query_and_method(base_url: str) -> None:
    status, body = api(base_url, b"{}", status="final")
    assert status == 400
    assert body == {"error": "Give status as one of draft, submitted, approved."}
    status, body = api(base_url, b"{}", only="impacts")
    assert status == 400
    status, headers, data = request(f"{base_url}/api/validate", method="GET", content_type=None)
    assert status == 405
    assert headers["Allow"] == "POST"
    assert "error" in json.loads(data)


def _new(base: str) -> str:
    req = urllib.request.Request(f"{base}/assessments", data=b"", method="POST")
    with urllib.request.urlopen(req, timeout=30) as resp:
        return str(urlsplit(resp.url).path)


def test_a_huge_form_post_is_refused_before_it_is_read(base_url: str) -> None:
    ref = _new(base_url)
    rows = {f"impact-age-mitigations-{i}-action": "x" for i in range(9999)}
    padding = {f"pad{i}": "" for i in range(100_000)}
    body = urlencode({**rows, **padding, "action": "continue"}).encode()
    status, _, data = request(
        f"{base_url}{ref}/impacts", body, content_type="application/x-www-form-urlencoded"
    )
    assert status == 413
    assert b"Too much was sent" in data
    # Many fields under the byte limit are refused too: a page has a few hundred.
    body = urlencode({f"f{i}": "" for i in range(5000)}).encode()
    status, _, data = request(
        f"{base_url}{ref}/impacts", body, content_type="application/x-www-form-urlencoded"
    )
    assert status == 413
    assert b"govuk-heading-l" in data


def test_rows_the_page_does_not_show_are_not_read(base_url: str) -> None:
    """Only the inputs the page has are read: extra numbered rows cost nothing and add nothing."""
    ref = _new(base_url)
    rows = {f"evidence-{i}-source": f"Source {i}" for i in range(1, 1500)}
    body = urlencode({**rows, "evidence-0-source": "Census 2021", "action": "save"}).encode()
    status, _, _ = request(
        f"{base_url}{ref}/evidence", body, content_type="application/x-www-form-urlencoded"
    )
    assert status == 200  # the redirect to the saved page was followed
    _, _, page = request(f"{base_url}{ref}/evidence", method="GET", content_type=None)
    assert b"Census 2021" in page
    assert b"Source 7" not in page


def test_deep_json_typed_into_a_field_is_just_text(base_url: str) -> None:
    ref = _new(base_url)
    deep = "[" * 3000 + "]" * 3000
    body = urlencode({"name": "x", "description": deep, "action": "continue"}).encode()
    status, _, data = request(
        f"{base_url}{ref}/proposal", body, content_type="application/x-www-form-urlencoded"
    )
    assert status == 200
    assert b"Traceback" not in data


def test_a_value_is_never_echoed_unescaped(base_url: str) -> None:
    ref = _new(base_url)
    attack = "<script>alert(1)</script>"
    body = urlencode({"name": attack, "service_profile-customers": attack, "action": "continue"})
    for section in ("proposal", "service"):
        status, _, data = request(
            f"{base_url}{ref}/{section}",
            body.encode(),
            content_type="application/x-www-form-urlencoded",
        )
        assert status == 200
        assert b"<script>alert(1)" not in data
        assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in data
    # JSON answers carry text, never markup, and say so.
    status, headers, _ = request(f"{base_url}/api/validate", json.dumps({attack: 1}).encode())
    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Type"].startswith("application/json")


def test_pages_have_gov_uk_error_pages_and_no_traceback(base_url: str) -> None:
    status, headers, data = request(f"{base_url}/no/such/page", method="GET", content_type=None)
    assert status == 404
    assert b"Page not found" in data
    assert headers["Content-Type"].startswith("text/html")
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def _connect(base: str) -> socket.socket:
    parts = urlsplit(base)
    assert parts.hostname == "127.0.0.1"
    return socket.create_connection((parts.hostname, parts.port or 80), timeout=30)


def test_a_body_that_never_arrives_holds_no_thread(base_url: str) -> None:
    """The server drops a connection that stops sending (read timeout of 2 s in the tests)."""
    sock = _connect(base_url)
    try:
        sock.sendall(
            b"POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":'
        )
        started = time.monotonic()
        answer = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        waited = time.monotonic() - started
    finally:
        sock.close()
    # The connection was closed by the server (with or without an error response), well
    # before the client's own 30-second timeout.
    assert waited < 25
    assert b"Traceback" not in answer
    # And the server still answers.
    status, _ = api(base_url, json.dumps(CLEAN).encode())
    assert status == 200


def test_headers_that_never_end_hold_no_thread(base_url: str) -> None:
    sock = _connect(base_url)
    try:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        started = time.monotonic()
        sock.recv(65536)  # TimeoutError after 30 s if the server held the connection
        assert time.monotonic() - started < 25
    finally:
        sock.close()
    status, _, _ = request(f"{base_url}/", method="GET", content_type=None)
    assert status == 200
