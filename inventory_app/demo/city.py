"""Generate a demo city: areas, sites of every kind, rooms with labels, populations, models,
devices (owned and leased, of every status), target levels, and a lessor's billing file with
planted discrepancies. The same seed and reference date always give the same city."""

from __future__ import annotations

import csv
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from inventory_app.core.catalogue import STANDARD_CATEGORIES, CategorySpec
from inventory_app.core.enums import (
    CategoryGroup,
    Condition,
    DeviceStatus,
    ObservationKind,
    Ownership,
    RoomKind,
    Severity,
    SiteKind,
    TargetBasis,
)
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import device_id_for_tag, make_tag, room_label_code
from inventory_app.demo.lappeenranta import (
    CITY_PLAN,
    DEMO_TAG_PREFIX,
    LESSORS,
    MODELS,
    PUPIL_TARGET,
    PUPILS,
    STATUS_WEIGHTS,
)
from inventory_app.storage.repositories import school_year_of
from inventory_app.storage.schema import (
    AreaRecord,
    AuditRecord,
    DeviceModelRecord,
    DeviceRecord,
    LeasingContractRecord,
    ObservationRecord,
    RoomRecord,
    ScanEventRecord,
    SitePopulationRecord,
    SiteRecord,
    TargetLevelRecord,
)
from inventory_app.storage.store import Store


def _ascii(text: str) -> str:
    return text.translate(str.maketrans("äöåÄÖÅ", "aoaAOA"))


@dataclass
class DemoResult:
    areas: int = 0
    sites: int = 0
    rooms: int = 0
    devices: int = 0
    contracts: int = 0
    audits: int = 0
    observations: int = 0
    billing_file: Path | None = None
    billing_lines: int = 0
    planted: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "areas": self.areas,
            "sites": self.sites,
            "rooms": self.rooms,
            "devices": self.devices,
            "contracts": self.contracts,
            "audits": self.audits,
            "observations": self.observations,
            "billing_file": str(self.billing_file) if self.billing_file else None,
            "billing_lines": self.billing_lines,
            "planted_discrepancies": self.planted,
        }


class DemoCity:
    def __init__(
        self,
        store: Store,
        *,
        devices: int = 6000,
        seed: int = 1,
        as_of: date | None = None,
        tag_prefix: str = DEMO_TAG_PREFIX,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        if devices < 0:
            raise RejectedInput("--devices must be 0 or more")
        self.store = store
        self.n_devices = devices
        self.rng = random.Random(seed)
        self.as_of = as_of or date.today()
        self.tag_prefix = tag_prefix
        self.progress = progress or (lambda done, total: None)
        self.result = DemoResult()

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def generate(self, billing_dir: Path | None = None) -> DemoResult:
        with self.store.read() as s:
            if s.scalar(select(func.count()).select_from(SiteRecord)):
                raise RejectedInput("this store already has sites; make the demo city in a new store (--db NEW_FILE)")
        with self.store.unit_of_work() as uow:
            sites = self._places(uow)
            models = self._models(uow)
            contracts = self._contracts(uow)
            self._targets(uow)
            devices = self._devices(uow, sites, models, contracts)
            self._audits(uow, sites, devices)
            self._observations(uow, sites)
        if billing_dir is not None:
            self._billing_file(billing_dir, devices, contracts, sites)
        return self.result

    # -- places --------------------------------------------------------------------------------
    def _places(self, uow: Any) -> list[dict[str, Any]]:
        rng = self.rng
        areas: list[dict[str, Any]] = []
        sites: list[dict[str, Any]] = []
        rooms: list[dict[str, Any]] = []
        pops: list[dict[str, Any]] = []
        this_year = school_year_of(self.as_of)
        last_year = school_year_of(self.as_of.replace(year=self.as_of.year - 1))
        for a_index, (area_name, area_code, plan) in enumerate(CITY_PLAN):
            area = {"id": self._uuid(), "name": area_name, "code": area_code}
            areas.append(area)
            for kind, site_name in plan:
                # Codes go into barcodes: ASCII letters and digits only.
                code = f"{_ascii(site_name[:3]).upper()}{len(sites) + 1:02d}"
                site: dict[str, Any] = {
                    "id": self._uuid(),
                    "area_id": area["id"],
                    "name": site_name,
                    "code": code,
                    "kind": kind.value,
                    "cost_centre": f"{4100 + a_index * 100 + len(sites)}",
                }
                sites.append(site)
                lo, hi = PUPILS[kind]
                pupils = rng.randint(lo, hi) if hi else 0
                staff = max(3, pupils // rng.randint(9, 14)) if pupils else rng.randint(8, 20)
                for year, factor in ((last_year, 0.97), (this_year, 1.0)):
                    pops.append(
                        {
                            "id": self._uuid(),
                            "site_id": site["id"],
                            "school_year": year,
                            "pupils": int(pupils * factor),
                            "staff": staff,
                        }
                    )
                classrooms = {SiteKind.EARLY_CHILDHOOD: 4, SiteKind.OTHER: 2}.get(kind, max(6, pupils // 22))
                site_rooms = []
                for i in range(classrooms):
                    floor, number = divmod(i, 12)
                    room_code = f"{'ABC'[floor % 3]}{floor // 3 + 1}{number + 1:02d}"
                    site_rooms.append((room_code, f"Luokka {room_code}", RoomKind.CLASSROOM))
                site_rooms += [
                    ("OH1", "Opettajainhuone", RoomKind.STAFF_ROOM),
                    ("TO1", "Toimisto", RoomKind.OFFICE),
                    ("VA1", "Varasto", RoomKind.STORAGE),
                    ("SA1", "Sali", RoomKind.HALL),
                ]
                site["_rooms"] = []
                for room_code, room_name, room_kind in site_rooms:
                    room = {
                        "id": self._uuid(),
                        "site_id": site["id"],
                        "code": room_code,
                        "name": room_name,
                        "kind": room_kind.value,
                        "label_code": room_label_code(code, room_code),
                    }
                    rooms.append(room)
                    site["_rooms"].append(room)
                site["_pupils"], site["_staff"], site["_kind"] = pupils, staff, kind
        uow.insert_many(AreaRecord, areas)
        uow.insert_many(SiteRecord, [{k: v for k, v in s.items() if not k.startswith("_")} for s in sites])
        uow.insert_many(RoomRecord, rooms)
        uow.insert_many(SitePopulationRecord, pops)
        self.result.areas, self.result.sites, self.result.rooms = len(areas), len(sites), len(rooms)
        return sites

    def _models(self, uow: Any) -> dict[str, list[dict[str, Any]]]:
        models: dict[str, list[dict[str, Any]]] = {}
        rows = []
        for spec in STANDARD_CATEGORIES:
            for manufacturer, name, price in MODELS[spec.code]:
                row = {
                    "id": self._uuid(),
                    "category_id": spec.id,
                    "manufacturer": manufacturer,
                    "name": name,
                    "expected_lifetime_years": spec.lifetime_years,
                }
                rows.append(row)
                models.setdefault(spec.code, []).append({**row, "_price": price})
        uow.insert_many(DeviceModelRecord, rows)
        return models

    def _contracts(self, uow: Any) -> list[dict[str, Any]]:
        rows = []
        # End dates spread so that some leases end within the next year (the renewal report).
        ends = (
            self.as_of + timedelta(days=75),
            self.as_of + timedelta(days=300),
            self.as_of + timedelta(days=700),
            self.as_of + timedelta(days=1000),
        )
        for (lessor, number), end in zip(LESSORS, ends, strict=True):
            start = end.replace(year=end.year - 4)
            rows.append(
                {
                    "id": self._uuid(),
                    "lessor": lessor,
                    "contract_number": number,
                    "start_date": start,
                    "end_date": end,
                    "notice_months": 3,
                    "monthly_fee_cents": None,
                    "fee_basis": "per_device",
                    "cost_centre": None,
                }
            )
        uow.insert_many(LeasingContractRecord, rows)
        self.result.contracts = len(rows)
        return rows

    def _targets(self, uow: Any) -> None:
        rows = []
        for kind in SiteKind:
            rows.append(
                {
                    "id": self._uuid(),
                    "site_kind": kind.value,
                    "group": CategoryGroup.PUPIL.value,
                    "basis": TargetBasis.PER_PUPIL.value,
                    "per_unit": PUPIL_TARGET[kind],
                }
            )
            rows.append(
                {
                    "id": self._uuid(),
                    "site_kind": kind.value,
                    "group": CategoryGroup.STAFF.value,
                    "basis": TargetBasis.PER_STAFF.value,
                    "per_unit": 1.0,
                }
            )
            rows.append(
                {
                    "id": self._uuid(),
                    "site_kind": kind.value,
                    "group": CategoryGroup.PRESENTATION.value,
                    "basis": TargetBasis.PER_CLASSROOM.value,
                    "per_unit": 1.0,
                }
            )
        uow.insert_many(TargetLevelRecord, rows)

    # -- devices -------------------------------------------------------------------------------
    def _device_plan(self, sites: list[dict[str, Any]]) -> list[tuple[dict[str, Any], CategorySpec, float]]:
        """(site, category, weight): how the devices spread before scaling to the wanted total."""
        plan = []
        cats = {c.code: c for c in STANDARD_CATEGORIES}
        for site in sites:
            kind, pupils, staff = site["_kind"], site["_pupils"], site["_staff"]
            classrooms = sum(1 for r in site["_rooms"] if r["kind"] == RoomKind.CLASSROOM.value)
            coverage = PUPIL_TARGET[kind] * self.rng.uniform(0.6, 1.2)
            if kind is SiteKind.EARLY_CHILDHOOD:
                plan.append((site, cats["tablet"], pupils * coverage))
            else:
                plan.append((site, cats["pupil_laptop"], pupils * coverage * 0.5))
                plan.append((site, cats["chromebook"], pupils * coverage * 0.3))
                plan.append((site, cats["tablet"], pupils * coverage * 0.2))
            plan.append((site, cats["staff_laptop"], staff * 0.8))
            plan.append((site, cats["staff_desktop"], staff * 0.2))
            plan.append((site, cats["staff_tablet"], staff * 0.1))
            plan.append((site, cats["projector"], classrooms * 0.5))
            plan.append((site, cats["display"], classrooms * 0.3))
            plan.append((site, cats["interactive_display"], classrooms * 0.3))
            plan.append((site, cats["document_camera"], classrooms * 0.6))
            plan.append((site, cats["audio"], classrooms * 0.2))
            plan.append((site, cats["printer"], 2 + staff * 0.05))
            plan.append((site, cats["access_point"], 2 + classrooms * 0.5))
        return plan

    def _devices(
        self,
        uow: Any,
        sites: list[dict[str, Any]],
        models: dict[str, list[dict[str, Any]]],
        contracts: list[dict[str, Any]],
    ) -> list[dict[str, Any]]:
        rng = self.rng
        plan = self._device_plan(sites)
        total_weight = sum(w for _, _, w in plan) or 1.0
        counts = [int(w / total_weight * self.n_devices) for _, _, w in plan]
        for i in range(self.n_devices - sum(counts)):  # distribute the rounding remainder
            counts[i % len(counts)] += 1
        rows: list[dict[str, Any]] = []
        number = 0
        done = 0
        batch: list[dict[str, Any]] = []
        statuses = [s for s, _ in STATUS_WEIGHTS]
        weights = [w for _, w in STATUS_WEIGHTS]
        for (site, spec, _), count in zip(plan, counts, strict=True):
            classrooms = [r for r in site["_rooms"] if r["kind"] == RoomKind.CLASSROOM.value]
            staff_rooms = [r for r in site["_rooms"] if r["kind"] in (RoomKind.STAFF_ROOM.value, RoomKind.OFFICE.value)]
            storage = [r for r in site["_rooms"] if r["kind"] == RoomKind.STORAGE.value]
            # Early childhood units have the oldest devices (the ICT plan names them).
            max_age_days = 8 * 365 if site["_kind"] is SiteKind.EARLY_CHILDHOOD else 6 * 365
            for _ in range(count):
                number += 1
                tag = make_tag(self.tag_prefix, number)
                model = rng.choice(models[spec.code])
                status = rng.choices(statuses, weights)[0]
                if status is DeviceStatus.SPARE and storage:
                    room = storage[0]
                elif spec.group is CategoryGroup.STAFF and staff_rooms:
                    room = rng.choice(staff_rooms)
                else:
                    room = rng.choice(classrooms or site["_rooms"])
                age = int(rng.triangular(0, max_age_days, max_age_days * 0.35))
                purchased = self.as_of - timedelta(days=age)
                leased = spec.code in ("pupil_laptop", "chromebook", "staff_laptop") and rng.random() < 0.4
                contract = rng.choice(contracts) if leased else None
                price = int(model["_price"] * rng.uniform(0.9, 1.1))
                row = {
                    "id": device_id_for_tag(tag),
                    "asset_tag": tag,
                    "serial": f"{model['manufacturer'][:2].upper()}{rng.getrandbits(40):010X}",
                    "inventory_number": f"INV-{rng.randint(10000, 99999)}-{number}" if rng.random() < 0.6 else None,
                    "mac": ":".join(f"{rng.getrandbits(8):02X}" for _ in range(6))
                    if spec.group in (CategoryGroup.PUPIL, CategoryGroup.STAFF, CategoryGroup.INFRASTRUCTURE)
                    else None,
                    "category_id": spec.id,
                    "model_id": model["id"],
                    "site_id": site["id"],
                    "room_id": room["id"],
                    "status": status.value,
                    "condition": rng.choices([c.value for c in Condition], [50, 30, 12, 8])[0],
                    "ownership": Ownership.LEASED.value if leased else Ownership.OWNED.value,
                    "contract_id": contract["id"] if contract else None,
                    "purchase_date": None if leased else purchased,
                    "purchase_price_cents": None if leased else price,
                    "lease_monthly_fee_cents": int(price / 40) if leased else None,
                    "lease_end": None,
                    "assigned_to": f"{rng.randint(1, 9)}{'ABCD'[rng.randint(0, 3)]}"
                    if spec.group is CategoryGroup.PUPIL
                    else None,
                }
                batch.append(row)
                rows.append(row)
                if len(batch) >= 5000:
                    uow.insert_many(DeviceRecord, batch)
                    done += len(batch)
                    batch = []
                    self.progress(done, self.n_devices)
        if batch:
            uow.insert_many(DeviceRecord, batch)
            done += len(batch)
            self.progress(done, self.n_devices)
        self.result.devices = len(rows)
        return rows

    # -- audits and observations --------------------------------------------------------------------
    def _audits(self, uow: Any, sites: list[dict[str, Any]], devices: list[dict[str, Any]]) -> None:
        """A finished audit of every third site a few weeks before as-of: most devices found, some moved,
        a few missing and two unknown codes, so the audit and reconciliation reports have something to say."""
        rng = self.rng
        by_site: dict[str, list[dict[str, Any]]] = {}
        for d in devices:
            if d["status"] not in (DeviceStatus.LOST.value, DeviceStatus.RETIRED.value):
                by_site.setdefault(d["site_id"], []).append(d)
        audits, events = [], []
        for n, site in enumerate(sites[::3]):
            started = datetime.combine(self.as_of - timedelta(days=20 + n), time(8, 0), tzinfo=UTC)
            audit_id = self._uuid()
            audits.append(
                {
                    "id": audit_id,
                    "site_id": site["id"],
                    "auditor": "Demo Tarkastaja",
                    "started_at": started,
                    "finished_at": started + timedelta(hours=5),
                    "status": "finished",
                }
            )
            at = started
            rooms = {r["id"]: r for r in site["_rooms"]}
            for room_id, room in rooms.items():
                at += timedelta(minutes=2)
                events.append(
                    {
                        "id": self._uuid(),
                        "audit_id": audit_id,
                        "room_id": room_id,
                        "raw_code": room["label_code"],
                        "code": room["label_code"],
                        "symbology": "code128",
                        "method": "camera",
                        "scanned_at": at,
                        "device_id": None,
                        "outcome": "room",
                    }
                )
                for d in (d for d in by_site.get(site["id"], []) if d["room_id"] == room_id):
                    roll = rng.random()
                    if roll < 0.02:
                        continue  # not seen: missing at the end
                    at += timedelta(seconds=4)
                    moved = roll < 0.04 and len(rooms) > 1
                    events.append(
                        {
                            "id": self._uuid(),
                            "audit_id": audit_id,
                            "room_id": room_id,
                            "raw_code": d["asset_tag"],
                            "code": d["asset_tag"],
                            "symbology": "code128",
                            "method": "camera",
                            "scanned_at": at,
                            "device_id": d["id"],
                            "outcome": "moved" if moved else "found",
                            "previous_room_id": rng.choice([r for r in rooms if r != room_id]) if moved else None,
                        }
                    )
            for k in range(2):
                at += timedelta(seconds=30)
                code = f"TUNTEMATON{k + 1}"
                events.append(
                    {
                        "id": self._uuid(),
                        "audit_id": audit_id,
                        "room_id": site["_rooms"][0]["id"],
                        "raw_code": code,
                        "code": code,
                        "symbology": "code128",
                        "method": "keyboard",
                        "scanned_at": at,
                        "device_id": None,
                        "outcome": "unknown",
                    }
                )
        uow.insert_many(AuditRecord, audits)
        for i in range(0, len(events), 20000):
            uow.insert_many(ScanEventRecord, events[i : i + 20000])
        self.result.audits = len(audits)

    def _observations(self, uow: Any, sites: list[dict[str, Any]]) -> None:
        """Problems the auditors wrote down: network ones with measurements, printing, presentation, other."""
        rng = self.rng
        rows = []
        notes = {
            ObservationKind.NETWORK: (
                "Wi-Fi katkeilee luokan takaosassa",
                "Verkko hidas aamupäivisin",
                "Yhteys ei toimi lainkaan",
                "Tukiasema vilkkuu punaisena",
            ),
            ObservationKind.PRINTING: ("Tulostin jumittaa paperin", "Tulostusjono ei tyhjene", "Väriaine lopussa"),
            ObservationKind.PRESENTATION: ("Projektorin kuva vilkkuu", "HDMI-kaapeli puuttuu"),
            ObservationKind.OTHER: ("Latauskärry rikki", "Dokumenttikameran jalka löysä"),
        }
        for n, site in enumerate(sites):
            if n % 4 == 3:
                continue  # not every site has problems
            classrooms = [r for r in site["_rooms"] if r["kind"] == RoomKind.CLASSROOM.value] or site["_rooms"]
            for _ in range(rng.randint(1, 4)):
                kind = rng.choices(list(notes), [5, 3, 1, 1])[0]
                severity = rng.choices(list(Severity), [3, 4, 2])[0]
                at = datetime.combine(
                    self.as_of - timedelta(days=rng.randint(1, 120)), time(9, rng.randint(0, 59)), tzinfo=UTC
                )
                network = kind is ObservationKind.NETWORK
                row = {
                    "id": self._uuid(),
                    "site_id": site["id"],
                    "room_id": rng.choice(classrooms)["id"],
                    "kind": kind.value,
                    "severity": severity.value,
                    "text": rng.choice(notes[kind]),
                    "observed_at": at,
                    "auditor": "Demo Tarkastaja",
                    "latency_ms": round(rng.uniform(15, 400), 1) if network else None,
                    "packet_loss_pct": float(rng.choice((0, 0, 5, 10, 20, 40))) if network else None,
                    "wifi_signal_dbm": float(rng.randint(-85, -50)) if network else None,
                }
                rows.append(row)
                if rng.random() < 0.3:  # fixed since: a resolving row (observations are insert-only)
                    rows.append(
                        {
                            **row,
                            "id": self._uuid(),
                            "resolves_id": row["id"],
                            "text": "Korjattu",
                            "observed_at": at + timedelta(days=rng.randint(1, 10)),
                            "latency_ms": None,
                            "packet_loss_pct": None,
                            "wifi_signal_dbm": None,
                        }
                    )
        uow.insert_many(ObservationRecord, rows)
        self.result.observations = sum(1 for r in rows if not r.get("resolves_id"))

    # -- the lessor's invoice ------------------------------------------------------------------------
    def _billing_file(
        self, folder: Path, devices: list[dict[str, Any]], contracts: list[dict[str, Any]], sites: list[dict[str, Any]]
    ) -> None:
        """A lessor's monthly invoice with planted problems for the reconciliation report."""
        rng = self.rng
        cost_centre = {s["id"]: s["cost_centre"] for s in sites}
        contract_no = {c["id"]: c["contract_number"] for c in contracts}
        leased = [d for d in devices if d["ownership"] == Ownership.LEASED.value]
        period = f"{self.as_of.month}/{self.as_of.year}"
        lines: list[tuple[str, str, str, str, int]] = []
        planted = {"billed_not_found": 0, "found_not_billed": 0, "billed_twice": 0, "billed_to_other_unit": 0}
        for d in leased:
            roll = rng.random()
            if roll < 0.03:
                planted["found_not_billed"] += 1
                continue
            centre = cost_centre[d["site_id"]]
            if roll < 0.05:
                other = rng.choice([c for c in cost_centre.values() if c != centre])
                centre = other
                planted["billed_to_other_unit"] += 1
            line = (period, contract_no[d["contract_id"]], d["serial"], centre, d["lease_monthly_fee_cents"])
            lines.append(line)
            if 0.05 <= roll < 0.06:
                lines.append(line)
                planted["billed_twice"] += 1
        ghosts = max(1, len(leased) // 50)
        for n in range(ghosts):
            contract = rng.choice(contracts)
            # Some ghosts are billed to a cost centre that is no site's, or to none at all.
            centre = "Kaupunki" if n % 7 == 1 else "" if n % 7 == 2 else rng.choice(list(cost_centre.values()))
            lines.append(
                (period, contract["contract_number"], f"XX{rng.getrandbits(40):010X}", centre, rng.randint(800, 2500))
            )
        planted["billed_not_found"] = ghosts
        rng.shuffle(lines)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"laskutus-{self.as_of:%Y-%m}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(["Laskutuskausi", "Sopimus", "Sarjanumero", "Kustannuspaikka", "Kuukausimaksu"])
            for period_, contract_, serial, centre, cents in lines:
                writer.writerow([period_, contract_, serial, centre, f"{cents // 100},{cents % 100:02d}"])
        self.result.billing_file = path
        self.result.billing_lines = len(lines)
        self.result.planted = planted
