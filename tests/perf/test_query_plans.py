"""The list queries that grew slow at scale are answered from their indexes (SQLite's plans).

SQLite without ANALYZE statistics plans the same way for ten rows as for a million, so the
plan of the test database is the plan at scale. (PostgreSQL chooses by its statistics: the
benchmark measures it, docs/benchmarks.md.)
"""

import re

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.audit.queries import entity_types, entity_types_query
from sro_board.board.review.queue import intake_slice
from sro_board.core.extensions import db
from sro_board.recommendations.queries import pending_updates_for
from tests.perf.test_bounded_lists import add_audit


@pytest.fixture
def sqlite_only(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("query plans are checked on SQLite")


def plan(statement) -> str:
    """SQLite's query plan of a statement, one step a line."""
    compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
    rows = db.session.execute(sa.text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    return "\n".join(row[-1] for row in rows)


def test_pending_updates_are_found_by_their_state_and_date_index(sqlite_only, users):
    steps = plan(pending_updates_for(users["chair"]).limit(10))
    assert "recommendation_update USING INDEX ix_update_state_created (state=?)" in steps
    assert "TEMP B-TREE" not in steps  # the index gives the order: no sort of all pending ones


def test_the_audit_filter_offers_each_kind_of_record_once_sorted(app):
    assert entity_types() == []
    add_audit(3, "user")
    add_audit(2, "recommendation")
    add_audit(1, "intake")
    assert entity_types() == ["intake", "recommendation", "user"]


def test_the_audit_filter_reads_the_kinds_of_record_from_the_index_not_the_log(sqlite_only):
    old = plan(sa.select(AuditEntry.entity_type).distinct())
    assert "SCAN audit_entry" in old  # what the filter used to do: read every entry
    steps = plan(entity_types_query())
    assert "SCAN audit_entry" not in steps
    assert re.search(r"SEARCH audit_entry USING COVERING INDEX \w+ \(entity_type>\?\)", steps)


@pytest.mark.parametrize("complete", [False, True])
def test_a_page_of_the_reviewer_queue_walks_its_intake_in_order(sqlite_only, users, complete):
    steps = plan(intake_slice(users["reviewer"], complete, 1).limit(50).offset(100))
    assert "application USING COVERING INDEX ix_application_review_queue (" in steps
    assert "TEMP B-TREE" not in steps  # the index gives the order: no sort of the intake
    assert "ix_conflict_declaration_conflicts" in steps  # their conflicts, from their index
