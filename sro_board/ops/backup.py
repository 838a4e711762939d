"""Backups: SQLite through its online backup API, PostgreSQL through pg_dump / pg_restore.

The database password never goes on pg_dump's or pg_restore's command line (anyone on the host
can read a process's arguments): it is passed in the PGPASSWORD environment variable, which
only the process's own user (and root) can read.
"""

import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - runs pg_dump/pg_restore with fixed arguments, no shell
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy.engine import URL, Engine


class BackupError(RuntimeError):
    """A backup or restore that could not be done; the message says why."""


def backup(engine: Engine, target: Path) -> None:
    """Write a consistent copy of the live database to target."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        _sqlite_copy(_sqlite_path(url), str(target))
    elif url.get_backend_name() == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", _libpq_url(url)],
            url,
        )
    else:
        raise BackupError(_("No backup method for %(backend)s.", backend=url.get_backend_name()))


def restore(engine: Engine, source: Path) -> None:
    """Replace the live database's contents with a backup made by backup()."""
    if not source.is_file():
        raise BackupError(_("%(file)s is not a file.", file=source))
    url = engine.url
    engine.dispose()
    if url.get_backend_name() == "sqlite":
        _sqlite_copy(str(source), _sqlite_path(url))
    elif url.get_backend_name() == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={_libpq_url(url)}",
                str(source),
            ],
            url,
        )
    else:
        raise BackupError(_("No restore method for %(backend)s.", backend=url.get_backend_name()))


def _sqlite_path(url: URL) -> str:
    if not url.database or url.database == ":memory:":
        raise BackupError(_("An in-memory SQLite database cannot be backed up."))
    return url.database


def _sqlite_copy(source: str, target: str) -> None:
    """Copy page by page with SQLite's online backup API (safe while others write)."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        src.close()
        dst.close()


def _libpq_url(url: URL) -> str:
    """The connection URL for libpq, without its password (that goes in client_env)."""
    bare = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return bare.render_as_string(hide_password=False)


def client_env(url: URL) -> dict[str, str]:
    """The environment for a PostgreSQL client: ours, plus PGPASSWORD when the URL has one."""
    env = os.environ.copy()
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    return env


def _run(command: list[str], url: URL) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            _(
                "%(program)s is not installed (Debian: apt-get install postgresql-client).",
                program=command[0],
            )
        )
    result = subprocess.run(  # noqa: S603 - fixed program, arguments from configuration
        command, capture_output=True, text=True, check=False, env=client_env(url)
    )
    if result.returncode != 0:
        raise BackupError(
            _(
                "%(program)s failed: %(error)s",
                program=command[0],
                error=result.stderr.strip()[:500],
            )
        )
