"""Sync: field-level merge, the central PostgreSQL exchange and signed sync files. No Qt."""
