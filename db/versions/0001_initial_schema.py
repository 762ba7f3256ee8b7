"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28

Also seeds the standard categories with deterministic ids and the genesis stamp, so
every replica starts with identical rows that never need to sync.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('areas',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_areas'))
    )
    op.create_table('billing_lines',
    sa.Column('source', sa.String(length=300), nullable=True),
    sa.Column('row_number', sa.Integer(), nullable=True),
    sa.Column('lessor', sa.String(length=200), nullable=True),
    sa.Column('contract_number', sa.String(length=80), nullable=True),
    sa.Column('period', sa.String(length=20), nullable=True),
    sa.Column('identifier', sa.String(length=100), nullable=True),
    sa.Column('identifier_key', sa.String(length=100), nullable=True),
    sa.Column('cost_centre', sa.String(length=40), nullable=True),
    sa.Column('amount_cents', sa.BigInteger(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_billing_lines'))
    )
    with op.batch_alter_table('billing_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_billing_lines_identifier_key'), ['identifier_key'], unique=False)

    op.create_table('categories',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('group_name', sa.String(length=20), nullable=False),
    sa.Column('name_en', sa.String(length=100), nullable=False),
    sa.Column('name_fi', sa.String(length=100), nullable=False),
    sa.Column('lifetime_years', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_categories'))
    )
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_categories_code'), ['code'], unique=False)

    op.create_table('conflicts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('kept_value', sa.Text(), nullable=True),
    sa.Column('kept_stamp', sa.String(length=100), nullable=False),
    sa.Column('lost_value', sa.Text(), nullable=True),
    sa.Column('lost_stamp', sa.String(length=100), nullable=False),
    sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution', sa.String(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflicts'))
    )
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflicts_row_id'), ['row_id'], unique=False)

    op.create_table('leasing_contracts',
    sa.Column('lessor', sa.String(length=200), nullable=False),
    sa.Column('contract_number', sa.String(length=80), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('notice_months', sa.Integer(), nullable=False),
    sa.Column('monthly_fee_cents', sa.BigInteger(), nullable=True),
    sa.Column('fee_basis', sa.String(length=20), nullable=False),
    sa.Column('cost_centre', sa.String(length=40), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leasing_contracts'))
    )
    with op.batch_alter_table('leasing_contracts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_leasing_contracts_contract_number'), ['contract_number'], unique=False)

    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=100), nullable=False),
    sa.Column('acked', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_acked'), ['acked'], unique=False)

    op.create_table('replica_state',
    sa.Column('replica_id', sa.String(length=64), nullable=False),
    sa.Column('deployment_id', sa.String(length=64), nullable=True),
    sa.Column('hlc_wall_ms', sa.BigInteger(), nullable=False),
    sa.Column('hlc_counter', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('signing_key', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('replica_id', name=op.f('pk_replica_state'))
    )
    op.create_table('sync_state',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )
    op.create_table('tag_blocks',
    sa.Column('prefix', sa.String(length=4), nullable=False),
    sa.Column('first_number', sa.Integer(), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.Column('replica_id', sa.String(length=64), nullable=False),
    sa.Column('next_number', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tag_blocks'))
    )
    op.create_table('models',
    sa.Column('category_id', sa.String(length=36), nullable=True),
    sa.Column('manufacturer', sa.String(length=100), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('expected_lifetime_years', sa.Integer(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_models_category_id_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_models'))
    )
    with op.batch_alter_table('models', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_models_category_id'), ['category_id'], unique=False)

    op.create_table('sites',
    sa.Column('area_id', sa.String(length=36), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('cost_centre', sa.String(length=40), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_sites_area_id_areas')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sites'))
    )
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sites_area_id'), ['area_id'], unique=False)

    op.create_table('target_levels',
    sa.Column('site_kind', sa.String(length=30), nullable=False),
    sa.Column('category_id', sa.String(length=36), nullable=True),
    sa.Column('group_name', sa.String(length=20), nullable=True),
    sa.Column('basis', sa.String(length=20), nullable=False),
    sa.Column('per_unit', sa.Float(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_target_levels_category_id_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_levels'))
    )
    op.create_table('audits',
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('auditor', sa.String(length=200), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('current_room_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_audits_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audits'))
    )
    with op.batch_alter_table('audits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audits_site_id'), ['site_id'], unique=False)

    op.create_table('observations',
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('room_id', sa.String(length=36), nullable=True),
    sa.Column('audit_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('severity', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('latency_ms', sa.Float(), nullable=True),
    sa.Column('packet_loss_pct', sa.Float(), nullable=True),
    sa.Column('wifi_signal_dbm', sa.Float(), nullable=True),
    sa.Column('observed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('auditor', sa.String(length=200), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_observations_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observations'))
    )
    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_observations_site_id'), ['site_id'], unique=False)

    op.create_table('rooms',
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('label_code', sa.String(length=80), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_rooms_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rooms'))
    )
    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rooms_label_code'), ['label_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_rooms_site_id'), ['site_id'], unique=False)

    op.create_table('site_populations',
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('school_year', sa.String(length=9), nullable=False),
    sa.Column('pupils', sa.Integer(), nullable=False),
    sa.Column('staff', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_site_populations_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_populations'))
    )
    with op.batch_alter_table('site_populations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_site_populations_site_id'), ['site_id'], unique=False)

    op.create_table('devices',
    sa.Column('asset_tag', sa.String(length=40), nullable=True),
    sa.Column('serial', sa.String(length=100), nullable=True),
    sa.Column('inventory_number', sa.String(length=100), nullable=True),
    sa.Column('mac', sa.String(length=40), nullable=True),
    sa.Column('category_id', sa.String(length=36), nullable=True),
    sa.Column('model_id', sa.String(length=36), nullable=True),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('room_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('condition', sa.String(length=20), nullable=False),
    sa.Column('ownership', sa.String(length=20), nullable=False),
    sa.Column('contract_id', sa.String(length=36), nullable=True),
    sa.Column('purchase_date', sa.Date(), nullable=True),
    sa.Column('purchase_price_cents', sa.BigInteger(), nullable=True),
    sa.Column('lease_monthly_fee_cents', sa.BigInteger(), nullable=True),
    sa.Column('lease_end', sa.Date(), nullable=True),
    sa.Column('assigned_to', sa.String(length=200), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_seen_audit_id', sa.String(length=36), nullable=True),
    sa.Column('last_seen_room_id', sa.String(length=36), nullable=True),
    sa.Column('last_seen_method', sa.String(length=20), nullable=True),
    sa.Column('merged_into', sa.String(length=36), nullable=True),
    sa.Column('tag_key', sa.String(length=40), nullable=True),
    sa.Column('serial_key', sa.String(length=100), nullable=True),
    sa.Column('inventory_key', sa.String(length=100), nullable=True),
    sa.Column('mac_key', sa.String(length=40), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_devices_category_id_categories')),
    sa.ForeignKeyConstraint(['contract_id'], ['leasing_contracts.id'], name=op.f('fk_devices_contract_id_leasing_contracts')),
    sa.ForeignKeyConstraint(['model_id'], ['models.id'], name=op.f('fk_devices_model_id_models')),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_devices_room_id_rooms')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_devices_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices'))
    )
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_devices_category_id'), ['category_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_devices_contract_id'), ['contract_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_devices_inventory_key'), ['inventory_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_devices_mac_key'), ['mac_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_devices_model_id'), ['model_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_devices_room_id'), ['room_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_devices_serial_key'), ['serial_key'], unique=False)
        batch_op.create_index('ix_devices_site_id_room_id', ['site_id', 'room_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_devices_tag_key'), ['tag_key'], unique=False)

    op.create_table('scan_events',
    sa.Column('audit_id', sa.String(length=36), nullable=False),
    sa.Column('room_id', sa.String(length=36), nullable=True),
    sa.Column('raw_code', sa.String(length=300), nullable=False),
    sa.Column('code', sa.String(length=300), nullable=False),
    sa.Column('symbology', sa.String(length=30), nullable=True),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('scanned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('previous_room_id', sa.String(length=36), nullable=True),
    sa.Column('undoes_event_id', sa.String(length=36), nullable=True),
    sa.Column('replica_id', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audits.id'], name=op.f('fk_scan_events_audit_id_audits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scan_events'))
    )
    with op.batch_alter_table('scan_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scan_events_audit_id'), ['audit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scan_events_device_id'), ['device_id'], unique=False)

    op.create_table('audit_decisions',
    sa.Column('audit_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('decision', sa.String(length=20), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('stamps', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audits.id'], name=op.f('fk_audit_decisions_audit_id_audits')),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_audit_decisions_device_id_devices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_decisions'))
    )
    with op.batch_alter_table('audit_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_decisions_audit_id'), ['audit_id'], unique=False)

    # ### end Alembic commands ###
    _seed_categories()


def downgrade() -> None:
    with op.batch_alter_table('audit_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_decisions_audit_id'))

    op.drop_table('audit_decisions')
    with op.batch_alter_table('scan_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scan_events_device_id'))
        batch_op.drop_index(batch_op.f('ix_scan_events_audit_id'))

    op.drop_table('scan_events')
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_devices_tag_key'))
        batch_op.drop_index('ix_devices_site_id_room_id')
        batch_op.drop_index(batch_op.f('ix_devices_serial_key'))
        batch_op.drop_index(batch_op.f('ix_devices_room_id'))
        batch_op.drop_index(batch_op.f('ix_devices_model_id'))
        batch_op.drop_index(batch_op.f('ix_devices_mac_key'))
        batch_op.drop_index(batch_op.f('ix_devices_inventory_key'))
        batch_op.drop_index(batch_op.f('ix_devices_contract_id'))
        batch_op.drop_index(batch_op.f('ix_devices_category_id'))

    op.drop_table('devices')
    with op.batch_alter_table('site_populations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_site_populations_site_id'))

    op.drop_table('site_populations')
    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rooms_site_id'))
        batch_op.drop_index(batch_op.f('ix_rooms_label_code'))

    op.drop_table('rooms')
    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_observations_site_id'))

    op.drop_table('observations')
    with op.batch_alter_table('audits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audits_site_id'))

    op.drop_table('audits')
    op.drop_table('target_levels')
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sites_area_id'))

    op.drop_table('sites')
    with op.batch_alter_table('models', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_models_category_id'))

    op.drop_table('models')
    op.drop_table('tag_blocks')
    op.drop_table('sync_state')
    op.drop_table('replica_state')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_acked'))

    op.drop_table('outbox')
    with op.batch_alter_table('leasing_contracts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_leasing_contracts_contract_number'))

    op.drop_table('leasing_contracts')
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflicts_row_id'))

    op.drop_table('conflicts')
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_categories_code'))

    op.drop_table('categories')
    with op.batch_alter_table('billing_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_billing_lines_identifier_key'))

    op.drop_table('billing_lines')
    op.drop_table('areas')
    # ### end Alembic commands ###


def _seed_categories() -> None:
    import json

    from inventory_app.core.catalogue import STANDARD_CATEGORIES
    from inventory_app.core.hlc import GENESIS_STAMP

    columns = ["code", "group", "name_en", "name_fi", "lifetime_years", "deleted"]
    stamps = json.dumps({"*": GENESIS_STAMP}, separators=(",", ":"))
    table = sa.table(
        "categories",
        sa.column("id", sa.String), sa.column("code", sa.String), sa.column("group_name", sa.String),
        sa.column("name_en", sa.String), sa.column("name_fi", sa.String),
        sa.column("lifetime_years", sa.Integer), sa.column("deleted", sa.Boolean),
        sa.column("stamps", sa.Text),
    )
    op.bulk_insert(table, [
        {"id": spec.id, "code": spec.code, "group_name": spec.group.value, "name_en": spec.name_en,
         "name_fi": spec.name_fi, "lifetime_years": spec.lifetime_years, "deleted": False, "stamps": stamps}
        for spec in STANDARD_CATEGORIES
    ])
