"""central indexes: PostgreSQL (central) does without two indexes nothing there reads; SQLite stores keep them

Revision ID: 0014_central_indexes
Revises: 0013_ledger_mark
Create Date: 2026-11-30

Every row a sync file brings to central is written into every index of its table, and that upkeep (with the
foreign-key checks) is most of a large import's time. Two indexes cost without serving anything at central:

* ``ix_devices_report`` (migration 0005) is a covering index for SQLite, whose reports read it instead of
  fetching every device row by rowid. PostgreSQL never chooses it: with 200,000 devices at central, freshly
  vacuumed so that index-only scans were possible, every device report (inventory, target gap, cost per
  pupil, leasing, age, replacement plan, transfers) planned a sequential scan of ``devices`` (13 plans,
  auto_explain) and took the same time without it. Its 13-column entries were half of the write-ahead log
  a device insert makes (100,000 devices: 300 MB of WAL with it, 140 MB without).
* ``ix_scan_events_audit_id`` is the leading column of ``ix_scan_events_audit_seen`` (audit, outcome,
  device), which answers the same lookups (the planner uses it for ``audit_id = …`` once the narrow one is
  gone) and the foreign key's checks.

Laptops (SQLite) keep both: their reports read the first, and this migration leaves their schema alone.
"""

from __future__ import annotations

from alembic import op

revision = "0014_central_indexes"
down_revision = "0013_ledger_mark"
branch_labels = None
depends_on = None

DROPPED = {  # index -> (table, columns), to put back on downgrade
    "ix_devices_report": (
        "devices",
        [
            "site_id",
            "category_id",
            "status",
            "room_id",
            "ownership",
            "model_id",
            "contract_id",
            "purchase_date",
            "purchase_price_cents",
            "lease_monthly_fee_cents",
            "lease_end",
            "deleted",
            "merged_into",
        ],
    ),
    "ix_scan_events_audit_id": ("scan_events", ["audit_id"]),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in DROPPED:
            op.execute(f"DROP INDEX IF EXISTS {name}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, (table, columns) in DROPPED.items():
            op.create_index(name, table, columns)
