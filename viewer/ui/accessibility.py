"""Reaching everything by keyboard and screen reader: names and descriptions, the Tab order, announcements.

Names say what a control is, descriptions what it does; both are plain text. The Tab order follows
the screen from top to bottom: the keyword chips, the search box, the section tree, the article.
What a search found is announced once the reader stops typing, with Qt's announcement event.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QAbstractScrollArea, QSplitter, QStatusBar, QToolButton, QWidget

SETTLE_MS = 700  # a result still standing this long after the last keystroke is the one to announce


def describe(widget: QWidget, name: str, description: str = "") -> None:
    """Give *widget* the *name* and *description* a screen reader says."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)


def name_scroll_bars(area: QAbstractScrollArea, what: str) -> None:
    """'Scroll the article', say, for both scroll bars of *area*."""
    area.verticalScrollBar().setAccessibleName(f"Scroll {what} up and down")
    area.horizontalScrollBar().setAccessibleName(f"Scroll {what} sideways")


def name_line_edit_buttons(widget: QWidget, name: str) -> None:
    """The clear button Qt puts inside a line edit has no name of its own."""
    for button in widget.findChildren(QToolButton):
        button.setAccessibleName(name)


def name_splitter_handles(splitter: QSplitter, name: str) -> None:
    for number in range(splitter.count()):  # the first one too: hidden, but there
        splitter.handle(number).setAccessibleName(name)


def name_size_grip(status_bar: QStatusBar) -> None:
    for child in status_bar.findChildren(QWidget):
        if type(child).__name__ == "QSizeGrip":
            child.setAccessibleName("Resize the window")


def order_focus(widgets: list[QWidget]) -> None:
    """Tab goes through *widgets* in this order (Shift+Tab back)."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)


class Announcer(QObject):
    """Says a short message to a screen reader; search results only once they settle."""

    def __init__(self, source: QWidget) -> None:
        super().__init__(source)
        self._source = source
        self._pending = ""
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._timer.timeout.connect(self._announce_pending)
        self.last = ""  # what was announced last, for whoever needs to know (the tests)

    def announce(self, message: str) -> None:
        """Say *message* now."""
        self.last = message
        if message:
            from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent  # its 8 enum classes: not before the first paint

            event = QAccessibleAnnouncementEvent(self._source, message)
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
            QAccessible.updateAccessibility(event)

    def announce_when_settled(self, message: str) -> None:
        """Say *message* once nothing newer has come for a moment."""
        self._pending = message
        self._timer.start()

    @Slot()
    def _announce_pending(self) -> None:
        self.announce(self._pending)


class WindowAccess(QObject):
    """The main window's keyboard order, the names of its frame's parts, and what it announces."""

    def __init__(self, window, chips, sidebar, navigation, view, splitter: QSplitter) -> None:
        super().__init__(window)
        self._window, self._chips, self._sidebar, self._navigation, self._view = window, chips, sidebar, navigation, view
        self.announcer = Announcer(view)
        name_splitter_handles(splitter, "Divider between the sections and the article")
        name_scroll_bars(chips.strip, "the keyword chips")
        name_size_grip(window.statusBar())
        self.order_focus()
        navigation.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)  # a new window: type to find, Tab to go on

    @Slot()
    def order_focus(self) -> None:
        """Top to bottom as on screen: the chips, the tabs over the tree, the search box, the tree (or its
        empty state), the article."""
        navigation = self._navigation
        tabs = self._sidebar.tabBar() if hasattr(self._sidebar, "tabBar") else None
        order_focus([*self._chips.chips.values(), *([tabs] if tabs else []), navigation.filter_edit, navigation.section_tree])
        order_focus([navigation.section_tree, navigation.clear_button, self._view])

    def wrap_focus(self, focused: QWidget | None, forward: bool) -> QWidget | None:
        """Where Tab from the article (or Shift+Tab from the first chip) goes: round the ring, top to bottom.

        Qt's own chain would go from the article to the tabs, skipping the chips: widgets made later (the
        answers' suggestions) are added to it after the article. None when it is not such a step.
        """
        chips = [chip for chip in self._chips.chips.values() if chip.isVisibleTo(self._window) and chip.isEnabled()]
        if not chips:
            return None
        if forward and focused is self._view:
            return chips[0]
        if not forward and focused is chips[0]:
            return self._view
        return None

    @Slot(object)
    def on_result_shown(self, result: object) -> None:
        """Announce what the search found (or that everything is shown again) once it settles."""
        navigation = self._navigation
        if result is None:
            message = "Search cleared: every section is shown"
        elif navigation.showing_empty_state:
            message = navigation.empty_label.text()
        else:
            message = navigation.status_label.text()
        self.announcer.announce_when_settled(message)
