"""The clinician's desk in the window: handouts, links to sections, back and forward, bookmarks, the reading
place kept for next time, full screen, About and the shortcuts list.

Its parts live in modules of their own; this holds them for one window, answers its commands and wires
them to the window (:meth:`ReadingDesk.connect_to_window`, called from the window's ``_connect_signals()``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QTabWidget, QToolButton

from viewer.core.bookmarks import Bookmarks
from viewer.core.provenance import provenance
from viewer.core.reading_place import StartPlace
from viewer.core.section_link import section_link
from viewer.core.settings import Settings
from viewer.ui.accessibility import describe
from viewer.ui.bookmark_shelf import BookmarkShelf
from viewer.ui.bookmarks_pane import BookmarksPane
from viewer.ui.place_keeper import PlaceKeeper
from viewer.ui.reading_trail import MouseHistoryButtons, ReadingTrail
from viewer.ui.section_menus import SectionMenus
from viewer.ui.window_actions import build_toolbar, set_available, shortcut_rows

if TYPE_CHECKING:
    from viewer.ui.handout_dialog import HandoutDesk
    from viewer.ui.main_window import MainWindow

NOTE_MS = 10_000  # how long a passing note (a link copied, a PDF saved) stays in the status bar


class ReadingDesk(QObject):
    """One window's handouts, history, bookmarks, links and reading place.

    Signals:
        note(str, int): a message for the status bar, and for how many milliseconds (0: until the next one).
    """

    note = Signal(str, int)

    def __init__(self, window: MainWindow, settings: Settings | None, place: StartPlace | None) -> None:
        super().__init__(window)
        self._window = window
        self.bookmarks_pane = BookmarksPane()
        self.sidebar = QTabWidget(objectName="sidebar", documentMode=True)
        self.sidebar.addTab(window.navigation, "Sections")
        self.sidebar.addTab(self.bookmarks_pane, "Bookmarks")
        describe(self.sidebar, "Sections and bookmarks")
        self.trail = ReadingTrail(window.article_view, window.scroll_to_section, window.open_article_file, self)
        self._handouts: HandoutDesk | None = None  # made on the first print or export: see handouts
        self.keeper = PlaceKeeper(settings, self.trail, self._own_anchor, self)
        self.mouse_buttons = MouseHistoryButtons(self)
        self.shelf: BookmarkShelf | None = None  # made with the actions: see attach()
        self.menus: SectionMenus | None = None
        self.dialog: QObject | None = None  # About or the shortcuts list, while open
        self._start = place

    @property
    def handouts(self) -> HandoutDesk:
        """Printing and PDF export, loaded when first needed (QtPrintSupport is big and slow to load)."""
        if self._handouts is None:
            from viewer.ui.handout_dialog import HandoutDesk

            self._handouts = HandoutDesk(self._window, lambda text: self.note.emit(text, NOTE_MS))
        return self._handouts

    def command_slots(self) -> dict[str, object]:
        """The slot of each of the desk's commands, by command name (see viewer.ui.window_actions)."""
        return {
            "print": lambda: self.choose_handout("print"),
            "export_pdf": lambda: self.choose_handout("pdf"),
            "copy_link": lambda: self.copy_link(self._window.article_view.reading.current_anchor),
            "back": self.trail.back,
            "forward": self.trail.forward,
            "bookmark": lambda: self.shelf.toggle(),
            "show_bookmarks": self.show_bookmarks,
            "full_screen": self.toggle_full_screen,
            "shortcuts": self.show_shortcuts,
            "about": self.show_about,
            "about_qt": lambda: QApplication.aboutQt(),
        }

    def attach(self, actions: dict[str, QAction]) -> None:
        """Build what needs the window's actions: the toolbar, the bookmark star and menu, the context menus."""
        self._actions = actions
        toolbar = build_toolbar(self._window, actions)
        for button in toolbar.findChildren(QToolButton, "qt_toolbar_ext_button"):
            button.setAccessibleName("More of the toolbar")  # shown when the window is too narrow for all of it
        menu = self._window.menuBar().findChild(QObject, "bookmarksMenu")
        self.shelf = BookmarkShelf(Bookmarks.load(), actions["bookmark"], menu, self.bookmarks_pane)
        self.menus = SectionMenus(self._window.section_tree, self._window.article_view, actions, self.shelf.is_bookmarked, self)
        if self._start is not None:
            self.keeper.start_at(self._start)

    def connect_to_window(self) -> None:
        """Wire the desk's parts to the window's: its sections, hits, menus and mouse buttons."""
        window, view, tree, actions = self._window, self._window.article_view, self._window.section_tree, self._actions
        self.note.connect(window.show_note)
        window.appearance.themeChanged.connect(self.shelf.refresh_star)
        self.trail.changed.connect(self.history_changed)
        window.hits.sectionReached.connect(self._on_hit_reached)
        if view.has_painted:
            self._watch_mouse_buttons()
        else:  # viewport() is the first call returning QWidget*: PySide builds every widget type for it (10 ms)
            view.firstPainted.connect(lambda: QTimer.singleShot(0, self, self._watch_mouse_buttons))  # once it is shown
        self.mouse_buttons.backPressed.connect(actions["back"].trigger)  # through the actions: off when they are
        self.mouse_buttons.forwardPressed.connect(actions["forward"].trigger)
        window.sectionChanged.connect(self.shelf.set_current)
        window.sectionChanged.connect(self.keeper.reader_moved)
        view.verticalScrollBar().valueChanged.connect(self.keeper.reader_moved)
        view.firstPainted.connect(self.keeper.first_painted)
        self.keeper.note.connect(lambda text: window.show_note(text, 0))
        self.shelf.openRequested.connect(window.scroll_to_section)
        self.shelf.problem.connect(lambda text: window.show_note(text, 0))
        for widget, on_menu in ((tree, self.menus.on_tree_menu), (view, self.menus.on_article_menu)):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(on_menu)
        self.menus.copyLinkRequested.connect(self.copy_link)
        self.menus.bookmarkRequested.connect(self.shelf.toggle_section)
        self.menus.printRequested.connect(self.print_section)
        self.menus.exportRequested.connect(self.export_section)

    @Slot()
    def _watch_mouse_buttons(self) -> None:
        window, tree = self._window, self._window.section_tree
        viewports = (window.article_view.viewport(), tree.viewport(), self.bookmarks_pane.list.viewport())
        self.mouse_buttons.watch(window, *viewports, window.filter_edit)

    @Slot(str)
    def _on_hit_reached(self, _anchor: str) -> None:
        if self._window.search.result is None:
            self.trail.note_return()  # the search was cleared: the reader stays where it took them
        else:
            self.trail.note_search_step()

    def article_shown(self) -> None:
        """The window shows another article (or the same one again, changed on disk)."""
        article = self._window.article
        self.trail.arrived(article)
        self.shelf.show_article(article)
        for problem in provenance(article.metadata).problems:
            self.note.emit(f"{article.path.name if article.path else 'The article'}: {problem}.", 0)

    def report_problems(self) -> None:
        """Say once what was wrong with the files read at start (the bookmarks)."""
        self.shelf.report_problems()

    @Slot(str)
    def choose_handout(self, purpose: str) -> None:
        """Ask what to print (*purpose* 'print') or export as PDF ('pdf'), then do it."""
        window = self._window
        self.handouts.choose(window.article, window.article_view.reading.current_anchor, self._found_anchors(), purpose)

    def _own_anchor(self, fragment: str) -> str:
        section = self._window.article.find_fragment(fragment)
        return section.anchor if section is not None else fragment

    @Slot(str)
    def print_section(self, anchor: str) -> None:
        """Preview a handout of the section *anchor* for printing."""
        self.handouts.print_preview(self._window.article, (anchor,))

    @Slot(str)
    def export_section(self, anchor: str) -> None:
        """Save a handout of the section *anchor* as PDF."""
        self.handouts.save_pdf(self._window.article, (anchor,))

    @Slot(str)
    def copy_link(self, anchor: str) -> None:
        """Put the link to section *anchor* (PATH#anchor) on the clipboard."""
        article = self._window.article
        section = article.find(anchor)
        if section is None or article.path is None:
            self.note.emit("This article has no file to link to.", NOTE_MS)
            return
        link = section_link(article.path, anchor)
        QGuiApplication.clipboard().setText(link)
        self.note.emit(f"Copied the link to “{section.title}”: {link}", NOTE_MS)

    @Slot()
    def show_bookmarks(self) -> None:
        """Show the Bookmarks tab (or, when it is showing, the sections again)."""
        showing = self.sidebar.currentWidget() is self.bookmarks_pane
        self.sidebar.setCurrentWidget(self._window.navigation if showing else self.bookmarks_pane)
        (self._window.section_tree if showing else self.bookmarks_pane.list).setFocus()

    @Slot()
    def toggle_full_screen(self) -> None:
        """Full screen, for reading on a small laptop; again to go back."""
        window = self._window
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()
        self._actions["full_screen"].setChecked(window.isFullScreen())

    @Slot(bool, bool)
    def history_changed(self, can_go_back: bool, can_go_forward: bool) -> None:
        """Back and Forward are available when there is somewhere to go."""
        set_available(self._actions["back"], can_go_back)
        set_available(self._actions["forward"], can_go_forward)

    @Slot()
    def show_about(self) -> None:
        """Help → About, for the article shown."""
        from viewer.ui.about_dialog import AboutDialog  # with the credits, only when asked for

        self._open(AboutDialog(self._window.article, self._window))

    @Slot()
    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts."""
        from viewer.ui.shortcuts_dialog import ShortcutsDialog

        self._open(ShortcutsDialog(shortcut_rows(self._actions), self._window))

    def _open(self, dialog: QObject) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _found_anchors(self) -> tuple[str, ...]:
        result = self._window.search.result
        if result is None:
            return ()
        sections = self._window.article.sections
        return tuple(sections[number].anchor for number in sorted(result.sections))
