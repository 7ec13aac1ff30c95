"""reasons as data: a code and values instead of an English sentence

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 23:30:00

Lift states and logged exercises stored why a weight was chosen as a sentence in the units of
the day. They now store a reason code and its values (weights in kg), rendered at display
time. Old sentences cannot be read back as data: those rows keep no reason (nothing is shown
for them; the next logged session gives a new one). `needs_calibration` was never read (a
missing working weight already means "calibrate") and goes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_WITH_REASON = ("lift_states", "exercise_entries")


def upgrade() -> None:
    for table in _WITH_REASON:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("reason_code", sa.String(length=32), nullable=True))
            batch.add_column(sa.Column("reason_values", sa.JSON(), nullable=True))
            batch.drop_column("reason")
    with op.batch_alter_table("lift_states") as batch:
        batch.drop_column("needs_calibration")


def downgrade() -> None:
    with op.batch_alter_table("lift_states") as batch:
        batch.add_column(
            sa.Column("needs_calibration", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.execute("UPDATE lift_states SET needs_calibration = (working_weight_kg IS NULL)")
    for table in _WITH_REASON:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("reason", sa.String(length=256), nullable=False, server_default="")
            )
            batch.drop_column("reason_values")
            batch.drop_column("reason_code")
