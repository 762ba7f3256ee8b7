"""ORM records. Names end in ``Record`` (the domain says ``Device``; Qt says ``DeviceTableModel``).

Synced tables (``SyncedRecord``) carry a ``stamps`` JSON map field -> HLC stamp and a soft
``deleted`` flag; they have no UNIQUE constraint on non-key columns (docs/ARCHITECTURE.md, "Storage").
Insert-only tables (``InsertOnlyRecord``) are never updated: scans and observations.
Local tables (replica state, outbox, sync state, conflicts) never leave the machine.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Id = String(36)


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps in UTC, always read back timezone-aware (SQLite would hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncedRecord(Base):
    __abstract__ = True
    # Columns derived locally (search keys); never stamped nor exchanged.
    local_columns: ClassVar[frozenset[str]] = frozenset()

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    stamps: Mapped[str] = mapped_column(Text, default="{}", nullable=False)


class InsertOnlyRecord(Base):
    __abstract__ = True

    id: Mapped[str] = mapped_column(Id, primary_key=True)


class AreaRecord(SyncedRecord):
    __tablename__ = "areas"
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str | None] = mapped_column(String(40))
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)


class SiteRecord(SyncedRecord):
    __tablename__ = "sites"
    area_id: Mapped[str | None] = mapped_column(Id, ForeignKey("areas.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(30), default="other")
    cost_centre: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)


class RoomRecord(SyncedRecord):
    __tablename__ = "rooms"
    site_id: Mapped[str] = mapped_column(Id, ForeignKey("sites.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30), default="classroom")
    label_code: Mapped[str | None] = mapped_column(String(80), index=True)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)


class SitePopulationRecord(SyncedRecord):
    __tablename__ = "site_populations"
    site_id: Mapped[str] = mapped_column(Id, ForeignKey("sites.id"), index=True)
    school_year: Mapped[str] = mapped_column(String(9))  # "2026-2027"
    pupils: Mapped[int] = mapped_column(Integer, default=0)
    staff: Mapped[int] = mapped_column(Integer, default=0)


class CategoryRecord(SyncedRecord):
    __tablename__ = "categories"
    code: Mapped[str] = mapped_column(String(40), index=True)
    group: Mapped[str] = mapped_column("group_name", String(20))
    name_en: Mapped[str] = mapped_column(String(100))
    name_fi: Mapped[str] = mapped_column(String(100))
    lifetime_years: Mapped[int] = mapped_column(Integer, default=5)


class DeviceModelRecord(SyncedRecord):
    __tablename__ = "models"
    category_id: Mapped[str | None] = mapped_column(Id, ForeignKey("categories.id"), index=True)
    manufacturer: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    expected_lifetime_years: Mapped[int | None] = mapped_column(Integer)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)


class LeasingContractRecord(SyncedRecord):
    __tablename__ = "leasing_contracts"
    lessor: Mapped[str] = mapped_column(String(200))
    contract_number: Mapped[str] = mapped_column(String(80), index=True)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    notice_months: Mapped[int] = mapped_column(Integer, default=3)
    monthly_fee_cents: Mapped[int | None] = mapped_column(BigInteger)
    fee_basis: Mapped[str] = mapped_column(String(20), default="per_device")
    cost_centre: Mapped[str | None] = mapped_column(String(40))
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)


class DeviceRecord(SyncedRecord):
    __tablename__ = "devices"
    local_columns: ClassVar[frozenset[str]] = frozenset({"tag_key", "serial_key", "inventory_key", "mac_key"})

    asset_tag: Mapped[str | None] = mapped_column(String(40))
    serial: Mapped[str | None] = mapped_column(String(100))
    inventory_number: Mapped[str | None] = mapped_column(String(100))
    mac: Mapped[str | None] = mapped_column(String(40))
    category_id: Mapped[str | None] = mapped_column(Id, ForeignKey("categories.id"), index=True)
    model_id: Mapped[str | None] = mapped_column(Id, ForeignKey("models.id"), index=True)
    site_id: Mapped[str | None] = mapped_column(Id, ForeignKey("sites.id"))
    room_id: Mapped[str | None] = mapped_column(Id, ForeignKey("rooms.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="in_use")
    condition: Mapped[str] = mapped_column(String(20), default="unknown")
    ownership: Mapped[str] = mapped_column(String(20), default="owned")
    contract_id: Mapped[str | None] = mapped_column(Id, ForeignKey("leasing_contracts.id"), index=True)
    purchase_date: Mapped[date | None] = mapped_column(Date)
    purchase_price_cents: Mapped[int | None] = mapped_column(BigInteger)
    lease_monthly_fee_cents: Mapped[int | None] = mapped_column(BigInteger)
    lease_end: Mapped[date | None] = mapped_column(Date)
    assigned_to: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_seen_audit_id: Mapped[str | None] = mapped_column(Id)
    last_seen_room_id: Mapped[str | None] = mapped_column(Id)
    last_seen_method: Mapped[str | None] = mapped_column(String(20))
    # Set when this row was merged into another (duplicate found at sync).
    merged_into: Mapped[str | None] = mapped_column(Id)

    # Local lookup keys (identifier_key of each identifier), kept by the unit of work.
    tag_key: Mapped[str | None] = mapped_column(String(40), index=True)
    serial_key: Mapped[str | None] = mapped_column(String(100), index=True)
    inventory_key: Mapped[str | None] = mapped_column(String(100), index=True)
    mac_key: Mapped[str | None] = mapped_column(String(40), index=True)

    __table_args__ = (
        Index("ix_devices_site_id_room_id", "site_id", "room_id"),
        # Covers every column the reports read, in their grouping order (migration 0005_report_indexes).
        # SQLite only: PostgreSQL's planner never reads it, so central drops it (0014_central_indexes).
        Index(
            "ix_devices_report",
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
        ),
    )


class TargetLevelRecord(SyncedRecord):
    __tablename__ = "target_levels"
    site_kind: Mapped[str] = mapped_column(String(30))
    category_id: Mapped[str | None] = mapped_column(Id, ForeignKey("categories.id"))
    group: Mapped[str | None] = mapped_column("group_name", String(20))
    basis: Mapped[str] = mapped_column(String(20), default="per_pupil")
    per_unit: Mapped[float] = mapped_column(Float, default=0.0)


class AuditRecord(SyncedRecord):
    __tablename__ = "audits"
    site_id: Mapped[str] = mapped_column(Id, ForeignKey("sites.id"), index=True)
    auditor: Mapped[str | None] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(20), default="open")
    current_room_id: Mapped[str | None] = mapped_column(Id)


class AuditDecisionRecord(SyncedRecord):
    """What the auditor decided about a device missing at the end of an audit."""

    __tablename__ = "audit_decisions"
    audit_id: Mapped[str] = mapped_column(Id, ForeignKey("audits.id"), index=True)
    device_id: Mapped[str] = mapped_column(Id, ForeignKey("devices.id"))
    decision: Mapped[str] = mapped_column(String(20))


class BillingLineRecord(SyncedRecord):
    __tablename__ = "billing_lines"
    source: Mapped[str | None] = mapped_column(String(300))
    row_number: Mapped[int | None] = mapped_column(Integer)
    lessor: Mapped[str | None] = mapped_column(String(200))
    contract_number: Mapped[str | None] = mapped_column(String(80))
    period: Mapped[str | None] = mapped_column(String(20))
    identifier: Mapped[str | None] = mapped_column(String(100))
    identifier_key: Mapped[str | None] = mapped_column(String(100), index=True)
    cost_centre: Mapped[str | None] = mapped_column(String(40))
    amount_cents: Mapped[int | None] = mapped_column(BigInteger)


class TagBlockRecord(SyncedRecord):
    """A block of tag numbers reserved by one replica, so offline laptops never print the same tag."""

    __tablename__ = "tag_blocks"
    prefix: Mapped[str] = mapped_column(String(4))
    first_number: Mapped[int] = mapped_column(Integer)
    last_number: Mapped[int] = mapped_column(Integer)
    replica_id: Mapped[str] = mapped_column(String(64))
    next_number: Mapped[int] = mapped_column(Integer)


class ScanEventRecord(InsertOnlyRecord):
    __tablename__ = "scan_events"
    # Central (PostgreSQL) drops this index: ix_scan_events_audit_seen leads with the same column (0014).
    audit_id: Mapped[str] = mapped_column(Id, ForeignKey("audits.id"), index=True)
    room_id: Mapped[str | None] = mapped_column(Id)
    raw_code: Mapped[str] = mapped_column(String(300))
    code: Mapped[str] = mapped_column(String(300))
    symbology: Mapped[str | None] = mapped_column(String(30))
    method: Mapped[str] = mapped_column(String(20))
    scanned_at: Mapped[datetime] = mapped_column(UtcDateTime())
    device_id: Mapped[str | None] = mapped_column(Id, index=True)
    outcome: Mapped[str] = mapped_column(String(20))
    previous_room_id: Mapped[str | None] = mapped_column(Id)
    undoes_event_id: Mapped[str | None] = mapped_column(Id)
    replica_id: Mapped[str | None] = mapped_column(String(64))

    # Which devices an audit saw, read from the index alone (migration 0005_report_indexes).
    __table_args__ = (Index("ix_scan_events_audit_seen", "audit_id", "outcome", "device_id"),)


class ObservationRecord(InsertOnlyRecord):
    __tablename__ = "observations"
    site_id: Mapped[str] = mapped_column(Id, ForeignKey("sites.id"), index=True)
    room_id: Mapped[str | None] = mapped_column(Id)
    audit_id: Mapped[str | None] = mapped_column(Id)
    kind: Mapped[str] = mapped_column(String(20))
    severity: Mapped[str] = mapped_column(String(20))
    text: Mapped[str | None] = mapped_column(Text)
    latency_ms: Mapped[float | None] = mapped_column(Float)
    packet_loss_pct: Mapped[float | None] = mapped_column(Float)
    wifi_signal_dbm: Mapped[float | None] = mapped_column(Float)
    observed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    auditor: Mapped[str | None] = mapped_column(String(200))
    # Set on the row that resolves another observation (insert-only: resolving is a new row).
    resolves_id: Mapped[str | None] = mapped_column(Id, index=True)


# ---- local tables: never synced -------------------------------------------------------------


class ReplicaStateRecord(Base):
    __tablename__ = "replica_state"
    replica_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    deployment_id: Mapped[str | None] = mapped_column(String(64))
    hlc_wall_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    hlc_counter: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Deferred: loaded only when asked for, so central's laptop logins (no right to it) can read the rest.
    signing_key: Mapped[str | None] = mapped_column(Text, deferred=True)


class OutboxRecord(Base):
    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(Id)
    op: Mapped[str] = mapped_column(String(10))  # "upsert" | "insert"
    payload: Mapped[str] = mapped_column(Text)  # JSON {"fields": {...}, "stamps": {...}}
    hlc: Mapped[str] = mapped_column(String(100))
    acked: Mapped[bool] = mapped_column(Boolean, default=False, index=True)


class SyncStateRecord(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class ConflictRecord(Base):
    __tablename__ = "conflicts"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(Id, index=True)
    field: Mapped[str] = mapped_column(String(60))
    kept_value: Mapped[str | None] = mapped_column(Text)  # JSON
    kept_stamp: Mapped[str] = mapped_column(String(100))
    lost_value: Mapped[str | None] = mapped_column(Text)  # JSON
    lost_stamp: Mapped[str] = mapped_column(String(100))
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    resolution: Mapped[str | None] = mapped_column(String(20))


# ---- central-only tables (migration 0002): exist, empty, on laptops too -----------------------


class CentralChangeRecord(Base):
    """Central's change log: accepted changes numbered in commit order; laptops keep a cursor into it."""

    __tablename__ = "central_changes"
    pos: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(Id, index=True)
    op: Mapped[str] = mapped_column(String(10))  # "upsert" | "insert"
    payload: Mapped[str] = mapped_column(Text)  # JSON of the accepted fields
    stamps: Mapped[str] = mapped_column(Text)  # compact field stamps of those fields
    origin: Mapped[str] = mapped_column(String(64))  # replica that made the change
    seen_pos: Mapped[int] = mapped_column(BigInteger, default=0)  # the origin's cursor when it made it
    accepted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CentralReplicaRecord(Base):
    """An enrolled laptop: its public key (Ed25519) is what its sync files must be signed with."""

    __tablename__ = "central_replicas"
    key_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    public_key: Mapped[str] = mapped_column(Text)
    replica_id: Mapped[str | None] = mapped_column(String(64), index=True)  # bound at first use
    name: Mapped[str | None] = mapped_column(String(200))
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class CentralLedgerRecord(Base):
    """Per-replica ledger: how far its outbox is applied and how far it has pulled the change log."""

    __tablename__ = "central_ledgers"
    replica_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    applied_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    # The stamp of the change numbered applied_seq: a store that hands out that number again for another
    # change (an old copy of a laptop's file) is told apart from a file that is merely sent twice.
    applied_mark: Mapped[str | None] = mapped_column(String(100))
    pulled_pos: Mapped[int] = mapped_column(BigInteger, default=0)
    last_file_id: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CentralLoginRecord(Base):
    """A laptop's own database login at central and the replica it belongs to (bound at first sync)."""

    __tablename__ = "central_logins"
    login: Mapped[str] = mapped_column(String(63), primary_key=True)
    replica_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    bound_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CentralQuarantineRecord(Base):
    """Changes stamped far in the future: held, not applied, until time catches up or an admin decides."""

    __tablename__ = "central_quarantine"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    origin: Mapped[str] = mapped_column(String(64), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    change: Mapped[str] = mapped_column(Text)  # the change as received (JSON)
    stamp: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


SYNCED_RECORDS: tuple[type[SyncedRecord], ...] = (
    AreaRecord,
    SiteRecord,
    RoomRecord,
    SitePopulationRecord,
    CategoryRecord,
    DeviceModelRecord,
    LeasingContractRecord,
    DeviceRecord,
    TargetLevelRecord,
    AuditRecord,
    AuditDecisionRecord,
    BillingLineRecord,
    TagBlockRecord,
)
INSERT_ONLY_RECORDS: tuple[type[InsertOnlyRecord], ...] = (ScanEventRecord, ObservationRecord)
RECORD_BY_TABLE: dict[str, type[Base]] = {cls.__tablename__: cls for cls in (*SYNCED_RECORDS, *INSERT_ONLY_RECORDS)}


def synced_columns(record: type[SyncedRecord]) -> list[str]:
    """Attribute names whose values are stamped and exchanged (everything but id/stamps/local)."""
    from sqlalchemy import inspect

    mapper = inspect(record)
    return [
        attr.key
        for attr in mapper.column_attrs
        if attr.key not in ("id", "stamps") and attr.key not in record.local_columns
    ]
