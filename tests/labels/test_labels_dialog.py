"""The labels dialog: preview, a PDF saved off the UI thread, new tags reserved only when saving."""

import pytest

from inventory_app.context import AppContext
from inventory_app.core.identifiers import is_valid_tag


@pytest.fixture
def dialog(qtbot, cli, store_path, tmp_path):
    assert cli("demo", "--devices", "120", "--seed", "5").code == 0
    from inventory_app.ui.labels_dialog import LabelsDialog
    from inventory_app.ui.tasks import TaskRunner

    ctx = AppContext.create(db=str(store_path))
    runner = TaskRunner()
    d = LabelsDialog(ctx, runner)
    qtbot.addWidget(d)
    yield d
    runner.wait()
    ctx.close()


def test_site_labels_preview_and_pdf(qtbot, dialog, tmp_path):
    dialog.start_spin.setValue(7)
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    assert "per module" in dialog.message.text()
    out = tmp_path / "labels.pdf"
    with qtbot.waitSignal(dialog.labels_saved, timeout=20000) as saved:
        dialog.save_pdf(out)
    assert saved.args == [str(out)] and out.read_bytes().startswith(b"%PDF")
    assert str(out) in dialog.message.text()  # field trial: "Done." did not say which file


def test_small_template_is_refused_in_the_dialog(dialog):
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("a4-5x13"))
    assert not dialog.save_button.isEnabled()
    assert "cannot be printed scannably" in dialog.message.text()


def test_new_tags_are_reserved_when_saved_not_when_previewed(qtbot, dialog, tmp_path):
    from inventory_app.labels.tags import TagAllocator

    dialog.set_source("new")
    dialog.count_spin.setValue(5)
    allocator = TagAllocator(dialog.ctx.store, dialog.ctx.config.tag_prefix)
    assert allocator.blocks() == []
    with qtbot.waitSignal(dialog.labels_saved, timeout=20000):
        dialog.save_pdf(tmp_path / "new.pdf")
    block = allocator.blocks()[0]
    assert block.next_number - block.first_number == 5
    more = dialog.contents(allocate=True)
    assert all(is_valid_tag(c.code) for c in more)


def test_return_in_the_room_field_does_not_overwrite_the_printer_offsets(qtbot, dialog, tmp_path, monkeypatch):
    """Field trial: Return in the room field pressed "Remember for this printer" (the dialog's first button)."""
    from PySide6.QtCore import Qt

    asked: list[str] = []
    monkeypatch.setattr(dialog.files, "save_file", lambda *a, **k: asked.append("save") or "")
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.room_edit.setFocus()
    with qtbot.assertNotEmitted(dialog.save_offsets_button.clicked):
        qtbot.keyClick(dialog.room_edit, Qt.Key.Key_Return)
    assert "Offsets saved" not in dialog.message.text() and asked == ["save"]
