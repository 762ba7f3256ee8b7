"""Start the Qt application around an AppContext."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from inventory_app.context import AppContext
from inventory_app.ui.main_window import MainWindow


def create_qapplication() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("School device inventory")
    app.setOrganizationName("EducationDepartment")
    return app  # type: ignore[return-value]


def run(ctx: AppContext, camera: str | None = None, lang: str | None = None) -> int:
    app = create_qapplication()
    window = MainWindow(ctx)
    window.show()
    return app.exec()
