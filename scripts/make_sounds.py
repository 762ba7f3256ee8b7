"""Generate the short audit sounds in resources/sounds/ (committed; run again to change them).

One distinct, short sound per scan outcome, as 16-bit mono WAV at 22,050 Hz:
found = one high beep, moved = two rising notes, unknown = a low buzz, repeat = a soft tick,
invalid = three quick low notes, ambiguous = two falling notes, room = a chime, undo = a falling sweep.
Usage: .venv/bin/python scripts/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"

# (frequency Hz, duration s, waveform) notes; a frequency of 0 is a pause.
SOUNDS: dict[str, list[tuple[float, float, str]]] = {
    "found": [(1568, 0.09, "sine")],
    "moved": [(880, 0.08, "sine"), (1319, 0.11, "sine")],
    "unknown": [(220, 0.28, "square")],
    "repeat": [(2000, 0.02, "sine")],
    "invalid": [
        (330, 0.07, "square"),
        (0, 0.03, "sine"),
        (330, 0.07, "square"),
        (0, 0.03, "sine"),
        (330, 0.07, "square"),
    ],
    "ambiguous": [(988, 0.09, "sine"), (659, 0.12, "sine")],
    "room": [(1047, 0.07, "sine"), (1568, 0.14, "sine")],
    "undo": [(1200, 0.12, "sweep")],
}


def samples(freq: float, seconds: float, wave_kind: str, volume: float = 0.35) -> list[int]:
    n = int(RATE * seconds)
    fade = max(1, int(RATE * 0.006))  # short fades: no clicks
    out = []
    for i in range(n):
        t = i / RATE
        f = freq * (1 - 0.5 * i / n) if wave_kind == "sweep" else freq
        value = 0.0 if freq == 0 else math.sin(2 * math.pi * f * t)
        if wave_kind == "square":
            value = 0.6 if value >= 0 else -0.6
        envelope = min(1.0, i / fade, (n - i) / fade)
        out.append(int(32767 * volume * value * envelope))
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, notes in SOUNDS.items():
        data: list[int] = []
        for freq, seconds, kind in notes:
            data += samples(freq, seconds, kind)
        with wave.open(str(OUT / f"{name}.wav"), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(struct.pack(f"<{len(data)}h", *data))
        print(f"wrote {OUT / (name + '.wav')}")


if __name__ == "__main__":
    main()
