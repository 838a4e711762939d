"""Two people saving the same recommendation at the same moment, in real threads."""

import threading

import pytest
import sqlalchemy as sa

from sro_board import create_app
from sro_board.core.extensions import db
from sro_board.recommendations.definitions import seed_definitions
from sro_board.recommendations.models import Recommendation, Update
from tests.factories import login, make_rec, make_user, using_postgres

CONFLICT = "changed this recommendation while you were editing"


@pytest.fixture
def threaded_app(tmp_path):
    """An app on a database that several threads can share (a SQLite file, or PostgreSQL)."""
    overrides = (
        {}
        if using_postgres()
        else {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'threads.db'}"}
    )
    app = create_app("testing", **overrides)
    with app.app_context():
        db.drop_all()
        db.create_all()
        seed_definitions()
        db.session.commit()
        yield app
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def _edit_form(rec: Recommendation, progress: int, note: str) -> dict:
    return {
        "title": rec.title,
        "description": rec.description,
        "theme": rec.theme.value,
        "reports": [r.value for r in rec.reports],
        "lead_unit": rec.lead_unit,
        "lead_user": "",
        "target_date": rec.target_date.isoformat(),
        "feasibility": rec.feasibility.value,
        "feasibility_rationale": "",
        "status": rec.status.value,
        "progress": str(progress),
        "public_note": note,
        "internal_note": "",
        "version": str(rec.version),
    }


@pytest.mark.parametrize("round_", range(3))
def test_simultaneous_saves_one_wins_the_other_gets_the_conflict_message(threaded_app, round_):
    chair = make_user(["chair"], email="chair@example.org")
    admin = make_user(["admin"], email="admin@example.org")
    rec = make_rec("R-01")
    clients = []
    for user in (chair, admin):
        client = threaded_app.test_client()
        # A fresh app context per login: requests in the test's own context would share `g`
        # (and so Flask-Login's current user).
        with threaded_app.app_context():
            login(client, user)
        clients.append(client)
    forms = [_edit_form(rec, 10 + n, f"note from client {n}") for n in range(2)]
    barrier = threading.Barrier(2)
    results: list = [None, None]

    def save(n: int) -> None:
        barrier.wait()
        results[n] = clients[n].post("/staff/recommendations/R-01/edit", data=forms[n])

    threads = [threading.Thread(target=save, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = sorted(r.status_code for r in results)
    assert statuses == [200, 302], [r.get_data(as_text=True)[:300] for r in results]
    refused = next(r for r in results if r.status_code == 200)
    assert CONFLICT in refused.get_data(as_text=True)
    db.session.expire_all()
    saved = db.session.scalar(sa.select(Recommendation).where(Recommendation.code == "R-01"))
    notes = set(db.session.scalars(sa.select(Update.public_note)))
    winner = next(n for n in range(2) if results[n].status_code == 302)
    assert saved.progress == 10 + winner
    assert f"note from client {winner}" in notes
    assert f"note from client {1 - winner}" not in notes
