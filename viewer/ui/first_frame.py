"""A plain launch whose article the render cache holds (viewer.core.quick_start): the window first, the rest after.

The window is built straight from the cached outline and first screen, without the command line
parser, the kiosk planner, the error log or the window icon; those wait for the first paint. An
exception raised before then is not lost: a hook costing no import hands it to the error reporter,
set up at that moment. The window itself is the whole window, so that keys pressed before the
first paint (a shortcut, typing into the search box) reach what they would reach a moment later.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from viewer.ui.app import name_application, set_icon
from viewer.ui.themes import STYLE_GIVEN, style_arguments

if TYPE_CHECKING:
    from viewer.core.quick_start import FirstScreen
    from viewer.ui.error_reporting import ErrorReporter
    from viewer.ui.main_window import MainWindow


class FirstFrame:
    """The window opened on a first screen, and what is set up once it has been painted."""

    def __init__(self, screen: FirstScreen, argv: list[str], quit_after_first_paint: bool = False) -> None:
        self.app = QApplication.instance() or self._new_application(argv)
        name_application(self.app)  # the icon is read once the window is painted
        self.reporter: ErrorReporter | None = None
        self._previous_hook = sys.excepthook
        sys.excepthook = self._report_early
        from viewer.ui.main_window import MainWindow

        self.window: MainWindow = MainWindow(screen.article(), screen.settings, screen.place)
        self._quit_after_first_paint = quit_after_first_paint
        self.window.article_view.firstPainted.connect(self._after_first_paint)

    @staticmethod
    def _new_application(argv: list[str]) -> QApplication:
        app = QApplication(style_arguments(argv))  # in the viewer's style from the start: not asked for it (themes)
        app.setProperty(STYLE_GIVEN, True)
        return app

    def _after_first_paint(self) -> None:
        if self._quit_after_first_paint:  # the report first: what follows is not part of the first paint
            from viewer.paint_report import report_first_paint

            report_first_paint("hit")
            QTimer.singleShot(0, self.app, lambda: self.app.exit(0))  # from the event loop: exit() before exec() is lost
        self._start_error_reporting()
        set_icon(self.app)

    def _start_error_reporting(self) -> ErrorReporter:
        if self.reporter is None:
            from viewer.ui.error_reporting import install_error_reporting

            sys.excepthook = self._previous_hook  # the reporter hands Ctrl+C on to the hook it found
            self.reporter = install_error_reporting(QApplication.activeWindow)
        return self.reporter

    def _report_early(self, kind: type[BaseException], error: BaseException, traceback: TracebackType | None) -> None:
        """An exception before the first paint: reported as any later one would be."""
        self._start_error_reporting().report(kind, error, traceback)

    def run(self) -> int:
        """Show the window and run the event loop; return its exit status."""
        self.window.show()
        try:
            return self.app.exec()
        finally:
            if self.reporter is not None:
                self.reporter.uninstall()
            sys.excepthook = self._previous_hook


def run_first_frame(screen: FirstScreen, argv: list[str], quit_after_first_paint: bool = False) -> int:
    """Open the window on *screen* and run the program; return its exit status."""
    return FirstFrame(screen, argv, quit_after_first_paint).run()  # a failure on the way: to the early hook, as uncaught
