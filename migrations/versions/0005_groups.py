"""a group the bot was removed from is inactive; members leave softly and can come back

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:00:00

`groups.active`: false once the bot was removed from the group (or Telegram refused a message
to it), so its reminders stop; true again when the bot is added back. Existing groups are
active. `group_members.left_at`: when a member left the group's programme (NULL: a member).
A member who leaves keeps their row, so rejoining keeps the date they first joined (and their
/share choice); before this revision /leave deleted the row.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch table copy): on SQLite a copy of `groups` with foreign keys
    # on would cascade-delete its members and reminders.
    op.add_column(
        "groups", sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False)
    )
    op.add_column("group_members", sa.Column("left_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    # Members who had left are gone again, as /leave left them before this revision.
    op.execute("DELETE FROM group_members WHERE left_at IS NOT NULL")
    with op.batch_alter_table("group_members") as batch:
        batch.drop_column("left_at")
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("active")
