"""A layout that fits the window it is in: small screens, a narrow window, parts the reader hid.

Below COMPACT_WIDTH or COMPACT_HEIGHT the keyword chips keep to one row that scrolls sideways;
the section tree never takes more width than the article, and grows and shrinks with the text size;
the reader can hide the chips and the tree (View menu), and the choice is remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QSplitter, QWidget

from viewer.core.settings import Settings
from viewer.ui.keyword_bar import KeywordBar

COMPACT_WIDTH, COMPACT_HEIGHT = 900, 700
TREE_SHARE = 0.35  # of the width, where the tree's own width would crowd the article
WIDEST_TREE_SHARE = 0.5  # the article is never narrower than the tree
TEXT_TREE_SHARE = 0.4  # the most a larger text widens the tree to: the article, read in the same text, keeps the rest


class AdaptiveLayout(QObject):
    """Fits the chips, the tree and the article to one window.

    Signals:
        treeShownChanged(bool): the section tree (with the search box) was shown or hidden.
        chipsShownChanged(bool): the keyword chips were shown or hidden.
    """

    treeShownChanged = Signal(bool)
    chipsShownChanged = Signal(bool)

    def __init__(self, window: QWidget, chips: KeywordBar, splitter: QSplitter, tree_column: QWidget) -> None:
        super().__init__(window)
        self._window, self._chips, self._splitter, self._tree_column = window, chips, splitter, tree_column
        self._tree_shown = True
        self._tree_width = 0  # while the tree is hidden: its width when it comes back
        self._chips_may_scroll = True
        self._text_factor = 1.0  # the text size, as a factor of normal
        self._tree_at_normal: float | None = None  # the tree's width at normal text size, once known
        window.installEventFilter(self)
        splitter.splitterMoved.connect(self._on_splitter_moved)

    @property
    def tree_shown(self) -> bool:
        return self._tree_shown

    @property
    def chips_shown(self) -> bool:
        return self._chips.wanted

    @Slot(bool)
    def show_tree(self, shown: bool) -> None:
        """Show or hide the column with the search box and the section tree."""
        if shown == self._tree_shown:
            return
        self._tree_shown = shown
        if not shown:
            self._tree_width = self._splitter.sizes()[0]
        self._tree_column.setVisible(shown)
        if shown:
            total = sum(self._splitter.sizes())
            self._splitter.setSizes([self._tree_width, total - self._tree_width])
            self._share_the_width()
        self.treeShownChanged.emit(shown)

    @Slot(bool)
    def show_chips(self, shown: bool) -> None:
        """Show or hide the keyword chips."""
        if shown == self.chips_shown:
            return
        self._chips.set_wanted(shown)
        self.chipsShownChanged.emit(shown)

    def restore(self, settings: Settings) -> None:
        self.show_chips(settings.get("show_keyword_chips"))
        self.show_tree(settings.get("show_section_tree"))

    def remember(self, settings: Settings) -> None:
        settings.set("show_keyword_chips", self.chips_shown)
        settings.set("show_section_tree", self._tree_shown)

    def follow_text_size(self, factor: float) -> None:
        """The text is now *factor* times its normal size: so is the tree (never over TEXT_TREE_SHARE of the
        width, unless the reader made it wider), and its titles stay as legible as they were."""
        tree, article = self._splitter.sizes()
        if self._tree_at_normal is None and tree > 0:
            self._tree_at_normal = tree / self._text_factor
        self._text_factor = factor
        if not self._tree_shown or self._tree_at_normal is None:
            return
        total = tree + article
        wanted = round(self._tree_at_normal * factor)
        wanted = min(wanted, max(round(total * TEXT_TREE_SHARE), round(self._tree_at_normal)))
        if wanted != tree:
            self._splitter.setSizes([wanted, total - wanted])
            self._limit_the_tree(WIDEST_TREE_SHARE)

    def text_size_restored(self, factor: float) -> None:
        """The text was put back at *factor* with the window's remembered layout: the tree's width is as it was left."""
        self._text_factor, self._tree_at_normal = factor, None

    def keep_the_chips_wrapping(self) -> None:
        """Never put the chips in one row that scrolls sideways: a touch screen's kiosk takes a press on a
        scrolling row as the start of a drag, and its top corners must answer a long press."""
        self._chips_may_scroll = False
        self.fit()

    def fit(self) -> None:
        """Fit the parts to the window's size now."""
        size = self._window.size()
        compact = self._chips_may_scroll and (size.width() < COMPACT_WIDTH or size.height() < COMPACT_HEIGHT)
        if compact != self._chips.compact:
            self._chips.set_compact(compact)
            for widget in (self._chips, self._chips.parentWidget()):  # at once, not a few events later
                if widget is not None and widget.layout() is not None:
                    widget.layout().activate()
        self._share_the_width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._tree_at_normal = None  # the tree's width now is the one to scale from
            self.fit()  # a hidden window is told of its size only when shown
        return False

    def _share_the_width(self) -> None:
        """A narrowed window takes its width from the tree first, once the tree is as wide as the article."""
        share = TREE_SHARE if self._window.width() < COMPACT_WIDTH else WIDEST_TREE_SHARE
        self._limit_the_tree(share)

    @Slot()
    def _on_splitter_moved(self) -> None:
        self._tree_at_normal = None  # the reader chose this width at this text size
        self._limit_the_tree(WIDEST_TREE_SHARE)

    def _limit_the_tree(self, share: float) -> None:
        tree, article = self._splitter.sizes()
        total = tree + article
        if total > 0 and self._tree_shown and tree > total * WIDEST_TREE_SHARE:
            narrower = round(total * share)
            self._splitter.setSizes([narrower, total - narrower])
