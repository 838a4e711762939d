"""CSP violation reports: accepted in both formats, reduced to directive, origin and count.

ASVS 5.0: 3.4.7 (the CSP names a violation reporting endpoint), 16.2.5 (no personal data
logged: no address, no user, no full URL), 15.2.2 (rate limited and size limited), 16.5.3
(malformed reports are refused cleanly, never a 500).
"""

import json
import logging

import pytest

from sro_board.security.headers import CSP
from tests.factories import fresh_app, login, make_user

SECRET_URL = "https://sro-board.example/advisory-board/status/Tk9UQVRPS0VOX0ZPUl9URVNUUw?x=1"
CLIENT = {"REMOTE_ADDR": "198.51.100.77"}


def legacy_report(directive: str = "script-src-elem", blocked: str = "https://evil.example/x.js"):
    """A report-uri body, as Chromium and Firefox send it."""
    return {
        "csp-report": {
            "document-uri": SECRET_URL,
            "referrer": "https://kai.person@example.net/",
            "violated-directive": directive,
            "effective-directive": directive,
            "original-policy": CSP,
            "blocked-uri": blocked,
            "source-file": SECRET_URL,
            "line-number": 3,
            "status-code": 200,
        }
    }


def reporting_api(*bodies: dict) -> list:
    """A report-to body: a list of reports of several types."""
    reports = [{"type": "csp-violation", "url": SECRET_URL, "age": 1, "body": b} for b in bodies]
    return [*reports, {"type": "deprecation", "url": SECRET_URL, "body": {"id": "x"}}]


def post(client, payload, mimetype="application/csp-report", **kwargs):
    """POST a report body with this content type."""
    data = payload if isinstance(payload, bytes | str) else json.dumps(payload)
    return client.post(
        "/csp-report", data=data, content_type=mimetype, environ_base=CLIENT, **kwargs
    )


@pytest.fixture
def violations(caplog):
    """The csp.violation events logged, as dicts of their fields."""
    caplog.set_level(logging.INFO, logger="sro_board.security")

    def read() -> list[dict]:
        return [vars(r) for r in caplog.records if getattr(r, "event", None) == "csp.violation"]

    return read


def test_the_policy_names_the_report_endpoint(app, client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "report-uri /csp-report" in policy
    assert "report-to csp" in policy
    assert response.headers["Reporting-Endpoints"] == 'csp="/csp-report"'


def test_a_report_uri_report_is_reduced_to_directive_origin_and_count(app, client, violations):
    response = post(client, legacy_report())
    assert response.status_code == 204
    (event,) = violations()
    assert (event["directive"], event["blocked"], event["count"]) == (
        "script-src-elem",
        "https://evil.example",
        1,
    )


def test_a_reporting_api_batch_is_counted_per_directive_and_origin(app, client, violations):
    inline = {"effectiveDirective": "style-src-attr", "blockedURL": "inline"}
    remote = {"effectiveDirective": "img-src", "blockedURL": "https://cdn.example:8443/a.png?q=1"}
    response = post(client, reporting_api(inline, remote, inline), "application/reports+json")
    assert response.status_code == 204
    seen = {(e["directive"], e["blocked"]): e["count"] for e in violations()}
    assert seen == {("style-src-attr", "inline"): 2, ("img-src", "https://cdn.example:8443"): 1}


def test_nothing_personal_is_logged(app, client, caplog, violations):
    login(client, make_user(["member"]))
    caplog.clear()
    post(client, legacy_report(blocked=SECRET_URL))
    (event,) = violations()
    assert event["blocked"] == "https://sro-board.example"
    for field in ("user_id", "subject", "client"):
        assert field not in event
    logged = " ".join(str(vars(r)) for r in caplog.records)
    for private in ("Tk9UQVRPS0VOX0ZPUl9URVNUUw", "198.51.100.77", "kai.person", "status/"):
        assert private not in logged


@pytest.mark.parametrize(
    ("body", "mimetype", "status"),
    [
        ("{not json", "application/csp-report", 400),
        ('"a string"', "application/csp-report", 400),
        ('{"csp-report": "not an object"}', "application/csp-report", 400),
        ("[1, 2, 3]", "application/reports+json", 204),
        (json.dumps(legacy_report()), "text/plain", 415),
        ("directive=script-src", "application/x-www-form-urlencoded", 415),
        (b"\xff\xfe\x00", "application/csp-report", 400),
    ],
)
def test_malformed_reports_are_refused_cleanly(app, client, violations, body, mimetype, status):
    assert post(client, body, mimetype).status_code == status
    assert violations() == []


def test_odd_values_become_other(app, client, violations):
    report = legacy_report(directive="<script>alert(1)</script>", blocked="javascript:alert(1)")
    post(client, report)
    (event,) = violations()
    assert event["directive"] == "other"
    assert event["blocked"] == "javascript"


def test_a_body_over_the_limit_is_refused(app, client, violations):
    padded = legacy_report()
    padded["csp-report"]["script-sample"] = "x" * app.config["CSP_REPORT_MAX_BYTES"]
    assert post(client, padded).status_code == 413
    assert violations() == []


def test_no_csrf_token_is_needed():
    with fresh_app(WTF_CSRF_ENABLED=True) as app:
        assert post(app.test_client(), legacy_report()).status_code == 204
        assert app.test_client().post("/contact", data={}).status_code == 400  # others still


def test_reports_are_rate_limited_per_address():
    with fresh_app(CSP_REPORT_RATE_LIMIT="3 per minute") as app:
        client = app.test_client()
        statuses = [post(client, legacy_report()).status_code for _ in range(5)]
        assert statuses == [204, 204, 204, 429, 429]
        other = client.post(
            "/csp-report",
            data=json.dumps(legacy_report()),
            content_type="application/csp-report",
            environ_base={"REMOTE_ADDR": "192.0.2.1"},
        )
        assert other.status_code == 204
