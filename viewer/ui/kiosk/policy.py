"""What a visitor may do in kiosk mode, decided for the whole application by allow-list.

One event filter on the application sees every key, shortcut, context menu, drop and new window
before any widget does, so a feature added to the viewer later cannot open a way out: whatever it
is not listed here is refused. Links and ``QDesktopServices`` are closed off here too.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QMouseEvent, QShortcutEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QLineEdit,
    QMenuBar,
    QMessageBox,
    QStatusBar,
    QTabBar,
    QToolBar,
    QWidget,
)

log = logging.getLogger("viewer.kiosk")

Key = Qt.Key
Mod = Qt.KeyboardModifier
ADMIN_CHORD = QKeyCombination(Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier, Key.Key_K)
"""Ctrl+Alt+Shift+K opens the PIN pad (so does a 5 s press in a top corner)."""
ADMIN_CHORD_TEXT = "Ctrl+Alt+Shift+K"

# Keys that move, type or confirm, and nothing else; Escape is the kiosk's own (it never leaves full screen).
ALLOWED_KEYS = frozenset(
    {
        Key.Key_Left,
        Key.Key_Right,
        Key.Key_Up,
        Key.Key_Down,
        Key.Key_PageUp,
        Key.Key_PageDown,
        Key.Key_Home,
        Key.Key_End,
        Key.Key_Backspace,
        Key.Key_Delete,
        Key.Key_Tab,
        Key.Key_Backtab,
        Key.Key_Return,
        Key.Key_Enter,
        Key.Key_Space,
        Key.Key_F3,
    }
)
ALLOWED_SHORTCUTS = frozenset({QKeySequence(Key.Key_F3), QKeySequence(Mod.ShiftModifier | Key.Key_F3)})
"""Shortcuts that may fire: the next and previous search hit. Every other shortcut's event is dropped."""
_TYPING_MODIFIERS = Mod.ShiftModifier | Mod.KeypadModifier | Mod.GroupSwitchModifier
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
_REFUSED_EVENTS = frozenset(
    {
        QEvent.Type.ContextMenu,
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
        QEvent.Type.FileOpen,
        QEvent.Type.WhatsThis,
        QEvent.Type.QueryWhatsThis,
    }
)
HIDDEN_PARTS = (QMenuBar, QToolBar, QDockWidget, QStatusBar)
"""Parts of a main window a kiosk never shows: menus, tool bars, side panels, the status bar."""
CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QTabBar)
ALLOWED_CONTROLS = frozenset({"keywordChip", "clearFilterButton", "suggestionChip"})
"""The viewer's buttons a visitor may press, by object name: the topic chips, "Clear the filter" and the
searches and topics suggested when nothing is found (and the search box's own clear button). Any other
control the viewer shows is hidden in kiosk mode, tab bars included: a button added later (a bookmark, an
export) must be named here to appear."""
_MOUSE_BUTTON_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick)
REFUSED_URL_SCHEMES = ("http", "https", "mailto", "file", "ftp", "ftps", "sftp", "smb", "ssh", "tel", "sms", "data", "javascript")


class KioskPolicy(QObject):
    """The application-wide allow-list for one kiosk window.

    Signals:
        adminRequested(): the administrator's key chord was pressed.
        escapePressed(): Escape, which the kiosk handles itself.
        refused(str): something a visitor tried was stopped; the text says what, for a notice.
    """

    adminRequested = Signal()
    escapePressed = Signal()
    refused = Signal(str)

    def __init__(self, window: QWidget, viewer: QWidget) -> None:
        super().__init__(window)
        self._window, self._viewer = window, viewer
        self._handlers = {kind: self._on_key for kind in _KEY_EVENTS}
        self._handlers.update({kind: self._refuse_event for kind in _REFUSED_EVENTS})
        self._handlers.update({kind: self._on_mouse_button for kind in _MOUSE_BUTTON_EVENTS})
        self._handlers[QEvent.Type.Shortcut] = self._on_shortcut
        self._handlers[QEvent.Type.Show] = self._on_show

    def install(self) -> None:
        """Start refusing, for the whole application."""
        app = QApplication.instance()
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)  # a native dialog would be out of reach
        app.installEventFilter(self)
        for scheme in REFUSED_URL_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self, "refuse_url")

    def uninstall(self) -> None:
        QApplication.instance().removeEventFilter(self)
        for scheme in REFUSED_URL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handler = self._handlers.get(event.type())
        return handler(watched, event) if handler is not None else False

    @Slot(QUrl)
    def refuse_url(self, url: QUrl) -> None:
        """Whatever asks the system to open an address ends here, not in a browser or file manager."""
        log.info("refused to open %s", url.scheme())
        self.refused.emit("Links to other sites do not open on this screen.")

    def _on_key(self, _watched: QObject, event: QKeyEvent) -> bool:
        if event.keyCombination() == ADMIN_CHORD:
            return self._take_key(event, self.adminRequested)
        if event.key() == Key.Key_Escape:
            return self._take_key(event, self.escapePressed)
        if key_allowed(event):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # "the focus widget wants this key": no shortcut fires, the key press comes to us and stops
        return True

    def _take_key(self, event: QKeyEvent, signal: Signal) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
        elif event.type() == QEvent.Type.KeyPress and not event.isAutoRepeat():
            signal.emit()
        return True

    def _on_mouse_button(self, _watched: QObject, event: QMouseEvent) -> bool:
        # A finger is the left button; the others mean a context menu, a paste, or back and forward.
        return event.button() != Qt.MouseButton.LeftButton

    def _on_shortcut(self, _watched: QObject, event: QShortcutEvent) -> bool:
        return event.key() not in ALLOWED_SHORTCUTS

    def _refuse_event(self, _watched: QObject, event: QEvent) -> bool:
        event.ignore()
        return True

    def _on_show(self, watched: QObject, _event: QEvent) -> bool:
        if not isinstance(watched, QWidget):
            return False
        if isinstance(watched, HIDDEN_PARTS) or self._unlisted_control(watched):
            watched.hide()
        elif watched.isWindow() and not self._window_allowed(watched):
            self._refuse_window(watched)
        return False

    def _unlisted_control(self, widget: QWidget) -> bool:
        if not isinstance(widget, CONTROLS) or widget.objectName() in ALLOWED_CONTROLS:
            return False
        if not self._viewer.isAncestorOf(widget):
            return False  # the kiosk's own keys and buttons
        parent = widget.parentWidget()
        return not isinstance(parent, QLineEdit)  # a line edit's own clear button

    def _window_allowed(self, widget: QWidget) -> bool:
        return widget is self._window or widget.windowType() == Qt.WindowType.ToolTip

    def _refuse_window(self, widget: QWidget) -> None:
        log.info("refused a window: %s %r", type(widget).__name__, widget.objectName())
        widget.setWindowOpacity(0.0)  # not even for the moment before it closes
        # After the show: a dialog's exec() must have started its loop for reject() to end it.
        QTimer.singleShot(0, widget, partial(close_window, widget))
        if not _is_a_problem_report(widget):  # the viewer's own warnings are for the log, not for a visitor
            self.refused.emit("That does not open on this screen.")


def key_allowed(event: QKeyEvent) -> bool:
    """Whether a visitor's key may reach the viewer: typing, moving and confirming, nothing with Ctrl, Alt or Meta."""
    if event.modifiers() & ~_TYPING_MODIFIERS:
        return False
    text = event.text()
    return event.key() in ALLOWED_KEYS or (bool(text) and text.isprintable())


def _is_a_problem_report(widget: QWidget) -> bool:
    return isinstance(widget, QMessageBox) and widget.icon() in (QMessageBox.Icon.Warning, QMessageBox.Icon.Critical)


def close_window(widget: QWidget) -> None:
    """Close a window, rejecting it first if it is a dialog (which ends its exec())."""
    if isinstance(widget, QDialog):
        widget.reject()
    widget.close()
