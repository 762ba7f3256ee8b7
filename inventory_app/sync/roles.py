"""Least privilege at central: the SQL behind ``central roles`` (docs/CENTRAL.md).

Two group roles, made once per PostgreSQL cluster and granted per database:
* ``inventory_it`` — central IT: owns the inventory tables (migrations, enrolment, imports of sync files).
* ``inventory_laptop`` — every laptop's own login is a member. It can read what sync hands out, push its
  own changes and move its own ledger, and nothing else: no DELETE or TRUNCATE anywhere, no DDL, no
  central outbox or signing key, only its own ledger, enrolled keys and quarantined changes (row-level
  security through ``inventory_my_replica()``), and an INSERT or UPDATE of inventory data only in a
  transaction that also writes that row's entry in the change log from the same replica — the sync path
  (a deferred constraint trigger checks it at commit).
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

from inventory_app.core.errors import RejectedInput
from inventory_app.storage.schema import CentralLoginRecord
from inventory_app.storage.store import Store
from inventory_app.sync.records import table_specs

IT_ROLE = "inventory_it"
LAPTOP_ROLE = "inventory_laptop"
LOGIN_RE = re.compile(r"^[a-z][a-z0-9_]{2,62}$")

# Tables a laptop reads whole (besides the exchanged ones), and what else it may do.
READ_ONLY = ("alembic_version", "central_changes", "conflicts", "sync_state")
OWN_ROWS = {  # table -> the column naming the replica a row belongs to
    "central_ledgers": "replica_id",
    "central_replicas": "replica_id",
    "central_quarantine": "origin",
}
STATE_READABLE = ("replica_id", "deployment_id", "hlc_wall_ms", "hlc_counter", "created_at")

IS_LAPTOP_FUNCTION = f"""
CREATE OR REPLACE FUNCTION inventory_is_laptop() RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(current_user, '{LAPTOP_ROLE}', 'MEMBER') AND NOT rolsuper FROM pg_roles
    WHERE rolname = current_user
$$"""

GUARD_FUNCTION = """
CREATE OR REPLACE FUNCTION inventory_laptop_write_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM central_changes c WHERE c.row_id = NEW.id
                   AND c.origin = inventory_my_replica() AND c.xmin = pg_current_xact_id()::xid) THEN
        RAISE EXCEPTION 'a laptop login changes central data only through sync (%.%)', TG_TABLE_NAME, NEW.id
            USING ERRCODE = '42501';
    END IF;
    RETURN NULL;
END
$$"""


# Evaluated for every row written to an inventory table. inventory_is_laptop() is a query of pg_roles
# (about 8 µs a call: a second per 100,000 rows a central IT import writes); the two built-in tests in
# front of it are false for central IT and for superusers at almost no cost, so only a laptop login's
# own rows reach the query, which still decides.
GUARD_WHEN = (
    f"current_setting('is_superuser') = 'off' AND pg_has_role(current_user, '{LAPTOP_ROLE}', 'MEMBER') "
    "AND inventory_is_laptop()"
)


def _create_group(name: str) -> str:
    return (
        f"DO $$ BEGIN CREATE ROLE {name} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
    )


def role_statements(database: str) -> list[str]:
    """The SQL that sets up both roles for this database (safe to run again after every migration)."""
    specs = table_specs()
    data = [spec.record.__tablename__ for spec in specs.values()]
    sql = [
        _create_group(IT_ROLE),
        _create_group(LAPTOP_ROLE),
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC',
        f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {IT_ROLE}, {LAPTOP_ROLE}',
        f"GRANT USAGE, CREATE ON SCHEMA public TO {IT_ROLE}",
        f"GRANT USAGE ON SCHEMA public TO {LAPTOP_ROLE}",
    ]
    # Central IT owns everything of the inventory (migrations alter tables; owners pass row security).
    sql.append(f"""DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
            EXECUTE format('ALTER TABLE public.%I OWNER TO {IT_ROLE}', r.tablename);
            EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC, {LAPTOP_ROLE}', r.tablename);
        END LOOP;
        FOR r IN SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public' LOOP
            EXECUTE format('ALTER SEQUENCE public.%I OWNER TO {IT_ROLE}', r.sequence_name);
        END LOOP;
    END $$""")
    for fn in ("inventory_my_replica()", "inventory_bind_login(text)", "inventory_publish_local(text, timestamptz)"):
        sql += [
            f"ALTER FUNCTION {fn} OWNER TO {IT_ROLE}",
            f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC",
            f"GRANT EXECUTE ON FUNCTION {fn} TO {IT_ROLE}, {LAPTOP_ROLE}",
        ]
    sql.append(f"REVOKE ALL ON central_logins FROM {LAPTOP_ROLE}")
    # What sync hands out, and what a push writes: no DELETE, no TRUNCATE.
    for table in data:
        sql.append(f"GRANT SELECT, INSERT, UPDATE ON {table} TO {LAPTOP_ROLE}")
    for table in READ_ONLY:
        sql.append(f"GRANT SELECT ON {table} TO {LAPTOP_ROLE}")
    sql += [
        f"GRANT INSERT ON conflicts, central_changes TO {LAPTOP_ROLE}",
        f"GRANT SELECT ({', '.join(STATE_READABLE)}) ON replica_state TO {LAPTOP_ROLE}",
        f"GRANT UPDATE (hlc_wall_ms, hlc_counter) ON replica_state TO {LAPTOP_ROLE}",
    ]
    # The change log: everyone reads it; a laptop appends only its own changes.
    sql += [
        "ALTER TABLE central_changes ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS laptop_reads ON central_changes",
        f"CREATE POLICY laptop_reads ON central_changes FOR SELECT TO {LAPTOP_ROLE} USING (true)",
        "DROP POLICY IF EXISTS laptop_appends ON central_changes",
        f"CREATE POLICY laptop_appends ON central_changes FOR INSERT TO {LAPTOP_ROLE} "
        "WITH CHECK (origin = inventory_my_replica())",
        "DROP POLICY IF EXISTS it_all ON central_changes",
        f"CREATE POLICY it_all ON central_changes TO {IT_ROLE} USING (true) WITH CHECK (true)",
    ]
    for table, column in OWN_ROWS.items():
        sql += [
            f"GRANT SELECT, INSERT, UPDATE ON {table} TO {LAPTOP_ROLE}",
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS laptop_own ON {table}",
            f"CREATE POLICY laptop_own ON {table} TO {LAPTOP_ROLE} USING ({column} = inventory_my_replica()) "
            f"WITH CHECK ({column} = inventory_my_replica())",
            f"DROP POLICY IF EXISTS it_all ON {table}",
            f"CREATE POLICY it_all ON {table} TO {IT_ROLE} USING (true) WITH CHECK (true)",
        ]
    sql += [IS_LAPTOP_FUNCTION, GUARD_FUNCTION]
    sql += [
        f"ALTER FUNCTION inventory_is_laptop() OWNER TO {IT_ROLE}",
        f"ALTER FUNCTION inventory_laptop_write_guard() OWNER TO {IT_ROLE}",
    ]
    for table in data:
        sql += [
            f"DROP TRIGGER IF EXISTS inventory_laptop_guard ON {table}",
            f"CREATE CONSTRAINT TRIGGER inventory_laptop_guard AFTER INSERT OR UPDATE ON {table} "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            f"WHEN ({GUARD_WHEN}) "
            "EXECUTE FUNCTION inventory_laptop_write_guard()",
        ]
    return sql


def _require_postgres(store: Store) -> None:
    if store.engine.dialect.name != "postgresql":
        raise RejectedInput("central roles needs central's postgresql:// URL (it sets up database logins)")


def setup_roles(store: Store) -> dict[str, Any]:
    _require_postgres(store)
    with store.engine.begin() as conn:
        database = str(conn.scalar(text("SELECT current_database()")))
        for statement in role_statements(database):
            conn.execute(text(statement))
    return {"database": database, "it_role": IT_ROLE, "laptop_role": LAPTOP_ROLE}


def create_login(store: Store, login: str, *, laptop: bool, password: str | None = None) -> dict[str, Any]:
    """A login for one laptop (member of the laptop role) or one person of central IT; returns its password."""
    _require_postgres(store)
    if not LOGIN_RE.match(login):
        raise RejectedInput(
            f"{login!r} is not a usable login name: 3-63 lower-case letters, digits or _, starting with a letter"
        )
    password = password or secrets.token_urlsafe(18)
    group = LAPTOP_ROLE if laptop else IT_ROLE
    with store.engine.begin() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login})
        if exists:
            raise RejectedInput(f"the login {login} exists already; choose another name. Nothing was changed.")
        quoted = password.replace("'", "''")
        conn.execute(text(f"CREATE ROLE {login} LOGIN PASSWORD '{quoted}' IN ROLE {group}"))
        if laptop:
            conn.execute(
                CentralLoginRecord.__table__.insert().values(  # type: ignore[attr-defined]
                    login=login, replica_id=None, created_at=datetime.now(UTC)
                )
            )
    return {"login": login, "role": group, "password": password}
