"""city structure: retired flags on areas, sites, rooms, contracts and models; notes on sites

Revision ID: 0008_city_structure
Revises: 0005_report_indexes
Create Date: 2026-11-30

The city's own structure is edited in the app now. Nothing that devices or history point to is ever
deleted: an area, site, room, leasing contract or device model is *retired* instead (hidden from
pickers, kept for history). ``retired`` is an ordinary synced field (stamped, merged field by field).
Existing rows become "not retired"; a server default keeps the NOT NULL column valid on both SQLite
and PostgreSQL for rows that already exist.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_city_structure"
down_revision = "0005_report_indexes"
branch_labels = None
depends_on = None

RETIRABLE = ("areas", "sites", "rooms", "leasing_contracts", "models")


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy): SQLite's search-index triggers name these tables, and a
    # copy-and-rename would break them.
    for table in RETIRABLE:
        op.add_column(table, sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("sites", sa.Column("notes", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("sites", "notes")
    for table in RETIRABLE:
        op.drop_column(table, "retired")
