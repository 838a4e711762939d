"""`flask backup` and `flask restore` never put the database password on a command line.

Issue 11 L7: a process's arguments are visible to every user of the host (`ps`, /proc); the
password goes to pg_dump and pg_restore in PGPASSWORD instead. The tests run the real programs
against the real PostgreSQL (trust authentication accepts any password), through a wrapper on
PATH that records what `ps` would show, /proc/self/cmdline, then executes the real program.
"""

import json
import os
import shutil
import stat
import sys

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from sro_board import create_app
from sro_board.core.extensions import db
from sro_board.ops.backup import client_env

PASSWORD = "Backup-Pw-7f3Kq9"  # noqa: S105 - trust authentication ignores it
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
NAME = f"sro_a11_backup_{WORKER}"
URL = f"postgresql+psycopg://postgres:{PASSWORD}@127.0.0.1:5432/{NAME}"
WRAPPER = """#!{python}
import json, os, sys
cmdline = open("/proc/self/cmdline", "rb").read().split(b"\\0")[:-1]
with open({log!r}, "a") as log:
    log.write(json.dumps({{"program": os.path.basename(sys.argv[0]),
                          "cmdline": [a.decode() for a in cmdline],
                          "pgpassword": os.environ.get("PGPASSWORD")}}) + "\\n")
os.execv({real!r}, [{real!r}, *sys.argv[1:]])
"""


@pytest.fixture
def postgres_database():
    """An empty PostgreSQL database of this suite's (sro_a11_*), dropped afterwards."""
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump and pg_restore are not installed")
    admin = sa.create_engine(make_url(URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)'))
            conn.execute(sa.text(f'CREATE DATABASE "{NAME}"'))
    except sa.exc.OperationalError:
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    yield URL
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    """pg_dump and pg_restore wrapped: each run's command line and PGPASSWORD are recorded."""
    log = tmp_path / "runs.jsonl"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for program in ("pg_dump", "pg_restore"):
        wrapper = bin_dir / program
        real = shutil.which(program)
        wrapper.write_text(WRAPPER.format(python=sys.executable, log=str(log), real=real))
        wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("PGPASSWORD", raising=False)

    def runs() -> list[dict]:
        return [json.loads(line) for line in log.read_text().splitlines()]

    return runs


def test_backup_and_restore_pass_the_password_in_the_environment(
    postgres_database, recorded, tmp_path
):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=postgres_database)
    target = tmp_path / "backup.pgdump"
    with app.app_context():
        db.session.execute(sa.text("CREATE TABLE kept (note text)"))
        db.session.execute(sa.text("INSERT INTO kept VALUES ('before the backup')"))
        db.session.commit()
        runner = app.test_cli_runner()
        result = runner.invoke(args=["backup", str(target)])
        assert result.exit_code == 0, result.output
        db.session.execute(sa.text("DELETE FROM kept"))
        db.session.commit()
        db.session.remove()
        result = runner.invoke(args=["restore", "--yes", str(target)])
        assert result.exit_code == 0, result.output
        assert db.session.scalar(sa.text("SELECT note FROM kept")) == "before the backup"
        db.session.remove()
        db.engine.dispose()
    runs = recorded()
    assert [run["program"] for run in runs] == ["pg_dump", "pg_restore"]
    for run in runs:
        assert not any(PASSWORD in arg for arg in run["cmdline"]), run["cmdline"]
        assert any(NAME in arg for arg in run["cmdline"])  # the database is still named
        assert run["pgpassword"] == PASSWORD
    assert PASSWORD not in result.output


def test_no_password_no_pgpassword(monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert "PGPASSWORD" not in client_env(make_url(URL.replace(f":{PASSWORD}", "")))
    assert client_env(make_url(URL))["PGPASSWORD"] == PASSWORD
