"""sync: central change log, replica enrolment, per-replica ledgers, quarantine

Revision ID: 0004_sync
Revises: 0003_search_bulk
Create Date: 2026-11-29

Central-only tables; on laptops they simply stay empty (the same migrations build both).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_sync'
down_revision = '0003_search_bulk'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('central_changes',
    sa.Column('pos', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('seen_pos', sa.BigInteger(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('pos', name=op.f('pk_central_changes'))
    )
    with op.batch_alter_table('central_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_central_changes_row_id'), ['row_id'], unique=False)

    op.create_table('central_ledgers',
    sa.Column('replica_id', sa.String(length=64), nullable=False),
    sa.Column('applied_seq', sa.BigInteger(), nullable=False),
    sa.Column('pulled_pos', sa.BigInteger(), nullable=False),
    sa.Column('last_file_id', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('replica_id', name=op.f('pk_central_ledgers'))
    )
    op.create_table('central_quarantine',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('change', sa.Text(), nullable=False),
    sa.Column('stamp', sa.String(length=100), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_central_quarantine'))
    )
    with op.batch_alter_table('central_quarantine', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_central_quarantine_origin'), ['origin'], unique=False)

    op.create_table('central_replicas',
    sa.Column('key_id', sa.String(length=64), nullable=False),
    sa.Column('public_key', sa.Text(), nullable=False),
    sa.Column('replica_id', sa.String(length=64), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('key_id', name=op.f('pk_central_replicas'))
    )
    with op.batch_alter_table('central_replicas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_central_replicas_replica_id'), ['replica_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('central_replicas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_central_replicas_replica_id'))
    op.drop_table('central_replicas')
    with op.batch_alter_table('central_quarantine', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_central_quarantine_origin'))
    op.drop_table('central_quarantine')
    op.drop_table('central_ledgers')
    with op.batch_alter_table('central_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_central_changes_row_id'))
    op.drop_table('central_changes')
