"""SQLAlchemy models, the unit of work that stamps every change, repositories and migrations."""
