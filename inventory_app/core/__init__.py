"""Domain types and rules: plain Python, no Qt, no SQLAlchemy, no imaging."""
