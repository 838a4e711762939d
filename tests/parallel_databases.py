"""pytest plugin: with pytest-xdist, each worker gets its own PostgreSQL database.

Loaded with `-p tests.parallel_databases` before any conftest, so TEST_DATABASE_URL (read by
config.TestConfig at import) already names the worker's database. SQLite runs need nothing:
every test has its own in-memory database.
"""

import os

import sqlalchemy as sa

_worker = os.environ.get("PYTEST_XDIST_WORKER")
_url = os.environ.get("TEST_DATABASE_URL", "")

if _worker and _url.startswith("postgresql"):
    base = sa.engine.make_url(_url)
    name = f"{base.database}_{_worker}"
    admin = sa.create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        # A fresh database per run: one left by an earlier run has the schema of that run's
        # code, and create_all() adds missing tables but never missing columns.
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    os.environ["TEST_DATABASE_URL"] = base.set(database=name).render_as_string(hide_password=False)
