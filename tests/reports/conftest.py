"""A small city whose every report figure is worked out by hand in the tests.

as-of 15.3.2026 (school year 2025-2026). Euros below are per year unless said.

North area: Alpha school (ALP, primary, cost centre 4100, 40 pupils / 5 staff, classrooms A101 A102,
staff room OH1) and Beta daycare (BET, early childhood, 4200, 45 pupils / 3 staff, classroom B1).
South area: Gamma office (GAM, other, 4300, NO population row), office G1.

Contracts: K-1 15.3.2023-15.3.2026 (ends ON as-of), notice 3 months, 20 €/month per device;
K-2 1.1.2025-30.6.2027, notice 6 months, 90 €/month in total shared by its 3 devices (30 € each).

device  site room  category       own/lease  status   bought / price        annual cost
d1      ALP A101   pupil_laptop*  owned      in_use   10.1.2024   900 €     900/3 = 300   (*model "Laptop X", 3 y)
d2      ALP A101   pupil_laptop   owned      in_use   1.6.2021    800 €     0 (past its 4 y lifetime)
d3      ALP A101   pupil_laptop   K-1        in_use                         240 (lease ends on as-of: still runs)
d4      ALP A101   pupil_laptop   K-1        retired                        240 (retired, still under lease)
d5      ALP A101   tablet         owned      retired  15.3.2025   400 €     0 (retired)
d6      ALP OH1    staff_laptop   owned      in_use   1.9.2025    1200 €    1200/4 = 300
d7      ALP A101   projector      owned      in_use   16.3.2020   700 €     700/7 = 100
d13     ALP A102   projector      owned      in_use   (no date, no price)   0
d16     ALP A101   pupil_laptop   K-1        in_use                         240
d8      BET B1     tablet         K-2        in_use   serial "AB-12-cd"     360
d9      BET B1     tablet         K-2        lost                           360 (lease runs whatever the status)
d11     BET B1     tablet         owned      in_use   10.1.2026   300 €     75
d14     BET B1     tablet         owned      in_use   1.5.2018    250 €     0 (past lifetime)
d10     GAM G1     staff_laptop   K-2 own fee 25 €/month, own lease end 30.9.2026, in_use   300
d12     GAM G1     staff_desktop  owned      in_use   15.3.2024   1000 €    1000/5 = 200
d15     ALP A101   pupil_laptop   owned, DELETED (never counted)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from inventory_app.core.catalogue import category_id
from inventory_app.storage.schema import (
    AreaRecord,
    AuditDecisionRecord,
    AuditRecord,
    DeviceModelRecord,
    DeviceRecord,
    LeasingContractRecord,
    RoomRecord,
    ScanEventRecord,
    SitePopulationRecord,
    SiteRecord,
    TargetLevelRecord,
)
from inventory_app.storage.store import Store

AS_OF = date(2026, 3, 15)


@dataclass
class World:
    store: Store
    ids: dict[str, str]
    folder: Path


def _id(name: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"test-world/{name}"))


def build_world(store: Store) -> dict[str, str]:
    ids = {
        name: _id(name)
        for name in (
            "north",
            "south",
            "alp",
            "bet",
            "gam",
            "a101",
            "a102",
            "oh1",
            "b1",
            "g1",
            "k1",
            "k2",
            "laptop_x",
            *[f"d{i}" for i in range(1, 17)],
        )
    }
    with store.unit_of_work() as uow:
        s = uow.session
        s.add_all(
            [AreaRecord(id=ids["north"], name="North", code="N"), AreaRecord(id=ids["south"], name="South", code="S")]
        )
        s.flush()
        s.add_all(
            [
                SiteRecord(
                    id=ids["alp"],
                    area_id=ids["north"],
                    name="Alpha school",
                    code="ALP",
                    kind="primary",
                    cost_centre="4100",
                ),
                SiteRecord(
                    id=ids["bet"],
                    area_id=ids["north"],
                    name="Beta daycare",
                    code="BET",
                    kind="early_childhood",
                    cost_centre="4200",
                ),
                SiteRecord(
                    id=ids["gam"],
                    area_id=ids["south"],
                    name="Gamma office",
                    code="GAM",
                    kind="other",
                    cost_centre="4300",
                ),
            ]
        )
        s.flush()
        s.add_all(
            [
                RoomRecord(id=ids["a101"], site_id=ids["alp"], code="A101", kind="classroom"),
                RoomRecord(id=ids["a102"], site_id=ids["alp"], code="A102", kind="classroom"),
                RoomRecord(id=ids["oh1"], site_id=ids["alp"], code="OH1", kind="staff_room"),
                RoomRecord(id=ids["b1"], site_id=ids["bet"], code="B1", kind="classroom"),
                RoomRecord(id=ids["g1"], site_id=ids["gam"], code="G1", kind="office"),
                SitePopulationRecord(site_id=ids["alp"], school_year="2025-2026", pupils=40, staff=5),
                SitePopulationRecord(site_id=ids["alp"], school_year="2024-2025", pupils=999, staff=99),
                SitePopulationRecord(site_id=ids["bet"], school_year="2025-2026", pupils=45, staff=3),
                DeviceModelRecord(
                    id=ids["laptop_x"],
                    category_id=category_id("pupil_laptop"),
                    manufacturer="Acme",
                    name="Laptop X",
                    expected_lifetime_years=3,
                ),
                LeasingContractRecord(
                    id=ids["k1"],
                    lessor="Lease Oy",
                    contract_number="K-1",
                    start_date=date(2023, 3, 15),
                    end_date=date(2026, 3, 15),
                    notice_months=3,
                    monthly_fee_cents=2000,
                    fee_basis="per_device",
                ),
                LeasingContractRecord(
                    id=ids["k2"],
                    lessor="Lease Oy",
                    contract_number="K-2",
                    start_date=date(2025, 1, 1),
                    end_date=date(2027, 6, 30),
                    notice_months=6,
                    monthly_fee_cents=9000,
                    fee_basis="total",
                ),
                TargetLevelRecord(site_kind="primary", group="pupil", basis="per_pupil", per_unit=0.25),
                TargetLevelRecord(site_kind="primary", group="staff", basis="per_staff", per_unit=1.0),
                TargetLevelRecord(site_kind="primary", group="presentation", basis="per_classroom", per_unit=0.25),
                TargetLevelRecord(site_kind="early_childhood", group="pupil", basis="per_pupil", per_unit=0.2),
                TargetLevelRecord(site_kind="early_childhood", group="staff", basis="per_staff", per_unit=0.5),
                TargetLevelRecord(site_kind="other", group="staff", basis="per_staff", per_unit=1.0),
            ]
        )
        s.flush()

        def dev(name: str, site: str, room: str, category: str, **kw: object) -> DeviceRecord:
            return DeviceRecord(
                id=ids[name],
                asset_tag=None,
                serial=kw.pop("serial", f"SN-{name[1:].zfill(3)}"),
                site_id=ids[site],
                room_id=ids[room],
                category_id=category_id(category),
                status=kw.pop("status", "in_use"),
                ownership=kw.pop("ownership", "owned"),
                **kw,
            )

        s.add_all(
            [
                dev(
                    "d1",
                    "alp",
                    "a101",
                    "pupil_laptop",
                    model_id=ids["laptop_x"],
                    purchase_date=date(2024, 1, 10),
                    purchase_price_cents=90000,
                ),
                dev("d2", "alp", "a101", "pupil_laptop", purchase_date=date(2021, 6, 1), purchase_price_cents=80000),
                dev("d3", "alp", "a101", "pupil_laptop", ownership="leased", contract_id=ids["k1"]),
                dev("d4", "alp", "a101", "pupil_laptop", ownership="leased", contract_id=ids["k1"], status="retired"),
                dev(
                    "d5",
                    "alp",
                    "a101",
                    "tablet",
                    purchase_date=date(2025, 3, 15),
                    purchase_price_cents=40000,
                    status="retired",
                ),
                dev("d6", "alp", "oh1", "staff_laptop", purchase_date=date(2025, 9, 1), purchase_price_cents=120000),
                dev("d7", "alp", "a101", "projector", purchase_date=date(2020, 3, 16), purchase_price_cents=70000),
                dev("d13", "alp", "a102", "projector"),
                dev("d16", "alp", "a101", "pupil_laptop", ownership="leased", contract_id=ids["k1"]),
                dev("d8", "bet", "b1", "tablet", serial="AB-12-cd", ownership="leased", contract_id=ids["k2"]),
                dev("d9", "bet", "b1", "tablet", ownership="leased", contract_id=ids["k2"], status="lost"),
                dev("d11", "bet", "b1", "tablet", purchase_date=date(2026, 1, 10), purchase_price_cents=30000),
                dev("d14", "bet", "b1", "tablet", purchase_date=date(2018, 5, 1), purchase_price_cents=25000),
                dev(
                    "d10",
                    "gam",
                    "g1",
                    "staff_laptop",
                    ownership="leased",
                    contract_id=ids["k2"],
                    lease_monthly_fee_cents=2500,
                    lease_end=date(2026, 9, 30),
                ),
                dev("d12", "gam", "g1", "staff_desktop", purchase_date=date(2024, 3, 15), purchase_price_cents=100000),
                dev(
                    "d15",
                    "alp",
                    "a101",
                    "pupil_laptop",
                    purchase_date=date(2025, 1, 1),
                    purchase_price_cents=50000,
                    deleted=True,
                ),
            ]
        )
    return ids


def add_audit(store: Store, ids: dict[str, str]) -> str:
    """A finished audit of Alpha's room A101 on 1.3.2026.

    Log: room A101; d1 found; d7 moved A102 -> A101; code ZZ-1 unknown; d2 found but then undone;
    d1 repeat. Decision: d4 (retired) marked retired. So: found d1; moved d7; unknown ZZ-1;
    missing d2 (undone), d3, d16 (not scanned) and d4 (decided); d5 is retired and undecided: left out.
    """
    audit_id = _id("audit1")
    at = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)

    def event(name: str, outcome: str, code: str, device: str | None = None, minute: int = 0, **kw: object) -> dict:
        return {
            "id": _id(name),
            "audit_id": audit_id,
            "room_id": ids["a101"],
            "raw_code": code,
            "code": code,
            "symbology": "code128",
            "method": "camera",
            "scanned_at": at.replace(minute=minute),
            "device_id": ids[device] if device else None,
            "outcome": outcome,
            **kw,
        }

    with store.unit_of_work() as uow:
        uow.session.add(
            AuditRecord(
                id=audit_id,
                site_id=ids["alp"],
                auditor="Test",
                started_at=at,
                finished_at=at.replace(hour=12),
                status="finished",
            )
        )
        uow.session.flush()
        uow.insert_many(
            ScanEventRecord,
            [
                event("e0", "room", "RMALPA101"),
                event("e1", "found", "SN-001", "d1", 1),
                event("e2", "moved", "SN-007", "d7", 2, previous_room_id=ids["a102"]),
                event("e3", "unknown", "ZZ-1", None, 3),
                event("e4", "found", "SN-002", "d2", 4),
                event("e5", "undo", "SN-002", "d2", 5, undoes_event_id=_id("e4")),
                event("e6", "repeat", "SN-001", "d1", 6),
            ],
        )
        uow.session.add(AuditDecisionRecord(audit_id=audit_id, device_id=ids["d4"], decision="retired"))
    return audit_id


@pytest.fixture
def world(store: Store, tmp_path: Path) -> World:
    return World(store, build_world(store), tmp_path)
