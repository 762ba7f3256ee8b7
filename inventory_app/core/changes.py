"""What a committed write changed, as the one notification every view of the data follows.

In the spirit of Anki's ``OpChanges``: the unit of work records which tables (and which devices) a
transaction wrote and, once it has committed, tells the store's subscribers. The window's tree,
device table, status bar, Sync page and search index all follow this one notification instead of
each write remembering whom to tell. Plain values, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

# Tables that make up the city's structure (the navigation tree reads them).
STRUCTURE_TABLES = frozenset({"areas", "sites", "rooms", "models", "categories", "leasing_contracts"})
# A device's fields that decide where it is counted (the tree's counts per site and room).
PLACE_FIELDS = frozenset({"site_id", "room_id", "deleted", "merged_into"})


@dataclass(frozen=True, slots=True)
class Changes:
    """``tables`` written by one commit; ``device_ids`` of the devices among them (when known).

    ``everything`` means "assume anything changed": a sync applied a page of remote changes, a
    backup was restored, or another program wrote the store. ``placed``: a device was added or changed
    site or room (or was deleted or merged), so counts per site and room moved (a scan that only saw a
    device leaves it False).
    """

    tables: frozenset[str] = frozenset()
    device_ids: frozenset[str] = frozenset()
    everything: bool = False
    external: bool = False  # written by another process (seen through the store's data version)
    placed: bool = False

    @classmethod
    def all(cls, *, external: bool = False) -> Changes:
        return cls(everything=True, external=external)

    def touches(self, *tables: str) -> bool:
        return self.everything or any(t in self.tables for t in tables)

    @property
    def devices(self) -> bool:
        return self.touches("devices")

    @property
    def structure(self) -> bool:
        return self.everything or bool(self.tables & STRUCTURE_TABLES)

    @property
    def outbox(self) -> bool:
        """The count of changes waiting for sync may have moved."""
        return self.touches("outbox")

    @property
    def audits(self) -> bool:
        return self.touches("audits", "scan_events")

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.tables | other.tables,
            self.device_ids | other.device_ids,
            self.everything or other.everything,
            self.external or other.external,
            self.placed or other.placed,
        )

    def __bool__(self) -> bool:
        return self.everything or bool(self.tables)
