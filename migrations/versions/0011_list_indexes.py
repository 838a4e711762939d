"""indexes for bounded lists: keyset pages on (time, id) and the filters that page them

Revision ID: 0011_list_indexes
Revises: 0010_board_safeguards
Create Date: 2026-11-30 08:00:00

Timelines, the audit log, the inbox and the outbox are read newest first a page at a time;
the applications list per intake oldest first; the selection view by category and stage.
"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0011_list_indexes"
down_revision = "0010_board_safeguards"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_update_public_timeline": (
        "recommendation_update",
        ["recommendation_id", "state", "decided_at", "id"],
    ),
    "ix_update_timeline": ("recommendation_update", ["recommendation_id", "created_at", "id"]),
    "ix_update_state_decided": ("recommendation_update", ["state", "decided_at", "id"]),
    "ix_audit_entry_created_id": ("audit_entry", ["created_at", "id"]),
    "ix_audit_entry_type_created": ("audit_entry", ["entity_type", "created_at", "id"]),
    "ix_audit_entry_actor_created": ("audit_entry", ["actor_id", "created_at", "id"]),
    "ix_application_intake_created": ("application", ["intake_id", "created_at", "id"]),
    "ix_application_intake_category_stage": ("application", ["intake_id", "category", "stage"]),
    "ix_contact_message_inbox": ("contact_message", ["state", "created_at", "id"]),
    "ix_outbox_email_created_id": ("outbox_email", ["created_at", "id"]),
}


def upgrade():
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)


def downgrade():
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
