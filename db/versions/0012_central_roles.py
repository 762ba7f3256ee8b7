"""central roles: which database login belongs to which laptop, and the functions laptops sync through

Revision ID: 0012_central_roles
Revises: 0005_report_indexes
Create Date: 2026-11-30

``central_logins`` maps a laptop's own database login to its replica (bound at its first sync, like
an enrolled key). On PostgreSQL three SECURITY DEFINER functions let a laptop login do the few things
it must without holding the rights behind them: publish central's own edits to the change log
(central's outbox is not the laptop's to read), bind its login to its replica, and name its replica
for the row-level policies. The roles and grants themselves are cluster objects made by
``central roles`` (docs/CENTRAL.md); on SQLite only the (empty) table exists.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_central_roles"
down_revision = "0010_observation_resolution"
branch_labels = None
depends_on = None

FUNCTIONS = [
    """
CREATE OR REPLACE FUNCTION inventory_my_replica() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT replica_id FROM central_logins WHERE login = session_user
$$""",
    """
CREATE OR REPLACE FUNCTION inventory_bind_login(rid text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE bound text;
BEGIN
    SELECT replica_id INTO bound FROM central_logins WHERE login = session_user FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;  -- not a laptop login (central IT, or a deployment without per-laptop logins)
    END IF;
    IF bound IS NULL THEN
        UPDATE central_logins SET replica_id = rid, bound_at = now() WHERE login = session_user;
        RETURN rid;
    END IF;
    IF bound <> rid THEN
        RAISE EXCEPTION 'the database login % belongs to another laptop', session_user USING ERRCODE = '42501';
    END IF;
    RETURN bound;
END
$$""",
    """
CREATE OR REPLACE FUNCTION inventory_publish_local(me text, at timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE last bigint; head bigint; n bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(74203911);
    SELECT max(seq) INTO last FROM outbox WHERE acked = false;
    IF last IS NULL THEN
        RETURN 0;
    END IF;
    SELECT coalesce(max(pos), 0) INTO head FROM central_changes;
    INSERT INTO central_changes (pos, table_name, row_id, op, payload, stamps, origin, seen_pos, accepted_at)
        SELECT head + row_number() OVER (ORDER BY seq), table_name, row_id, op, payload,
               '{"*":"' || hlc || '"}', me, head, at
        FROM outbox WHERE acked = false AND seq <= last ORDER BY seq;
    GET DIAGNOSTICS n = ROW_COUNT;
    UPDATE outbox SET acked = true WHERE acked = false AND seq <= last;
    IF n > 1000 THEN
        -- Fresh statistics, or the planner keeps reading "max(seq) of the unsent" by walking every sent
        -- entry backwards (0.3 s per sync after a 100,000-device demo, until autovacuum gets round to it).
        ANALYZE outbox;
    END IF;
    RETURN n;
END
$$""",
]


def upgrade() -> None:
    op.create_table(
        "central_logins",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("replica_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bound_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_central_logins")),
    )
    if op.get_bind().dialect.name == "postgresql":
        for sql in FUNCTIONS:
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS inventory_publish_local(text, timestamptz)")
        op.execute("DROP FUNCTION IF EXISTS inventory_bind_login(text)")
        op.execute("DROP FUNCTION IF EXISTS inventory_my_replica()")
    op.drop_table("central_logins")
