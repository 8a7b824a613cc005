"""How the window looks: its theme and its text size, applied to every part that shows them.

The theme is Automatic (the system's light or dark setting, followed as it changes), Light, Dark or
High contrast. The text size scales the article and the reading column (search box, section tree)
together, in the steps of :mod:`viewer.core.text_size`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from viewer.core.resources import ARTICLE_STYLESHEET, read_resource_text
from viewer.core.settings import Settings
from viewer.core.stylesheets import ArticleStyle, reading_stylesheet, window_stylesheet
from viewer.core.text_size import TextSize
from viewer.core.themes import AUTOMATIC, THEME_CHOICES, Theme, theme_for
from viewer.ui.article_view import ArticleView
from viewer.ui.section_delegate import SectionDelegate
from viewer.ui.section_filter import SectionFilterProxy
from viewer.ui.themes import SystemColourScheme, use_palette


class Appearance(QObject):
    """The theme and text size of one window.

    Signals:
        themeChanged(str): the theme shown now (its name), whether chosen or followed from the system; also
            when the reader's choice changes but the colours stay (Light chosen while Automatic showed Light).
        textSizeChanged(int): the text size now, in percent of normal.
    """

    themeChanged = Signal(str)
    textSizeChanged = Signal(int)

    def __init__(
        self, window: QWidget, reading: QWidget, view: ArticleView, delegate: SectionDelegate, proxy: SectionFilterProxy
    ) -> None:
        super().__init__(window)
        self._window, self._view, self._delegate, self._proxy = window, view, delegate, proxy
        self._reading = [reading]  # the parts read like the article: reading.qss
        self._system = SystemColourScheme(self)
        self._system.changed.connect(self._on_system_changed)
        self._choice = AUTOMATIC
        self._theme = theme_for(AUTOMATIC, self._system.dark)
        self._size = TextSize()
        self._extra_window_rules = ""
        self._apply_theme()

    @property
    def theme_choice(self) -> str:
        """What the reader chose: ``automatic`` or a theme's name."""
        return self._choice

    @property
    def theme(self) -> Theme:
        """The theme shown now."""
        return self._theme

    @property
    def text_size(self) -> TextSize:
        return self._size

    def choose_theme(self, choice: str) -> None:
        """Show the theme *choice* names (``automatic``: follow the system)."""
        chosen = choice if choice in THEME_CHOICES else AUTOMATIC
        changed, self._choice = chosen != self._choice, chosen
        if not self._show_theme(theme_for(chosen, self._system.dark)) and changed:
            self.themeChanged.emit(self._theme.name)  # the same colours, another choice (Light, from Automatic)

    def set_text_size(self, size: TextSize) -> None:
        """Show the text at *size*."""
        if size == self._size:
            return
        self._size = size
        self._view.apply_style(ArticleStyle(self._theme, size))
        self._style_reading_parts()
        self.textSizeChanged.emit(size.percent)

    @Slot()
    def larger(self) -> None:
        self.set_text_size(self._size.larger())

    @Slot()
    def smaller(self) -> None:
        self.set_text_size(self._size.smaller())

    @Slot()
    def normal_size(self) -> None:
        self.set_text_size(self._size.normal())

    @Slot(int)
    def step_text_size(self, steps: int) -> None:
        """*steps* larger (smaller when negative): Ctrl and the mouse wheel."""
        self.set_text_size(TextSize(self._size.step + steps, self._size.base))

    def set_base_points(self, body_points: float) -> None:
        """Make normal text *body_points* large (a kiosk, read from further away); the reader's steps go on from it."""
        self.set_text_size(self._size.with_base_points(body_points, read_resource_text(ARTICLE_STYLESHEET)))

    def add_window_stylesheet(self, rules: str) -> None:
        """Style the window with *rules* too, after the theme's (a mode of its own: the kiosk's larger
        controls). They go into the reading column's sheet as well, which would otherwise win there."""
        self._extra_window_rules += "\n" + rules
        self._window.setStyleSheet(window_stylesheet(self._theme) + self._extra_window_rules)
        self._style_reading_parts()

    def add_reading_part(self, part: QWidget) -> None:
        """Style *part* as the reading column is styled (the bookmarks, in a tab beside the tree)."""
        self._reading.append(part)
        self._style_reading_parts()

    def _style_reading_parts(self) -> None:
        sheet = reading_stylesheet(self._theme, self._size) + self._extra_window_rules
        for part in self._reading:
            part.setStyleSheet(sheet)

    def restore(self, settings: Settings) -> None:
        """The theme and text size saved last time."""
        self.choose_theme(settings.get("theme"))
        self.set_text_size(TextSize(settings.get("zoom"), self._size.base))

    def remember(self, settings: Settings) -> None:
        settings.set("theme", self._choice)
        settings.set("zoom", self._size.step)

    @Slot(bool)
    def _on_system_changed(self, _dark: bool) -> None:
        if self._choice == AUTOMATIC:
            self._show_theme(theme_for(AUTOMATIC, self._system.dark))

    def _show_theme(self, theme: Theme) -> bool:
        """Show *theme*; whether it was another one."""
        if theme is self._theme:
            return False
        self._theme = theme
        self._apply_theme()
        self.themeChanged.emit(theme.name)
        return True

    def _apply_theme(self) -> None:
        use_palette(self._theme)
        self._window.setStyleSheet(window_stylesheet(self._theme) + self._extra_window_rules)
        self._style_reading_parts()
        self._delegate.set_theme(self._theme)
        self._proxy.set_theme(self._theme)
        self._view.apply_style(ArticleStyle(self._theme, self._size))
