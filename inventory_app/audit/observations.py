"""Observations per room (network, printing, presentation tech) and a measured connection check."""

from __future__ import annotations

import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import aliased

from inventory_app.core.enums import LEGACY_SEVERITY, ObservationKind, Severity
from inventory_app.core.errors import RejectedInput
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import AreaRecord, ObservationRecord, RoomRecord, SiteRecord
from inventory_app.storage.store import Store


@dataclass(frozen=True, slots=True)
class Measurement:
    target: str
    latency_ms: float | None
    packet_loss_pct: float
    wifi_signal_dbm: float | None
    attempts: int
    source: str = ""  # "setting" | "central" | "default": why this target (CheckTarget.source)

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "latency_ms": self.latency_ms,
            "packet_loss_pct": self.packet_loss_pct,
            "wifi_signal_dbm": self.wifi_signal_dbm,
            "attempts": self.attempts,
            "source": self.source,
        }


def central_endpoint(url: str) -> tuple[str, int]:
    """Host and port of the central server from its URL (PostgreSQL's port 5432 by default)."""
    parts = urlsplit(url if "://" in url else "postgresql://" + url)
    if not parts.hostname:
        raise RejectedInput(f"'{url}' names no server")
    return parts.hostname, parts.port or 5432


def check_connection(
    host: str,
    port: int,
    attempts: int = 5,
    timeout_s: float = 2.0,
    connect: Callable[[tuple[str, int], float], Any] | None = None,
    source: str = "",
) -> Measurement:
    """Time TCP connections to ``host:port`` (ICMP ping needs privileges on many laptops)."""
    connect = connect or (lambda addr, t: socket.create_connection(addr, timeout=t))
    times: list[float] = []
    for _ in range(attempts):
        started = time.perf_counter()
        try:
            conn = connect((host, port), timeout_s)
        except OSError:
            continue
        times.append((time.perf_counter() - started) * 1000)
        close = getattr(conn, "close", None)
        if close:
            close()
    loss = 100.0 * (attempts - len(times)) / attempts if attempts else 0.0
    latency = round(statistics.median(times), 1) if times else None
    return Measurement(f"{host}:{port}", latency, round(loss, 1), wifi_signal_dbm(), attempts, source)


def wifi_signal_dbm() -> float | None:
    """The Wi-Fi signal where the OS tells it: /proc/net/wireless on Linux, netsh on Windows."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_signal(Path("/proc/net/wireless"))
        if sys.platform == "win32":
            out = subprocess.run(
                ["netsh", "wlan", "show", "interfaces"], capture_output=True, text=True, timeout=3
            ).stdout
            match = re.search(r"^\s*Signal\s*:\s*(\d+)\s*%", out, re.MULTILINE)
            if match:
                return int(match.group(1)) / 2 - 100  # Windows' quality % to an approximate dBm
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return None


def _linux_signal(path: Path) -> float | None:
    if not path.exists():
        return None
    for line in path.read_text().splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 4:
            return float(parts[3].rstrip("."))
    return None


def record_observation(
    store: Store,
    *,
    site_id: str,
    kind: ObservationKind | str,
    severity: Severity | str,
    text: str | None = None,
    room_id: str | None = None,
    audit_id: str | None = None,
    measurement: Measurement | None = None,
    auditor: str | None = None,
) -> str:
    try:
        kind_value = ObservationKind(kind).value
        severity_value = parse_severity(str(severity)).value
    except ValueError as exc:
        raise RejectedInput(str(exc)) from None
    with store.unit_of_work() as uow:
        record = ObservationRecord(
            site_id=site_id,
            room_id=room_id,
            audit_id=audit_id,
            kind=kind_value,
            severity=severity_value,
            text=(text or "").strip() or None,
            observed_at=datetime.now(UTC),
            auditor=auditor or None,
            latency_ms=measurement.latency_ms if measurement else None,
            packet_loss_pct=measurement.packet_loss_pct if measurement else None,
            wifi_signal_dbm=measurement.wifi_signal_dbm if measurement else None,
        )
        uow.session.add(record)
        uow.flush()
        return record.id


# ---- the connection check's target ------------------------------------------------------------------

# Used when neither a check host nor a central server is set: a public service every Finnish
# school network reaches (a city sets its own in Settings).
DEFAULT_CHECK_HOST = "www.suomi.fi:443"


@dataclass(frozen=True, slots=True)
class CheckTarget:
    host: str
    port: int
    source: str  # "setting" | "central" | "default": what the check measures, said to the user

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


def parse_host(text: str, default_port: int = 443) -> tuple[str, int]:
    """``host`` or ``host:port`` (or a URL) as the check's target; refused when it names no host."""
    value = text.strip()
    if "://" in value:
        parts = urlsplit(value)
        if not parts.hostname:
            raise RejectedInput(f"'{text}' names no host")
        return parts.hostname, parts.port or default_port
    host, _, port = value.rpartition(":") if value.count(":") == 1 else (value, "", "")
    if not host or not re.fullmatch(r"[A-Za-z0-9.-]+", host):
        raise RejectedInput(f"'{text}' is no host name; write it like www.example.fi or www.example.fi:443")
    if port and (not port.isdigit() or not 0 < int(port) < 65536):
        raise RejectedInput(f"'{port}' is no port number (1-65535)")
    return host, int(port) if port else default_port


def check_target(check_host: str, central_url: str) -> CheckTarget:
    """Where the connection check measures: the host set in Settings, else the central, else the default."""
    if check_host.strip():
        host, port = parse_host(check_host)
        return CheckTarget(host, port, "setting")
    if central_url.strip():
        host, port = central_endpoint(central_url)
        return CheckTarget(host, port, "central")
    host, port = parse_host(DEFAULT_CHECK_HOST)
    return CheckTarget(host, port, "default")


# ---- recording, listing and resolving (the CLI and the audit screen write the same rows) -------------


def parse_severity(value: str) -> Severity:
    """low, medium or high (the first schema's info/minor/major/critical are read as their new level)."""
    text = (value or "").strip().lower()
    if text in LEGACY_SEVERITY:
        return LEGACY_SEVERITY[text]
    try:
        return Severity(text)
    except ValueError:
        raise RejectedInput(f"severity '{value}' is not one of: low, medium, high") from None


def parse_kind(value: str) -> ObservationKind:
    try:
        return ObservationKind((value or "").strip().lower())
    except ValueError:
        raise RejectedInput(f"kind '{value}' is not one of: {', '.join(k.value for k in ObservationKind)}") from None


@dataclass(frozen=True, slots=True)
class ObservationView:
    id: str
    site_code: str
    site: str
    area: str | None
    room: str | None
    kind: str
    severity: str
    text: str | None
    latency_ms: float | None
    packet_loss_pct: float | None
    wifi_signal_dbm: float | None
    observed_at: datetime
    auditor: str | None
    resolved_at: datetime | None

    @property
    def open(self) -> bool:
        return self.resolved_at is None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "site_code": self.site_code,
            "site": self.site,
            "area": self.area,
            "room": self.room,
            "kind": self.kind,
            "severity": self.severity,
            "note": self.text,
            "latency_ms": self.latency_ms,
            "loss_pct": self.packet_loss_pct,
            "wifi_signal_dbm": self.wifi_signal_dbm,
            "observed_at": self.observed_at.isoformat(timespec="seconds"),
            "auditor": self.auditor,
            "open": self.open,
            "resolved_at": self.resolved_at.isoformat(timespec="seconds") if self.resolved_at else None,
        }


class ObservationService:
    """``observation add|list|resolve``: the same rows the audit screen's observation dialog records."""

    def __init__(self, store: Store, now: Callable[[], datetime] | None = None) -> None:
        self.store = store
        self.now = now or (lambda: datetime.now(UTC))

    def add(
        self,
        *,
        site: str,
        kind: str,
        severity: str,
        room: str | None = None,
        note: str | None = None,
        latency_ms: float | None = None,
        loss_pct: float | None = None,
        auditor: str | None = None,
    ) -> str:
        kind_value, severity_value = parse_kind(kind), parse_severity(severity)
        if latency_ms is not None and not 0 <= latency_ms <= 600_000:
            raise RejectedInput("--latency-ms must be between 0 and 600000")
        if loss_pct is not None and not 0 <= loss_pct <= 100:
            raise RejectedInput("--loss-pct must be between 0 and 100")
        with self.store.unit_of_work() as uow:
            site_record = repo.find_site(uow.session, site)
            room_id = repo.find_room(uow.session, site_record.id, room).id if room else None
            record = ObservationRecord(
                site_id=site_record.id,
                room_id=room_id,
                kind=kind_value.value,
                severity=severity_value.value,
                text=(note or "").strip() or None,
                observed_at=self.now(),
                auditor=auditor or None,
                latency_ms=latency_ms,
                packet_loss_pct=loss_pct,
            )
            uow.session.add(record)
            uow.flush()
            return record.id

    def resolve(self, observation_id: str, auditor: str | None = None, note: str | None = None) -> str:
        """A new row that resolves the observation; refused when it is unknown or already resolved."""
        with self.store.unit_of_work() as uow:
            s = uow.session
            target = s.get(ObservationRecord, observation_id.strip())
            if target is None or target.resolves_id is not None:
                raise RejectedInput(f"no observation has the id '{observation_id}'; 'observation list' shows them")
            done = s.scalar(select(ObservationRecord.id).where(ObservationRecord.resolves_id == target.id).limit(1))
            if done is not None:
                raise RejectedInput(f"observation {target.id} is already resolved")
            record = ObservationRecord(
                site_id=target.site_id,
                room_id=target.room_id,
                kind=target.kind,
                severity=target.severity,
                text=(note or "").strip() or None,
                observed_at=self.now(),
                auditor=auditor or None,
                resolves_id=target.id,
            )
            s.add(record)
            uow.flush()
            return record.id

    def find(self, site: str | None = None, kind: str | None = None, open_only: bool = False) -> list[ObservationView]:
        with self.store.read() as s:
            resolved = aliased(ObservationRecord, name="resolution")
            stmt = (
                select(
                    ObservationRecord,
                    SiteRecord.code,
                    SiteRecord.name,
                    AreaRecord.name,
                    RoomRecord.code,
                    resolved.observed_at,
                )
                .join(SiteRecord, SiteRecord.id == ObservationRecord.site_id)
                .outerjoin(AreaRecord, AreaRecord.id == SiteRecord.area_id)
                .outerjoin(RoomRecord, RoomRecord.id == ObservationRecord.room_id)
                .outerjoin(resolved, resolved.resolves_id == ObservationRecord.id)
                .where(ObservationRecord.resolves_id.is_(None))
                .order_by(ObservationRecord.observed_at, ObservationRecord.id)
            )
            if site:
                stmt = stmt.where(ObservationRecord.site_id == repo.find_site(s, site).id)
            if kind:
                stmt = stmt.where(ObservationRecord.kind == parse_kind(kind).value)
            if open_only:
                stmt = stmt.where(resolved.id.is_(None))
            views = []
            for o, code, site_name, area, room, resolved_at in s.execute(stmt):
                views.append(
                    ObservationView(
                        o.id,
                        code or "",
                        site_name,
                        area,
                        room,
                        o.kind,
                        parse_severity(o.severity).value,
                        o.text,
                        o.latency_ms,
                        o.packet_loss_pct,
                        o.wifi_signal_dbm,
                        o.observed_at,
                        o.auditor,
                        resolved_at,
                    )
                )
            return views
