"""The declarative base shared by every model."""

from sqlalchemy import BigInteger, ForeignKey, MetaData
from sqlalchemy.orm import DeclarativeBase, mapped_column

# Named constraints, so Alembic can alter them later (batch mode on SQLite).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def user_id_column(*, primary_key: bool = False, index: bool = False):
    """A column referring to a runner; their rows go when the runner is deleted."""
    foreign_key = ForeignKey("users.id", ondelete="CASCADE")
    return mapped_column(BigInteger, foreign_key, primary_key=primary_key, index=index)
