"""Kiosk mode on an X11 screen with no window manager (a session that runs only the viewer): it fills the screen."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests.xvfb import x_screen

SHOW_THE_KIOSK = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication
    from viewer.core.kiosk_config import KioskConfig
    from viewer.core.loader import load_article
    from viewer.core.resources import DEFAULT_ARTICLE, resource_path
    from viewer.ui.kiosk.window import KioskTimes, build_kiosk

    app = QApplication([])
    kiosk = build_kiosk(load_article(resource_path(DEFAULT_ARTICLE)), KioskConfig(kiosk=True), [], KioskTimes(60_000, 60_000))
    def report():
        g = kiosk.frameGeometry()
        print(g.x(), g.y(), g.width(), g.height(), flush=True)
        kiosk.deactivate()  # an active kiosk refuses to close, and so would refuse to quit
        app.quit()
    kiosk.firstPainted.connect(report)
    kiosk.activate()
    app.exec()
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11")
@pytest.mark.parametrize("size", ["1280x800", "800x480"])
def test_the_kiosk_covers_a_screen_that_has_no_window_manager(tmp_path, size):
    with x_screen(tmp_path, size) as display:
        environment = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
        result = subprocess.run(
            [sys.executable, "-c", SHOW_THE_KIOSK], env=environment, capture_output=True, text=True, timeout=60
        )
    assert result.returncode == 0, result.stderr[-2000:]
    width, height = (int(number) for number in size.split("x"))
    assert result.stdout.split() == ["0", "0", str(width), str(height)]
