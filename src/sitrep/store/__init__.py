"""The store: the one package that touches the database (SQLAlchemy Core; SQLite or PostgreSQL)."""

from sitrep.store.database import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
