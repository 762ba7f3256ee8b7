"""The repeat rule: the same code again within ``REPEAT_WINDOW_S`` seconds of its last sighting is one scan.

One setting, one owner. The audit engine applies the rule to every code it is given, whatever the source
(a USB scanner that double-reads, the keyboard, the camera); the camera's debouncer uses the same window
so that a label held in view reaches the engine once rather than as a stream of ignored repeats. Change
the window here and both follow.
"""

from __future__ import annotations

REPEAT_WINDOW_S = 4.0
