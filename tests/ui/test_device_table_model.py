"""The device table model, tested as a plain object (no window)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from inventory_app.demo.city import DemoCity
from inventory_app.inventory.browse import DeviceBrowser, DeviceFilter
from inventory_app.inventory.search_index import DeviceSearchIndex
from inventory_app.inventory.service import InventoryService
from inventory_app.ui.device_table_model import COLUMNS, DeviceTableModel


@pytest.fixture
def city(store):  # type: ignore[no-untyped-def]
    DemoCity(store, devices=600, seed=3).generate()
    return store


def all_rows(model: DeviceTableModel) -> list[str]:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return [model.device_id(r) for r in range(model.rowCount())]


def cell(model: DeviceTableModel, row: int, key: str) -> str:
    return model.data(model.index(row, COLUMNS.index(key)), Qt.ItemDataRole.DisplayRole)


@pytest.mark.parametrize("with_index", [False, True])
def test_rows_arrive_a_page_at_a_time_and_add_up_to_the_count(qapp, city, with_index):
    browser = DeviceBrowser(city)
    index = DeviceSearchIndex(city).load() if with_index else None
    model = DeviceTableModel(browser, index, page_size=50)
    model.reload()
    # Without the index a large answer is not counted in SQL up front (-1) but as the pages arrive.
    assert model.rowCount() == 50 and model.total == (600 if with_index else -1)
    assert model.canFetchMore(QModelIndex())
    ids = all_rows(model)
    assert model.total == 600
    assert len(ids) == 600 == len(set(ids))
    assert not model.canFetchMore(QModelIndex())
    tags = [cell(model, r, "asset_tag") for r in range(model.rowCount())]
    assert tags == sorted(tags)


@pytest.mark.parametrize("with_index", [False, True])
@pytest.mark.parametrize(
    "flt",
    [
        DeviceFilter(status="broken"),
        DeviceFilter(category="projector"),
        DeviceFilter(group="pupil"),
        DeviceFilter(query="thinkpad"),
        DeviceFilter(query="a101"),
        DeviceFilter(group="presentation", status="in_use", query="epson"),
    ],
)
def test_filters_and_search_match_the_service(qapp, city, with_index, flt):
    browser = DeviceBrowser(city)
    model = DeviceTableModel(browser, DeviceSearchIndex(city).load() if with_index else None, page_size=40)
    model.set_filter(flt)
    expected = InventoryService(city).list(
        group=flt.group, category=flt.category, status=flt.status, search=flt.query or None
    )
    assert expected, "the demo city should have devices for every filter in this test"
    assert sorted(all_rows(model)) == sorted(v.id for v in expected)
    assert model.total == len(expected)  # known once every page arrived, or at once from the index


def test_search_finds_a_device_by_serial_fragment_mac_and_inventory_number(qapp, city):
    device = next(v for v in InventoryService(city).list(limit=400) if v.serial and v.inventory_number)
    model = DeviceTableModel(DeviceBrowser(city), DeviceSearchIndex(city).load())
    for text in (device.serial[2:9].lower(), device.inventory_number, device.asset_tag.lower()):
        model.set_filter(DeviceFilter(query=text))
        assert device.id in all_rows(model), text


def test_sorting_by_a_column_orders_every_page(qapp, city):
    model = DeviceTableModel(DeviceBrowser(city), DeviceSearchIndex(city).load(), page_size=64)
    model.sort(COLUMNS.index("room"), Qt.SortOrder.DescendingOrder)
    all_rows(model)
    rooms = [cell(model, r, "room") for r in range(model.rowCount())]
    assert len(rooms) == 600
    assert rooms == sorted(rooms, reverse=True)


def test_statuses_and_categories_are_shown_translated_not_as_codes(qapp, city):
    model = DeviceTableModel(DeviceBrowser(city), None)
    model.set_filter(DeviceFilter(status="in_repair"))
    assert model.rowCount() > 0
    assert cell(model, 0, "status") == "In repair"
    assert "_" not in cell(model, 0, "category")


def test_count_changed_is_emitted_with_the_new_total(qtbot, city):
    model = DeviceTableModel(DeviceBrowser(city), None)
    with qtbot.waitSignal(model.count_changed, check_params_cb=lambda n: n == 0, timeout=2000):
        model.set_filter(DeviceFilter(query="no-such-device-anywhere"))
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())


def test_a_stale_index_is_not_used_after_invalidate(qapp, city):
    index = DeviceSearchIndex(city).load()
    model = DeviceTableModel(DeviceBrowser(city), index)
    victim = InventoryService(city).list(limit=1)[0]
    InventoryService(city).set(victim.id, {"notes": "x", "serial": "FRESHSERIAL99"})
    index.invalidate()
    model.set_filter(DeviceFilter(query="freshserial99"))
    assert all_rows(model) == [victim.id]
