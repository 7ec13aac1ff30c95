"""logged exercises are unique by message or button press, not by update id

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 10:00:00

A logged exercise was stored once per (runner, update id, exercise). Telegram numbers updates
afresh after a week without any (and the terminal chat at every run), so a new /log could be
refused as "already stored". `exercise_entries.source_key` names the origin for good:
`m:<chat id>:<message id>` for a message (an edit keeps it), `q:<callback query id>` for a
button press. Existing rows keep their update id as `u:<update id>`, unique as before and never
equal to a new key. The update id columns go (logged_sets' was never read).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UNIQUE = "uq_exercise_entries_user_id"  # the naming convention's name, old and new


def upgrade() -> None:
    with op.batch_alter_table("exercise_entries") as batch:
        batch.add_column(sa.Column("source_key", sa.String(length=80), nullable=True))
    op.execute(
        "UPDATE exercise_entries SET source_key = 'u:' || CAST(source_update_id AS VARCHAR(20))"
    )
    with op.batch_alter_table("exercise_entries") as batch:
        batch.alter_column("source_key", existing_type=sa.String(length=80), nullable=False)
        batch.drop_constraint(UNIQUE, type_="unique")
        batch.create_unique_constraint(UNIQUE, ["user_id", "source_key", "exercise"])
        batch.drop_column("source_update_id")
    with op.batch_alter_table("logged_sets") as batch:
        batch.drop_column("source_update_id")


def downgrade() -> None:
    with op.batch_alter_table("logged_sets") as batch:
        batch.add_column(sa.Column("source_update_id", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("exercise_entries") as batch:
        batch.add_column(sa.Column("source_update_id", sa.BigInteger(), nullable=True))
    # Rows from before 0004 get their update id back; newer ones a stand-in no update has.
    op.execute(
        "UPDATE exercise_entries SET source_update_id = CASE WHEN source_key LIKE 'u:%' "
        "THEN CAST(substr(source_key, 3) AS BIGINT) ELSE -id END"
    )
    with op.batch_alter_table("exercise_entries") as batch:
        batch.alter_column("source_update_id", existing_type=sa.BigInteger(), nullable=False)
        batch.drop_constraint(UNIQUE, type_="unique")
        batch.create_unique_constraint(UNIQUE, ["user_id", "source_update_id", "exercise"])
        batch.drop_column("source_key")
