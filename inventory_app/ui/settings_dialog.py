"""Settings: auditor name, language, default site, sound on/off (saved in the config file)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.inventory.service import SiteSummary


class SettingsDialog(QDialog):
    """``settings_saved(language_changed)`` after the config file was written."""

    settings_saved = Signal(bool)

    def __init__(self, ctx: AppContext, sites: list[SiteSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        cfg = ctx.config
        self.auditor = QLineEdit(cfg.auditor)
        self.auditor.setPlaceholderText(self.tr("your name as it should appear on audits"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("Suomi", "fi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(cfg.language)))
        self.default_site = QComboBox()
        self.default_site.addItem(self.tr("(none)"), "")
        for site in sites:
            self.default_site.addItem(site.name, site.id)
        self.default_site.setCurrentIndex(max(0, self.default_site.findData(cfg.default_site)))
        self.check_host = QLineEdit(cfg.check_host)
        self.check_host.setPlaceholderText(self.tr("the central server's host, else www.suomi.fi"))
        self.check_host.setToolTip(self.tr("Where the audit's connection check measures: host or host:port"))
        self.sound = QCheckBox(self.tr("Play a sound for each scan"))
        self.sound.setChecked(cfg.sound)
        self.note = QLabel(self.tr("A new language is used from the next start of the app."))
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda: self.note.setVisible(self.language.currentData() != self.ctx.config.language)
        )

        form = QFormLayout()
        form.addRow(self.tr("&Auditor"), self.auditor)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("Default &site"), self.default_site)
        form.addRow(self.tr("Connection &check host"), self.check_host)
        form.addRow("", self.sound)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def save(self) -> None:
        cfg = self.ctx.config
        language_changed = cfg.language != self.language.currentData()
        cfg.auditor = " ".join(self.auditor.text().split())
        cfg.language = self.language.currentData()
        cfg.default_site = self.default_site.currentData()
        cfg.sound = self.sound.isChecked()
        cfg.check_host = self.check_host.text().strip()
        self.ctx.save_config()
        self.settings_saved.emit(language_changed)
        self.accept()
