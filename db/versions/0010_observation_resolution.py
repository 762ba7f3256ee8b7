"""observation resolution: an observation can be marked resolved; three severities

Revision ID: 0010_observation_resolution
Revises: 0005_report_indexes
Create Date: 2026-11-30

Observations are insert-only (they sync as a union and never conflict), so resolving one is a new
row: ``resolves_id`` names the observation it resolves. An observation is open while no row
resolves it.

The severity scale becomes the one people use when they report a problem: low, medium, high.
The first schema's four levels map onto it: info and minor -> low, major -> medium, critical -> high.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_observation_resolution"
down_revision = "0008_city_structure"
branch_labels = None
depends_on = None

LEGACY = (("info", "low"), ("minor", "low"), ("major", "medium"), ("critical", "high"))


def upgrade() -> None:
    with op.batch_alter_table("observations") as batch:
        batch.add_column(sa.Column("resolves_id", sa.String(36), nullable=True))
        batch.create_index("ix_observations_resolves_id", ["resolves_id"])
    for old, new in LEGACY:
        op.execute(sa.text("UPDATE observations SET severity = :new WHERE severity = :old").bindparams(old=old, new=new))


def downgrade() -> None:
    for old, new in (("info", "low"), ("major", "medium"), ("critical", "high")):
        op.execute(sa.text("UPDATE observations SET severity = :old WHERE severity = :new").bindparams(old=old, new=new))
    with op.batch_alter_table("observations") as batch:
        batch.drop_index("ix_observations_resolves_id")
        batch.drop_column("resolves_id")
