"""The main window (placeholder until the audit workspace lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from inventory_app.context import AppContext


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("School device inventory"))
        self.setCentralWidget(QLabel(self.tr("Store: {0}").format(ctx.store.url)))
        self.resize(1280, 720)
