"""The kiosk window: the viewer full screen and frameless, with everything a visitor must not reach taken away.

It holds the main window as an ordinary child widget (no menu bar, tool bars or status bar) between
the administrator's problem banner and the help strip, wires the kiosk's parts to each other, and switches
kiosk mode on, back to its start for the next visitor, and off. What lies over the viewer is
:mod:`viewer.ui.kiosk.overlays`; the main window made the kiosk's content, :mod:`viewer.ui.kiosk.viewer_state`.
Kiosk mode is wired into the viewer here and nowhere else.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from viewer.core.article import Article
from viewer.core.kiosk_config import KioskConfig
from viewer.core.resources import read_resource_text
from viewer.ui.kiosk.banners import help_strip, problem_banner
from viewer.ui.kiosk.idle import IdleWatcher
from viewer.ui.kiosk.links import LinkGate
from viewer.ui.kiosk.overlays import Overlays
from viewer.ui.kiosk.pin_pad import LONG_PRESS_MS, CornerPress
from viewer.ui.kiosk.policy import KioskPolicy, close_window
from viewer.ui.kiosk.printing import PrintButton
from viewer.ui.kiosk.screen_hold import ScreenHold
from viewer.ui.kiosk.viewer_state import ViewerState, make_kiosk_content
from viewer.ui.main_window import MainWindow

log = logging.getLogger("viewer.kiosk")

KIOSK_STYLESHEET = "style/kiosk.qss"
COMPACT_BELOW = (1024, 720)  # a screen narrower or lower than this gets the compact style (kiosk.qss)


@dataclass(frozen=True)
class KioskTimes:
    """How long things take, in milliseconds (tests make them short)."""

    idle_ms: int
    countdown_ms: int
    long_press_ms: int = LONG_PRESS_MS
    tick_ms: int = 1000

    @classmethod
    def from_config(cls, config: KioskConfig) -> KioskTimes:
        return cls(round(config.idle_seconds * 1000), round(config.countdown_seconds * 1000))


def build_kiosk(article: Article, config: KioskConfig, problems: list[str], times: KioskTimes | None = None) -> KioskWindow:
    """The kiosk window on *article*, its text at the configured size, nothing remembered on disk."""
    main = MainWindow(article, settings=None, base_text_points=config.text_size)  # no settings: nothing is saved
    main.appearance.choose_theme("light")  # the colours kiosk.qss is drawn for, whatever the system says
    return KioskWindow(main, config, problems, times or KioskTimes.from_config(config))


class KioskWindow(QWidget):
    """The one window a visitor sees.

    Signals:
        left(): the administrator's PIN ended kiosk mode.
        firstPainted(): the kiosk has been on screen once.
    """

    left = Signal()
    firstPainted = Signal()

    def __init__(self, main: MainWindow, config: KioskConfig, problems: list[str], times: KioskTimes) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self._active = self._leaving = self._painted = False
        self.setObjectName("kioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setMouseTracking(True)  # so that a mouse moved anywhere counts as a visitor still there
        self.setWindowTitle(main.windowTitle())
        self.config, self.times, self.main = config, times, main
        self.viewer = ViewerState(main)
        kiosk_qss = read_resource_text(KIOSK_STYLESHEET)
        self.setStyleSheet(kiosk_qss)
        make_kiosk_content(main, kiosk_qss)
        self.problems = problem_banner(problems)
        self.help_strip = help_strip(config.help_text)
        self.start_again = QPushButton("Start again", objectName="kioskStartAgain", focusPolicy=Qt.FocusPolicy.NoFocus)
        self.print_button = PrintButton(lambda: main.article, lambda: main.article_view.reading.current_anchor, self._tell)
        self.print_button.setVisible(config.allow_print)
        self._build_layout()
        self.overlays = Overlays(self, self.viewer, config, times.tick_ms)
        overlays = self.overlays  # each by its name on the window too, as the rest of the kiosk is
        self.start_screen, self.countdown, self.keyboard = overlays.start_screen, overlays.countdown, overlays.keyboard
        self.pin_pad, self.notice = overlays.pin_pad, overlays.notice
        self.policy = KioskPolicy(self, main)
        self.idle = IdleWatcher(times.idle_ms, self)
        self.corner = CornerPress(self, times.long_press_ms)
        self.hold = ScreenHold(self, holding=lambda: self._active and not self._leaving)
        self.link_gate = LinkGate(main.article_view, self.viewer.kiosk_folder, self.viewer.current_folder)
        self._connect_signals()

    def _build_layout(self) -> None:
        bottom = QWidget(objectName="kioskBottomBar")
        bottom.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(bottom)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(self.help_strip, 1)
        row.addWidget(self.print_button)
        row.addWidget(self.start_again)
        self.start_again.ensurePolished()  # its size from the kiosk style sheet
        bottom.setMinimumHeight(self.start_again.sizeHint().height() + 16)  # the same height with the button hidden
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.problems)
        column.addWidget(self.main, 1)
        column.addWidget(bottom)

    def _connect_signals(self) -> None:
        self.policy.adminRequested.connect(self.open_pin_pad)
        self.policy.escapePressed.connect(self._on_escape)
        self.policy.refused.connect(self._tell)
        self.link_gate.refused.connect(self._tell)
        self.idle.idle.connect(self._on_idle)
        self.idle.resumed.connect(self.countdown.stop)
        self.countdown.expired.connect(self.reset_to_start)
        self.corner.longPressed.connect(self.open_pin_pad)
        self.pin_pad.accepted.connect(self.leave)
        self.keyboard.openingRequested.connect(self.overlays.offer_keyboard)
        self.keyboard.closed.connect(self.viewer.give_back_the_chips)
        self.start_screen.begun.connect(lambda: self.start_again.setVisible(True))
        self.start_again.clicked.connect(self.reset_to_start)
        self.overlays.follow_the_viewer()
        self.main.installEventFilter(self)  # the tree's share of the width follows the viewer's size

    def activate(self) -> None:
        """Take over the screen and the application's input."""
        self._active = True
        for watcher in (self.policy, self.idle, self.corner):
            watcher.install()
        if self.config.hide_cursor:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        self.hold.fill_the_screen()
        self.reset_to_start()
        # The start screen may hide the article until a visitor touches it: rendering the rest (and then the
        # search index) need not wait for the article's first paint.
        QTimer.singleShot(0, self, self.main.loader.start)

    def deactivate(self) -> None:
        """Give the application back (the administrator left, or a test is done)."""
        if not self._active:
            return
        self._active = False
        self.keyboard.close_keyboard()
        for watcher in (self.policy, self.idle, self.corner):
            watcher.uninstall()
        if self.config.hide_cursor:
            QApplication.restoreOverrideCursor()

    def leave(self) -> None:
        """End kiosk mode: only the administrator's PIN comes here."""
        log.info("kiosk mode ended by the administrator")
        self._leaving = True
        self.deactivate()
        self.main.loader.shutdown()  # the render worker process, which the main window ends when it closes
        self.close()
        self.left.emit()

    def reset_to_start(self) -> None:
        """Back to how the kiosk started, for the next visitor; nothing of this one is kept."""
        log.info("kiosk reset to its start screen")
        self._close_everything_open()
        self.viewer.restore()
        self.idle.disarm()
        if self.config.start_screen:
            self.start_screen.show_for(self.main.article)
            self.start_again.setVisible(False)  # it is the start already
            self.overlays.place()

    def _close_everything_open(self) -> None:
        self.overlays.close_all()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and widget.windowType() != Qt.WindowType.ToolTip:
                close_window(widget)

    def open_pin_pad(self) -> None:
        """The administrator's way out (also when no PIN is set: it says so)."""
        self.idle.counting = False
        self.overlays.open_pin_pad()

    def _on_idle(self) -> None:
        self.idle.counting = True
        self.overlays.start_countdown(self.times.countdown_ms)

    def _on_escape(self) -> None:
        if not self.overlays.close_the_top_one():
            self.main.search.reset()

    def _tell(self, text: str) -> None:
        self.overlays.tell(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        compact = self.width() < COMPACT_BELOW[0] or self.height() < COMPACT_BELOW[1]
        if compact != bool(self.property("compact")):
            self.setProperty("compact", compact)
            self.pin_pad.set_compact(compact)
            for widget in (self, self.main):  # style sheets are applied again for the [compact] rules
                widget.setStyleSheet(widget.styleSheet())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main and event.type() == QEvent.Type.Resize:
            self.viewer.share_the_width()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()
