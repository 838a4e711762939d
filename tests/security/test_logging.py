"""No personal data in any log line through whole journeys; security events are structured.

ASVS 5.0: 16.2.1 (when, where, who, what: request id, route, user id), 16.2.4 (JSON lines),
16.2.5 (no credentials, tokens or personal data logged), 16.3.2 (denied access logged),
16.3.1 (log in, failures, log out), 16.3.3 (CSRF failures and exports logged), 16.4.1 (log
injection encoded); the path, which can carry a token, is never logged.
"""

import io
import json
import logging

import pytest

from sro_board import create_app
from sro_board.board.models import Application
from sro_board.core.extensions import db
from sro_board.security.events import security_event
from sro_board.security.logfilter import RedactFilter, redact
from tests.board.applying import STUDENT_15, apply, link_path, open_intake, outbox
from tests.factories import PASSWORD, login, make_rec, make_user
from tests.pages import load_form
from tests.security.shared_app import emptied_app, module_app  # noqa: F401 - fixtures

EXPORT_REASON = {"category": "applicant_request", "reason": "Asked by email."}

SELF_ID = {"racialized": "yes", "indigenous": "no", "lgbtq": "prefer_not", "disability": "yes"}
STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


def record_text(record: logging.LogRecord) -> str:
    """Everything a formatter could write for a record: message, extras, traceback."""
    extras = {k: v for k, v in vars(record).items() if k not in STANDARD}
    parts = [record.getMessage(), repr(extras), record.exc_text or ""]
    if record.exc_info:
        parts.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(parts)


def all_logged(caplog) -> str:
    """Every captured record as text."""
    return "\n".join(record_text(r) for r in caplog.records)


def events(caplog, name: str) -> list[logging.LogRecord]:
    """The captured security events called name."""
    return [r for r in caplog.records if getattr(r, "event", None) == name]


def test_a_whole_journey_logs_no_personal_data(app, client, runner, caplog):
    caplog.set_level(logging.DEBUG)
    secrets: list[str] = []
    # An applicant of 15 applies with her guardian's details and self-identification.
    intake = open_intake()
    assert apply(client, intake, STUDENT_15, **SELF_ID).status_code == 201
    status = link_path(outbox(STUDENT_15["email"])[0].body, "status")
    consent = link_path(outbox(STUDENT_15["guardian_email"])[0].body, "consent")
    secrets += [status.rsplit("/", 1)[1], consent.rsplit("/", 1)[1]]
    assert client.get(status).status_code == 200
    assert client.post(status + "/guardian", data={}).status_code in (200, 302)
    assert client.get(consent).status_code == 200
    agreed = client.post(consent, data={"agree": "y", "full_name": "y", "confirm": "Give"})
    assert agreed.status_code == 302
    new_contact = {"email": "kai.new.address@example.net", "phone": "587-555-0188"}
    assert client.post(status + "/contact", data=new_contact).status_code == 302
    secrets += list(new_contact.values())
    # Staff review it, look at the selection, export the applicant's data.
    application = db.session.query(Application).one()
    admin = make_user(["admin"], email="admin.person@example.org")
    login(client, admin)
    for path in (
        f"/staff/board/intakes/{intake.id}/applications",
        f"/staff/board/applications/{application.id}",
        f"/staff/board/intakes/{intake.id}/selection",
        "/staff/email",
        "/staff/audit",
    ):
        assert client.get(path).status_code == 200, path
    for fmt in ("csv", "json"):
        exported = client.post(
            f"/staff/board/applications/{application.id}/export/{fmt}", data=EXPORT_REASON
        )
        assert exported.status_code == 200
    # The chair updates the tracker; the export is downloaded and run from the command line.
    rec = make_rec("R-01")
    chair = make_user(["chair"], email="chair.person@example.org")
    client.post("/logout")
    login(client, chair)
    form = load_form(client, f"/staff/recommendations/{rec.code}/edit")
    form |= {"progress": ["30"], "public_note": ["Work began (kai.osterbrook@example.net)."]}
    assert client.post(f"/staff/recommendations/{rec.code}/edit", data=form).status_code == 302
    assert client.get("/staff/recommendations/export.csv").status_code == 200
    assert runner.invoke(args=["recommendations", "export"]).exit_code == 0
    # Refusals: a forbidden page, a wrong password, a message through the contact form.
    assert client.get("/staff/users").status_code == 403
    client.post("/logout")
    client.post("/login", data={"email": chair.email, "password": "Wrong " + PASSWORD})
    message = {"topic": "question", "message": "Call me", "email": "x.y@example.net"}
    client.post("/contact", data=message | {"phone": "403-555-0111"})

    logged = all_logged(caplog)
    assert caplog.records, "nothing was captured"
    personal = [STUDENT_15[k] for k in ("name", "email", "phone", "guardian_name", "school")]
    personal += [STUDENT_15["guardian_email"], admin.email, chair.email, PASSWORD]
    personal += ["x.y@example.net", "403-555-0111", *SELF_ID]
    for value in personal + secrets:
        assert value not in logged, f"{value!r} reached a log line"
    assert "@" not in logged  # no email address of any kind
    assert events(caplog, "export.applicant")
    assert events(caplog, "export.recommendations")
    assert events(caplog, "access.denied")


def test_the_request_log_names_the_route_never_the_path(app, client, caplog):
    caplog.set_level(logging.INFO, logger="sro_board.request")
    client.get("/advisory-board/status/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg")
    (line,) = [r for r in caplog.records if r.name == "sro_board.request"]
    assert line.route == "/advisory-board/status/<token>"
    assert "AbCdEf" not in record_text(line)


def test_denied_access_is_an_event_with_the_user_and_route(app, client, caplog):
    member = make_user(["member"])
    login(client, member)
    with caplog.at_level(logging.INFO, logger="sro_board.security"):
        assert client.get("/staff/audit").status_code == 403
    denied = events(caplog, "access.denied")
    assert denied
    assert denied[-1].levelno == logging.WARNING
    assert {r.route for r in denied} == {"/staff/audit"}
    assert str(member.id) in {str(getattr(r, "user_id", "")) for r in denied}


def test_an_unauthenticated_json_request_is_logged_as_denied(app, client, caplog):
    with caplog.at_level(logging.INFO, logger="sro_board.security"):
        response = client.get("/staff/audit", headers={"Accept": "application/json"})
    assert response.status_code == 401
    assert [r.status for r in events(caplog, "access.denied")] == [401]


def test_every_export_is_an_event(app, client, runner, caplog):
    make_rec("R-01")
    login(client, make_user(["member"]))
    with caplog.at_level(logging.INFO, logger="sro_board.security"):
        client.get("/staff/recommendations/export.csv")
        runner.invoke(args=["recommendations", "export"])
    routes = [r.route for r in events(caplog, "export.recommendations")]
    assert routes == ["/staff/recommendations/export.csv", "(command line)"]


def test_an_event_refuses_fields_that_would_overwrite_the_record():
    with pytest.raises(ValueError, match="clash"):
        security_event("x", msg="overwritten")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sent to kai.osterbrook@example.net today", "sent to [email] today"),
        ("link /advisory-board/status/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg", None),
        ("key h563Rv7R0U2fNbmZkRv_4Twse_55bpXiI6dCIOsVpQM= in use", "key [token] in use"),
        ("route /staff/board/intakes/<int:intake_id>/applications", None),
        ("took 12.5 ms with 4 queries", None),
    ],
)
def test_the_filter_redacts_emails_and_tokens(text, expected):
    if expected is None:
        expected = text if "AbCd" not in text else "link /advisory-board/status/[token]"
    assert redact(text) == expected


def test_the_filter_redacts_arguments_extras_and_tracebacks():
    try:
        raise ValueError("bad address dana@example.net")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "to %s", ("kai@example.net",), sys.exc_info()
        )
    record.where = "guardian dana@example.net"
    RedactFilter().filter(record)
    text = record_text(record)
    assert "@example.net" not in text
    assert text.count("[email]") == 4  # message, extra, source line and exception text


def test_json_lines_are_redacted_single_lines_with_a_request_id(keep_app_loggers):
    app = create_app("testing", TESTING=False)
    logger = logging.getLogger("sro_board")
    (handler,) = [h for h in logger.handlers if getattr(h, "_sro_board", False)]
    stream = io.StringIO()
    handler.setStream(stream)
    logging.getLogger("sro_board.test").warning(
        "hello %s\r\nINJECTED fake line", "kai@example.net", extra={"route": "/x"}
    )
    with app.test_request_context(headers={"X-Request-ID": "abc12345"}):
        from flask import g

        g.request_id = "abc12345"
        security_event("login.failed", reason="password")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["message"] == "hello [email]\r\nINJECTED fake line"
    assert second["event"] == "login.failed"
    assert second["request_id"] == "abc12345"
    assert second["levelname"] == "INFO"
    assert second["asctime"]
    with app.app_context():
        db.engine.dispose()


def test_the_rate_limiter_does_not_log_client_addresses_at_info(app):
    assert logging.getLogger("flask-limiter").getEffectiveLevel() >= logging.WARNING


def test_sql_errors_hide_the_submitted_values(app):
    assert app.config["SQLALCHEMY_ENGINE_OPTIONS"]["hide_parameters"] is True
    assert db.engine.hide_parameters


def test_log_in_failures_and_log_out_are_events_without_the_address(app, client, caplog):
    member = make_user(["member"], email="kai.logger@example.org")
    with caplog.at_level(logging.INFO, logger="sro_board.security"):
        client.post("/login", data={"email": member.email, "password": "Not " + PASSWORD})
        login(client, member)
        client.post("/logout")
    names = [r.event for r in caplog.records if hasattr(r, "event")]
    for name in ("login.failed", "login.succeeded", "logout"):
        assert name in names
    assert member.email not in all_logged(caplog)
