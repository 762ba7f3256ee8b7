"""A video of labels replayed as the camera into a running audit records exactly those devices, once each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from inventory_app.audit.engine import AuditSession
from inventory_app.core.enums import ScanMethod, ScanOutcome
from inventory_app.scanning.sources import VideoFileSource
from inventory_app.ui.camera_panel import CameraPanel
from tests.audit.conftest import school  # noqa: F401  (the fixture)
from tests.scanning.label_frames import labels_video


class AuditFeed(QObject):
    """What the audit page does with ``attach_code_source(panel)``: camera codes into the engine."""

    recorded = Signal(object)

    def __init__(self, session: AuditSession) -> None:
        super().__init__()
        self.session = session
        self.results = []  # type: ignore[var-annotated]

    @Slot(str, str)
    def scan(self, symbology: str, text: str) -> None:
        result = self.session.scan(text, ScanMethod.CAMERA, symbology)
        self.results.append(result)
        self.recorded.emit(result)


def test_a_walk_past_labels_records_the_room_and_each_device_once(qtbot, store, school, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    room_label = school.labels["A101"]
    here, elsewhere = school.tags["A101"][0], school.tags["A102"][0]
    # The first device's label is shown twice in a row (the auditor's hand wobbles): still one scan.
    video = labels_video(
        tmp_path / "walk.avi", [room_label, here, here, elsewhere], frames_per_label=8, gap_frames=2, fps=30
    )
    session = AuditSession.start(store, school.site_code, "Aino Auditor")
    feed = AuditFeed(session)
    panel = CameraPanel(
        camera=str(video),
        cameras=[],
        source_factory=lambda choice, settings: VideoFileSource(choice.spec, realtime=True),
    )
    qtbot.addWidget(panel)
    panel.code_scanned.connect(feed.scan)
    with qtbot.waitSignal(panel.running_changed, check_params_cb=lambda running: not running, timeout=30000):
        panel.start()
    assert [(r.outcome, r.code) for r in feed.results] == [
        (ScanOutcome.ROOM, "A101"),
        (ScanOutcome.FOUND, here),
        (ScanOutcome.MOVED, elsewhere),
    ]
    methods = {e.method for e in session.events()}
    assert methods == {ScanMethod.CAMERA.value}
    assert {e.symbology for e in session.events()} == {"code128"}
