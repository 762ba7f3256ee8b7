"""Where things live: resources in the source tree or the frozen bundle, and the user's folders.

The one place that knows about PyInstaller's ``sys._MEIPASS``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "SchoolDeviceInventory"
APP_AUTHOR = "EducationDepartment"


def bundle_root() -> Path:
    """The folder holding ``db/`` and ``resources/``: the repository, or the unpacked bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return bundle_root() / "db"


@dataclass(frozen=True, slots=True)
class UserPaths:
    """The user's folders for this app. Tests pass a temporary root instead of the real ones."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> UserPaths:
        override = os.environ.get("INVENTORY_HOME")
        if override:
            return cls.under(Path(override))
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        )

    @classmethod
    def under(cls, root: Path) -> UserPaths:
        return cls(data_dir=root / "data", config_dir=root / "config", log_dir=root / "logs")

    @property
    def default_store(self) -> Path:
        return self.data_dir / "inventory.sqlite"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.json"
