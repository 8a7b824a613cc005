"""The window fits the screen it opens on, whatever its size and scaling; a remembered place only if it still fits.

Each case runs in a process of its own, on an offscreen screen of the size given.
"""

from __future__ import annotations

import json

import pytest

from tests.ui.helpers import offscreen_screen, run_in_own_process

OPEN_AND_MEASURE = """
    import json, sys
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from viewer.core.loader import load_article
    from viewer.core.resources import resource_path, DEFAULT_ARTICLE
    from viewer.core.settings import Settings
    from viewer.ui.main_window import MainWindow
    window = MainWindow(load_article(resource_path(DEFAULT_ARTICLE)), Settings.load())
    def wait(milliseconds):  # a loop of its own: the application's quit() would close the window
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()
    window.show()
    wait(200)  # as a reader's first look: after the events of showing it
    free, frame = window.screen().availableGeometry(), window.frameGeometry()
    tree, article = window.splitter.sizes()
    print(json.dumps({
        "free": free.getRect(), "frame": frame.getRect(), "size": [window.width(), window.height()],
        "tree": tree, "article": article, "status_bar_bottom": window.statusBar().geometry().bottom(),
        "height": window.height(), "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
    }))
    {then}
    wait(100)
    window.close()  # remembers where it was
"""


def open_on(tmp_path, width, height, scale=1.0, then="", second=None):
    """Start the viewer on a screen of this size (device-independent pixels); what it measured."""
    script = OPEN_AND_MEASURE.replace("{then}", then or "pass")
    result = run_in_own_process(script, timeout=120, platform=offscreen_screen(tmp_path, width, height, scale, second))
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def inside(inner, outer) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [
        (1024, 600, 1.0),  # a small kiosk screen
        (1280, 800, 1.0),  # a laptop
        (853, 533, 1.5),  # the same laptop at 150 % scaling
        (640, 400, 2.0),  # and at 200 %
        (1920, 1080, 1.0),  # a desktop: the window keeps its preferred size, centred
    ],
)
def test_the_first_window_fits_and_is_centred_on_its_screen(tmp_path, width, height, scale):
    seen = open_on(tmp_path, width, height, scale)
    assert seen["free"] == [0, 0, width, height]
    assert inside(seen["frame"], seen["free"]), seen
    # at most 90 % of the screen, unless the window cannot be that small
    assert seen["size"][0] <= max(0.9 * width, seen["minimum"][0]) + 1
    assert seen["size"][1] <= max(0.9 * height, seen["minimum"][1]) + 1
    x, y, w, h = seen["frame"]
    assert abs((x + w / 2) - width / 2) <= 2 and abs((y + h / 2) - height / 2) <= 2, "centred"
    assert seen["status_bar_bottom"] < seen["height"], "the status line is inside the window"
    assert seen["article"] >= seen["tree"] > 0


def test_a_place_remembered_on_a_big_screen_is_not_used_on_a_small_one(tmp_path):
    big = open_on(tmp_path, 1920, 1200, then="window.setGeometry(150, 60, 1700, 1050)")
    assert big["free"] == [0, 0, 1920, 1200]
    small = open_on(tmp_path, 1024, 600)
    assert inside(small["frame"], small["free"]), small
    assert small["size"][0] <= 0.9 * 1024 + 1


def test_a_place_that_still_fits_is_used_again(tmp_path):
    open_on(tmp_path, 1280, 800, then="window.setGeometry(60, 50, 900, 560)")
    again = open_on(tmp_path, 1280, 800)
    assert again["size"] == [900, 560]
    assert again["frame"][:2] != [round((1280 - again["frame"][2]) / 2), round((800 - again["frame"][3]) / 2)]


def test_a_place_on_a_screen_no_longer_connected_is_not_used(tmp_path):
    two = open_on(tmp_path, 1280, 800, second=(1920, 1080), then="window.setGeometry(1500, 100, 1100, 700)")
    assert two["free"] == [0, 0, 1280, 800]
    one = open_on(tmp_path, 1280, 800)
    assert inside(one["frame"], one["free"]), one


OPEN_DIALOGS = """
    from PySide6.QtWidgets import QPushButton
    found = {}
    for name in ("about", "shortcuts"):
        window.actions[name].trigger()
        wait(150)
        found[name] = window.desk.dialog.frameGeometry().getRect()
        window.desk.dialog.close()
    window.actions["print"].trigger()
    wait(150)
    window.desk.handouts.dialog.findChild(QPushButton, "handoutGo").click()
    wait(300)
    found["print preview"] = window.desk.handouts.dialog.frameGeometry().getRect()
    window.desk.handouts.dialog.close()
    print(json.dumps(found))
"""


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (800, 480)])
def test_about_shortcuts_and_print_preview_fit_a_small_screen(tmp_path, width, height):
    script = OPEN_AND_MEASURE.replace("{then}", OPEN_DIALOGS)
    result = run_in_own_process(script, timeout=120, platform=offscreen_screen(tmp_path, width, height, 1.0))
    assert result.returncode == 0, result.stderr[-2000:]
    dialogs = json.loads(result.stdout.strip().splitlines()[-1])
    assert sorted(dialogs) == ["about", "print preview", "shortcuts"]
    for name, frame in dialogs.items():
        assert inside(frame, [0, 0, width, height]), f"{name} at {frame} sticks out of a {width}×{height} screen"
