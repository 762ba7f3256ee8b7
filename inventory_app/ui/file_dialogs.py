"""The one way the window asks for a file: dialogs that never read the files they list.

Qt's own file dialog works out each listed file's icon and type with a MIME sniffer that opens and reads
files whose name says nothing (``inventory.sqlite-wal``, ``-shm``). On Linux and macOS closing that
descriptor drops this process's SQLite locks on the store (POSIX locks belong to the process), which is
how a morning's scans could vanish (docs/STORE-SAFETY.md). So every dialog of the window comes from
here: Qt's dialog with an icon provider that looks at names only (folder or file, and the suffix), and
never opening in the store's own folder. On Windows the native dialog is used (locks there belong to
a handle, so a dialog cannot drop them).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class _NameOnlyIcons(QAbstractFileIconProvider):
    """Icons and type names from the file name alone: nothing is opened (called on Qt's gatherer thread)."""

    def __init__(self) -> None:
        super().__init__()
        style = QApplication.style()
        self._folder = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        self._file = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self._drive = style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        self.setOptions(QAbstractFileIconProvider.Option.DontUseCustomDirectoryIcons)
        # Translated once here, on the GUI thread (type() runs on Qt's file-info thread).
        self._folder_text = QCoreApplication.translate("FileDialogs", "Folder")
        self._file_text = QCoreApplication.translate("FileDialogs", "File")
        self._suffix_text = QCoreApplication.translate("FileDialogs", "{0} file")

    def icon(self, what: object) -> QIcon:
        if isinstance(what, QFileInfo):
            if what.isRoot():
                return self._drive
            return self._folder if what.isDir() else self._file
        if what == QAbstractFileIconProvider.IconType.Folder:
            return self._folder
        if what == QAbstractFileIconProvider.IconType.Drive:
            return self._drive
        return self._file

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return self._folder_text
        suffix = info.suffix()
        return self._suffix_text.format(suffix.upper()) if suffix else self._file_text


class FileDialogs:
    """Open and save dialogs for one window; ``store_path`` is the store file whose folder they avoid."""

    def __init__(self, store_path: Path | None = None) -> None:
        self.store_folder = Path(store_path).resolve().parent if store_path is not None else None
        self._icons: _NameOnlyIcons | None = None  # lives as long as this object: Qt's thread may still ask

    def open_file(self, parent: QWidget | None, title: str, start: str | Path, filters: str) -> str:
        """The chosen existing file, or "" when cancelled."""
        return self._ask(parent, title, start, filters, save=False)

    def save_file(self, parent: QWidget | None, title: str, suggested: str | Path, filters: str) -> str:
        """The chosen file to write (an existing one only after the dialog asked), or "" when cancelled."""
        return self._ask(parent, title, suggested, filters, save=True)

    def safe_start(self, start: str | Path) -> tuple[Path, str]:
        """The folder to open in (never the store's) and the file name to suggest."""
        text = str(start)
        path = Path(text).expanduser() if text else Path.cwd()
        folder, name = (path, "") if not text or path.is_dir() else (path.parent, path.name)
        if not folder.is_absolute():
            folder = Path.cwd() / folder
        if self.store_folder is not None and folder.resolve() == self.store_folder:
            folder = self._elsewhere()
        return folder, name

    def _elsewhere(self) -> Path:
        for candidate in (
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
            str(Path.home()),
        ):
            if candidate and Path(candidate).is_dir() and Path(candidate).resolve() != self.store_folder:
                return Path(candidate)
        assert self.store_folder is not None
        return self.store_folder.parent

    def _ask(self, parent: QWidget | None, title: str, start: str | Path, filters: str, *, save: bool) -> str:
        folder, name = self.safe_start(start)
        dialog = QFileDialog(parent, title, str(folder), filters)
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if not sys.platform.startswith("win"):
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            if self._icons is None:
                self._icons = _NameOnlyIcons()
            dialog.setIconProvider(self._icons)
        if name:
            dialog.selectFile(name)
        try:
            if dialog.exec() != QFileDialog.DialogCode.Accepted:
                return ""
            chosen = dialog.selectedFiles()
            return chosen[0] if chosen else ""
        finally:
            dialog.deleteLater()


__all__ = ["FileDialogs"]
