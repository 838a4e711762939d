"""0023_imports: the table of uploaded CSV files up (with a row), and down again."""

import importlib.util
from pathlib import Path

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from tests.migration_runs import drop_everything, on_postgresql, on_sqlite, postgresql_only

REVISION = "0023_imports"
_spec = importlib.util.spec_from_file_location(
    "m0023", Path(__file__).resolve().parents[2] / "migrations" / "versions" / f"{REVISION}.py"
)
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
BEFORE = _module.down_revision

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
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    result = runner.invoke(args=["db", "upgrade", BEFORE])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["db", "upgrade", REVISION])
    assert result.exit_code == 0, result.output
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
