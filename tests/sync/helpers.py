"""Helpers for the sync tests: settable clocks, laptops, a fake keyring, a seeded site."""

from __future__ import annotations

from dataclasses import dataclass

from inventory_app.storage.schema import AreaRecord, RoomRecord, SiteRecord
from inventory_app.storage.store import Store
from inventory_app.sync.replica import ReplicaSync
from inventory_app.sync.service import SyncService


class Clock:
    """A settable wall clock (ms); stores read it through ``now_ms``."""

    def __init__(self, start_ms: int = 1_780_000_000_000) -> None:
        self.ms = start_ms

    def __call__(self) -> int:
        return self.ms

    def tick(self, ms: int = 1000) -> None:
        self.ms += ms


@dataclass
class Laptop:
    name: str
    store: Store
    clock: Clock

    @property
    def service(self) -> SyncService:
        return SyncService(self.store)

    @property
    def replica(self) -> ReplicaSync:
        return ReplicaSync(self.store)


class FakeKeyring:
    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def seed_site(store: Store) -> tuple[str, str]:
    """An area, a site 'KOU01' and a room 'A101'; returns (site id, room id)."""
    with store.unit_of_work() as uow:
        area = AreaRecord(name="Pohjoinen")
        uow.session.add(area)
        uow.flush()
        site = SiteRecord(name="Koivukylän koulu", code="KOU01", area_id=area.id, kind="primary")
        uow.session.add(site)
        uow.flush()
        room = RoomRecord(site_id=site.id, code="A101", kind="classroom")
        uow.session.add(room)
        uow.flush()
        return site.id, room.id
