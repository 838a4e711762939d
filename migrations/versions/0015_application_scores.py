"""application scores: each application's reviews summed up, for the ranking and its index

Revision ID: 0015_application_scores
Revises: 0014_account_languages
Create Date: 2026-11-30 09:45:00

application gains review_count and score_mean/low/high/squares (the reviewers' weighted means
summed up, kept current by the review services), ix_application_ranking, which reads a
category's ranking in order, ix_application_intake_purged, which counts an intake's purged
applications, and ix_application_review, which finds a reviewer's queue without reading rows;
conflict_declaration gains ix_conflict_declaration_reviewer (a reviewer's own declarations).
The upgrade fills the results from the scores already given, computed as
sro_board/board/review/aggregates.py does (exact fractions, then floats).
"""

from collections import defaultdict
from fractions import Fraction

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0015_application_scores"
down_revision = "0014_account_languages"
branch_labels = None
depends_on = None

RANKING = ["intake_id", "category", "score_mean", "review_count", "stage"]
PURGED = ["intake_id", "purged_at"]
REVIEW = ["stage", "intake_id", "purged_at", "category", "id"]  # id: index-only on PostgreSQL
DECLARED = ["reviewer_id", "application_id"]
BATCH_ROWS = 5000


def upgrade():
    # Batch mode adds columns and indexes in place (no copy of the table is needed for them).
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("review_count", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("score_mean", sa.Float(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("score_low", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("score_high", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("score_squares", sa.Float(), nullable=True))
        batch_op.create_index("ix_application_ranking", RANKING, unique=False)
        batch_op.create_index("ix_application_intake_purged", PURGED, unique=False)
        batch_op.create_index("ix_application_review", REVIEW, unique=False)
    with op.batch_alter_table("conflict_declaration", schema=None) as batch_op:
        batch_op.create_index("ix_conflict_declaration_reviewer", DECLARED, unique=False)
    backfill(op.get_bind())


def backfill(connection) -> None:
    """Store every scored application's results (unscored ones keep the defaults)."""
    rows = connection.execute(
        sa.text(
            "SELECT s.application_id, SUM(s.score * c.weight), SUM(c.weight) FROM score s"
            " JOIN rubric_criterion c ON c.id = s.criterion_id"
            " JOIN application a ON a.id = s.application_id AND a.intake_id = c.intake_id"
            " GROUP BY s.application_id, s.reviewer_id"
        )
    )
    means = defaultdict(list)
    for application_id, weighted, weights in rows:
        means[application_id].append(Fraction(int(weighted), int(weights)))
    values = [
        {
            "id_": application_id,
            "n": len(found),
            "mean": float(sum(found) / len(found)),
            "low": float(min(found)),
            "high": float(max(found)),
            "squares": float(sum(m * m for m in found) / len(found)),
        }
        for application_id, found in sorted(means.items())
    ]
    update = sa.text(
        "UPDATE application SET review_count = :n, score_mean = :mean, score_low = :low,"
        " score_high = :high, score_squares = :squares WHERE id = :id_"
    )
    for start in range(0, len(values), BATCH_ROWS):
        connection.execute(update, values[start : start + BATCH_ROWS])


def downgrade():
    # In place (SQLite 3.35+ and PostgreSQL): a batch copy of application would drop the table,
    # and with foreign keys on, SQLite would cascade that to its scores, events and the rest.
    op.drop_index("ix_conflict_declaration_reviewer", table_name="conflict_declaration")
    op.drop_index("ix_application_review", table_name="application")
    op.drop_index("ix_application_intake_purged", table_name="application")
    op.drop_index("ix_application_ranking", table_name="application")
    for name in ("score_squares", "score_high", "score_low", "score_mean", "review_count"):
        op.execute(f"ALTER TABLE application DROP COLUMN {name}")
