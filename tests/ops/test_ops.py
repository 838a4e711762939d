"""Operations: health probes, 503 when the database is down, request logs, backups, SQLite."""

import json
import logging
import os
import subprocess
import sys

import pytest
import sqlalchemy as sa

from sro_board import create_app
from sro_board.core.extensions import db
from sro_board.ops.backup import backup, restore
from sro_board.recommendations.models import Recommendation
from tests.factories import count_rows, make_rec, using_postgres

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/nowhere?connect_timeout=1"


def test_healthz_answers_without_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_readyz_refuses_a_database_without_migrations(client):
    db.session.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    db.session.commit()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json["migrations"] == "not at head"


def test_readyz_is_ready_after_flask_db_upgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'ready.db'}"
    env = os.environ | {"FLASK_APP": "sro_board", "DATABASE_URL": url}
    subprocess.run(
        [sys.executable, "-m", "flask", "db", "upgrade"], env=env, check=True, capture_output=True
    )
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url)
    response = app.test_client().get("/readyz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "migrations": "at head"}


@pytest.fixture
def app_without_database():
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=UNREACHABLE)
    with app.app_context():
        yield app
        db.engine.dispose()


def test_readyz_reports_an_unreachable_database(app_without_database):
    response = app_without_database.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"
    assert response.headers["Retry-After"]


def test_database_down_gives_a_clear_503_page(app_without_database):
    response = app_without_database.test_client().get("/recommendations")
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    page = response.get_data(as_text=True)
    assert "briefly unavailable" in page
    assert "Traceback" not in page
    assert "psycopg" not in page


def test_database_down_gives_json_503_to_json_clients(app_without_database):
    response = app_without_database.test_client().get(
        "/recommendations", headers={"Accept": "application/json"}
    )
    assert response.status_code == 503
    assert response.json["status"] == 503
    assert response.headers["Retry-After"]


def test_each_request_is_logged_as_json_with_route_status_time_and_queries(client, caplog):
    make_rec("R-07")
    with caplog.at_level(logging.INFO, logger="sro_board.request"):
        response = client.get("/recommendations/R-07", headers={"X-Request-ID": "test-req-0001"})
    assert response.headers["X-Request-ID"] == "test-req-0001"
    record = next(r for r in caplog.records if r.name == "sro_board.request")
    assert record.route == "/recommendations/<code>"
    assert record.status == 200
    assert record.queries > 0
    assert record.duration_ms >= 0
    assert "R-07" not in record.getMessage() + json.dumps(record.__dict__, default=str)


def test_slow_requests_are_warnings(app, caplog):
    app.config["SLOW_REQUEST_MS"] = 0
    with caplog.at_level(logging.INFO, logger="sro_board.request"):
        app.test_client().get("/")
    record = next(r for r in caplog.records if r.name == "sro_board.request")
    assert record.levelno == logging.WARNING
    assert record.getMessage() == "slow request"


def test_an_invalid_request_id_is_replaced(client):
    response = client.get("/healthz", headers={"X-Request-ID": "bad id <script>"})
    assert response.headers["X-Request-ID"] != "bad id <script>"
    assert len(response.headers["X-Request-ID"]) == 32


def _table_fingerprint() -> dict[str, list]:
    """Every row of every table, sorted, as comparable text."""
    return {
        name: sorted(repr(tuple(row)) for row in db.session.execute(sa.select(table)))
        for name, table in db.metadata.tables.items()
    }


def test_backup_and_restore_round_trip(app, tmp_path):
    if not using_postgres():
        pytest.skip("the SQLite round trip is test_sqlite_backup_and_restore_round_trip")
    for n in range(1, 4):
        make_rec(f"R-0{n}")
    before = _table_fingerprint()
    target = tmp_path / "backup.pgdump"
    backup(db.engine, target)
    make_rec("R-09")
    db.session.execute(sa.delete(Recommendation).where(Recommendation.code == "R-01"))
    db.session.commit()
    db.session.remove()
    restore(db.engine, target)
    assert _table_fingerprint() == before


def test_sqlite_backup_and_restore_round_trip(tmp_path):
    url = f"sqlite:///{tmp_path / 'live.db'}"
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        db.create_all()
        for n in range(1, 4):
            make_rec(f"R-0{n}")
        before = _table_fingerprint()
        target = tmp_path / "backup.db"
        backup(db.engine, target)
        make_rec("R-09")
        db.session.execute(sa.delete(Recommendation).where(Recommendation.code == "R-01"))
        db.session.commit()
        assert count_rows(Recommendation) == 3
        db.session.remove()
        restore(db.engine, target)
        assert _table_fingerprint() == before
        db.engine.dispose()


def test_backup_cli_and_restore_cli(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        db.create_all()
        make_rec("R-01")
        runner = app.test_cli_runner()
        result = runner.invoke(args=["backup", str(tmp_path / "b.db")])
        assert result.exit_code == 0, result.output
        assert "Backup written" in result.output
        make_rec("R-02")
        result = runner.invoke(args=["restore", "--yes", str(tmp_path / "b.db")])
        assert result.exit_code == 0, result.output
        assert count_rows(Recommendation) == 1
        result = runner.invoke(args=["restore", "--yes", str(tmp_path / "missing.db")])
        assert result.exit_code != 0
        db.engine.dispose()


def test_sqlite_files_use_wal_and_a_busy_timeout(tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'w.db'}")
    with app.app_context(), db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with app.app_context():
        db.engine.dispose()


def test_pool_recovers_after_the_database_drops_every_connection(app, client):
    if not using_postgres():
        pytest.skip("needs a database server whose connections can be terminated")
    make_rec("R-01")
    db.session.remove()  # as at the end of a request: the connection goes back to the pool
    with app.app_context():
        assert client.get("/recommendations/R-01").status_code == 200
    with db.engine.connect() as conn:
        conn.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    # The pooled connections are dead now; pool_pre_ping replaces them without an error.
    with app.app_context():
        assert client.get("/recommendations/R-01").status_code == 200
