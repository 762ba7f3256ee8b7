"""A short, distinct sound per scan outcome (QSoundEffect), silent when sound is off or unavailable."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from inventory_app.paths import resource_path
from inventory_app.ui.plugin_loading import qt_plugin_load

log = logging.getLogger(__name__)

OUTCOME_SOUNDS = ("found", "moved", "unknown", "repeat", "invalid", "ambiguous", "room", "undo")


class SoundPlayer(QObject):
    """``play(outcome)``; loads the effects on first use so a laptop without audio starts as fast."""

    def __init__(self, enabled: bool = True, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.folder = folder or resource_path("sounds")
        self._effects: dict[str, object] | None = None
        self.last_played: str | None = None  # what would have sounded (tests and the silent fallback)

    def _load(self) -> dict[str, object]:
        effects: dict[str, object] = {}
        # QtMultimedia loads its plugin here, mid-audit, while the audit worker runs Python: see plugin_loading.py.
        with qt_plugin_load():
            try:
                from PySide6.QtMultimedia import QSoundEffect
            except ImportError as exc:  # no QtMultimedia in this build: stay silent
                log.info("sounds off: %s", exc)
                return effects
            for name in OUTCOME_SOUNDS:
                path = self.folder / f"{name}.wav"
                if path.exists():
                    effect = QSoundEffect(self)
                    effect.setSource(QUrl.fromLocalFile(str(path)))
                    effect.setVolume(0.6)
                    effects[name] = effect
        return effects

    def play(self, outcome: str) -> None:
        if not self.enabled:
            return
        self.last_played = outcome
        if self._effects is None:
            self._effects = self._load()
        effect = self._effects.get(outcome)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
