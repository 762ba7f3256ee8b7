"""Read-only questions about one audit, answered from its scan events and the store: which events are
in force, what was seen where, a room's progress, the missing devices, the counts.

Plain functions of the session's state (its events, its store); ``AuditSession`` delegates to them.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from inventory_app.audit.results import RoomProgress
from inventory_app.core.devices import DeviceView
from inventory_app.core.enums import GONE_STATUSES, DeviceStatus, ScanMethod, ScanOutcome
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import DeviceRecord, RoomRecord, ScanEventRecord
from inventory_app.storage.store import Store

# Outcomes that are stored as device sightings and can be undone (a device of another site seen here
# is a sighting too: it is not expected anywhere else in this audit; scanning it again in the same room
# records nothing and offers the move again, reason ALREADY_SEEN_HERE).
SIGHTINGS = (ScanOutcome.FOUND, ScanOutcome.MOVED, ScanOutcome.OTHER_SITE)
GONE = [st.value for st in GONE_STATUSES]


def active_events(events: list[ScanEventRecord]) -> list[ScanEventRecord]:
    """The events still in force: neither an undo nor undone."""
    undone = {e.undoes_event_id for e in events if e.outcome == ScanOutcome.UNDO.value}
    return [e for e in events if e.id not in undone and e.outcome != ScanOutcome.UNDO.value]


def latest_sightings(events: list[ScanEventRecord]) -> dict[str, ScanEventRecord]:
    """device id -> its latest active sighting (found or moved) in this audit."""
    seen: dict[str, ScanEventRecord] = {}
    for e in active_events(events):
        if e.outcome in SIGHTINGS and e.device_id:
            seen[e.device_id] = e
    return seen


def seen_from_other_sites(events: list[ScanEventRecord]) -> list[ScanEventRecord]:
    """Devices of other sites seen in this audit and not moved here: "seen here, belongs to X"."""
    return [e for e in latest_sightings(events).values() if e.outcome == ScanOutcome.OTHER_SITE.value]


def audited_room_ids(events: list[ScanEventRecord], current_room_id: str | None) -> list[str]:
    rooms: list[str] = []
    for e in active_events(events):
        if e.room_id and e.room_id not in rooms:
            rooms.append(e.room_id)
    if current_room_id and current_room_id not in rooms:
        rooms.append(current_room_id)
    return rooms


def room_progress(store: Store, events: list[ScanEventRecord], room_id: str) -> RoomProgress:
    active = active_events(events)
    moved_in = {e.device_id for e in active if e.outcome == ScanOutcome.MOVED.value and e.room_id == room_id}
    moved_out = {e.device_id for e in active if e.outcome == ScanOutcome.MOVED.value and e.previous_room_id == room_id}
    sightings = latest_sightings(events)
    seen_here = [d for d, e in sightings.items() if e.room_id == room_id and e.outcome != ScanOutcome.OTHER_SITE.value]
    with store.read() as s:
        room = s.get(RoomRecord, room_id)
        here = set(
            s.scalars(
                select(DeviceRecord.id).where(
                    DeviceRecord.room_id == room_id,
                    DeviceRecord.deleted.is_(False),
                    DeviceRecord.merged_into.is_(None),
                    DeviceRecord.status.not_in(GONE + [DeviceStatus.PLACEHOLDER.value]),
                )
            )
        )
        retired_seen = count_retired(s, seen_here)
    # Expected: what is recorded here now and was not moved in by this audit, as the room table
    # shows it; a device moved out to another room was found there (counted apart, never missing).
    expected = here - moved_in
    found = {
        d
        for d in expected
        if d in sightings and sightings[d].room_id == room_id and sightings[d].outcome == ScanOutcome.FOUND.value
    }
    gone_out = {d for d in moved_out if d and d not in here}
    return RoomProgress(
        room_id, room.code if room else "?", len(expected), len(found), len(moved_in), retired_seen, len(gone_out)
    )


def count_retired(s: Session, device_ids: list[str]) -> int:
    """How many of these devices are marked retired or recycled now."""
    count = 0
    for start in range(0, len(device_ids), 500):  # SQLite's bound-parameter limit
        chunk = device_ids[start : start + 500]
        count += len(
            list(s.scalars(select(DeviceRecord.id).where(DeviceRecord.id.in_(chunk), DeviceRecord.status.in_(GONE))))
        )
    return count


def missing_devices(store: Store, events: list[ScanEventRecord], rooms: list[str]) -> list[DeviceView]:
    """Devices expected in these rooms (the audited ones) that were not seen anywhere in this audit."""
    if not rooms:
        return []
    seen = set(latest_sightings(events))
    moved_out_of = {
        e.device_id: e.previous_room_id for e in active_events(events) if e.outcome == ScanOutcome.MOVED.value
    }
    with store.read() as s:
        ids = list(
            s.scalars(
                select(DeviceRecord.id).where(
                    DeviceRecord.room_id.in_(rooms),
                    DeviceRecord.deleted.is_(False),
                    DeviceRecord.merged_into.is_(None),
                    DeviceRecord.status.not_in(GONE + [DeviceStatus.PLACEHOLDER.value]),
                )
            )
        )
        views = [repo.device_view(s, d) for d in ids if d not in seen and d not in moved_out_of]
    return sorted(views, key=lambda v: (v.room or "", v.asset_tag or v.serial or v.id))


def scan_counts(store: Store, events: list[ScanEventRecord], repeats: int, invalid: int) -> dict[str, int]:
    counts = {
        o.value: 0
        for o in (
            ScanOutcome.FOUND,
            ScanOutcome.MOVED,
            ScanOutcome.OTHER_SITE,
            ScanOutcome.UNKNOWN,
            ScanOutcome.AMBIGUOUS,
        )
    }
    for e in active_events(events):
        if e.outcome in counts and e.method != ScanMethod.REGISTER.value:
            counts[e.outcome] += 1
    counts[ScanOutcome.OTHER_SITE.value] = len(seen_from_other_sites(events))  # moved ones count as moved
    # Of the found and moved: still marked retired or recycled (the card said so).
    seen = [d for d, e in latest_sightings(events).items() if e.outcome != ScanOutcome.OTHER_SITE.value]
    with store.read() as s:
        counts["marked_retired"] = count_retired(s, seen)
    counts["repeat"] = repeats
    counts["invalid"] = invalid
    return counts
