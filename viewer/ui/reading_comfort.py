"""Reading comfort, wired to a window: its theme and text size, a layout that fits its screen, and what
the keyboard and a screen reader get.

The parts live in :mod:`viewer.ui.appearance` (theme, text size), :mod:`viewer.ui.adaptive_layout`
(chips in one row, hiding chips and tree, the divider's limit), :mod:`viewer.ui.window_placement`
(the first window sized to its screen) and :mod:`viewer.ui.accessibility` (names, Tab order,
announcements); this module builds them for one window, gives their commands and connects them.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter

from viewer.core.settings import Settings
from viewer.ui.accessibility import WindowAccess
from viewer.ui.adaptive_layout import AdaptiveLayout
from viewer.ui.appearance import Appearance
from viewer.ui.window_actions import THEME_COMMANDS, draw_icons
from viewer.ui.window_placement import place_on_screen

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

TEXT_SIZE_NOTE_MS = 3000


class ReadingComfort(QObject):
    """Theme, text size, adaptive layout and accessibility of one main window.

    Built in two steps, as the window builds itself: :meth:`__init__` with the parts that show text
    (the first screen comes at the right size), :meth:`lay_out` once the splitter holds them.
    """

    def __init__(self, window: MainWindow, base_text_points: float | None) -> None:
        super().__init__(window)
        self._window = window
        self.appearance = Appearance(
            window, window.navigation, window.article_view, window.section_tree.itemDelegate(), window.section_filter
        )
        if base_text_points is not None:
            self.appearance.set_base_points(base_text_points)  # before any text: the first screen comes at that size
        self.layout_fit: AdaptiveLayout | None = None
        self.access: WindowAccess | None = None
        self._actions: dict[str, QAction] = {}
        self._restoring = False  # the remembered text size comes with the remembered splitter: nothing to follow

    def lay_out(self, splitter: QSplitter) -> None:
        """Fit the window to its screen and its parts to the window; name them and order their focus."""
        window = self._window
        window.section_tree.itemDelegate().wrap_titles(window.section_tree)  # whole titles at any text size
        self.appearance.add_reading_part(window.desk.bookmarks_pane)
        self.layout_fit = AdaptiveLayout(window, window.keyword_bar, splitter, window.desk.sidebar)
        self.access = WindowAccess(
            window, window.keyword_bar, window.desk.sidebar, window.navigation, window.article_view, splitter
        )
        place_on_screen(window)
        self.layout_fit.fit()

    def command_slots(self) -> dict[str, object]:
        appearance, layout_fit = self.appearance, self.layout_fit
        themes = {command: partial(appearance.choose_theme, choice) for choice, command in THEME_COMMANDS.items()}
        return {
            "zoom_in": appearance.larger,
            "zoom_out": appearance.smaller,
            "zoom_reset": appearance.normal_size,
            **themes,
            "show_keyword_chips": layout_fit.show_chips,
            "show_section_tree": layout_fit.show_tree,
        }

    def connect(self, actions: dict[str, QAction]) -> None:
        """Keep the View menu's checks, the icons, the status line and the screen reader up to date."""
        window, appearance, layout_fit, access = self._window, self.appearance, self.layout_fit, self.access
        self._actions = actions
        window.article_view.textSizeStepRequested.connect(appearance.step_text_size)
        appearance.themeChanged.connect(self._on_theme_shown)
        appearance.themeChanged.connect(lambda _name: draw_icons(actions))
        appearance.textSizeChanged.connect(self._on_text_size_changed)
        layout_fit.chipsShownChanged.connect(actions["show_keyword_chips"].setChecked)
        layout_fit.treeShownChanged.connect(actions["show_section_tree"].setChecked)
        window.keyword_bar.chipsReplaced.connect(access.order_focus)
        window.search.resultShown.connect(access.on_result_shown)
        self._on_theme_shown(appearance.theme.name)
        actions["show_keyword_chips"].setChecked(True)
        actions["show_section_tree"].setChecked(True)

    def restore(self, settings: Settings) -> None:
        """The theme, text size and layout saved last time (the splitter as it was left, at that text size)."""
        self._restoring = True
        try:
            self.appearance.restore(settings)
        finally:
            self._restoring = False
        self.layout_fit.text_size_restored(self.appearance.text_size.percent / 100)
        self.layout_fit.restore(settings)

    def remember(self, settings: Settings) -> None:
        self.appearance.remember(settings)
        self.layout_fit.remember(settings)

    def show_the_column(self) -> None:
        """Bring back the column of the search box, the tree and the bookmarks, if it was hidden."""
        self.layout_fit.show_tree(True)

    @Slot(int)
    def _on_text_size_changed(self, percent: int) -> None:
        message = f"Text size {percent} %"
        self._window.statusBar().showMessage(message, TEXT_SIZE_NOTE_MS)
        self.access.announcer.announce(message)
        if not self._restoring:
            reading = self._window.article_view.reading
            with reading.moving(), reading.top_line_kept():  # a new width reflows the article: the reader stays put
                self.layout_fit.follow_text_size(percent / 100)

    @Slot(str)
    def _on_theme_shown(self, _name: str) -> None:
        self._actions[THEME_COMMANDS[self.appearance.theme_choice]].setChecked(True)
