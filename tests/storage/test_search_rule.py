"""Every search implementation answers by the one rule of core/search_rule.py.

Generated devices (identifiers, model, room) and queries (fragments of the devices' fields in
either case, and random text with the characters that have tripped searches up: separators, LIKE's
wildcards, the backslash, letters outside A-Z) go through the SQLite store (trigram index path,
short-prefix walk, the device table's page and count), the PostgreSQL store (the same queries
without the index) and the window's in-memory index; each must find exactly the devices
``search_rule.matches`` finds.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inventory_app.core import search_rule
from inventory_app.core.identifiers import identifier_key
from inventory_app.inventory.browse import DeviceBrowser, DeviceFilter
from inventory_app.inventory.search_index import DeviceSearchIndex
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import AreaRecord, DeviceModelRecord, DeviceRecord, RoomRecord, SiteRecord
from inventory_app.storage.store import Store

CHARS = "aAbB019xX -:._/%\\äÄßı"
texts = st.text(alphabet=CHARS, max_size=9)
devices = st.lists(
    st.fixed_dictionaries(
        {
            "asset_tag": st.none() | texts,
            "serial": st.none() | texts,
            "inventory_number": st.none() | texts,
            "mac": st.none() | texts,
            "model": st.none() | st.tuples(st.none() | texts, texts),
            "room": st.none() | texts,
        }
    ),
    min_size=1,
    max_size=6,
)


@st.composite
def queries(draw: st.DrawFn, devs: list[dict[str, Any]]) -> str:
    """A fragment of some device's field (often a match) or random text (usually not)."""
    fields = [
        f
        for d in devs
        for f in (
            d["asset_tag"],
            d["serial"],
            d["inventory_number"],
            d["mac"],
            d["room"],
            search_rule.model_text(*d["model"]) if d["model"] else None,
        )
        if f
    ]
    if not fields or draw(st.integers(0, 3)) == 0:
        random_text: str = draw(st.text(alphabet=CHARS, min_size=1, max_size=6))
        return random_text
    field: str = draw(st.sampled_from(fields))
    start = draw(st.integers(0, len(field)))
    end = draw(st.integers(start, len(field)))
    fragment = field[start:end]
    return fragment.swapcase() if draw(st.booleans()) else fragment


def reference(devs: list[dict[str, Any]], ids: list[str], query: str) -> set[str]:
    found = set()
    for device_id, d in zip(ids, devs, strict=True):
        manufacturer, model = d["model"] if d["model"] else (None, None)
        fields = search_rule.SearchFields(
            keys=tuple(identifier_key(d[k]) for k in ("asset_tag", "serial", "inventory_number", "mac")),
            manufacturer=manufacturer,
            model=model,
            room=d["room"],
        )
        if search_rule.matches(fields, query):
            found.add(device_id)
    return found


def add_site_with(store: Store, devs: list[dict[str, Any]]) -> tuple[str, list[str]]:
    """A new site holding these devices (each example gets its own: no deletes between examples)."""
    with store.unit_of_work() as uow:
        area = uow.session.query(AreaRecord).first()
        if area is None:
            area = AreaRecord(id=str(uuid.uuid4()), name="A")
            uow.session.add(area)
            uow.flush()
        site = SiteRecord(id=str(uuid.uuid4()), name="S", code=uuid.uuid4().hex[:8], area_id=area.id, kind="primary")
        uow.session.add(site)
        uow.flush()
        rooms = [
            RoomRecord(id=str(uuid.uuid4()), site_id=site.id, code=d["room"]) if d["room"] is not None else None
            for d in devs
        ]
        models = [
            DeviceModelRecord(id=str(uuid.uuid4()), manufacturer=d["model"][0], name=d["model"][1])
            if d["model"] is not None
            else None
            for d in devs
        ]
        uow.session.add_all([r for r in rooms + models if r is not None])
        uow.flush()
        ids = [str(uuid.uuid4()) for _ in devs]
        uow.session.add_all(
            [
                DeviceRecord(
                    id=device_id,
                    site_id=site.id,
                    asset_tag=d["asset_tag"],
                    serial=d["serial"],
                    inventory_number=d["inventory_number"],
                    mac=d["mac"],
                    room_id=room.id if room else None,
                    model_id=model.id if model else None,
                )
                for device_id, d, room, model in zip(ids, devs, rooms, models, strict=True)
            ]
        )
    return site.id, ids


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Store]:
    # pg_url fails the test in CI when PostgreSQL is unreachable (skips only on a laptop without one).
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else str(tmp_path / "s.sqlite")
    store = Store.open(url)
    yield store
    store.close()


def check_every_path(store: Store, devs: list[dict[str, Any]], queries: list[str]) -> None:
    site_id, ids = add_site_with(store, devs)
    index = DeviceSearchIndex(store).load() if store.is_sqlite else None
    browser = DeviceBrowser(store)
    for query in queries:
        expected = reference(devs, ids, query)
        flt = DeviceFilter(site_id=site_id, query=query)
        with store.read() as s:
            answers = {
                "search_devices": {v.id for v in repo.search_devices(s, site_id=site_id, query=query)},
                "search_devices(limit)": {v.id for v in repo.search_devices(s, site_id=site_id, query=query, limit=50)},
            }
        answers["table page"] = {row.id for row in browser.page(flt, 0, 50)}
        if index is not None:
            found = index.search(flt)
            assert found is not None
            answers["in-memory index"] = set(found)
        for path, answer in answers.items():
            assert answer == expected, f"{path} for {query!r}"
        assert browser.count(flt) == len(expected), f"table count for {query!r}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), devs=devices)
def test_every_search_path_answers_by_the_rule(
    any_store: Store, data: st.DataObject, devs: list[dict[str, Any]]
) -> None:
    check_every_path(any_store, devs, data.draw(st.lists(queries(devs), min_size=1, max_size=8), label="queries"))


def _device(**fields: Any) -> dict[str, Any]:
    return {
        "asset_tag": None,
        "serial": None,
        "inventory_number": None,
        "mac": None,
        "model": None,
        "room": None,
        **fields,
    }


def test_cases_that_once_differed_between_the_paths(any_store: Store) -> None:
    devs = [
        _device(asset_tag="HKI0000017", serial="PF-3A1B2C", model=("Lenovo", "ThinkPad 11e"), room="A203"),
        _device(serial="DMPX100_9", mac="0/Ä", model=(None, "Äänentoisto 100% Pro")),
        _device(inventory_number="KES-001", room="ÄB1"),
    ]
    check_every_path(
        any_store,
        devs,
        [
            "3a",
            "le",
            "PF",
            "pf-3a1",
            "lenovo thinkpad",
            "THINKPAD 11",
            "x100_9",
            "3a%1b",
            "100% pro",
            "%%%",
            "___",
            "0/Ä",
            "0Ä",
            "ÄäNEN",
            "äänen",
            "äb1",
            "ÄB1",
            "kes-0",
            "KE",
            "-",
            "a\\b",
            "0000017 pf",
        ],
    )


def test_the_rule_itself() -> None:
    tag = search_rule.SearchFields(
        keys=("HKI0000017", "PF3A1B2C", None, None), manufacturer="Lenovo", model="ThinkPad 11e", room="A203"
    )
    assert search_rule.matches(tag, "")  # no query: everything
    assert search_rule.matches(tag, "pf")  # a short query: the start of an identifier ...
    assert not search_rule.matches(tag, "3a")  # ... and nowhere else
    assert not search_rule.matches(tag, "le")  # nor the model
    assert search_rule.matches(tag, "pf-3a1")  # a key: separators dropped
    assert search_rule.matches(tag, "LENOVO thinkpad")  # model text: manufacturer, space, name
    assert search_rule.matches(tag, "a20")
    assert not search_rule.matches(tag, "a2%")  # % is a plain character
    assert not search_rule.matches(tag, "-")  # nothing left of a short key
    ae = search_rule.SearchFields(keys=(), model="Äänentoisto")
    assert search_rule.matches(ae, "Äänen") and search_rule.matches(ae, "ÄäNEN")
    assert not search_rule.matches(ae, "äänen")  # only A-Z are folded (as SQLite's LIKE and lower())
    assert search_rule.prefix_upper_bound("AB") == "AC"
    assert search_rule.prefix_upper_bound("A\U0010ffff") is None
