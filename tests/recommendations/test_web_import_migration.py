"""0023_imports: the table of uploaded CSV files up (with a row), and down again."""

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from tests.migration_runs import (
    on_postgresql,
    on_sqlite,
    postgresql_only,
    revision_before,
    upgrade_to,
)

REVISION = "0023_imports"
BEFORE = revision_before(REVISION)

pytestmark = pytest.mark.usefixtures("keep_logging")

ROWS = [
    'INSERT INTO "user" (id, email, name, password_hash, active, created_at, session_version)'
    " VALUES (1, 'a@example.org', 'A', '', true, '2026-01-15 12:00:00', 1)",
    "INSERT INTO recommendation_import (id, uploader_id, created_at, content, sha256, state,"
    " preview, progress, total) VALUES (1, 1, '2026-01-15 12:00:00', :content, :sha, 'previewed',"
    " '{}', 0, 0)",
]


def round_trip(app) -> None:
    """Up to the revision before, up to 0023, a row, its uploader's deletion, down again."""
    runner = upgrade_to(app, REVISION)
    with app.app_context():
        assert "recommendation_import" in sa.inspect(db.engine).get_table_names()
        with db.engine.begin() as connection:
            for statement in ROWS:
                connection.execute(sa.text(statement), {"content": b"code\r\n", "sha": "0" * 64})
        row = db.session.execute(sa.text("SELECT content, state FROM recommendation_import")).one()
        assert (bytes(row[0]), row[1]) == (b"code\r\n", "previewed")
        with db.engine.begin() as connection:  # the uploader's account goes, the upload too
            if connection.dialect.name == "sqlite":
                connection.execute(sa.text("PRAGMA foreign_keys = ON"))
            connection.execute(sa.text('DELETE FROM "user"'))
        count = db.session.execute(sa.text("SELECT count(*) FROM recommendation_import")).scalar()
        assert count == 0
        db.session.remove()
    result = runner.invoke(args=["db", "downgrade", BEFORE])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert "recommendation_import" not in sa.inspect(db.engine).get_table_names()
        db.session.remove()


def test_0023_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@postgresql_only
def test_0023_on_postgresql():
    on_postgresql(round_trip)
