"""report indexes: covering indexes for the reports' scans over devices and audits' scans

Revision ID: 0005_report_indexes
Revises: 0004_sync
Create Date: 2026-11-28

The reports count and cost 100,000 devices grouped by site and category. Without this index SQLite
walks ``ix_devices_site_id_room_id`` and fetches every table row by rowid (random access, ~0.4 s a
pass); with it a report scans one narrow index already in (site, category, status, room) order and
never touches the table. The columns are every device column the reports read.

``ix_scan_events_audit_seen`` lists the devices an audit saw (found or moved) straight from the
index: the reconciliation asks it for the last audits of every site (100,000 scans) at once.
"""

from __future__ import annotations

from alembic import op

revision = "0005_report_indexes"
down_revision = "0004_sync"
branch_labels = None
depends_on = None

REPORT_COLUMNS = [
    "site_id", "category_id", "status", "room_id", "ownership", "model_id", "contract_id", "purchase_date",
    "purchase_price_cents", "lease_monthly_fee_cents", "lease_end", "deleted", "merged_into",
]


def upgrade() -> None:
    op.create_index("ix_devices_report", "devices", REPORT_COLUMNS)
    op.create_index("ix_scan_events_audit_seen", "scan_events", ["audit_id", "outcome", "device_id"])


def downgrade() -> None:
    op.drop_index("ix_scan_events_audit_seen", table_name="scan_events")
    op.drop_index("ix_devices_report", table_name="devices")
