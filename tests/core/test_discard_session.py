"""When rolling back fails because the connection is gone, the session is dropped, not crashed."""

import sqlalchemy as sa

from sro_board import create_app
from sro_board.core.errors import discard_session
from sro_board.core.extensions import db


def test_a_failed_rollback_invalidates_the_session(tmp_path, monkeypatch):
    # An app of its own: invalidating must not close the suite's shared connection.
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'own.db'}")
    with app.app_context():
        session = db.session()
        session.execute(sa.text("SELECT 1"))

        def connection_lost():
            raise sa.exc.OperationalError("ROLLBACK", {}, Exception("server closed the connection"))

        monkeypatch.setattr(session, "rollback", connection_lost)
        discard_session()  # before the fix: AttributeError, the proxy has no invalidate()
        monkeypatch.undo()
        assert not session.in_transaction()
        db.session.remove()
        db.engine.dispose()
