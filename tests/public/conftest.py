"""The public pages' cache: apps with the cache on, a staff reader, data with marker strings."""

from datetime import timedelta

import pytest

from sro_board import create_app
from sro_board.auth.roles import Role
from sro_board.auth.services import create_user
from sro_board.core.clock import today_local
from sro_board.core.extensions import db
from sro_board.recommendations.definitions import seed_definitions
from sro_board.recommendations.services import create_recommendation

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


@pytest.fixture
def app():
    """As the suite's `app`, with the public page cache on, and no app context held: each
    request gets its own, as in production (a held one would share `g` between clients)."""
    app = start_app()
    yield app
    stop_app(app)


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
