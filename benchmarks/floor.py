"""The floor: the least a PySide6 program can do to show text — one window, one QTextBrowser, one line of HTML.

Run it like the viewer: ``python benchmarks/floor.py --quit-after-first-paint`` exits 0 right after the
text pane first painted its text, so a whole-process timer measures launch to text visible. It
imports nothing but PySide6 and the standard library, so that it can also be frozen with PyInstaller.
"""

import sys

from PySide6.QtWidgets import QApplication, QTextBrowser


class FloorView(QTextBrowser):
    """A text browser that says when it first painted its text, as the viewer's article pane does."""

    def __init__(self, quit_after_first_paint: bool) -> None:
        super().__init__()
        self._quit_after_first_paint = quit_after_first_paint
        self._painted = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted and not self.document().isEmpty():
            self._painted = True
            if self._quit_after_first_paint:
                QApplication.instance().exit(0)


def main(argv: list[str]) -> int:
    """Show the window; with --quit-after-first-paint, exit once its text has been painted."""
    app = QApplication(argv)
    view = FloorView(quit_after_first_paint="--quit-after-first-paint" in argv)
    view.setHtml("<p>Ketamine for <b>Treatment-Resistant Depression</b></p>")
    view.resize(1200, 820)
    view.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
