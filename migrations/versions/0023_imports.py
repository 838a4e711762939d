"""the CSV files uploaded for import in the browser, kept between preview and import

Revision ID: 0023_imports
Revises: 0022_notices
Create Date: 2026-11-30 17:20:00

recommendation_import: the uploaded bytes and their sha256, the uploader, the preview (JSON),
the state, progress and result of the import. Rows are deleted after a day.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0023_imports"
down_revision = "0022_notices"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "recommendation_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uploader_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "previewed",
                "queued",
                "running",
                "done",
                "failed",
                name="importstate",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("preview", sa.JSON(), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["uploader_id"],
            ["user.id"],
            name=op.f("fk_recommendation_import_uploader_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation_import")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("recommendation_import") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recommendation_import_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_recommendation_import_uploader_id"), ["uploader_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("recommendation_import") as batch_op:
        batch_op.drop_index(batch_op.f("ix_recommendation_import_uploader_id"))
        batch_op.drop_index(batch_op.f("ix_recommendation_import_created_at"))
    op.drop_table("recommendation_import")
