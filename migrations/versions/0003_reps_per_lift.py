"""reps per lift: double progression builds reps up before the next weight

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 00:30:00

Where the kit's next weight is more than about 10 % heavier, a lift takes it for fewer reps
and builds them back up to the block's. `lift_states.reps` keeps that number; NULL (every
existing row) means the block's own reps.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("lift_states") as batch:
        batch.add_column(sa.Column("reps", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("lift_states") as batch:
        batch.drop_column("reps")
