"""What the result card says for each scan outcome, in the user's language.

The engine returns outcomes with a reason code and parameters, never sentences; the card words them
here from the result's fields (outcome, reason, code, device, rooms, other site) with placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from inventory_app.audit.results import AuditSummary, ScanReason, ScanResult
from inventory_app.core.devices import DeviceView
from inventory_app.core.enums import ScanOutcome
from inventory_app.ui.labels import label


@dataclass(frozen=True, slots=True)
class CardText:
    look: str
    title: str
    main: str
    detail: str = ""
    undo: bool = False
    unknown_actions: bool = False
    move_here: bool = False
    back_in_use: bool = False


def plural(text: str, n: int) -> str:
    """An English source text with "(s)" that no translation replaced: "1 repeat", "2 repeats"
    (a translation has its own numerus forms and no "(s)")."""
    return text.replace("(s)", "" if n == 1 else "s")


def fill(text: str, *values: object) -> str:
    """Qt-style %1, %2 … placeholders (translators may reorder them)."""
    for number in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


class ScanTexts(QObject):
    """Card texts for scan results, undo, imports and the audit summary."""

    def device_line(self, device: DeviceView | None, code: str) -> str:
        if device is None:
            return code
        ident = device.asset_tag or device.serial or device.inventory_number or code
        model = " ".join(p for p in (device.manufacturer, device.model) if p)
        parts = [ident, label("category", device.category), model]
        return " · ".join(p for p in parts if p)

    def for_result(self, result: ScanResult) -> CardText:
        o, code, reason = result.outcome, result.code, result.reason
        room = result.room_code or "–"
        if reason is ScanReason.PLACEHOLDER_KEPT:
            return CardText(
                "placeholder",
                self.tr("KEPT TO SORT OUT"),
                code,
                fill(self.tr("Recorded in %1 as a placeholder; find it in the device list later."), room),
                undo=True,
            )
        if reason is ScanReason.MOVE_CONFIRMED:
            return CardText(
                "moved",
                self.tr("MOVED TO THIS SCHOOL"),
                self.device_line(result.device, code),
                fill(
                    self.tr("Was recorded at %1 (%2), now in %3. Undo with Ctrl+Z."),
                    result.other_site or "?",
                    result.previous_room_code or self.tr("no room"),
                    room,
                ),
                undo=True,
            )
        if o is ScanOutcome.OTHER_SITE:
            detail = (
                self.tr("Already seen here; still belongs to %1 (room %2). To move it to this school press Alt+M.")
                if reason is ScanReason.ALREADY_SEEN_HERE
                else self.tr("Belongs to %1 (room %2). Kept as seen here; to move it to this school press Alt+M.")
            )
            return CardText(
                "other_site",
                self.tr("FROM ANOTHER SCHOOL"),
                self.device_line(result.device, code),
                fill(detail, result.other_site or "?", result.previous_room_code or self.tr("no room")),
                move_here=True,
            )
        if reason is ScanReason.MARKED_RETIRED:
            status = result.device.status if result.device else "retired"
            title = self.tr("FOUND — MARKED RECYCLED") if status == "recycled" else self.tr("FOUND — MARKED RETIRED")
            where = (
                fill(self.tr("Recorded in %1 (was in %2)."), room, result.previous_room_code or self.tr("no room"))
                if o is ScanOutcome.MOVED
                else fill(self.tr("Recorded in %1."), room)
            )
            return CardText(
                "retired",
                title,
                self.device_line(result.device, code),
                fill(self.tr("%1 In use? Alt+B puts it back in use; otherwise report it."), where),
                back_in_use=True,
            )
        if reason is ScanReason.RETURNED_TO_USE:
            return CardText(
                "found",
                self.tr("BACK IN USE"),
                self.device_line(result.device, code),
                fill(self.tr("Recorded in %1 and in use again."), room),
            )
        if o is ScanOutcome.FOUND:
            what = self.tr("Registered in %1.") if reason is ScanReason.REGISTERED else self.tr("Recorded in %1.")
            return CardText("found", self.tr("FOUND"), self.device_line(result.device, code), fill(what, room))
        if o is ScanOutcome.MOVED:
            return CardText(
                "moved",
                self.tr("MOVED HERE"),
                self.device_line(result.device, code),
                fill(
                    self.tr("Was recorded in %1, now in %2. Only visiting? Undo with Ctrl+Z."),
                    result.previous_room_code or self.tr("no room"),
                    room,
                ),
                undo=True,
            )
        if o is ScanOutcome.UNKNOWN:
            return CardText(
                "unknown",
                self.tr("UNKNOWN"),
                code,
                self.tr(
                    "Not in the inventory. Add it as a device (Alt+A) or keep it as a placeholder "
                    "to sort out later (Alt+K)."
                ),
                unknown_actions=True,
            )
        if o is ScanOutcome.REPEAT:
            why = {
                ScanReason.ALREADY_UNKNOWN: self.tr("This code is already noted as unknown in this audit."),
                ScanReason.ALREADY_IN_ROOM: self.tr("This device is already recorded in this room."),
            }.get(
                reason or ScanReason.JUST_SCANNED, self.tr("This code was already scanned; nothing was recorded again.")
            )
            return CardText("repeat", self.tr("REPEAT — IGNORED"), self.device_line(result.device, code), why)
        if o is ScanOutcome.AMBIGUOUS:
            return CardText(
                "ambiguous",
                self.tr("AMBIGUOUS"),
                code,
                plural(
                    self.tr("This code is on %n device(s). Scan the asset tag instead.", "", result.candidates or 2),
                    result.candidates or 2,
                ),
            )
        if o is ScanOutcome.ROOM:
            return CardText("room", fill(self.tr("ROOM %1"), room), self.tr("Now scan the devices in this room."))
        if o is ScanOutcome.UNDO:
            return CardText(
                "undo",
                self.tr("SCAN UNDONE"),
                self.device_line(result.device, code),
                self.tr("The scan no longer counts; a moved device is back where it was recorded."),
            )
        return self.invalid(result)

    def invalid(self, result: ScanResult) -> CardText:
        code, reason = result.code, result.reason
        if reason is ScanReason.EMPTY or not code:
            return CardText(
                "invalid",
                self.tr("NOTHING SCANNED"),
                self.tr("The code was empty."),
                self.tr("Scan again, or type the code and press Enter."),
            )
        if reason is ScanReason.WRONG_CHECK_CHARACTER:
            return CardText(
                "invalid",
                self.tr("INVALID CODE"),
                code,
                self.tr("Wrong check character — check the label and scan or type it again."),
            )
        if reason is ScanReason.ROOM_OF_OTHER_SITE:
            return CardText(
                "invalid",
                self.tr("OTHER SITE"),
                code,
                fill(self.tr("This room label belongs to %1; this audit covers one site."), result.other_site or "?"),
            )
        if reason is ScanReason.NOT_A_ROOM:
            return CardText(
                "invalid",
                self.tr("NOT A ROOM HERE"),
                code,
                self.tr(
                    "This room label is not a room of this site. Scan another room label or pick "
                    "the room (Ctrl+R) before scanning devices."
                ),
            )
        if reason is ScanReason.NO_ROOM:
            return CardText(
                "invalid",
                self.tr("NO ROOM YET"),
                code,
                self.tr("Scan the room label at the door or pick the room (Ctrl+R) first."),
            )
        return CardText("invalid", self.tr("INVALID CODE"), code, self.tr("This code cannot be recorded here."))

    def nothing_to_undo(self) -> CardText:
        return CardText("idle", self.tr("Nothing to undo"), self.tr("No scan in this audit can be undone."))

    def no_audit(self, code: str) -> CardText:
        return CardText("invalid", self.tr("NO AUDIT OPEN"), code, self.tr("Start or resume an audit first."))

    def busy(self) -> CardText:
        return CardText(
            "idle", self.tr("Importing…"), self.tr("A scan log is being imported; scan again when it is done.")
        )

    def refused(self, message: str) -> CardText:
        return CardText("invalid", self.tr("NOT RECORDED"), message)

    def resumed(self, site: str, room: str | None, waiting: ScanResult | None = None) -> CardText:
        """``waiting``: the last scan was a device of another school not moved yet (Alt+M still moves it)."""
        if waiting is not None:
            return CardText(
                "room",
                self.tr("AUDIT RESUMED"),
                site,
                fill(
                    self.tr("Last scan: %1 of %2, not moved yet. To move it to this school press Alt+M."),
                    waiting.device.asset_tag or waiting.code if waiting.device else waiting.code,
                    waiting.other_site or "?",
                ),
                move_here=True,
            )
        return CardText(
            "room",
            self.tr("AUDIT RESUMED"),
            site,
            fill(self.tr("Current room: %1. Carry on scanning."), room)
            if room
            else self.tr("Scan a room label or pick a room (Ctrl+R)."),
        )

    def started(self, site: str) -> CardText:
        return CardText(
            "idle",
            self.tr("AUDIT STARTED"),
            site,
            self.tr("Scan the room label at the door, or pick the room with Ctrl+R."),
        )

    def imported(self, counts: dict[str, int], lines: int) -> CardText:
        c = counts.get
        return CardText(
            "summary",
            self.tr("SCAN LOG IMPORTED"),
            fill(
                self.tr("%1: %2, %3, %4"),
                plural(self.tr("%n code(s)", "", lines), lines),
                self.tr("%n found", "", c("found", 0)),
                self.tr("%n moved", "", c("moved", 0)),
                self.tr("%n unknown", "", c("unknown", 0)),
            ),
            fill(
                self.tr("%1, %2, %3, %4."),
                plural(self.tr("%n repeat(s) ignored", "", c("repeat", 0)), c("repeat", 0)),
                self.tr("%n invalid", "", c("invalid", 0)),
                self.tr("%n ambiguous", "", c("ambiguous", 0)),
                plural(self.tr("%n from other school(s)", "", c("other_site", 0)), c("other_site", 0)),
            ),
        )

    def finished(self, summary: AuditSummary) -> CardText:
        c, d = summary.counts.get, summary.decisions.get
        return CardText(
            "summary",
            self.tr("AUDIT FINISHED"),
            fill(
                self.tr("%1: %2, %3, %4, %5"),
                summary.site,
                plural(self.tr("%n room(s)", "", summary.rooms_audited), summary.rooms_audited),
                self.tr("%n found", "", c("found", 0)),
                self.tr("%n moved", "", c("moved", 0)),
                self.tr("%n unknown", "", c("unknown", 0)),
            ),
            fill(
                self.tr("%1: %2, %3, %4. Sync or export to hand it in."),
                self.tr("%n missing", "", summary.missing),
                self.tr("%n lost", "", d("lost", 0)),
                self.tr("%n retired", "", d("retired", 0)),
                self.tr("%n not checked", "", d("not_checked", 0)),
            ),
        )

    def progress(
        self, found: int, expected: int, room: str, moved_in: int, retired_seen: int = 0, moved_out: int = 0
    ) -> str:
        text = fill(self.tr("%1 of %2 expected in %3 found"), found, expected, room)
        if moved_in:
            text += " · " + self.tr("%n moved here", "", moved_in)
        if moved_out:
            text += " · " + self.tr("%n moved to another room", "", moved_out)
        if retired_seen:
            text += " · " + self.tr("%n found marked retired", "", retired_seen)
        return text

    def counts(self, counts: dict[str, int]) -> str:
        """The audit's counts line; each count takes the grammatical number of its own count."""
        c = counts.get
        parts = [
            self.tr("%n found", "", c("found", 0)),
            self.tr("%n moved", "", c("moved", 0)),
            self.tr("%n unknown", "", c("unknown", 0)),
            plural(self.tr("%n repeat(s)", "", c("repeat", 0)), c("repeat", 0)),
            self.tr("%n invalid", "", c("invalid", 0)),
        ]
        if c("marked_retired", 0):
            parts.append(self.tr("%n found marked retired", "", c("marked_retired", 0)))
        return fill(self.tr("This audit: %1"), " · ".join(parts))
