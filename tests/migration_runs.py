"""What every migration test shares: emptying a database, and one check run on a scratch
SQLite file or on the worker's PostgreSQL database (left empty for the other tests)."""

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskCliRunner

from sro_board import create_app
from sro_board.core.extensions import db
from tests.factories import using_postgres


def postgresql_only(test):
    """Mark a test as needing PostgreSQL, skipped unless TEST_DATABASE_URL points at it."""
    skip = pytest.mark.skipif(not using_postgres(), reason="TEST_DATABASE_URL is not PostgreSQL")
    return pytest.mark.postgres(skip(test))


VERSIONS = Path(__file__).resolve().parents[1] / "migrations" / "versions"


def revision_before(revision: str) -> str:
    """The down_revision of migrations/versions/<revision>.py (it follows a re-pointing)."""
    spec = importlib.util.spec_from_file_location(revision, VERSIONS / f"{revision}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.down_revision


def upgrade_to(app: Flask, revision: str) -> FlaskCliRunner:
    """An emptied database upgraded to the revision before `revision`, then to it."""
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    for target in (revision_before(revision), revision):
        result = runner.invoke(args=["db", "upgrade", target])
        assert result.exit_code == 0, result.output
    return runner


def drop_everything() -> None:
    """Drop every table of the app's database, alembic_version included."""
    meta = sa.MetaData()
    meta.reflect(db.engine)
    meta.drop_all(db.engine)


def on_sqlite(tmp_path, check: Callable[[Flask], None]) -> None:
    """check(app) on an app whose database is a new SQLite file."""
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'm.db'}")
    try:
        check(app)
    finally:
        with app.app_context():
            db.engine.dispose()


def on_postgresql(check: Callable[[Flask], None]) -> None:
    """check(app) on the worker's PostgreSQL database, emptied afterwards."""
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=os.environ["TEST_DATABASE_URL"])
    try:
        check(app)
    finally:
        with app.app_context():
            drop_everything()
            db.engine.dispose()
