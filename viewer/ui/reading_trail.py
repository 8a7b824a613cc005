"""Back and forward in the window: the places the reader jumped to, kept in :mod:`viewer.core.history`.

Where the reader *was* is known after the fact: the trail keeps the scroll position the reader last
settled on (any scrolling the program does is not settling), and each jump is recorded from there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot

from viewer.core.article import Article
from viewer.core.history import History, Place
from viewer.core.resources import DEFAULT_ARTICLE, resource_path
from viewer.ui.article_view import ArticleView
from viewer.ui.text_places import place_at, scroll_for

SEARCH = "search"  # the group of the steps of one search: one place in the history


class ReadingTrail(QObject):
    """Records the reader's jumps and takes them back and forward again.

    Signals:
        changed(bool, bool): whether Back and Forward can go somewhere now.
    """

    changed = Signal(bool, bool)

    def __init__(
        self, view: ArticleView, go_to_section: Callable[[str], None], open_article: Callable[[Path], bool], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._view, self._go_to_section, self._open_article = view, go_to_section, open_article
        self.history = History()
        self._key = ""
        self._settled = (0, "")  # the scroll value the reader last chose, and the section they were reading there
        self._leaving: Place | None = None  # where the reader was in the article being replaced
        self._replaying = False
        self._pending: tuple[str, int] | None = None  # a place in a section not rendered yet
        view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        view.reading.sectionChanged.connect(self._on_reader_moved)

    def here(self) -> Place:
        """Where the reader is now."""
        return self._place(self._now())

    @Slot()
    def leaving_article(self) -> None:
        """The article shown is about to be replaced: remember where the reader was in it."""
        self._leaving = self._place(self._settled) if self._view.headings.anchors else None

    def arrived(self, article: Article) -> None:
        """*article* is shown now (from its top); opening another article is a jump of its own."""
        key = _key(article)
        leaving, self._leaving = self._leaving, None
        self._key, self._settled, self._pending = key, (0, ""), None
        if leaving is not None and leaving.article != key and not self._replaying:
            self.history.visit(self.here(), here=leaving)
            self._tell()

    @Slot()
    def note_jump(self, group: str | None = None) -> None:
        """The program just moved the reader somewhere they asked to go (a section, a link, a bookmark, a hit)."""
        if self._replaying or not self._view.headings.anchors:
            return
        if self._pending is not None:
            if self._view.reading.current_anchor == self._pending[0]:
                self._show_pending()  # the section a replayed place waited for has come: not a jump of the reader's
                return
            self._pending = None  # the reader went elsewhere meanwhile
        self.history.visit(self.here(), here=self._place(self._settled), group=group)
        self._settled = self._now()
        self._tell()

    @Slot()
    def note_search_step(self) -> None:
        """A search brought a hit into view: the steps of one search are one place."""
        self.note_jump(SEARCH)

    @Slot()
    def note_return(self) -> None:
        """The program put the reader back where they were (a search was cleared): that is where they are now."""
        self._settled = self._now()

    @Slot()
    def back(self) -> None:
        """Go to the place before the current one."""
        self._replay(self.history.back(self.here()), undo=self.history.forward)

    @Slot()
    def forward(self) -> None:
        """Go to the place after the current one."""
        self._replay(self.history.forward(self.here()), undo=self.history.back)

    def show_place(self, anchor: str, characters: int) -> bool:
        """Put the line *characters* into section *anchor* at the top, without recording a jump; False if no such section.

        A section not rendered yet is shown when the window gets there (it says so through :meth:`note_jump`).
        """
        if anchor not in self._view.headings.anchors:
            return False
        self._pending = (anchor, characters)
        self._replaying = True
        try:
            self._go_to_section(anchor)
        finally:
            self._replaying = False
        if self._view.reading.current_anchor == anchor and anchor in self._view.headings:
            self._show_pending()
        return True

    def _show_pending(self) -> None:
        if self._pending is None:
            return
        anchor, characters = self._pending
        scroll = scroll_for(self._view, anchor, characters)
        if scroll is None:
            return
        self._pending = None
        if scroll > self._view.verticalScrollBar().maximum():  # Qt tells the scroll bar how far it laid out only now and then
            layout = self._view.document().documentLayout()
            layout.documentSizeChanged.emit(layout.documentSize())
        self._view.reading.restore(scroll, anchor)
        self._settled = self._now()

    def _replay(self, place: Place | None, undo: Callable[[Place], Place | None]) -> None:
        if place is None:
            return
        if place.article != self._key:
            self._replaying = True
            try:
                opened = self._open_article(_path(place.article))
            finally:
                self._replaying = False
            if not opened:  # the file is gone or broken now (the window said so): stay where the history was
                undo(place)
                self._tell()
                return
        self.show_place(place.anchor, place.position)
        self._tell()

    def _now(self) -> tuple[int, str]:
        return self._view.verticalScrollBar().value(), self._view.reading.current_anchor

    def _place(self, settled: tuple[int, str]) -> Place:
        anchor, characters = place_at(self._view, *settled)
        return Place(self._key, anchor, characters)

    def _tell(self) -> None:
        self.changed.emit(self.history.can_go_back, self.history.can_go_forward)

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        if not self._view.reading.is_moving:  # the reader's own scrolling (the pane has noted the section already)
            self._settled = (value, self._view.reading.current_anchor)

    @Slot(str)
    def _on_reader_moved(self, _anchor: str) -> None:
        self._pending = None  # the reader scrolled to another section: a place still waiting for its own is not wanted


class MouseHistoryButtons(QObject):
    """The mouse's back and forward buttons, wherever they are pressed in the widgets it watches.

    Signals:
        backPressed(), forwardPressed()
    """

    backPressed = Signal()
    forwardPressed = Signal()

    def watch(self, *widgets: QObject) -> None:
        """Listen to presses on *widgets* (for a scroll area: its viewport)."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            if event.button() == Qt.MouseButton.BackButton:
                self.backPressed.emit()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forwardPressed.emit()
                return True
        return False


def _key(article: Article) -> str:
    """The article as history keeps it: its absolute path, '' for the bundled one."""
    bundled = resource_path(DEFAULT_ARTICLE)
    if article.path is None or article.path.absolute() == bundled.absolute():
        return ""
    return str(article.path.absolute())


def _path(key: str) -> Path:
    return Path(key) if key else resource_path(DEFAULT_ARTICLE)
