"""The suite's database model: one schema per worker, each test in a transaction rolled back.

SQLAlchemy 2.0's "join a session into an external transaction": the test's connection begins a
transaction, and every session of the app (the test's, each request's, the CLI's) is bound to
that connection with join_transaction_mode="create_savepoint", so a commit in the app releases
a savepoint and the end of the test rolls everything back. Tests that need real commits seen
from other connections (threads, a second engine) empty the tables instead.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from flask_sqlalchemy.session import _app_ctx_id
from sqlalchemy.orm import scoped_session, sessionmaker

from sro_board.core.extensions import db
from sro_board.recommendations.definitions import seed_definitions

# The savepoints a rolled-back test runs in (the app runs none of its own): not the app's queries.
SAVEPOINT_STATEMENTS = ("SAVEPOINT ", "RELEASE SAVEPOINT ", "ROLLBACK TO SAVEPOINT ")


def is_savepoint(statement: str) -> bool:
    """True for a statement of the suite's savepoints, which query counts leave out."""
    return statement.startswith(SAVEPOINT_STATEMENTS)


def build_schema() -> None:
    """Every table new and empty, and the status definitions seeded (committed)."""
    db.session.remove()
    db.drop_all()
    db.create_all()
    seed_definitions()
    db.session.commit()


def schema_is_whole() -> bool:
    """True when every table of the models is there (a test may drop the shared schema)."""
    return set(db.metadata.tables) <= set(sa.inspect(db.engine).get_table_names())


def ensure_schema() -> None:
    """Build the schema again if a test dropped it (PostgreSQL: apps share the worker's
    database; SQLite's in-memory database belongs to the worker's app alone)."""
    if db.engine.dialect.name == "postgresql" and not schema_is_whole():
        build_schema()


def empty_tables() -> None:
    """Delete every row (children first) and seed the status definitions again (committed)."""
    db.session.remove()
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())
    seed_definitions()
    db.session.commit()


@contextmanager
def rolled_back() -> Iterator[sa.Connection]:
    """db.session bound to one connection whose transaction is rolled back at the end.

    Every session of the app (the test's, each request's, each command's) joins it with a
    savepoint, and so does `db.engine.begin()` (the app's short transactions of its own): the
    app's commits release savepoints. On SQLite, pysqlite begins a transaction lazily (before
    the first INSERT or UPDATE): a SAVEPOINT sent first would be the outer transaction and its
    RELEASE would commit. So, as SQLAlchemy's documentation advises, the driver's own handling
    is turned off on this connection and the transaction begun with an explicit BEGIN.
    """
    engine = db.engine
    connection = engine.connect()
    driver = connection.connection.dbapi_connection
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        level, driver.isolation_level = driver.isolation_level, None
    transaction = connection.begin()
    if sqlite:
        connection.exec_driver_sql("BEGIN")
    factory = sessionmaker(bind=connection, join_transaction_mode="create_savepoint")
    session = scoped_session(factory, scopefunc=_app_ctx_id)

    @contextmanager
    def begin_in_a_savepoint() -> Iterator[sa.Connection]:
        with connection.begin_nested():
            yield connection

    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(db, "session", session)  # not monkeypatch: a test may undo that
            patch.setattr(engine, "begin", begin_in_a_savepoint)
            yield connection
    finally:
        session.remove()
        committed = sqlite and not driver.in_transaction  # through another connection
        transaction.rollback()
        if sqlite:
            driver.isolation_level = level
        connection.close()
        if committed:
            empty_tables()
            raise AssertionError("the test committed outside its transaction: mark it real_commits")


@contextmanager
def rolled_back_within(connection: sa.Connection) -> Iterator[None]:
    """Inside a module's rolled_back() (data loaded once for the module): one test's changes in
    a savepoint of that transaction, rolled back at the test's end."""
    savepoint = connection.begin_nested()
    try:
        yield
    finally:
        db.session.remove()
        savepoint.rollback()
