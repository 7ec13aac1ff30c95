"""reminders get an idempotency key and a sent marker (crash-safe, at-least-once delivery)

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01 10:00:00

`send_key` names a reminder by (runner or group, local date, kind) and is written when the row
is claimed, before the send; a unique index lets only one row per key ever be sent.
`message_id` is Telegram's id of the message, written right after Telegram accepted it: a row
found "sending" after a crash with a message id was sent, one without was not (or was in the
moment before its id was written; see services/reminders.py). Existing rows keep NULL in
both: rows already sent keep their "sent" status, which is what the bot reads.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reminders", sa.Column("send_key", sa.String(length=64), nullable=True))
    op.add_column("reminders", sa.Column("message_id", sa.BigInteger(), nullable=True))
    op.create_index("ix_reminders_send_key", "reminders", ["send_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_reminders_send_key", table_name="reminders")
    with op.batch_alter_table("reminders") as batch:
        batch.drop_column("message_id")
        batch.drop_column("send_key")
