"""Helpers for the page cache's tests: apps with the cache on, staff, marked data, the store."""

from datetime import timedelta

from sro_board import create_app
from sro_board.auth.roles import Role
from sro_board.auth.services import create_user
from sro_board.core.clock import today_local
from sro_board.core.extensions import cache, db
from sro_board.core.pagestore import Entry
from sro_board.recommendations.definitions import seed_definitions
from sro_board.recommendations.services import create_recommendation, propose_update
from tests.board.factories import make_application, make_intake

STAFF_PASSWORD = "cache-tests-staff-password"  # noqa: S105 - a test account's


def start_app(**config):
    """An app with the in-process cache on (unless config says otherwise), on an empty schema."""
    app = create_app("testing", **({"CACHE_TYPE": "SimpleCache"} | config))
    with app.app_context():
        db.drop_all()
        db.create_all()
        seed_definitions()
        db.session.commit()
    return app


def stop_app(app) -> None:
    """Drop the schema and close the connections."""
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def add_recommendation(code: str, **values):
    """A recommendation through the service, committed."""
    data = {
        "code": code,
        "title": f"Recommendation {code}",
        "description": "A description.",
        "theme": "role",
        "reports": ["final"],
        "lead_unit": "Youth Education Unit",
        "target_date": (today_local() + timedelta(days=365)).isoformat(),
    } | values
    rec = create_recommendation(None, data)
    db.session.commit()
    return rec


def add_staff(name: str, email: str = "member@example.org", roles=(Role.MEMBER,)):
    """A staff account with a known password (a member needs no two-step login)."""
    user = create_user(None, email=email, name=name, roles=set(roles), password=STAFF_PASSWORD)
    db.session.commit()
    return user


def log_in(client, email: str) -> None:
    """Log in through the real form."""
    response = client.post("/login", data={"email": email, "password": STAFF_PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)


# Strings that only staff may see: none may enter the cache or an anonymous response.
MARKERS = {
    "staff user's name": "Staffname-Kq71",
    "internal note": "INTERNAL-NOTE-Kq72",
    "draft's public note": "DRAFT-NOTE-Kq73",
    "draft's title": "DRAFT-TITLE-Kq74",
    "applicant's name": "Applicant-Kq75",
}
STAFF_EMAIL = "member@example.org"


def add_marked_data(app) -> None:
    """A published recommendation with an internal note, a pending draft, an applicant, a
    staff member whose name shows in the staff bar, and an open intake."""
    with app.app_context():
        staff = add_staff(MARKERS["staff user's name"], email=STAFF_EMAIL)
        rec = add_recommendation("R-01")
        propose_update(
            rec,
            None,
            {"progress": 20},
            public_note="Started.",
            internal_note=MARKERS["internal note"],
            based_on_version=rec.version,
        )
        db.session.commit()
        propose_update(
            rec,
            staff,
            {"title": MARKERS["draft's title"]},
            public_note=MARKERS["draft's public note"],
            internal_note="",
            based_on_version=rec.version,
        )
        db.session.commit()
        make_application(make_intake(), name=MARKERS["applicant's name"])


def stored_pages(app) -> list[bytes]:
    """The bytes of every page the cache backend holds."""
    with app.app_context():
        backend = cache.cache
        values = [backend.get(key) for key in list(backend._cache)]
    return [value.body for value in values if isinstance(value, Entry)]


def forget_everything(app) -> None:
    """Empty the cache and the app's own copies: the next request renders afresh."""
    with app.app_context():
        cache.clear()
    app.extensions["public_pages"].clear()


def leaks(body: bytes) -> list[str]:
    """The markers found in a page."""
    return [what for what, marker in MARKERS.items() if marker.encode() in body]
