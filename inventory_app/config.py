"""The small per-user settings file: auditor, language, defaults."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class Config:
    auditor: str = ""
    language: str = ""  # "" = follow the system (Finnish on a Finnish system)
    default_site: str = ""
    sound: bool = True
    tag_prefix: str = "HKI"
    central_url: str = ""
    # Where the audit screen's connection check measures ("host" or "host:port"); empty: the central's
    # host when there is one, else a public host (audit/observations.py DEFAULT_CHECK_HOST).
    check_host: str = ""
    camera: str = ""

    @classmethod
    def load(cls, path: Path) -> Config:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            # A damaged settings file must not stop the app; defaults are safe.
            return cls()
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
        return cls(**values)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
