"""Allocating new asset tags from this replica's own block of numbers.

A tag is never reused: a block's ``next_number`` only moves forward, blocks are never deleted,
and numbers any device already carries (live, deleted or merged) are skipped.

Two laptops that are offline must not print the same tag. Each replica reserves its own block
(``TagBlockRecord``, a synced table) and hands out numbers only from it. Blocks are aligned
slices of ``BLOCK_SIZE`` numbers; a new block is picked at random (seeded by the replica id)
among the slices no known block touches, so two replicas that reserve a block while neither
has seen the other's choice collide only if they draw the same slice — about 1 in 900 with a
fresh prefix. Once their blocks have synced, a replica that finds its block overlapping an
earlier-created block of another replica stops using it and takes a new one. The surest
practice stays: sync once before printing a large batch, so every block is known centrally.
"""

from __future__ import annotations

import random

from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import MAX_TAG_NUMBER, make_tag
from inventory_app.storage import stamps as row_stamps
from inventory_app.storage.label_queries import tag_blocks, used_tag_numbers
from inventory_app.storage.schema import TagBlockRecord
from inventory_app.storage.store import Store

BLOCK_SIZE = 1000
MAX_NEW_TAGS = 10_000


def _overlaps(a: TagBlockRecord, b: TagBlockRecord) -> bool:
    return a.first_number <= b.last_number and b.first_number <= a.last_number


def _created(block: TagBlockRecord) -> tuple[str, str]:
    # first_number never changes after the reservation, so its stamp is the creation stamp.
    return (row_stamps.stamp_of(row_stamps.parse(block.stamps), "first_number"), block.id or "")


class TagAllocator:
    def __init__(
        self, store: Store, prefix: str, *, block_size: int = BLOCK_SIZE, rng: random.Random | None = None
    ) -> None:
        make_tag(prefix, 0)  # refuses a bad prefix before anything is reserved
        self.store = store
        self.prefix = prefix.strip().upper()
        self.block_size = block_size
        self.rng = rng

    def allocate(self, count: int) -> list[str]:
        """``count`` new tags, in one transaction; the block's counter moves past them."""
        if not 1 <= count <= MAX_NEW_TAGS:
            raise RejectedInput(f"ask for 1 to {MAX_NEW_TAGS} new tags at a time")
        replica = self.store.replica_id
        tags: list[str] = []
        with self.store.unit_of_work() as uow:
            session = uow.session
            blocks = tag_blocks(session, self.prefix)
            while len(tags) < count:
                block = self._usable_block(blocks, replica)
                if block is None:
                    block = self._reserve(blocks, replica)
                    session.add(block)
                    blocks.append(block)
                used = used_tag_numbers(session, self.prefix, block.next_number, block.last_number)
                number = block.next_number
                while number <= block.last_number and len(tags) < count:
                    if number not in used:
                        tags.append(make_tag(self.prefix, number))
                    number += 1
                block.next_number = number
        return tags

    def _usable_block(self, blocks: list[TagBlockRecord], replica: str) -> TagBlockRecord | None:
        others = [b for b in blocks if b.replica_id != replica]
        for block in blocks:
            if block.replica_id != replica or block.deleted or block.next_number > block.last_number:
                continue
            # A block that collided with another replica's (both reserved offline): the block
            # created first keeps the numbers, by stamp and then id, the same order on every replica.
            rivals = [o for o in others if _overlaps(block, o)]
            if any(_created(o) < _created(block) for o in rivals):
                block.next_number = block.last_number + 1
                continue
            return block
        return None

    def _reserve(self, blocks: list[TagBlockRecord], replica: str) -> TagBlockRecord:
        size = self.block_size
        slots = (MAX_TAG_NUMBER + 1) // size
        taken: set[int] = set()
        for b in blocks:
            taken.update(range(b.first_number // size, b.last_number // size + 1))
        free = [k for k in range(slots) if k not in taken]
        if not free:
            raise RejectedInput(f"every tag number under prefix {self.prefix} is reserved; use a new prefix")
        rng = self.rng or random.Random(f"{replica}:{len(blocks)}")
        slot = rng.choice(free)
        first = max(1, slot * size)  # number 0 is never printed
        return TagBlockRecord(
            prefix=self.prefix,
            first_number=first,
            last_number=slot * size + size - 1,
            replica_id=replica,
            next_number=first,
        )

    def blocks(self) -> list[TagBlockRecord]:
        with self.store.read() as session:
            return tag_blocks(session, self.prefix)
