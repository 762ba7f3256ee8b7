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

from inventory_app.core.enums import ObservationKind, Severity
from inventory_app.core.errors import RejectedInput
from inventory_app.storage.schema import ObservationRecord
from inventory_app.storage.store import Store


@dataclass(frozen=True, slots=True)
class Measurement:
    target: str
    latency_ms: float | None
    packet_loss_pct: float
    wifi_signal_dbm: float | None
    attempts: int

    def to_json(self) -> dict[str, Any]:
        return {"target": self.target, "latency_ms": self.latency_ms, "packet_loss_pct": self.packet_loss_pct,
                "wifi_signal_dbm": self.wifi_signal_dbm, "attempts": self.attempts}


def central_endpoint(url: str) -> tuple[str, int]:
    """Host and port of the central server from its URL (PostgreSQL's port 5432 by default)."""
    parts = urlsplit(url if "://" in url else "postgresql://" + url)
    if not parts.hostname:
        raise RejectedInput(f"'{url}' names no server")
    return parts.hostname, parts.port or 5432


def check_connection(host: str, port: int, attempts: int = 5, timeout_s: float = 2.0,
                     connect: Callable[[tuple[str, int], float], Any] | None = None) -> Measurement:
    """Time TCP connections to the central server (ICMP ping needs privileges on many laptops)."""
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
    return Measurement(f"{host}:{port}", latency, round(loss, 1), wifi_signal_dbm(), attempts)


def wifi_signal_dbm() -> float | None:
    """The Wi-Fi signal where the OS tells it: /proc/net/wireless on Linux, netsh on Windows."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_signal(Path("/proc/net/wireless"))
        if sys.platform == "win32":
            out = subprocess.run(["netsh", "wlan", "show", "interfaces"], capture_output=True, text=True,
                                 timeout=3).stdout
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


def record_observation(store: Store, *, site_id: str, kind: ObservationKind | str, severity: Severity | str,
                       text: str | None = None, room_id: str | None = None, audit_id: str | None = None,
                       measurement: Measurement | None = None, auditor: str | None = None) -> str:
    try:
        kind_value = ObservationKind(kind).value
        severity_value = Severity(severity).value
    except ValueError as exc:
        raise RejectedInput(str(exc)) from None
    with store.unit_of_work() as uow:
        record = ObservationRecord(
            site_id=site_id, room_id=room_id, audit_id=audit_id, kind=kind_value, severity=severity_value,
            text=(text or "").strip() or None, observed_at=datetime.now(UTC), auditor=auditor or None,
            latency_ms=measurement.latency_ms if measurement else None,
            packet_loss_pct=measurement.packet_loss_pct if measurement else None,
            wifi_signal_dbm=measurement.wifi_signal_dbm if measurement else None,
        )
        uow.session.add(record)
        uow.flush()
        return record.id
