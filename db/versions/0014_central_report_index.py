"""central report index: PostgreSQL (central) does without ``ix_devices_report``; SQLite stores keep it

Revision ID: 0014_central_report_index
Revises: 0013_ledger_mark
Create Date: 2026-11-30

``ix_devices_report`` (migration 0005) is a covering index for SQLite, whose reports read it instead of
fetching every device row by rowid. PostgreSQL never chooses it for them: with 200,000 devices at central
(freshly vacuumed, so index-only scans were possible) every device report — inventory, target gap, cost
per pupil, leasing, age, replacement plan, transfers — planned a sequential scan of ``devices`` (13 plans,
auto_explain), and took the same time without the index. Yet every device written at central paid for its
13-column entry: the widest of the devices table's eleven indexes, the largest single share of a sync
file's import after the foreign-key checks. So central drops it; laptops (SQLite) keep it.
"""

from __future__ import annotations

from alembic import op

revision = "0014_central_report_index"
down_revision = "0013_ledger_mark"
branch_labels = None
depends_on = None

INDEX = "ix_devices_report"
COLUMNS = [
    "site_id", "category_id", "status", "room_id", "ownership", "model_id", "contract_id", "purchase_date",
    "purchase_price_cents", "lease_monthly_fee_cents", "lease_end", "deleted", "merged_into",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(INDEX, "devices", COLUMNS)
