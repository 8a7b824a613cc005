"""Idle reset: no touch, key or mouse for a while brings a countdown, and at zero the kiosk starts again."""

from __future__ import annotations

from PySide6.QtCore import QDeadlineTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressBar, QVBoxLayout, QWidget

from viewer.ui import plain_text

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.TabletRelease,
    }
)
# What cancels the countdown: a deliberate touch, key or wheel turn, not a cursor drifting by.
RESUMING_EVENTS = frozenset(
    {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress}
)
_ENDS = {
    QEvent.Type.MouseButtonPress: QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick: QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchBegin: QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress: QEvent.Type.TabletRelease,
    QEvent.Type.KeyPress: QEvent.Type.KeyRelease,
}


class IdleWatcher(QObject):
    """Watches every input event of the application and says when there has been none for *idle_ms*.

    It is armed by the first input after a reset (a kiosk at its start state has nothing to reset).
    While the countdown runs, the touch that stops it is taken, so it cannot also press what is under it.

    Signals:
        idle(): no input for the idle time while armed.
        resumed(): input came while the countdown was running.
    """

    idle = Signal()
    resumed = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True, interval=max(idle_ms, 1), timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.idle)
        self._enabled = idle_ms > 0
        self.counting = False  # the countdown is up: input resumes instead of reaching the screen
        self._swallowing: set[QEvent.Type] = set()  # the ends of the touch (and the mouse press made from it) that resumed

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self._timer.stop()

    @property
    def armed(self) -> bool:
        """Whether an idle time is running."""
        return self._timer.isActive()

    def disarm(self) -> None:
        """Back at the start: wait for the next visitor's first input."""
        self._timer.stop()
        self.counting = False

    def note_input(self) -> None:
        """Input came: the idle time starts again."""
        if self._enabled:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in INPUT_EVENTS:
            return False
        if self._swallowing:
            self._swallow(kind)
            return True
        self.note_input()
        if self.counting and kind in RESUMING_EVENTS:
            self.counting = False
            self._swallow(kind)
            self.resumed.emit()
            return True
        return False

    def _swallow(self, kind: QEvent.Type) -> None:
        if kind in _ENDS:
            self._swallowing.add(_ENDS[kind])
        self._swallowing.discard(kind)


class IdleCountdown(QWidget):
    """ "Still reading? Touch the screen to continue", counting down over the screen.

    Signals:
        expired(): the countdown reached zero.
    """

    expired = Signal()

    def __init__(self, parent: QWidget, tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self.setObjectName("idleCountdown")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._deadline = QDeadlineTimer()
        self._total_ms = 0
        self._ticker = QTimer(self, interval=tick_ms)
        self._ticker.timeout.connect(self._on_tick)
        card = QWidget(objectName="idleCountdownCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        centred = Qt.AlignmentFlag.AlignCenter
        title = plain_text.label("Still reading?", objectName="idleCountdownTitle", alignment=centred)
        hint = plain_text.label("Touch the screen to continue", objectName="idleCountdownHint", alignment=centred)
        self.remaining_label = plain_text.label(objectName="idleCountdownRemaining", alignment=centred)
        self.progress = QProgressBar(objectName="idleCountdownProgress", textVisible=False)
        column = QVBoxLayout(card)
        column.setContentsMargins(48, 36, 48, 36)
        column.setSpacing(14)
        for part in (title, hint, self.remaining_label, self.progress):
            column.addWidget(part)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self.hide()

    def start(self, total_ms: int) -> None:
        """Show the countdown and run it for *total_ms*."""
        self._total_ms = max(total_ms, 1)
        self._deadline = QDeadlineTimer(self._total_ms)
        self.progress.setRange(0, self._total_ms)
        self._show_remaining()
        self.raise_()
        self.show()
        self._ticker.start()

    def stop(self) -> None:
        """Take the countdown away without expiring."""
        self._ticker.stop()
        self.hide()

    @property
    def remaining_seconds(self) -> int:
        """Whole seconds left, rounded up, as shown."""
        return -(-self._deadline.remainingTime() // 1000)

    def _on_tick(self) -> None:
        if self._deadline.hasExpired():
            self.stop()
            self.expired.emit()
        else:
            self._show_remaining()

    def _show_remaining(self) -> None:
        seconds = self.remaining_seconds
        self.remaining_label.setText(f"Starting again in {seconds} second{'s' if seconds != 1 else ''}")
        self.progress.setValue(self._deadline.remainingTime())
