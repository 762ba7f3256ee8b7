"""Central ledgers remember the stamp of the last change they applied per laptop (tells an old copy of a
laptop's store, which hands the same change numbers out again, from a file that is merely sent twice).

Revision ID: 0013_ledger_mark
Revises: 0012_central_roles
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_ledger_mark"
down_revision = "0012_central_roles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("central_ledgers") as batch:
        batch.add_column(sa.Column("applied_mark", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("central_ledgers") as batch:
        batch.drop_column("applied_mark")
