"""About: the version of everything (for support calls) and where this user's data lives."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.maintenance.log_privacy import mask
from inventory_app.maintenance.versions import versions

log = logging.getLogger(__name__)

# Row names and words of maintenance.versions() (for lupdate; translated when shown). QT_TRANSLATE_NOOP
# hands its text back unchanged, but PySide6's stubs type the result as ``object``.
ROW_NAMES = (
    QT_TRANSLATE_NOOP("AboutDialog", "School device inventory"),
    QT_TRANSLATE_NOOP("AboutDialog", "Store schema (this build)"),
    QT_TRANSLATE_NOOP("AboutDialog", "Store schema (this store)"),
    QT_TRANSLATE_NOOP("AboutDialog", "Platform"),
    QT_TRANSLATE_NOOP("AboutDialog", "zbar library"),
    QT_TRANSLATE_NOOP("AboutDialog", "Qt (runtime)"),
)
VALUE_WORDS = tuple(
    str(word)
    for word in (
        QT_TRANSLATE_NOOP("AboutDialog", "from source"),
        QT_TRANSLATE_NOOP("AboutDialog", "bundled"),
        QT_TRANSLATE_NOOP("AboutDialog", "not available"),
    )
)


class AboutDialog(QDialog):
    versions_copied = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About School device inventory"))
        self.setMinimumWidth(600)
        self.table = self._collect(ctx)

        layout = QVBoxLayout(self)
        title = QLabel(
            self.tr("<h2>School device inventory</h2><p>Audit, sync and report a city's school IT devices.</p>")
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        self.value_labels: dict[str, QLabel] = {}
        for key, value in self.table.items():
            # The version table comes from a module without Qt: its row names and words are worded here
            # (the copied text for support stays as it is).
            key = QCoreApplication.translate("AboutDialog", key)
            for word in VALUE_WORDS:
                value = value.replace(word, QCoreApplication.translate("AboutDialog", word))
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.value_labels[key] = label
            form.addRow(key, label)
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy versions"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_versions)
        layout.addWidget(buttons)

    def _collect(self, ctx: AppContext) -> dict[str, str]:
        table = versions()
        table["Qt (runtime)"] = qVersion()
        try:
            table["Store schema (this store)"] = ctx.store.revision() or "-"
        except Exception as exc:  # About must open even when the store cannot
            log.warning("About: could not read the store's revision: %s", exc)
            table["Store schema (this store)"] = self.tr("not available ({0})").format(str(exc))
        table[self.tr("Store")] = ctx.db_target
        table[self.tr("Backups")] = str(ctx.paths.backup_dir)
        table[self.tr("Log files")] = str(ctx.paths.log_dir)
        table[self.tr("Settings")] = str(ctx.paths.config_file)
        return table

    def text(self) -> str:
        return "\n".join(f"{k}: {v}" for k, v in self.table.items())

    def copy_versions(self) -> None:
        text = mask(self.text())
        QGuiApplication.clipboard().setText(text)
        self.versions_copied.emit(text)
