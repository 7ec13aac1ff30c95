"""conversation states remember when they last changed, so abandoned ones can expire

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 10:00:00

`conversation_states.updated_at`: set whenever a conversation's state is stored. Rows from
before this revision count as changed now (they get a fair lifetime, not an instant expiry).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversation_states") as batch:
        batch.add_column(
            sa.Column(
                "updated_at",
                sa.DateTime(timezone=True),
                nullable=False,
                server_default=sa.func.current_timestamp(),
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("conversation_states") as batch:
        batch.drop_column("updated_at")
