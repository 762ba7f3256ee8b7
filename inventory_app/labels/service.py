"""What goes on the labels: a site's devices, a list of tags, new tags, or a site's rooms."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import clean_code, parse_tag, room_label_code
from inventory_app.inventory.service import InventoryService
from inventory_app.labels.layout import LabelContent
from inventory_app.labels.tags import TagAllocator
from inventory_app.storage import repositories as repo
from inventory_app.storage.label_queries import site_rooms
from inventory_app.storage.store import Store

OWNER_MAX_CHARS = 40


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= OWNER_MAX_CHARS else text[: OWNER_MAX_CHARS - 1] + "…"


class LabelService:
    def __init__(self, store: Store, tag_prefix: str = "HKI") -> None:
        self.store = store
        self.tag_prefix = tag_prefix

    def site_name(self, site: str) -> str:
        with self.store.read() as s:
            return repo.find_site(s, site).name

    def device_labels(self, site: str, room: str | None = None, owner: str | None = None) -> list[LabelContent]:
        """Labels of the site's (or room's) devices that carry an asset tag, in tag order."""
        views = InventoryService(self.store).list(site=site, room=room)
        tagged = sorted((v for v in views if v.asset_tag), key=lambda v: v.asset_tag or "")
        if not tagged:
            where = f"room {room} of {site}" if room else f"site {site}"
            raise RejectedInput(f"no device in {where} has an asset tag; print new tags with --new N")
        return [
            LabelContent(code=v.asset_tag or "", text=v.asset_tag or "", owner=_short(owner or v.site)) for v in tagged
        ]

    def tag_labels(self, lines: Iterable[str], owner: str = "") -> list[LabelContent]:
        """Labels for tags listed one per line ('#' comments and blank lines ignored); every tag is
        checked first and all bad lines are named together."""
        contents: list[LabelContent] = []
        problems: list[str] = []
        for number, raw in enumerate(lines, start=1):
            text = clean_code(raw)
            if not text or text.startswith("#"):
                continue
            try:
                tag = parse_tag(text).text
            except RejectedInput as exc:
                problems.append(f"line {number}: {exc}")
                continue
            contents.append(LabelContent(code=tag, text=tag, owner=_short(owner)))
        if problems:
            shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
            raise RejectedInput(f"no labels were made: {shown}")
        if not contents:
            raise RejectedInput("the list names no tags")
        return contents

    def tag_labels_from_file(self, path: Path, owner: str = "") -> list[LabelContent]:
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise RejectedInput(f"cannot read {path}: {exc}") from exc
        return self.tag_labels(lines, owner)

    def new_tag_labels(self, count: int, owner: str = "", prefix: str | None = None) -> list[LabelContent]:
        """Allocate ``count`` never-used tags from this replica's block (committed at once, so a
        second run never prints them again)."""
        tags = TagAllocator(self.store, prefix or self.tag_prefix).allocate(count)
        return [LabelContent(code=t, text=t, owner=_short(owner)) for t in tags]

    def room_labels(self, site: str, room: str | None = None) -> list[LabelContent]:
        """Room labels: the code the audit scans (``RoomRecord.label_code``), the room code and name."""
        with self.store.read() as s:
            site_rec = repo.find_site(s, site)
            rooms = site_rooms(s, site_rec.id, room)
            if room and not rooms:
                raise RejectedInput(f"site '{site_rec.name}' has no room '{room}'")
            site_code = site_rec.code or site_rec.name
            contents = []
            for r in rooms:
                code = r.label_code or room_label_code(site_code, r.code)
                contents.append(
                    LabelContent(
                        code=code, text=code, owner=_short(site_rec.name), title=r.code, subtitle=_short(r.name)
                    )
                )
        if not contents:
            raise RejectedInput(f"site '{site}' has no rooms")
        return contents
