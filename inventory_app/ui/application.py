"""Start the Qt application around an AppContext: translations, then the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from inventory_app.context import AppContext
from inventory_app.paths import resource_path

SUPPORTED_LANGUAGES = ("fi", "en")


def create_qapplication() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("School device inventory")
    app.setOrganizationName("EducationDepartment")
    return app  # type: ignore[return-value]


def choose_language(cli_lang: str | None, config_lang: str, system_locale: QLocale | None = None) -> str:
    """``--lang`` wins, then the settings, then Finnish on a Finnish system, else English."""
    for wanted in (cli_lang, config_lang):
        if wanted and wanted in SUPPORTED_LANGUAGES:
            return wanted
    locale = system_locale if system_locale is not None else QLocale.system()
    return "fi" if locale.language() == QLocale.Language.Finnish else "en"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Load every ``resources/i18n/*_<lang>.qm`` (each helper ships its own) plus Qt's own strings.

    Returns the translators; the caller keeps them alive (Qt does not own them)."""
    for old in getattr(app, "_inventory_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if lang != "en":
        for qm in sorted(resource_path("i18n").glob(f"*_{lang}.qm")):
            translator = QTranslator(app)
            if translator.load(str(qm)):
                app.installTranslator(translator)
                installed.append(translator)
        qt_base = QTranslator(app)
        if qt_base.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_base)
            installed.append(qt_base)
    app._inventory_translators = installed  # type: ignore[attr-defined]
    QLocale.setDefault(
        QLocale(QLocale.Language.Finnish if lang == "fi" else QLocale.Language.English, QLocale.Country.Finland)
    )
    return installed


def run(ctx: AppContext, camera: str | None = None, lang: str | None = None) -> int:
    from inventory_app.ui.crash_handler import install_crash_handler
    from inventory_app.ui.main_window import MainWindow

    app = create_qapplication()
    install_translators(app, choose_language(lang, ctx.config.language))
    crash_handler = install_crash_handler(app, ctx)  # kept alive for the app's lifetime
    sync_first = first_run(app, ctx, lang)
    window = MainWindow(ctx, camera=camera)
    window.crash_handler = crash_handler  # type: ignore[attr-defined]
    window.show()
    if sync_first:  # "sign in online" at the first start: the first sync joins the laptop
        window.show_page(window.features.sync_panel)
        window.features.sync_panel.start_sync()
    return app.exec()


def first_run(app: QApplication, ctx: AppContext, lang: str | None) -> bool:
    """A new laptop (no settings file yet): the first-run questions before the window; the language
    chosen there is used at once. True when the person chose to sign in online (sync at once)."""
    from inventory_app.ui.first_run_dialog import FirstRunDialog, needs_first_run

    if not needs_first_run(ctx):
        return False
    dialog = FirstRunDialog(ctx)
    dialog.exec()
    install_translators(app, choose_language(lang, ctx.config.language))
    return dialog.sync_requested
