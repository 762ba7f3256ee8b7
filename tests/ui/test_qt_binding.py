"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 returns None without a reference for null
pointers and empty QVariants, so every ``currentItem()``/``data()`` that answers None drains None's
refcount until the interpreter aborts ("Fatal Python error: none_dealloc"), often only at exit.
pyproject.toml keeps PySide6 below 6.12 for that; this test fails on a binding with the bug."""

import subprocess
import sys
import textwrap


def test_qt_calls_returning_none_keep_the_interpreter_alive():
    code = textwrap.dedent("""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem
        app = QApplication([])
        tree = QTreeWidget()
        item = QTreeWidgetItem(["a"])
        tree.addTopLevelItem(item)
        for _ in range(50_000):
            tree.currentItem()
            item.parent()
            item.data(0, Qt.ItemDataRole.UserRole)
        print("alive")
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "alive" in done.stdout, done.stderr[-500:]
