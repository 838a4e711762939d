"""Error pages: HTML or JSON, clear words, nothing saved, and no page of the site ever fails."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from sro_board.contact.models import ContactMessage
from sro_board.contact.services import submit_message
from sro_board.core.extensions import db
from tests.factories import PASSWORD, count_rows, fresh_app, login, make_rec, make_user, next_code
from tests.pages import form_fields, text
from tests.recommendations.factories import EVIDENCE, draft, publish, rec_by_code
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures

JSON = {"Accept": "application/json"}


def test_unknown_page_is_a_friendly_404_page(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    page = text(response)
    assert "We could not find that page." in page
    assert "call 9-1-1" in page


def test_unknown_page_is_json_for_json_clients(client):
    response = client.get("/no-such-page", headers=JSON)
    assert response.status_code == 404
    assert response.json == {
        "error": "Not Found",
        "message": "We could not find that page.",
        "status": 404,
    }


def test_unknown_recommendation_is_404(client):
    assert client.get("/recommendations/R-99").status_code == 404


def test_staff_page_tells_json_clients_401_instead_of_redirecting(client):
    response = client.get("/staff/", headers=JSON)
    assert response.status_code == 401
    assert response.json["message"] == "Please log in to see this page."


def test_forbidden_is_a_clear_page(client, users):
    login(client, users["reviewer"])
    response = client.get("/staff/")
    assert response.status_code == 403
    assert "You do not have permission to see this page." in text(response)


def test_wrong_method_is_405_with_allow(client):
    response = client.get("/logout")
    assert response.status_code == 405
    assert "That action is not available here." in text(response)
    assert "POST" in response.headers["Allow"].split(", ")


def test_too_large_a_request_is_refused_and_nothing_saved(client):
    response = client.post(
        "/contact", data={"topic": "question", "message": "x" * (2 * 1024 * 1024)}
    )
    assert response.status_code == 413
    assert "What you sent is too large." in text(response)
    assert count_rows(ContactMessage) == 0


def test_unexpected_error_is_a_500_page_without_details():
    def broken():
        raise RuntimeError("secret detail: pat@example.org")

    with fresh_app() as app:
        app.add_url_rule("/broken", view_func=broken)
        client = app.test_client()
        response = client.get("/broken")
        assert response.status_code == 500
        assert "Something went wrong on our side. Nothing was saved." in text(response)
        assert "secret detail" not in text(response)
        assert client.get("/broken", headers=JSON).json["status"] == 500


# CSRF


CSRF_EXPIRED = "Your form expired or was sent from elsewhere. Reload the page and try again."


def test_post_without_csrf_token_is_refused_and_nothing_saved():
    with fresh_app(WTF_CSRF_ENABLED=True) as app:
        client = app.test_client()
        response = client.post("/contact", data={"topic": "question", "message": "Hello there"})
        assert response.status_code == 400
        assert CSRF_EXPIRED in text(response)
        assert count_rows(ContactMessage) == 0


def test_post_with_a_wrong_csrf_token_is_refused():
    with fresh_app(WTF_CSRF_ENABLED=True) as app:
        client = app.test_client()
        client.get("/contact")
        data = {"topic": "question", "message": "Hello there", "csrf_token": "forged"}
        assert client.post("/contact", data=data).status_code == 400
        assert count_rows(ContactMessage) == 0


def test_forms_carry_their_csrf_token_and_work_with_csrf_on():
    with fresh_app(WTF_CSRF_ENABLED=True) as app:
        user = make_user(["chair"])
        make_rec()
        client = app.test_client()
        login_form = form_fields(text(client.get("/login")))
        login_form |= {"email": [user.email], "password": [PASSWORD]}
        response = client.post("/login", data=login_form)
        assert response.location == "/login/code"  # a chair uses two-step login
        code_form = form_fields(text(client.get("/login/code"))) | {"code": [next_code(user)]}
        assert client.post("/login/code", data=code_form).status_code == 302
        edit_form = form_fields(text(client.get("/staff/recommendations/R-01/edit")))
        assert edit_form["csrf_token"][0]
        response = client.post(
            "/staff/recommendations/R-01/edit", data=edit_form | {"progress": ["25"]}
        )
        assert response.status_code == 302
        update = draft(rec_by_code(), make_user(["member"]), progress=40)
        page = text(client.get("/staff/recommendations/R-01"))
        approve_form = form_fields(page, action=f"/staff/updates/{update.id}/approve")
        assert approve_form["csrf_token"][0]
        client.post(f"/staff/updates/{update.id}/approve", data=approve_form)
        assert rec_by_code().progress == 40
        logout = form_fields(text(client.get("/staff/")), action="/logout")
        assert client.post("/logout", data=logout).status_code == 302


def test_staff_post_without_csrf_token_changes_nothing():
    with fresh_app(WTF_CSRF_ENABLED=True) as app:
        user = make_user(["chair"])
        rec = make_rec()
        version = rec.version
        update = draft(rec, make_user(["member"]), progress=30)
        client = app.test_client()
        login_form = form_fields(text(client.get("/login")))
        client.post("/login", data=login_form | {"email": [user.email], "password": [PASSWORD]})
        response = client.post(f"/staff/updates/{update.id}/approve")
        assert response.status_code == 400
        db.session.expire_all()
        assert (rec.version, rec.progress, update.state.value) == (version, 0, "pending")


# no page of the site ever fails


class Links(HTMLParser):
    """Collects the href of every link on a page."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


@pytest.fixture
def busy_tracker(app, users):
    """Data for every kind of page: published, pending and rejected updates, a message."""
    publish(make_rec("R-01", lead_user=users["member"].email), status="in_progress", progress=50)
    publish(
        make_rec("R-02"), status="in_progress", progress=95, evidence=EVIDENCE, public_note="Done."
    )
    draft(make_rec("R-03"), users["member"], progress=10, public_note="Draft.")
    submit_message("question", "When is the next report?", "Pat", "pat@example.org")
    db.session.commit()


def crawl(client, start: list[str], limit: int = 400) -> dict[str, int]:
    """Follow every same-site link (GET) from the start pages; returns path -> status."""
    seen: dict[str, int] = {}
    queue = list(start)
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response.status_code
        if response.mimetype != "text/html":
            response.close()
            continue
        parser = Links()
        parser.feed(text(response))
        for href in parser.hrefs:
            url = urlsplit(urljoin(path, href))
            if url.netloc or url.path.startswith("/static/"):
                continue
            queue.append(url.path + (f"?{url.query}" if url.query else ""))
    return seen


@pytest.mark.usefixtures("busy_tracker")
@pytest.mark.parametrize("role", ["anonymous", "member", "chair", "admin", "reviewer"])
def test_no_page_reachable_by_links_fails(client, users, role):
    if role != "anonymous":
        login(client, users[role])
    seen = crawl(client, ["/", "/staff/", "/staff/inbox", "/staff/audit", "/staff/users"])
    failed = {path: status for path, status in seen.items() if status >= 500}
    assert not failed
    assert len(seen) >= 20, seen
