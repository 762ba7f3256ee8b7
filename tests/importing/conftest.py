"""A small known city to import into: one area, two sites, a few rooms, a leasing contract."""

import pytest

from tests.support import dump  # noqa: F401 (the importing tests take it from here)


@pytest.fixture
def city(store):
    from inventory_app.storage.schema import AreaRecord, LeasingContractRecord, RoomRecord, SiteRecord

    with store.unit_of_work() as uow:
        area = AreaRecord(name="Itä alue", code="ITA")
        uow.session.add(area)
        uow.flush()
        kontula = SiteRecord(name="Kontulan peruskoulu", code="KON07", area_id=area.id, kind="comprehensive")
        malmi = SiteRecord(name="Malmin päiväkoti", code="MAL02", area_id=area.id, kind="early_childhood")
        uow.session.add_all([kontula, malmi])
        uow.flush()
        uow.session.add_all(
            [
                RoomRecord(site_id=kontula.id, code="A101", name="Luokka A101", label_code="RMKON07A101"),
                RoomRecord(site_id=malmi.id, code="SALI", name="Sali", label_code="RMMAL02SALI"),
            ]
        )
        uow.session.add(LeasingContractRecord(lessor="Kuntaleasing Oy", contract_number="KL-2023-02"))
    return store
