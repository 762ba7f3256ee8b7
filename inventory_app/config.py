"""The small per-user settings file: auditor, language, defaults."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


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
        except (OSError, ValueError) as exc:
            # A damaged settings file must not stop the app; defaults are safe. It is kept beside the new
            # one (the next save would overwrite it) and logged, so nobody's settings vanish unexplained.
            cls._keep_damaged(path, f"unreadable ({exc})")
            return cls()
        if not isinstance(raw, dict):
            cls._keep_damaged(path, "not a JSON object")
            return cls()
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in raw:
                value = raw[f.name]
                if isinstance(value, type(getattr(cls(), f.name))):
                    values[f.name] = value
                else:
                    log.warning(
                        "settings file %s: ignored %s (expected %s)",
                        path,
                        f.name,
                        type(getattr(cls(), f.name)).__name__,
                    )
        unknown = sorted(set(raw) - known)
        if unknown:
            log.info("settings file %s: ignored unknown keys %s", path, ", ".join(unknown))
        return cls(**values)

    @staticmethod
    def _keep_damaged(path: Path, why: str) -> None:
        kept = path.with_name(path.name + ".damaged")
        try:
            os.replace(path, kept)
        except OSError:
            kept = path
        log.warning("settings file %s is %s; using defaults (the damaged file is kept as %s)", path, why, kept.name)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
