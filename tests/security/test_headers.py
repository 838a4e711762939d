"""Security headers on every response, errors included, and no-store on private pages.

ASVS 5.0: 3.4.1 (HSTS), 3.4.3 (CSP), 3.4.4 (nosniff), 3.4.5 (Referrer-Policy), 3.4.6
(frame-ancestors), 3.4.8 (COOP), 3.5.8 (CORP), 3.2.1 (attachments), 14.3.2 (no-store),
13.4.2 (no debug in production), 13.4.4 (no TRACE), 16.5.1 (generic error pages).
"""

import re
from pathlib import Path

import pytest

from sro_board import create_app
from sro_board.core.extensions import db
from sro_board.security.headers import CSP, PRIVATE_PREFIXES
from tests.factories import login, make_user
from tests.security.access import ANONYMOUS
from tests.security.routes import RULES, prepare
from tests.security.shared_app import emptied_app, module_app  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2]
SHARED = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
REFERRER_POLICIES = {"strict-origin-when-cross-origin", "no-referrer"}


def check_headers(response, private: bool) -> None:
    """Assert the headers every response must carry (and no-store on a private one)."""
    headers = response.headers
    for name, value in SHARED.items():
        assert headers.get(name) == value, f"{name}: {headers.get(name)!r}"
    assert headers.get("Referrer-Policy") in REFERRER_POLICIES
    policy = headers.get("Permissions-Policy", "")
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    if private:
        assert headers.get("Cache-Control") == "no-store", headers.get("Cache-Control")


def is_private_path(path: str) -> bool:
    """Pages that are staff or applicant pages by their address."""
    return path.startswith(PRIVATE_PREFIXES)


def test_the_policy_allows_no_inline_code():
    for directive in (
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ):
        assert directive in CSP
    assert "unsafe" not in CSP
    assert "*" not in CSP
    assert "data:" not in CSP


INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)|<style|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.IGNORECASE
)


def test_templates_and_static_files_have_no_inline_script_or_style():
    offenders = []
    for path in [*(ROOT / "templates").rglob("*.html"), *(ROOT / "static").rglob("*")]:
        if path.is_file() and path.suffix in (".html", ".svg", ".css", ".js"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if path.suffix != ".css" and INLINE.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("role", [ANONYMOUS, "admin"])
@pytest.mark.parametrize("key", sorted(RULES))
def test_every_route_sends_the_headers(app, client, key, role):
    sample = prepare(client, key, role)
    response = client.open(sample.path, method=sample.method, data=sample.data)
    response.close()
    assert response.status_code < 500 or response.status_code == 503  # readyz: deliberate
    check_headers(response, private=role != ANONYMOUS or is_private_path(sample.path))
    if response.mimetype == "text/html":  # what the CSP would block, in the page as served
        assert not INLINE.search(response.get_data(as_text=True)), sample.path


@pytest.mark.parametrize(
    "path",
    [
        "/advisory-board/apply",
        "/advisory-board/applied",
        "/advisory-board/status/not-a-real-token",
        "/advisory-board/consent/not-a-real-token",
        "/advisory-board/consent/done",
        "/advisory-board/new-status-link",
        "/staff/",
        "/staff/board/",
        "/login",
        "/password-reset",
        "/password-reset/not-a-real-token",
        "/invitation/not-a-real-token",
    ],
)
def test_applicant_and_staff_pages_are_never_stored_even_for_the_public(app, client, path):
    check_headers(client.get(path), private=True)


def test_public_pages_may_be_cached_for_the_public(app, client):
    response = client.get("/recommendations")
    assert response.headers.get("Cache-Control") != "no-store"


def test_a_logged_in_response_is_never_stored_even_on_a_public_page(app, client):
    login(client, make_user(["member"]))
    for path in ("/", "/recommendations", "/static/css/app.css", "/no-such-page"):
        response = client.get(path)
        response.close()
        check_headers(response, private=True)


def test_status_and_consent_pages_keep_their_no_referrer(app, client):
    assert client.get("/advisory-board/applied").headers["Referrer-Policy"] == "no-referrer"
    assert client.get("/").headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.fixture
def error_app():
    """An app with a view that fails, a tiny body limit and a login limit of one a minute."""
    app = create_app("testing", MAX_CONTENT_LENGTH=1024, LOGIN_RATE_LIMIT="1 per minute")

    @app.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_error_responses_carry_the_headers_and_say_nothing_internal(error_app, accept):
    client = error_app.test_client()
    headers = {"Accept": accept}
    responses = {
        404: client.get("/no-such-page", headers=headers),
        405: client.put("/", headers=headers),
        413: client.post("/contact", data={"message": "x" * 4096}, headers=headers),
        500: client.get("/boom", headers=headers),
    }
    client.post("/login", data={"email": "a@example.org", "password": "x"}, headers=headers)
    responses[429] = client.post(
        "/login", data={"email": "a@example.org", "password": "x"}, headers=headers
    )
    for code, response in responses.items():
        assert response.status_code == code
        check_headers(response, private=code == 429)
        body = response.get_data(as_text=True)
        assert "Traceback" not in body
        assert "RuntimeError" not in body
        assert "a bug" not in body


def test_trace_is_not_supported(app, client):
    assert client.open("/", method="TRACE").status_code == 405


def test_hsts_is_sent_in_production_for_a_year_with_subdomains(production_env):
    app = create_app("production")
    assert not app.debug
    response = app.test_client().get("/no-such-page")
    hsts = response.headers["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains"
    with app.app_context():
        db.engine.dispose()


def test_no_hsts_in_development_over_plain_http(app, client):
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_downloads_are_attachments(app, client):
    login(client, make_user(["member"]))
    response = client.get("/staff/recommendations/export.csv")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    check_headers(response, private=True)
