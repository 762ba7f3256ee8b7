"""Field values <-> JSON, the same way for the outbox, sync files and conflicts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime
from sqlalchemy.orm import Mapper


def to_jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_jsonable(mapper: Mapper[Any], key: str, value: Any) -> Any:
    if value is None:
        return None
    column_type = mapper.columns[key].type
    column_type = getattr(column_type, "impl", column_type)  # look through TypeDecorators
    if isinstance(column_type, DateTime):
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    return value
