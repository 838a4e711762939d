"""Bulk loading for the scale data: buffered Core inserts, exact quotas, fast SQLite settings.

Rows go in through each model's own Table (`insert(table)` with lists of dicts, executemany),
so every column a row leaves out gets the table's default (Python-side or server-side) and
every value goes through its column type: encrypted columns are encrypted by the app's own
Fernet helper, dates are stored as UTC, enums by value.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from ..core.extensions import db

BATCH_ROWS = 5000
# SQLite: no fsync and a large page cache while loading; normal settings are restored after.
SQLITE_BULK_PRAGMAS = {"synchronous": "OFF", "cache_size": "-200000", "temp_store": "MEMORY"}


class BulkWriter:
    """Buffers rows per table; flushes every table, parents first, when one buffer is full."""

    def __init__(self, batch_rows: int = BATCH_ROWS):
        self.batch_rows = batch_rows
        self.buffers: dict[sa.Table, list[dict]] = defaultdict(list)
        self.counts: dict[str, int] = defaultdict(int)
        self.order = {table: n for n, table in enumerate(db.metadata.sorted_tables)}

    def add(self, table: sa.Table, row: dict) -> None:
        """Queue one row (every row of a table must give the same keys)."""
        buffer = self.buffers[table]
        buffer.append(row)
        if len(buffer) >= self.batch_rows:
            self.flush()

    def flush(self) -> None:
        """Insert every queued row, tables in foreign-key order (COPY on PostgreSQL)."""
        connection = db.session.connection()
        for table in sorted(self.buffers, key=self.order.__getitem__):
            rows = self.buffers[table]
            if rows:
                if connection.dialect.name == "postgresql":
                    copy_rows(connection, table, rows)
                else:
                    connection.execute(sa.insert(table), rows)
                self.counts[table.name] += len(rows)
                rows.clear()


def copy_rows(connection: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    """PostgreSQL: the rows through COPY, each value through its column type as an INSERT
    would send it (encryption, UTC times, enums, JSON), columns left out given their Python
    default (server defaults and serial ids apply as usual)."""
    dialect = connection.dialect
    given = [c for c in table.columns if c.key in rows[0]]
    defaulted = [
        c
        for c in table.columns
        if c.key not in rows[0] and c.default is not None and not c.default.is_sequence
    ]
    columns = given + defaulted
    processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in columns)
    target = dialect.identifier_preparer.format_table(table)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
        for row in rows:
            values = [row[c.key] for c in given] + [_default(c) for c in defaulted]
            copy.write_row([p(v) if p else v for p, v in zip(processors, values, strict=True)])


def _default(column: sa.Column):
    """A column's Python-side default value (a constant, or a callable's result)."""
    default = column.default
    return default.arg(None) if default.is_callable else default.arg


class Quota:
    """Says yes exactly `wanted` times (at most `offered`) over `offered` calls, spread evenly."""

    def __init__(self, wanted: int, offered: int):
        self.wanted = max(0, min(wanted, offered))
        self.offered = offered
        self.seen = 0

    def take(self) -> bool:
        """True when this offer is one of the wanted ones."""
        if self.seen >= self.offered:
            return False
        before = self.seen * self.wanted // self.offered
        self.seen += 1
        return self.seen * self.wanted // self.offered > before


def next_id(table: sa.Table) -> int:
    """The first free integer id of a table (ids are given explicitly to link rows in bulk)."""
    return (db.session.scalar(sa.select(sa.func.max(table.c.id))) or 0) + 1


def count(table: sa.Table) -> int:
    """Rows in a table."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(table)) or 0


def reset_sequences(tables: list[sa.Table]) -> None:
    """PostgreSQL: move each id sequence past the ids given explicitly (SQLite needs nothing)."""
    if db.engine.dialect.name != "postgresql":
        return
    for table in tables:
        first_free = sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0) + 1).scalar_subquery()
        sequence = sa.func.pg_get_serial_sequence(f'"{table.name}"', "id")
        db.session.execute(sa.select(sa.func.setval(sequence, first_free, False)))


@contextmanager
def bulk_load_settings() -> Iterator[None]:
    """On SQLite, fast bulk-load pragmas around a load and its commit, restored afterwards.

    Enter with no transaction open (SQLite refuses to change `synchronous` inside one).
    """
    if db.engine.dialect.name != "sqlite":
        yield
        return
    connection = db.session.connection()
    saved = {
        name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in SQLITE_BULK_PRAGMAS
    }
    for name, value in SQLITE_BULK_PRAGMAS.items():
        connection.exec_driver_sql(f"PRAGMA {name}={value}")
    try:
        yield
    finally:
        db.session.rollback()  # nothing left open (the caller committed what it wanted)
        connection = db.session.connection()
        for name, value in saved.items():
            connection.exec_driver_sql(f"PRAGMA {name}={value}")


def refresh_planner_statistics() -> None:
    """ANALYZE after a bulk load, as autovacuum would do later.

    Without statistics PostgreSQL plans the selection ranking over 50,000 applications as if
    the tables were empty: 25 s instead of 0.05 s.
    """
    db.session.connection().exec_driver_sql("ANALYZE")
    db.session.commit()
