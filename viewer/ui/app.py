"""Starting the Qt application around the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from viewer import APP_NAME, __version__
from viewer.core.article import Article
from viewer.core.reading_place import StartPlace
from viewer.core.resources import APP_ICON, resource_path
from viewer.core.settings import Settings

if TYPE_CHECKING:
    from viewer.kiosk_cli import KioskPlan


def ensure_application(argv: list[str]) -> QApplication:
    """The running QApplication, created from *argv* when there is none yet."""
    app = QApplication.instance() or QApplication(argv)
    name_application(app)
    set_icon(app)
    return app


def name_application(app: QApplication) -> None:
    """The names the desktop and the settings know the program by."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ketamine-viewer")
    app.setDesktopFileName("ketamine-viewer")


def set_icon(app: QApplication) -> None:
    """The program's icon, for every window."""
    from PySide6.QtGui import QIcon  # its enum classes are built on first use: after the first paint, in a first frame

    app.setWindowIcon(QIcon(str(resource_path(APP_ICON))))


def run_window(
    article: Article,
    argv: list[str],
    settings: Settings | None = None,
    place: StartPlace | None = None,
    quit_after_first_paint: bool = False,
) -> int:
    """Show the main window on *article* at *place* and run the event loop; return its exit status.

    *settings* are read from their file when not given.
    """
    app = ensure_application(argv)
    settings = settings or Settings.load()
    from viewer.ui.error_reporting import install_error_reporting
    from viewer.ui.main_window import MainWindow

    reporter = install_error_reporting(QApplication.activeWindow)
    window = MainWindow(article, settings, place)
    if quit_after_first_paint:
        window.article_view.firstPainted.connect(lambda: _report_and_quit(app, window.article))
    window.show()
    try:
        return app.exec()
    finally:
        reporter.uninstall()


def run_kiosk(plan: KioskPlan, argv: list[str], quit_after_first_paint: bool = False) -> int:
    """Run kiosk mode until the administrator's PIN ends it; return the exit status."""
    app = ensure_application(argv)
    from viewer.ui.error_reporting import install_error_reporting
    from viewer.ui.kiosk.window import build_kiosk

    reporter = install_error_reporting(QApplication.activeWindow)  # logged; the kiosk shows no window for it
    window = build_kiosk(plan.article, plan.config, list(plan.problems))
    window.left.connect(lambda: app.exit(0))
    if quit_after_first_paint:
        window.firstPainted.connect(lambda: app.exit(0))
    window.activate()
    try:
        return app.exec()
    finally:
        window.deactivate()
        reporter.uninstall()


def _report_and_quit(app: QApplication, article: Article) -> None:
    from viewer.paint_report import report_first_paint

    slot = article.cache_slot
    report_first_paint("off" if slot is None else "hit" if slot.found else "miss")
    QTimer.singleShot(0, app, lambda: app.exit(0))  # from the event loop: exit() before exec() would be lost
