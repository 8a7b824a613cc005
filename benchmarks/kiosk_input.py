"""What kiosk mode's application-wide event filters cost each event a visitor makes.

Kiosk mode sees every event of the application before any widget does (the allow-list, the idle
watcher, the corner press, the keyboard's touch-elsewhere check). This sends the same key presses
into the search box and the same taps and drags onto the article, first in the ordinary main window
and then in kiosk mode, and prints the process CPU time per event for both (CPU time, not wall time:
the machine is shared). The ratio kiosk / ordinary is the figure to watch.

    python benchmarks/kiosk_input.py [--events 3000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import sys
import time

from benchmarks.common import median, print_table


def send_events(window, edit, viewport, count: int) -> float:
    """CPU seconds for *count* key presses and releases into *edit* and mouse moves over *viewport*."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QKeyEvent, QMouseEvent
    from PySide6.QtWidgets import QApplication

    keys = [(QEvent.Type.KeyPress, "a"), (QEvent.Type.KeyRelease, "a")]
    start = time.process_time()
    for n in range(count):
        kind, text = keys[n % 2]
        QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, text))
        where = QPointF(20 + n % 200, 40)
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            where,
            viewport.mapToGlobal(where),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, move)
        if n % 50 == 0:
            edit.clear()
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=3000, help="key and mouse events per round")
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()

    from viewer.core.kiosk_config import KioskConfig
    from viewer.core.loader import load_article
    from viewer.core.resources import DEFAULT_ARTICLE, resource_path
    from viewer.ui.app import ensure_application
    from viewer.ui.kiosk.window import KioskTimes, build_kiosk
    from viewer.ui.main_window import MainWindow

    ensure_application([sys.argv[0]])
    article = load_article(resource_path(DEFAULT_ARTICLE))
    plain = MainWindow(article)
    plain.show()
    kiosk = build_kiosk(article, KioskConfig(kiosk=True), [], KioskTimes(600_000, 600_000))
    results = {"ordinary window": [], "kiosk mode": []}
    for _ in range(options.rounds):
        results["ordinary window"].append(
            send_events(plain, plain.filter_edit, plain.article_view.viewport(), options.events) / (2 * options.events)
        )
        kiosk.activate()
        kiosk.start_screen.begin()
        results["kiosk mode"].append(
            send_events(kiosk, kiosk.main.filter_edit, kiosk.main.article_view.viewport(), options.events) / (2 * options.events)
        )
        kiosk.deactivate()
        kiosk.hide()
    rows = [[name, f"{median(values) * 1e6:.1f}", f"{min(values) * 1e6:.1f}"] for name, values in results.items()]
    ratio = median(results["kiosk mode"]) / median(results["ordinary window"])
    print_table(["events", "CPU µs per event (median)", "best"], rows)
    print(f"kiosk / ordinary: {ratio:.2f}x over {options.rounds} rounds of {2 * options.events} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
