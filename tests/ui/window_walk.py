"""Walk the whole window as a curious reader would, and check that every string it shows is plain text.

Run in a process of its own (tests/ui/test_window_walk.py), because what it guards against may take
the process down: ``python -m tests.ui.window_walk ARTICLE... [--rewrite-with BROKEN]``. It opens
each article in turn in the main window and then, for every top-level window and every widget in
it, whatever widgets exist when it runs:

- reads its tooltip, status tip, What's This, window title and text, and shows its tooltip (a
  QHelpEvent at its middle);
- in item views, reads every index's text and tooltip and shows the tooltip at the item;
- in text panes, shows the tooltip of every stretch of text that has one (``title`` attributes);
- taps every checkable button (the keyword chips) on and off, typing a search in between;
- paints every window (rich text loads its pictures when it is laid out or painted);
- with ``--rewrite-with``, replaces the article file with one that cannot be read and then deletes
  it, so that the messages that name the file appear, and walks those too.

Modal message boxes are shown without blocking and walked. A shown string breaks the rule when Qt
would take it for rich text and it is not what viewer.ui.plain_text.tooltip() makes (a widget may
opt out with the dynamic property ``trustedRichText`` for text it wrote itself). The last line of
output is a JSON report: what was visited and every breach of the rule.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtGui import Qt as GuiQt  # where PySide puts Qt::mightBeRichText
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextEdit,
    QToolTip,
    QWidget,
)
from shiboken6 import isValid

from viewer.core.loader import load_article
from viewer.ui.app import ensure_application
from viewer.ui.plain_text import RICH_TAGS, is_tooltip_markup

ROLES = {
    "text": Qt.ItemDataRole.DisplayRole,
    "tooltip": Qt.ItemDataRole.ToolTipRole,
    "status tip": Qt.ItemDataRole.StatusTipRole,
    "what's this": Qt.ItemDataRole.WhatsThisRole,
}
TOOLTIP_ROLES = {"tooltip", "what's this"}  # shown by QToolTip / QWhatsThis, which guess rich text


class Walk:
    """What the walk visited, and every string that breaks the plain-text rule."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.counts = {"widgets": 0, "indexes": 0, "tooltips shown": 0, "pane tooltips": 0, "chips tapped": 0, "messages": 0}
        self.breaches: list[str] = []
        self.qt_messages: list[str] = []
        self._seen_messages: set[int] = set()

    def check(self, where: str, text: str, shown_as_tooltip: bool, widget: QWidget | None = None) -> None:
        """Record a breach if Qt would take *text* for rich text that plain_text did not make."""
        if not text or not GuiQt.mightBeRichText(text) or is_tooltip_markup(text):
            return
        if widget is not None and widget.property("trustedRichText"):
            tags = {name.lower() for name in re.findall(r"</?([A-Za-z][\w-]*)", text)}
            if not tags <= RICH_TAGS:
                self.breaches.append(f"{where}: rich text with {sorted(tags - RICH_TAGS)} {text[:120]!r}")
            return
        kind = "tooltip" if shown_as_tooltip else "text"
        self.breaches.append(f"{where}: rich {kind} {text[:120]!r}")

    def window(self, top: QWidget) -> None:
        """Every widget of *top*, itself included."""
        for widget in [top, *top.findChildren(QWidget)]:
            if isValid(widget) and (widget is top or widget.isVisible()):  # a message closed meanwhile is gone
                self.widget(widget)
        if isValid(top):
            top.grab()  # paint all of it

    def widget(self, widget: QWidget) -> None:
        self.counts["widgets"] += 1
        where = _describe(widget)
        for name in ("toolTip", "whatsThis"):
            self.check(f"{where} {name}", getattr(widget, name)(), True, widget)
        if isinstance(widget, QLabel):
            format_ = widget.textFormat()
            if format_ == Qt.TextFormat.RichText or (format_ != Qt.TextFormat.PlainText and GuiQt.mightBeRichText(widget.text())):
                self.check(f"{where} label", widget.text(), False, widget)
            widget.sizeHint()
        if widget.toolTip():
            self.show_tooltip(f"{where} tooltip", widget, widget.rect().center())
        if isinstance(widget, QAbstractItemView):
            self.item_view(widget)
        if isinstance(widget, QTextEdit):
            self.text_pane(widget)

    def show_tooltip(self, where: str, widget: QWidget, position: QPoint) -> None:
        """A QHelpEvent at *position*, as when the mouse rests there; check what the tooltip shows."""
        QToolTip.hideText()
        event = QHelpEvent(QEvent.Type.ToolTip, position, widget.mapToGlobal(position))
        self.app.sendEvent(widget, event)
        self.counts["tooltips shown"] += 1
        if QToolTip.isVisible():
            self.check(where, QToolTip.text(), True, widget)
            QToolTip.hideText()

    def item_view(self, view: QAbstractItemView) -> None:
        model = view.model()
        if model is None:
            return
        if hasattr(view, "expandAll"):
            view.expandAll()
        for index in _indexes(model, QModelIndex()):
            self.counts["indexes"] += 1
            where = f"{_describe(view)} row {index.row()} of {index.parent().data() or 'top'}"
            for name, role in ROLES.items():
                value = index.data(role)
                if isinstance(value, str) and name in TOOLTIP_ROLES:  # delegates draw the rest as it is
                    self.check(f"{where} {name}", value, True, view)
            view.scrollTo(index)
            rect = view.visualRect(index)
            if rect.isValid():
                self.show_tooltip(f"{where} shown tooltip", view.viewport(), rect.center())

    def text_pane(self, pane: QTextEdit) -> None:
        """Show the tooltip of every fragment of the document that carries one."""
        document = pane.document()
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.isValid() and fragment.charFormat().toolTip():
                    self.counts["pane tooltips"] += 1
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position() + max(fragment.length() // 2, 1) - 1)
                    pane.setTextCursor(cursor)
                    pane.ensureCursorVisible()
                    cursor.setPosition(cursor.position() + 1)
                    rect = pane.cursorRect(cursor)
                    self.show_tooltip(f"{_describe(pane)} text {fragment.text()[:40]!r}", pane.viewport(), rect.center())
                fragments += 1
            block = block.next()

    def tap_chips(self, top: QWidget, typed: list[str]) -> None:
        """Tap every checkable button (chip) on, check the labels, tap it off; then type each of *typed* as
        a search, check the labels, and clear it."""
        buttons = [b for b in top.findChildren(QAbstractButton) if b.isCheckable() and b.isVisible() and b.isEnabled()]
        self.counts["chips"] = self.counts.get("chips", 0) + len(buttons)
        for button in buttons:
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            self.counts["chips tapped"] += 1
            self.labels(top)  # a label's rich text is laid out, and its pictures read, when it is measured
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.app.processEvents()
        for line_edit in [w for w in top.findChildren(QLineEdit) if w.isVisible() and not w.isReadOnly()][:1]:
            for text in typed:
                line_edit.setFocus()
                line_edit.clear()
                QTest.keyClicks(line_edit, text)
                QTest.keyClick(line_edit, Qt.Key.Key_Return)
                self.app.processEvents()
                self.labels(top)
                QTest.keyClick(line_edit, Qt.Key.Key_Escape)
            line_edit.clear()
            self.app.processEvents()

    def labels(self, top: QWidget) -> None:
        for label in top.findChildren(QLabel):
            if isValid(label) and label.isVisible():  # a tooltip shown for a label is a QLabel in it, gone once hidden
                self.widget(label)

    def every_window(self) -> None:
        for top in self.app.topLevelWidgets():
            if isValid(top) and top.isVisible():
                self.window(top)

    def message_shown(self, box: QMessageBox) -> None:
        """A message box the program opened: walk it once."""
        if id(box) in self._seen_messages:
            return
        self._seen_messages.add(id(box))
        self.counts["messages"] += 1
        box.show()
        self.app.processEvents()
        self.window(box)

    def report(self) -> dict:
        return {"counts": self.counts, "breaches": self.breaches, "qt_messages": self.qt_messages[:50]}


def _indexes(model, parent: QModelIndex):
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            yield index
            if column == 0:
                yield from _indexes(model, index)


def _describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or '-'})"


def run(articles: list[Path], rewrite_with: bytes | None, kiosk: bool = False) -> dict:
    """Open each of *articles* in turn in one window (as File → Open would) and walk it; return the report.

    With *kiosk*, the first article only, in kiosk mode: its start screen, then the viewer past it.
    """
    from viewer.ui.main_window import MainWindow

    app = ensure_application([sys.argv[0]])
    walk = Walk(app)

    def on_qt_message(kind: QtMsgType, context, text: str) -> None:
        walk.qt_messages.append(f"{kind.name}: {text}")

    qInstallMessageHandler(on_qt_message)

    def exec_without_blocking(box: QMessageBox) -> int:
        walk.message_shown(box)
        box.close()
        return QMessageBox.StandardButton.No.value

    QMessageBox.exec = exec_without_blocking  # modal boxes are walked, not waited on
    for name in ("warning", "information", "question", "critical"):
        setattr(QMessageBox, name, _static_box(exec_without_blocking))  # as Qt's own: its default text format
    if kiosk:
        return _walk_kiosk(app, walk, articles[0])
    window = MainWindow(load_article(articles[0]))
    window.resize(1100, 700)
    window.show()
    QTest.qWaitForWindowExposed(window)
    _wait(app, lambda: window.article_view.has_painted)
    for number, article_path in enumerate(articles):
        if number:
            window.open_article_file(article_path)
        walk_article(app, walk, window)
    article_path = articles[-1]
    if rewrite_with is not None:
        article_path.write_bytes(rewrite_with)
        _wait(app, lambda: _visible_messages(app))
        article_path.unlink()
        _wait(app, lambda: len(_visible_messages(app)) >= 2 or window.statusBar().currentMessage().endswith("stays as it was"))
        for box in _visible_messages(app):
            walk.message_shown(box)
    walk.every_window()
    return walk.report()


def _walk_kiosk(app: QApplication, walk: Walk, article_path: Path) -> dict:
    """The kiosk's start screen (the article's title and summary), then its viewer, as a visitor taps them."""
    from viewer.core.kiosk_config import KioskConfig
    from viewer.ui.kiosk.window import build_kiosk

    config = KioskConfig(kiosk=True, help_text="Help: <img src='/dev/zero'> 0800 000 000")
    kiosk = build_kiosk(load_article(article_path), config, [f"<img src='{article_path}'> a set-up problem"])
    kiosk.activate()
    QTest.qWaitForWindowExposed(kiosk)
    walk.every_window()
    QTest.mouseClick(kiosk.start_screen, Qt.MouseButton.LeftButton)
    walk_article(app, walk, kiosk.main)
    walk.every_window()
    kiosk.deactivate()
    return walk.report()


def walk_article(app: QApplication, walk: Walk, window: QWidget) -> None:
    """Everything a reader can point at or tap in the window on its current article."""
    _wait(app, lambda: window.indexer.is_ready and window.loader.complete)
    walk.counts["articles"] = walk.counts.get("articles", 0) + 1
    walk.every_window()
    typed = list(window.article.metadata.keywords[:3]) + [section.title for section in window.article.sections[:3]]
    walk.tap_chips(window, typed)
    _click_every_link(app, window)
    for box in _visible_messages(app):
        walk.message_shown(box)
        box.close()


def _click_every_link(app: QApplication, window: QWidget) -> None:
    """Follow a few links of the pane (their questions and refusals quote the link)."""
    pane = window.article_view
    document = pane.document()
    block, clicked = document.begin(), 0
    while block.isValid() and clicked < 20:
        fragments = block.begin()
        while not fragments.atEnd() and clicked < 20:
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.charFormat().isAnchor() and fragment.charFormat().anchorHref():
                pane.anchorClicked.emit(_url(fragment.charFormat().anchorHref()))
                app.processEvents()
                clicked += 1
            fragments += 1
        block = block.next()


def _static_box(exec_box):
    """A stand-in for QMessageBox.warning() and the like that builds the box as Qt does, then walks it."""

    def show(parent, title, text, *rest, **keywords):
        box = QMessageBox(QMessageBox.Icon.NoIcon, title, text, QMessageBox.StandardButton.Ok, parent)
        return QMessageBox.StandardButton(exec_box(box))

    return staticmethod(show)


def _url(href: str):
    from PySide6.QtCore import QUrl

    return QUrl(href)


def _visible_messages(app: QApplication) -> list[QMessageBox]:
    return [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _wait(app: QApplication, condition, seconds: float = 60) -> None:
    """Run the event loop until *condition* holds (or time is up: the report then shows less)."""
    import time

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        QTest.qWait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", type=Path, nargs="+", help="opened one after another in the same window")
    parser.add_argument("--rewrite-with", type=Path, help="a broken article to put in its place, then delete it")
    parser.add_argument("--kiosk", action="store_true", help="walk the first article in kiosk mode instead")
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rewrite = options.rewrite_with.read_bytes() if options.rewrite_with else None
    print(json.dumps(run(options.articles, rewrite, options.kiosk)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
