"""The City page: the city's structure as a tree (area → site → room, contracts, models) beside a form.

A department secretary sets the city up here: new areas, schools and units, rooms, leasing contracts
and device models; renames and retires them (nothing is deleted). Every rule is the structure
service's (the same as the command line's); ``structure_changed`` tells the window to refresh its
navigation tree, device list and report pickers at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.inventory.browse import DeviceBrowser
from inventory_app.inventory.structure import StructureService
from inventory_app.inventory.structure_rules import StructureRejected
from inventory_app.ui.city_form import FieldSpec, StructureForm
from inventory_app.ui.city_labels import city_choices, city_label
from inventory_app.ui.labels import label
from inventory_app.ui.mnemonics import controls, menu_letters, spread_mnemonics

ROLE = Qt.ItemDataRole.UserRole


def _fi_date(value: Any) -> str:
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def _fi_money(value: Any) -> str:
    return f"{value:.2f}".replace(".", ",") if value is not None else ""


class CityPage(QWidget):
    """``structure_changed`` after every saved edit (the window refreshes the tree and the reports)."""

    structure_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = StructureService(ctx.store)
        self.browser = DeviceBrowser(ctx.store)
        self._selected: tuple[str, str] | None = None

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, (kind, text) in enumerate(
            (
                ("area", self.tr("New &area")),
                ("site", self.tr("New s&chool or unit")),
                ("room", self.tr("New r&oom")),
                ("contract", self.tr("New leasing co&ntract")),
                ("model", self.tr("New device &model")),
            )
        ):
            button = QPushButton(text)
            # On press: a mnemonic (Alt+A) "clicks" only after a 100 ms animation, and keys typed
            # meanwhile went into the old form, which the new one then replaced.
            button.pressed.connect(lambda k=kind: self.new(k))
            self.buttons[kind] = button
            grid.addWidget(button, i // 2, i % 2)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(lambda item, _prev: self._item_chosen(item))
        self.show_retired = QCheckBox(self.tr("Show &retired"))
        self.show_retired.toggled.connect(lambda _on: self.reload())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("The city's areas, schools and units, rooms, leasing contracts and device models."))
        intro.setWordWrap(True)
        left_layout.addWidget(intro)
        left_layout.addLayout(grid)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.show_retired)

        self.form = StructureForm()
        self.form.saved.connect(self._saved)
        self.form.retire_toggled.connect(self._retire)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)
        self.splitter.setSizes([420, 600])
        layout = QHBoxLayout(self)
        layout.addWidget(self.splitter)
        self.reload()
        self.new("area" if not self.service.areas() else "site")

    # -- the tree -------------------------------------------------------------------------------------
    def reload(self, select: tuple[str, str] | None = None) -> None:
        """Read the structure again; keep (or move to) the selected item."""
        select = select or self._selected
        retired = self.show_retired.isChecked()
        self.tree.blockSignals(True)
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        sites = self.service.site_views(include_retired=retired)
        for area in self.service.areas(include_retired=retired):
            area_item = self._item(None, "area", area.id, area.name, area.retired)
            area_item.setFont(0, bold)
            for site in (s for s in sites if s.area_id == area.id):
                site_item = self._item(area_item, "site", site.id, f"{site.name} ({site.code})", site.retired)
                for room in self.service.room_views(site.id, include_retired=retired):
                    text = f"{room.code} – {room.name}" if room.name else room.code
                    self._item(site_item, "room", room.id, text, room.retired, site.id)
        contracts = self._item(None, "contracts", "", self.tr("Leasing contracts"), False)
        contracts.setFont(0, bold)
        for c in self.service.contracts(include_retired=retired):
            self._item(contracts, "contract", c.id, f"{c.number} – {c.lessor}", c.retired)
        models = self._item(None, "models", "", self.tr("Device models"), False)
        models.setFont(0, bold)
        for m in self.service.models(include_retired=retired):
            self._item(models, "model", m.id, m.label, m.retired)
        # Areas and contracts open; a site opens to show its rooms when it (or a room) is chosen.
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None and top is not models:
                top.setExpanded(True)
        self.tree.blockSignals(False)
        if select:
            item = self.find_item(*select)
            if item is not None:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
                self._reveal(item)

    def _reveal(self, item: QTreeWidgetItem) -> None:
        """Open the chosen item's parents and the item itself (a site shows its rooms)."""
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        item.setExpanded(True)
        self.tree.scrollToItem(item)

    def _item(
        self, parent: QTreeWidgetItem | None, kind: str, row_id: str, text: str, retired: bool, site_id: str = ""
    ) -> QTreeWidgetItem:
        if retired:
            text += " " + self.tr("(retired)")
        item = QTreeWidgetItem([text])
        item.setData(0, ROLE, (kind, row_id, site_id))
        if retired:
            item.setForeground(0, Qt.GlobalColor.gray)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def find_item(self, kind: str, row_id: str) -> QTreeWidgetItem | None:
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            data = item.data(0, ROLE)
            if data and data[0] == kind and data[1] == row_id:
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        return None

    def select(self, kind: str, row_id: str) -> None:
        item = self.find_item(kind, row_id)
        if item is not None:
            self.tree.setCurrentItem(item)
            self._reveal(item)

    def _item_chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        kind, row_id, site_id = item.data(0, ROLE)
        if kind == "site":
            item.setExpanded(True)
        if kind == "contracts":
            self.new("contract")
        elif kind == "models":
            self.new("model")
        else:
            self.edit(kind, row_id, site_id)

    def _current(self, kind: str) -> str:
        """The id of the selected item of ``kind`` (or of its parent of that kind)."""
        item = self.tree.currentItem()
        while item is not None:
            data = item.data(0, ROLE)
            if data and data[0] == kind:
                return str(data[1])
            item = item.parent()
        return ""

    # -- forms -----------------------------------------------------------------------------------------
    def _area_choices(self) -> list[tuple[str, str]]:
        return [(a.id, a.name) for a in self.service.areas(include_retired=False)]

    def _site_choices(self) -> list[tuple[str, str]]:
        return [(s.id, f"{s.name} ({s.code})") for s in self.service.site_views(include_retired=False)]

    def specs(self, kind: str, new: bool) -> list[FieldSpec]:
        if kind == "area":
            return [
                FieldSpec("name", self.tr("&Name"), placeholder=self.tr("for example Keskusta")),
                FieldSpec("code", self.tr("Short &code"), placeholder=self.tr("optional")),
            ]
        if kind == "site":
            return [
                FieldSpec("code", self.tr("&Code"), placeholder=self.tr("for example KES01 (printed on room labels)")),
                FieldSpec("name", self.tr("&Name"), placeholder=self.tr("for example Keskuskoulu")),
                FieldSpec("area", self.tr("&Area"), "combo", choices=self._area_choices()),
                FieldSpec("kind", self.tr("&Kind"), "combo", choices=city_choices("site_kind")),
                FieldSpec("cost_centre", self.tr("Cost c&entre")),
                FieldSpec("address", self.tr("A&ddress")),
                FieldSpec("notes", self.tr("N&otes"), "notes"),
            ]
        if kind == "room":
            specs = (
                [FieldSpec("site", self.tr("&School or unit"), "combo", choices=self._site_choices())] if new else []
            )
            return specs + [
                FieldSpec("code", self.tr("Room &code"), placeholder=self.tr("for example A203")),
                FieldSpec("name", self.tr("&Name"), placeholder=self.tr("optional, for example Kemian luokka")),
                FieldSpec("kind", self.tr("&Kind"), "combo", choices=city_choices("room_kind")),
            ]
        if kind == "contract":
            return [
                FieldSpec("number", self.tr("Contract &number")),
                FieldSpec("lessor", self.tr("&Lessor")),
                FieldSpec("start", self.tr("&Start"), placeholder=self.tr("d.m.yyyy")),
                FieldSpec("end", self.tr("&End"), placeholder=self.tr("d.m.yyyy")),
                FieldSpec("notice_months", self.tr("Notice &period (months)"), placeholder="3"),
                FieldSpec("fee_basis", self.tr("&Fee basis"), "combo", choices=city_choices("fee_basis")),
                FieldSpec("monthly_fee", self.tr("&Monthly fee (€)"), placeholder=self.tr("for example 12,50")),
                FieldSpec("cost_centre", self.tr("Cost c&entre")),
            ]
        categories = [("", self.tr("(none)"))] + [
            (c.code, label("category", c.code)) for c in self.browser.categories()
        ]
        return [
            FieldSpec("manufacturer", self.tr("&Manufacturer")),
            FieldSpec("name", self.tr("&Name"), placeholder=self.tr("for example ThinkPad 11e")),
            FieldSpec("category", self.tr("&Category"), "combo", choices=categories),
            FieldSpec("lifetime_years", self.tr("Expected &lifetime (years)")),
        ]

    def new(self, kind: str) -> None:
        """An empty form for a new row, with the tree's selection as its default area or site."""
        svc = self.service
        submit: Callable[[dict[str, str], bool], Any]
        values: dict[str, str] = {}
        hint = ""
        if kind == "area":
            heading = self.tr("New area")
            submit = lambda v, dry: svc.add_area(v["name"], v["code"] or None, dry_run=dry)  # noqa: E731
        elif kind == "site":
            heading = self.tr("New school or unit")
            hint = self.tr("The code is printed on the room labels: letters and digits, chosen once.")
            values = {"area": self._current("area"), "kind": "comprehensive"}
            submit = lambda v, dry: svc.add_site(  # noqa: E731
                v["code"],
                name=v["name"],
                area=v["area"],
                kind=v["kind"],
                cost_centre=v["cost_centre"],
                address=v["address"],
                notes=v["notes"],
                dry_run=dry,
            )
        elif kind == "room":
            heading = self.tr("New room")
            values = {"site": self._current("site"), "kind": "classroom"}
            submit = lambda v, dry: svc.add_room(  # noqa: E731
                v["site"], v["code"], name=v["name"], kind=v["kind"], dry_run=dry
            )
        elif kind == "contract":
            heading = self.tr("New leasing contract")
            values = {"fee_basis": "per_device", "notice_months": "3"}
            submit = lambda v, dry: svc.add_contract(  # noqa: E731
                v["number"],
                lessor=v["lessor"],
                start=v["start"],
                end=v["end"],
                notice_months=v["notice_months"],
                fee_basis=v["fee_basis"],
                monthly_fee=v["monthly_fee"],
                cost_centre=v["cost_centre"],
                dry_run=dry,
            )
        else:
            heading = self.tr("New device model")
            submit = lambda v, dry: svc.add_model(  # noqa: E731
                v["name"],
                manufacturer=v["manufacturer"],
                category=v["category"],
                lifetime_years=v["lifetime_years"],
                dry_run=dry,
            )
        self._selected = None
        self._editing = (kind, "", "")
        self.form.show_form(heading, self.specs(kind, True), values, submit, hint=hint)
        self._spread_keys()

    def edit(self, kind: str, row_id: str, site_id: str = "") -> None:
        svc = self.service
        self._selected = (kind, row_id)
        self._editing = (kind, row_id, site_id)
        retired: bool
        if kind == "area":
            a = next(x for x in svc.areas() if x.id == row_id)
            values, retired, heading = {"name": a.name, "code": a.code or ""}, a.retired, a.name
            hint = self.tr("%n school(s) or unit(s) in use.", "", a.sites)
            setter: Callable[..., Any] = lambda changes, dry: svc.set_area(row_id, changes, dry_run=dry)  # noqa: E731
        elif kind == "site":
            s = svc.site(row_id)
            values = {
                "code": s.code or "",
                "name": s.name,
                "area": s.area_id or "",
                "kind": s.kind,
                "cost_centre": s.cost_centre or "",
                "address": s.address or "",
                "notes": s.notes or "",
            }
            retired, heading, hint = s.retired, s.name, city_label("site_kind", s.kind)
            setter = lambda changes, dry: svc.set_site(row_id, changes, dry_run=dry)  # noqa: E731
        elif kind == "room":
            r = svc.room(row_id)
            values = {"code": r.code, "name": r.name or "", "kind": r.kind}
            retired, heading = r.retired, self.tr("Room %1").replace("%1", r.code)
            hint = self.tr("Room label code: %1").replace("%1", r.label_code or "")
            setter = lambda changes, dry: svc.set_room(r.site_id, row_id, changes, dry_run=dry)  # noqa: E731
        elif kind == "contract":
            c = svc.contract(row_id)
            values = {
                "number": c.number,
                "lessor": c.lessor,
                "start": _fi_date(c.start),
                "end": _fi_date(c.end),
                "notice_months": str(c.notice_months),
                "fee_basis": c.fee_basis,
                "monthly_fee": _fi_money(c.monthly_fee),
                "cost_centre": c.cost_centre or "",
            }
            retired, heading = c.retired, self.tr("Contract %1").replace("%1", c.number)
            hint = self.tr("%n device(s) under this contract.", "", c.devices)
            setter = lambda changes, dry: svc.set_contract(row_id, changes, dry_run=dry)  # noqa: E731
        else:
            m = next(x for x in svc.models() if x.id == row_id)
            values = {
                "manufacturer": m.manufacturer or "",
                "name": m.name,
                "category": m.category or "",
                "lifetime_years": str(m.lifetime_years or ""),
            }
            retired, heading = m.retired, m.label
            hint = self.tr("%n device(s) of this model.", "", m.devices)
            setter = lambda changes, dry: svc.set_model(row_id, changes, dry_run=dry)  # noqa: E731
        initial = dict(values)

        def submit(v: dict[str, str], dry: bool) -> Any:
            return setter({k: x for k, x in v.items() if x != initial.get(k)}, dry)

        self.form.show_form(heading, self.specs(kind, False), values, submit, hint=hint, retired=retired)
        self._spread_keys()

    def _spread_keys(self) -> None:
        """One Alt+letter per control: the form's fields choose first (they are what is typed into),
        then its buttons, then the page's own; none takes a letter of the menu bar."""
        in_form = controls(self.form)
        page = [w for w in controls(self) if w not in in_form]
        spread_mnemonics(in_form + page, reserved=menu_letters(self.window()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._spread_keys()  # the menu bar's letters are known once the page is in the window

    # -- after a save --------------------------------------------------------------------------------------
    def _saved(self, result: Any) -> None:
        kind = self._editing[0]
        self.reload(select=(kind, result.id))
        self.edit(kind, result.id)
        self.structure_changed.emit()

    def _retire(self, retired: bool) -> None:
        kind, row_id, _site = self._editing
        change = {"retired": "yes" if retired else "no"}
        try:
            if kind == "area":
                self.service.set_area(row_id, change)
            elif kind == "site":
                self.service.set_site(row_id, change)
            elif kind == "room":
                room = self.service.room(row_id)
                self.service.set_room(room.site_id, row_id, change)
            elif kind == "contract":
                self.service.set_contract(row_id, change)
            else:
                self.service.set_model(row_id, change)
        except StructureRejected as exc:
            self.form.error.setText(self.form.message(exc))
            return
        if retired and not self.show_retired.isChecked():
            self.reload()
            self.new(kind)
        else:
            self.reload(select=(kind, row_id))
            self.edit(kind, row_id)
        self.structure_changed.emit()

    def refresh(self) -> None:
        """After outside changes (sync, import)."""
        self.reload()
