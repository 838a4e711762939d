"""0014_account_languages: user.language (unset) and contact_message.language ("en"), and back."""

import importlib.util
from pathlib import Path

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from tests.migration_runs import drop_everything, on_postgresql, on_sqlite, postgresql_only

REVISION = "0014_account_languages"
_spec = importlib.util.spec_from_file_location(
    "m0014", Path(__file__).resolve().parents[2] / "migrations" / "versions" / f"{REVISION}.py"
)
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
BEFORE = _module.down_revision  # whatever the revision is chained after

pytestmark = pytest.mark.usefixtures("keep_logging")


def columns(table: str) -> set[str]:
    """The column names of a table as the database has them now."""
    return {c["name"] for c in sa.inspect(db.engine).get_columns(table)}


def round_trip(app) -> None:
    """Up to the revision before, rows in, up to 0014, check, down again, check."""
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    result = runner.invoke(args=["db", "upgrade", BEFORE])
    assert result.exit_code == 0, result.output
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(
            sa.text(
                'INSERT INTO "user" (id, email, name, password_hash, active, created_at,'
                " session_version) VALUES (1, 'a@example.org', 'A', '', true,"
                " '2026-01-15 12:00:00', 1)"
            )
        )
        connection.execute(
            sa.text(
                "INSERT INTO contact_message (id, created_at, topic, message, name, email, state)"
                " VALUES (1, '2026-01-15 12:00:00', 'question', 'Hello there', '', '', 'open')"
            )
        )
    result = runner.invoke(args=["db", "upgrade", REVISION])
    assert result.exit_code == 0, result.output
    with app.app_context():
        language = db.session.execute(sa.text('SELECT language FROM "user"')).scalar_one()
        assert language is None  # not chosen: email follows the page, English by default
        stored = db.session.execute(sa.text("SELECT language FROM contact_message")).scalar_one()
        assert stored == "en"  # the messages before came from the English pages
        db.session.execute(
            sa.text(
                "INSERT INTO contact_message (id, created_at, topic, message, name, email, state)"
                " VALUES (2, '2026-01-16 12:00:00', 'comment', 'Later', '', '', 'open')"
            )
        )
        assert (
            db.session.execute(
                sa.text("SELECT language FROM contact_message WHERE message = 'Later'")
            ).scalar_one()
            == "en"
        )  # the server default
        db.session.rollback()
        db.session.remove()
    result = runner.invoke(args=["db", "downgrade", BEFORE])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert "language" not in columns("user")
        assert "language" not in columns("contact_message")
        assert db.session.execute(sa.text("SELECT count(*) FROM contact_message")).scalar() == 1
        db.session.remove()


def test_0014_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@postgresql_only
def test_0014_on_postgresql():
    on_postgresql(round_trip)
