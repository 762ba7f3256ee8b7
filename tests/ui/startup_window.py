"""Started in a subprocess by test_startup_deadlock.py: the app's start-up as ``ui/application.run`` does it
(the crash handler's Qt message hook, then the window), on a store whose settings name a central.

Exits 0 once the camera panel is built and the start-up connection check has answered; a deadlock
between the two leaves the process hanging, and the test's timeout catches it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from inventory_app.context import AppContext
from inventory_app.ui.application import create_qapplication
from inventory_app.ui.crash_handler import install_crash_handler
from inventory_app.ui.main_window import MainWindow


def main() -> int:
    app = create_qapplication()
    ctx = AppContext.create(db=sys.argv[1])
    hooks = install_crash_handler(app, ctx)  # as ui/application.run: Qt's messages go to the log
    window = MainWindow(ctx)
    window.crash_handler = hooks  # type: ignore[attr-defined]
    window.show()
    sync = window.features.sync_panel
    answered: list[bool] = []
    sync.online_changed.connect(answered.append)

    def check() -> None:
        if window.features._camera_panel is not None and answered and not window.runner.busy:
            print("started", answered[0], flush=True)
            window.close()
            app.exit(0)

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(20)
    QTimer.singleShot(20000, lambda: app.exit(1))  # no answer at all (not a deadlock): fail, do not hang
    code = app.exec()
    ctx.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
