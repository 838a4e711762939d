"""When rolling back fails because the connection is gone, the session is dropped, not crashed."""

import sqlalchemy as sa

from sro_board.core.errors import discard_session
from sro_board.core.extensions import db


def test_a_failed_rollback_invalidates_the_session(app, monkeypatch):
    session = db.session()
    session.execute(sa.text("SELECT 1"))

    def connection_lost():
        raise sa.exc.OperationalError("ROLLBACK", {}, Exception("server closed the connection"))

    monkeypatch.setattr(session, "rollback", connection_lost)
    discard_session()  # before the fix: AttributeError, the proxy has no invalidate()
    monkeypatch.undo()
    assert not session.in_transaction()
