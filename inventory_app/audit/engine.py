"""The audit engine: one open audit of a site, fed codes by the keyboard, the camera or a scan log.

Every scan is committed in its own transaction before the result is returned, so a crash loses
nothing; the session's state (current room, what was seen, what can be undone) is rebuilt from the
insert-only scan events when an audit is resumed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inventory_app.audit import moves, queries, undo, unknown_codes
from inventory_app.audit.results import AuditSummary, RoomProgress, ScanReason, ScanResult, open_audits, utcnow
from inventory_app.core.devices import DeviceView
from inventory_app.core.enums import (
    AuditStatus,
    DeviceStatus,
    MissingDecision,
    ScanMethod,
    ScanOutcome,
)
from inventory_app.core.errors import NotFound, RejectedInput
from inventory_app.core.identifiers import (
    ROOM_LABEL_PREFIX,
    clean_code,
    clean_raw,
    identifier_key,
    is_valid_tag,
    looks_like_tag,
)
from inventory_app.core.repeats import REPEAT_WINDOW_S
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import (
    AuditDecisionRecord,
    AuditRecord,
    DeviceRecord,
    RoomRecord,
    ScanEventRecord,
    SiteRecord,
)
from inventory_app.storage.store import Store


def resolve_room_label(session: Session, key: str) -> tuple[RoomRecord | None, bool]:
    """A code shaped like a room label: (its room, False), or (None, True) when it is in fact a device's
    identifier that starts with RM, or (None, False) when it names no room we know."""
    room = repo.room_by_label(session, key)
    return room, room is None and bool(repo.devices_by_identifier(session, key))


class AuditSession:
    """An open audit. Build with ``start`` or ``resume``; feed codes to ``scan``."""

    def __init__(
        self,
        store: Store,
        audit_id: str,
        *,
        repeat_window_s: float = REPEAT_WINDOW_S,
        now: Callable[[], datetime] = utcnow,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.audit_id = audit_id
        self.repeat_window_s = repeat_window_s
        self._now = now
        self._monotonic = monotonic
        self._last_code: str | None = None
        self._last_code_at = 0.0
        self._last_time: datetime | None = None
        self.repeats = 0
        self.invalid = 0
        with store.read() as s:
            audit = s.get(AuditRecord, audit_id)
            if audit is None:
                raise NotFound(f"no audit {audit_id}")
            site = s.get(SiteRecord, audit.site_id)
            assert site is not None
            self.site_id = audit.site_id
            self.site_name = site.name
            self.site_code = site.code
            self.auditor = audit.auditor
            self.status = audit.status
            self.started_at = audit.started_at
            self.current_room_id: str | None = audit.current_room_id
            self.current_room_code: str | None = None
            if audit.current_room_id:
                room = s.get(RoomRecord, audit.current_room_id)
                self.current_room_code = room.code if room else None
            self._events: list[ScanEventRecord] = list(
                s.scalars(
                    select(ScanEventRecord)
                    .where(ScanEventRecord.audit_id == audit_id)
                    .order_by(ScanEventRecord.scanned_at, ScanEventRecord.id)
                )
            )
        if self._events:
            self._last_time = self._events[-1].scanned_at

    # -- opening --------------------------------------------------------------------------------
    @classmethod
    def start(cls, store: Store, site: str, auditor: str | None = None, **kwargs: Any) -> AuditSession:
        now = kwargs.get("now", utcnow)()
        with store.unit_of_work() as uow:
            site_record = repo.find_site(uow.session, site)
            audit = AuditRecord(
                site_id=site_record.id, auditor=auditor or None, started_at=now, status=AuditStatus.OPEN.value
            )
            uow.session.add(audit)
            uow.flush()
            audit_id = audit.id
        return cls(store, audit_id, **kwargs)

    @classmethod
    def resume(cls, store: Store, audit_id: str, **kwargs: Any) -> AuditSession:
        session = cls(store, audit_id, **kwargs)
        if session.status != AuditStatus.OPEN.value:
            raise RejectedInput("this audit is already finished; start a new one", code="audit_finished")
        return session

    @classmethod
    def start_or_resume(cls, store: Store, site: str, auditor: str | None = None, **kwargs: Any) -> AuditSession:
        with store.read() as s:
            site_id = repo.find_site(s, site).id
        existing = open_audits(store, site_id)
        if existing:
            return cls.resume(store, existing[0].audit_id, **kwargs)
        return cls.start(store, site_id, auditor, **kwargs)

    # -- derived state (audit/queries.py) -------------------------------------------------------
    def _active_events(self) -> list[ScanEventRecord]:
        return queries.active_events(self._events)

    def _sightings(self) -> dict[str, ScanEventRecord]:
        """device id -> its latest active sighting (found or moved) in this audit."""
        return queries.latest_sightings(self._events)

    def sightings(self) -> dict[str, tuple[str | None, str]]:
        """device id -> (room id, outcome) of its latest found/moved/other-site scan still in force."""
        return {device_id: (e.room_id, e.outcome) for device_id, e in self._sightings().items()}

    def seen_from_other_sites(self) -> list[ScanEventRecord]:
        """Devices of other sites seen in this audit and not moved here: "seen here, belongs to X"."""
        return queries.seen_from_other_sites(self._events)

    def audited_room_ids(self) -> list[str]:
        return queries.audited_room_ids(self._events, self.current_room_id)

    def events(self) -> list[ScanEventRecord]:
        return list(self._events)

    # -- scanning -------------------------------------------------------------------------------
    def _stamp_time(self, at: datetime | None = None) -> datetime:
        """Strictly increasing event times, so the event order is the scan order; ``at`` is a scan's own
        time from a scanner's log (kept unless it is before a scan already recorded)."""
        now = at or self._now()
        if self._last_time is not None and now <= self._last_time:
            now = self._last_time + timedelta(microseconds=1)
        self._last_time = now
        return now

    def _result(self, outcome: ScanOutcome, code: str, reason: ScanReason | None = None, **kw: Any) -> ScanResult:
        kw.setdefault("room_id", self.current_room_id)
        kw.setdefault("room_code", self.current_room_code)
        return ScanResult(outcome, code, reason, **kw)

    def scan(
        self,
        raw: str,
        method: ScanMethod = ScanMethod.KEYBOARD,
        symbology: str | None = None,
        *,
        time_window: bool = True,
        at: datetime | None = None,
    ) -> ScanResult:
        if self.status != AuditStatus.OPEN.value:
            raise RejectedInput("this audit is finished; start a new one to scan", code="audit_finished")
        code = clean_code(raw)
        raw = clean_raw(raw)  # the raw text is stored too: without the control characters a scanner adds
        if not code:
            return self._result(ScanOutcome.INVALID, "", ScanReason.EMPTY)
        key = identifier_key(code)
        now_mono = self._monotonic()
        if time_window and key == self._last_code and now_mono - self._last_code_at < self.repeat_window_s:
            self._last_code_at = now_mono
            waiting = self.waiting_move()
            if waiting is not None and identifier_key(waiting.code) == key:
                return waiting  # the card (and its Alt+M) stays what it was, not "repeat"
            self.repeats += 1
            return self._result(ScanOutcome.REPEAT, code, ScanReason.JUST_SCANNED)
        self._last_code, self._last_code_at = key, now_mono

        if key.startswith(ROOM_LABEL_PREFIX):
            with self.store.read() as s:
                room, is_device = resolve_room_label(s, key)
            if room is not None:
                return self._enter_room(room, code, raw, method, symbology, at)
            if not is_device:
                # A room we do not know: the devices that follow are not in the previous room.
                self.invalid += 1
                self._leave_room()
                return self._result(ScanOutcome.INVALID, code, ScanReason.NOT_A_ROOM)
        # A code shaped like our tags with a wrong check character is refused, unless a device
        # already carries it (another system's identifier kept as an inventory number).
        if looks_like_tag(code) and not is_valid_tag(code) and not unknown_codes.devices_with(self.store, code):
            self.invalid += 1
            return self._result(ScanOutcome.INVALID, code, ScanReason.WRONG_CHECK_CHARACTER)
        if self.current_room_id is None:
            return self._result(ScanOutcome.INVALID, code, ScanReason.NO_ROOM)
        return self._scan_device(code, key, raw, method, symbology, at)

    def _enter_room(
        self,
        room: RoomRecord,
        code: str,
        raw: str,
        method: ScanMethod,
        symbology: str | None,
        at: datetime | None = None,
    ) -> ScanResult:
        if room.site_id != self.site_id:
            self.invalid += 1
            with self.store.read() as s:
                other = s.get(SiteRecord, room.site_id)
            return self._result(
                ScanOutcome.INVALID, code, ScanReason.ROOM_OF_OTHER_SITE, other_site=other.name if other else None
            )
        return self.set_room(room.id, raw=raw, method=method, symbology=symbology, at=at)

    def _leave_room(self) -> None:
        with self.store.unit_of_work() as uow:
            audit = uow.session.get(AuditRecord, self.audit_id)
            assert audit is not None
            audit.current_room_id = None
        self.current_room_id = self.current_room_code = None

    def set_room(
        self,
        room_id: str,
        *,
        raw: str | None = None,
        method: ScanMethod = ScanMethod.KEYBOARD,
        symbology: str | None = None,
        at: datetime | None = None,
    ) -> ScanResult:
        with self.store.unit_of_work() as uow:
            s = uow.session
            room = repo.find_room(s, self.site_id, room_id)
            audit = s.get(AuditRecord, self.audit_id)
            assert audit is not None
            audit.current_room_id = room.id
            event = ScanEventRecord(
                audit_id=self.audit_id,
                room_id=room.id,
                raw_code=raw or room.label_code or room.code,
                code=room.label_code or room.code,
                symbology=symbology,
                method=method.value,
                scanned_at=self._stamp_time(at),
                outcome=ScanOutcome.ROOM.value,
                replica_id=self.store.replica_id,
            )
            s.add(event)
            uow.flush()
            self._events.append(event)
            self.current_room_id, self.current_room_code = room.id, room.code
        return self._result(ScanOutcome.ROOM, room.code, event_id=event.id)

    def _scan_device(
        self, code: str, key: str, raw: str, method: ScanMethod, symbology: str | None, at: datetime | None = None
    ) -> ScanResult:
        with self.store.unit_of_work() as uow:
            s = uow.session
            matches = repo.devices_by_identifier(s, key)
            event = ScanEventRecord(
                audit_id=self.audit_id,
                room_id=self.current_room_id,
                raw_code=raw[:300],
                code=code[:300],
                symbology=symbology,
                method=method.value,
                scanned_at=self._stamp_time(at),
                replica_id=self.store.replica_id,
            )
            if not matches:
                if any(
                    e.outcome == ScanOutcome.UNKNOWN.value and identifier_key(e.code) == key
                    for e in self._active_events()
                ):
                    self.repeats += 1
                    return self._result(ScanOutcome.REPEAT, code, ScanReason.ALREADY_UNKNOWN)
                event.outcome = ScanOutcome.UNKNOWN.value
                s.add(event)
                uow.flush()
                self._events.append(event)
                return self._result(ScanOutcome.UNKNOWN, code, event_id=event.id)
            if len(matches) > 1:
                event.outcome = ScanOutcome.AMBIGUOUS.value
                s.add(event)
                uow.flush()
                self._events.append(event)
                return self._result(ScanOutcome.AMBIGUOUS, code, event_id=event.id, candidates=len(matches))
            device = matches[0]
            previous = self._sightings().get(device.id)
            if (
                previous is not None
                and previous.room_id == self.current_room_id
                and previous.outcome == ScanOutcome.OTHER_SITE.value
                and device.site_id != self.site_id
            ):
                # Seen here before (maybe before a restart) and still at the other site: the same
                # card and the same move as the first time, nothing recorded twice.
                return moves.other_site_result(self, s, previous, code, ScanReason.ALREADY_SEEN_HERE)
            if (
                previous is not None
                and previous.room_id == self.current_room_id
                and previous.outcome != ScanOutcome.OTHER_SITE.value
            ):
                self.repeats += 1
                view = repo.device_view(s, device.id)
                return self._result(ScanOutcome.REPEAT, code, ScanReason.ALREADY_IN_ROOM, device=view)
            event.device_id = device.id
            event.previous_room_id = device.room_id
            if device.site_id != self.site_id:
                # Who pays for a device follows its site: a move between sites waits for the auditor.
                event.outcome = ScanOutcome.OTHER_SITE.value
                s.add(event)
                uow.flush()
                self._events.append(event)
                return moves.other_site_result(self, s, event, code)
            moved = self._record_sighting(s, device, event, self.current_room_id, method)
            old_room_record = s.get(RoomRecord, event.previous_room_id) if moved and event.previous_room_id else None
            previous_code = old_room_record.code if old_room_record else None
            view = repo.device_view(s, device.id)
            # Retired or recycled, yet here: recorded as seen, its status left to the auditor.
            retired = ScanReason.MARKED_RETIRED if device.status in queries.GONE else None
        if moved:
            return self._result(
                ScanOutcome.MOVED, code, retired, device=view, previous_room_code=previous_code, event_id=event.id
            )
        return self._result(ScanOutcome.FOUND, code, retired, device=view, event_id=event.id)

    def return_to_use(self, event_id: str) -> ScanResult:
        """The auditor says the device of this sighting, found marked retired or recycled, is in use."""
        return moves.return_to_use(self, event_id)

    def _record_sighting(
        self, s: Session, device: DeviceRecord, event: ScanEventRecord, room_id: str | None, method: ScanMethod
    ) -> bool:
        """Store a found/moved event for ``device`` in ``room_id`` and update the device; True if it moved."""
        moved = event.previous_room_id != room_id or device.site_id != self.site_id
        event.outcome = (ScanOutcome.MOVED if moved else ScanOutcome.FOUND).value
        if moved:
            device.room_id = room_id
            device.site_id = self.site_id
        if device.status == DeviceStatus.LOST.value:
            device.status = DeviceStatus.IN_USE.value  # a lost device turned up
        device.last_seen_at = event.scanned_at
        device.last_seen_audit_id = self.audit_id
        device.last_seen_room_id = room_id
        device.last_seen_method = method.value
        s.add(event)
        s.flush()
        self._events.append(event)
        return moved

    # -- devices of another site (audit/moves.py) -----------------------------------------------
    def waiting_move(self) -> ScanResult | None:
        """When the audit's latest scan is a device of another site still waiting to be moved here:
        its result again (reason ``ALREADY_SEEN_HERE``), so the move is offered as it was before a
        restart or a repeated scan; else None."""
        return moves.waiting_move(self)

    def pending_move(self) -> ScanEventRecord | None:
        """The latest device of another site seen here and not yet moved (what ``confirm_move`` moves)."""
        return moves.pending_move(self._events)

    def confirm_move(self, event_id: str | None = None) -> ScanResult:
        """The auditor confirms that a device of another site now belongs here: move it into the room
        where it was seen (undo puts it back, with its site and last sighting)."""
        return moves.confirm_move(self, event_id)

    # -- undo (audit/undo.py) -------------------------------------------------------------------
    def undo_last(self) -> ScanResult | None:
        """Undo the latest sighting or unknown scan still in force; a move puts the device back."""
        return undo.undo_last(self)

    # -- unknown codes (audit/unknown_codes.py) -------------------------------------------------
    def quick_add(
        self, code: str, category: str | None, fields: dict[str, str] | None = None, *, placeholder: bool = False
    ) -> ScanResult:
        """Register an unknown code as a device in the current room (or keep it as a placeholder)."""
        return unknown_codes.quick_add(self, code, category, fields, placeholder=placeholder)

    def keep_placeholder(self, code: str) -> ScanResult:
        return self.quick_add(code, None, placeholder=True)

    # -- progress, missing (audit/queries.py), finish -------------------------------------------
    def progress(self, room_id: str | None = None) -> RoomProgress | None:
        room_id = room_id or self.current_room_id
        if room_id is None:
            return None
        return queries.room_progress(self.store, self._events, room_id)

    def missing(self) -> list[DeviceView]:
        """Devices expected in the rooms audited so far that were not seen anywhere in this audit."""
        return queries.missing_devices(self.store, self._events, self.audited_room_ids())

    def counts(self) -> dict[str, int]:
        return queries.scan_counts(self.store, self._events, self.repeats, self.invalid)

    def finish(self, decisions: dict[str, MissingDecision] | None = None) -> AuditSummary:
        """Close the audit; a missing device marked lost or retired changes its status."""
        decisions = decisions or {}
        missing_ids = {v.id for v in self.missing()}
        unknown = set(decisions) - missing_ids
        if unknown:
            raise RejectedInput("a decision names a device that is not on the missing list", code="not_missing")
        with self.store.unit_of_work() as uow:
            s = uow.session
            for device_id in sorted(missing_ids):
                decision = MissingDecision(decisions.get(device_id, MissingDecision.NOT_CHECKED))
                s.add(AuditDecisionRecord(audit_id=self.audit_id, device_id=device_id, decision=decision.value))
                if decision is not MissingDecision.NOT_CHECKED:
                    device = s.get(DeviceRecord, device_id)
                    assert device is not None
                    device.status = (
                        DeviceStatus.LOST if decision is MissingDecision.LOST else DeviceStatus.RETIRED
                    ).value
            audit = s.get(AuditRecord, self.audit_id)
            assert audit is not None
            audit.status = AuditStatus.FINISHED.value
            audit.finished_at = self._stamp_time()
        self.status = AuditStatus.FINISHED.value
        return self.summary()

    def summary(self) -> AuditSummary:
        with self.store.read() as s:
            audit = s.get(AuditRecord, self.audit_id)
            assert audit is not None
            decisions: dict[str, int] = {}
            for d in s.scalars(
                select(AuditDecisionRecord.decision).where(AuditDecisionRecord.audit_id == self.audit_id)
            ):
                decisions[d] = decisions.get(d, 0) + 1
        missing = sum(decisions.values()) if self.status == AuditStatus.FINISHED.value else len(self.missing())
        return AuditSummary(
            self.audit_id,
            self.site_name,
            self.status,
            self.started_at,
            audit.finished_at,
            len(self.audited_room_ids()),
            self.counts(),
            missing,
            decisions,
        )
