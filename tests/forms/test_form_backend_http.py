"""The example form backend over real HTTP on 127.0.0.1: status codes, findings, pointers."""

from __future__ import annotations

import copy
import datetime as dt
import json
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode

from forms_helpers import FormPage, example_payloads

import psed

AS_OF = dt.date(2026, 11, 26)
EXAMPLES = example_payloads()


def request(
    url: str,
    body: bytes | None = None,
    method: str = "POST",
    content_type: str = "application/json",
) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def post_json(base: str, payload: Any, **query: str) -> tuple[int, dict[str, Any]]:
    url = f"{base}/api/validate" + (f"?{urlencode(query)}" if query else "")
    status, _, body = request(url, json.dumps(payload).encode())
    return status, json.loads(body)


def clean_example() -> dict[str, Any]:
    """The first clean example under the default framework (the tests remove `race`)."""
    for payload in EXAMPLES.values():
        if payload.get("framework", "psed") != "psed":
            continue
        if psed.validate(payload, status="submitted", as_of=AS_OF).ok:
            return copy.deepcopy(payload)
    raise AssertionError("no clean example")


def test_clean_assessment_is_ok(base_url: str) -> None:
    status, body = post_json(base_url, clean_example(), status="submitted")
    assert status == 200
    assert set(body) == {"ok", "summary", "errors_by_field", "findings"}
    assert body["ok"] is True
    assert all(f["severity"] != "error" or f["waived"] for f in body["findings"])


def test_structural_errors_point_into_the_payload(base_url: str) -> None:
    payload = clean_example()
    payload["impacts"][1]["impact"] = "very bad"
    payload["service_profile"]["customers"] = -3
    payload["colour"] = "blue"
    del payload["impacts"][0]["characteristic"]
    status, body = post_json(base_url, payload, status="submitted")
    assert status == 200
    assert body["ok"] is False
    found = {(f["code"], f["pointer"]) for f in body["findings"]}
    assert {
        ("PSED002", "/impacts/0/characteristic"),
        ("PSED004", "/impacts/1/impact"),
        ("PSED004", "/service_profile/customers"),
        ("PSED005", "/colour"),
    } <= found
    assert {"href": "#impacts-1-impact", "text": _message(body, "/impacts/1/impact")} in body[
        "summary"
    ]
    assert [e["code"] for e in body["errors_by_field"]["colour"]] == ["PSED005"]


def _message(body: dict[str, Any], pointer: str) -> str:
    return next(f["message"] for f in body["findings"] if f["pointer"] == pointer)


def test_rule_findings_and_draft_versus_submit(base_url: str) -> None:
    payload = clean_example()
    payload["impacts"] = [e for e in payload["impacts"] if e["characteristic"] != "race"]
    entry = payload["impacts"][0]
    entry["impact"] = "negative"
    entry["mitigations"] = []
    entry["justification"] = None
    payload["description"] = "TBC"
    status, body = post_json(base_url, payload, status="submitted")
    assert status == 200
    assert body["ok"] is False
    codes = {(f["code"], f["pointer"], f["severity"]) for f in body["findings"]}
    assert ("PSED101", "/impacts", "error") in codes
    assert ("PSED107", "/description", "error") in codes
    assert any(c == "PSED201" and p.startswith("/impacts/0") for c, p, _ in codes)
    hrefs = [s["href"] for s in body["summary"]]
    assert "#impacts" in hrefs
    assert "#description" in hrefs
    # The same payload saved as a draft does not fail on what is not done yet.
    status, draft = post_json(base_url, payload, status="draft")
    assert status == 200
    assert draft["ok"] is True
    assert draft["summary"] == []
    info = {f["code"] for f in draft["findings"] if f["severity"] == "info"}
    assert {"PSED101", "PSED107", "PSED201"} <= info


def test_page_only_submission(base_url: str) -> None:
    payload = clean_example()
    payload["description"] = ""
    payload["impacts"][2]["impact"] = "unknown"
    status, body = post_json(base_url, payload, status="submitted", only="/impacts")
    assert status == 200
    pointers = [f["pointer"] for f in body["findings"]]
    assert "/impacts/2/impact" in pointers
    assert all(p == "/impacts" or p.startswith("/impacts/") for p in pointers)
    assert body["ok"] is False
    # Two pages at once: repeat `only`.
    url = f"{base_url}/api/validate?status=submitted&only=/description&only=/impacts"
    _, _, raw = request(url, json.dumps(payload).encode())
    both = json.loads(raw)
    assert {f["pointer"] for f in both["findings"]} >= {"/description", "/impacts/2/impact"}


def test_malformed_json_is_400_with_a_finding(base_url: str) -> None:
    status, headers, raw = request(f"{base_url}/api/validate", b'{"name": "x",')
    assert status == 400
    assert headers["Content-Type"].startswith("application/json")
    body = json.loads(raw)
    assert body["ok"] is False
    assert [(f["code"], f["pointer"]) for f in body["findings"]] == [("PSED001", "")]
    assert "line 1" in body["findings"][0]["message"]
    assert body["summary"] == [{"text": body["findings"][0]["message"], "href": "#name"}]
    status, _, raw = request(f"{base_url}/api/validate", b"\xff\xfe{}")
    assert status == 400
    assert json.loads(raw)["findings"][0]["code"] == "PSED001"


def test_json_that_is_not_an_object_is_a_finding(base_url: str) -> None:
    status, body = post_json(base_url, [1, 2, 3])
    assert status == 200
    assert [f["code"] for f in body["findings"]] == ["PSED001"]


def test_wrong_method_and_bad_parameters(base_url: str) -> None:
    status, headers, _ = request(f"{base_url}/api/validate", method="GET")
    assert status == 405
    assert headers["Allow"] == "POST"
    status, _, raw = request(f"{base_url}/api/validate?status=final", b"{}")
    assert status == 400
    assert "status" in json.loads(raw)["error"]
    status, _, raw = request(f"{base_url}/api/validate?only=impacts", b"{}")
    assert status == 400
    status, _, _ = request(f"{base_url}/nowhere", method="GET")
    assert status == 404
    status, _, _ = request(f"{base_url}/", b"", method="PUT")
    assert status == 405


def test_form_page_get_and_post(base_url: str) -> None:
    status, headers, raw = request(f"{base_url}/?framework=esia", method="GET")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    page = FormPage(raw.decode())
    assert page.summary == []
    assert "impacts-9-impact" in page.ids  # community_safety, after the nine s4 rows
    form = {k: v[0] for k, v in page.values.items()}
    form.update({"name": "Bins", "description": "N/A", "action": "submitted"})
    status, _, raw = request(
        f"{base_url}/", urlencode(form).encode(), content_type="application/x-www-form-urlencoded"
    )
    assert status == 200
    html_text = raw.decode()
    assert "<title>Error: " in html_text
    after = FormPage(html_text)
    hrefs = [href for href, _ in after.summary]
    assert "#description" in hrefs
    assert "#impacts-0-impact" in hrefs
    assert all(h[1:] in after.ids for h in hrefs)
    assert after.inline["description"]
    assert after.values["name"] == ["Bins"]
    # Saving the same as a draft: no error summary, just the to-do note.
    form["action"] = "draft"
    _, _, raw = request(
        f"{base_url}/", urlencode(form).encode(), content_type="application/x-www-form-urlencoded"
    )
    draft = FormPage(raw.decode())
    assert draft.summary == []
    assert "todo" in draft.ids
    assert "notice" in draft.ids
