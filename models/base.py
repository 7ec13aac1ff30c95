"""The declarative base shared by every model."""

import logging
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, MetaData, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, MappedColumn, mapped_column

log = logging.getLogger(__name__)

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


def user_id_column(*, primary_key: bool = False, index: bool = False) -> MappedColumn[int]:
    """A column referring to a runner; their rows go when the runner is deleted."""
    foreign_key = ForeignKey("users.id", ondelete="CASCADE")
    return mapped_column(BigInteger, foreign_key, primary_key=primary_key, index=index)


class UTCDateTime(TypeDecorator):
    """An instant, stored in UTC and read back time-zone aware on every database.

    SQLite keeps no offset, so values are normalised to UTC before storing (which also keeps
    its text comparisons in time order) and marked UTC when read.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous: pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None) if _is_sqlite(dialect) else value

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def _is_sqlite(dialect: object) -> bool:
    return getattr(dialect, "name", "") == "sqlite"


class Codec(Protocol):
    """A frozen dataclass stored as JSON: `to_json()` and `from_json(data)`."""

    def to_json(self) -> dict[str, Any]: ...

    @classmethod
    def from_json(cls, data: Any) -> Any: ...


class JSONOf(TypeDecorator):
    """A JSON column read and written only as one typed value (`JSONOf(Prescription)`)."""

    impl = JSON
    cache_ok = True

    def __init__(self, kind: type[Codec]) -> None:
        super().__init__()
        self.kind = kind

    def process_bind_param(self, value: Codec | None, dialect: object) -> dict | None:
        if value is None:
            return None
        if not isinstance(value, self.kind):
            raise TypeError(f"expected {self.kind.__name__}, got {type(value).__name__}")
        return value.to_json()

    def process_result_value(self, value: dict | None, dialect: object) -> Codec | None:
        """The stored value as its type; one that cannot be read (a shape no release wrote
        completely) is logged and read as None rather than locking its row out."""
        if value is None:
            return None
        try:
            return self.kind.from_json(value)
        except (KeyError, TypeError, ValueError):
            log.warning("Unreadable %s ignored: %r", self.kind.__name__, value)
            return None
