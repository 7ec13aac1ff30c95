"""bodyweight once a day, the runner's weekly summary, imported history

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 10:00:00

- `bodyweight_entries` gets one row per (runner, day): where a day has several, the latest
  written (highest id) is kept, then a unique constraint holds it so.
- `users.weekly_summary` (opt-in, off), `users.summary_day` (Monday = 0; Sunday) and
  `users.summary_time` (local "HH:MM", 18:00): the weekly summary's day and time.
- `users.import_asked_at`: when the runner sent /import without a file (the next document is
  the file to import; survives a restart).
- `workout_sessions.imported`: a session brought in by /import (history only: it does not
  count towards the A/B order of the programme).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ONE_A_DAY = "uq_bodyweight_entries_user_id"  # the naming convention's name


def upgrade() -> None:
    op.execute(
        "DELETE FROM bodyweight_entries WHERE id NOT IN "
        "(SELECT keep FROM (SELECT MAX(id) AS keep FROM bodyweight_entries "
        "GROUP BY user_id, entry_date) AS latest)"
    )
    with op.batch_alter_table("bodyweight_entries") as batch:
        batch.create_unique_constraint(ONE_A_DAY, ["user_id", "entry_date"])
    # Plain ADD COLUMN (no batch table copy): on SQLite a copy of `users` with foreign keys on
    # would cascade-delete everything a runner has.
    for column in (
        sa.Column("weekly_summary", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("summary_day", sa.Integer(), nullable=False, server_default="6"),
        sa.Column("summary_time", sa.String(length=5), nullable=False, server_default="18:00"),
        sa.Column("import_asked_at", sa.DateTime(timezone=True), nullable=True),
    ):
        op.add_column("users", column)
    op.add_column(
        "workout_sessions",
        sa.Column("imported", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("workout_sessions") as batch:
        batch.drop_column("imported")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("import_asked_at")
        batch.drop_column("summary_time")
        batch.drop_column("summary_day")
        batch.drop_column("weekly_summary")
    with op.batch_alter_table("bodyweight_entries") as batch:
        batch.drop_constraint(ONE_A_DAY, type_="unique")
