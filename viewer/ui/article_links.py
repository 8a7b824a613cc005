"""Links from one article to another in its folder: open it in the window, at the section the link names."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from viewer.core.links import ArticleLink, resolve_article_link

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class ArticleLinkFollower(QObject):
    """Follows ``other.md`` and ``other.md#section`` links clicked in the article pane.

    Only a Markdown file in the current article's folder is opened (viewer.core.links). Kiosk
    mode sets :attr:`allowed_folder` to the folder it shows, so a visitor never leaves it.
    A link that is not followed is explained in the status bar.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.allowed_folder: Path | None = None

    @Slot(str)
    def follow(self, href: str) -> None:
        """Open the article *href* leads to, or say in the status bar why not."""
        window = self._window
        folder = window.article.path.parent if window.article.path else None
        target = resolve_article_link(folder, href, self.allowed_folder) if folder else "this article has no folder to look in"
        if not isinstance(target, ArticleLink):
            window.statusBar().showMessage(f"Link not opened: {target}.")
            return
        if window.open_article_file(target.path) and target.fragment:
            section = window.article.find_fragment(target.fragment)
            if section is not None:  # part of arriving, as in a browser: one Back returns from both
                window.desk.trail.show_place(section.anchor, 0)
            else:
                window.statusBar().showMessage(f"{target.path.name} has no section {target.fragment!r}; it opens at the top.")

    @Slot(str)
    def go_to_fragment(self, fragment: str) -> None:
        """A ``#section`` link in this article: the viewer's own anchor, or the one GitHub gives the heading."""
        section = self._window.article.find_fragment(fragment)
        if section is not None:
            self._window.scroll_to_section(section.anchor)
