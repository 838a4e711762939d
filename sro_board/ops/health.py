"""GET /healthz (the process answers) and GET /readyz (database reachable, schema at head)."""

from functools import cache
from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory
from flask import Blueprint, current_app, jsonify
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..core.extensions import db

bp = Blueprint("ops", __name__)


@cache
def migration_heads(directory: str) -> frozenset[str]:
    """The head revision(s) of the migrations folder (read once per process)."""
    config = Config()
    config.set_main_option("script_location", directory)
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def _migrations_dir() -> str:
    return str(Path(current_app.root_path).parent / "migrations")


@bp.get("/healthz")
def healthz():
    """Liveness: the process is up and answering."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    """Readiness: the database answers and its schema revision is the code's head."""
    try:
        db.session.execute(sa.text("SELECT 1"))
    except OperationalError:
        db.session.rollback()
        return jsonify(status="unavailable", database="unreachable"), 503, {"Retry-After": "5"}
    try:
        current = set(db.session.scalars(sa.text("SELECT version_num FROM alembic_version")))
    except SQLAlchemyError:  # no alembic_version table: never migrated
        db.session.rollback()
        current = set()
    heads = migration_heads(_migrations_dir())
    if current != heads:
        return (
            jsonify(status="unavailable", database="ok", migrations="not at head"),
            503,
            {"Retry-After": "30"},
        )
    return jsonify(status="ok", database="ok", migrations="at head")
