"""``selftest --screenshot FILE`` opens the main window offscreen on the store and saves a PNG."""

from __future__ import annotations

from PySide6.QtGui import QImage


def test_selftest_saves_a_screenshot_of_the_main_window(cli, store, school, tmp_path):
    png = tmp_path / "shot.png"
    result = cli("selftest", "--screenshot", str(png))
    assert result.code == 0, result.out + result.err
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1366, 768)
    # The window was drawn (not a blank image): the card colours or text make many distinct pixels.
    colours = {image.pixel(x, y) for x in range(0, 1366, 37) for y in range(0, 768, 29)}
    assert len(colours) > 5
