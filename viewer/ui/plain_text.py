"""The one rule for text from an article outside the article pane: widgets show it as the plain text it is.

Qt takes any string that looks like HTML (``Qt::mightBeRichText``: a tag on its first line) for rich
text in tooltips, labels and message boxes, and rich text loads every ``<img src>`` it names straight
from the file system, with none of the pane's image checks: a heading ``<img src="/dev/zero">`` in a
tooltip aborted the program. Every string that comes from an article (titles, headings, keywords,
synonyms, summary, notice, link and picture titles, file names, error reasons quoting the file)
reaches a widget through one of these functions; tests/ui/test_plain_text_rule.py checks the source
for widgets that bypass them, and tests/ui/test_window_walk.py walks every widget of the window.

- tooltip(text): what to pass to ``setToolTip`` or to return for ``ToolTipRole``.
- label(text, **properties): a QLabel that never takes its text for rich text; rich_label() for
  markup the program writes itself around escaped article strings (inline formatting only).
- message(icon, title, text, buttons, parent): a QMessageBox likewise; ask() and tell() show one modally.
- one_line(text, limit): a bounded single line, for the status bar and tree rows; window_title(text).
- action_text(text): for a QAction or button label, whose ``&`` would otherwise make a shortcut.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox  # imported where a box is made: its enum classes wait for the first one

TOOLTIP_CHARACTERS = 1000
"""A tooltip is a glance: a 1 MB heading would take seconds to lay out each time the mouse rests on it."""
RICH_TAGS = frozenset({"b", "i", "s", "u", "em", "strong", "br"})
"""The tags a rich_label() may show: formatting, never a picture or a link."""
LINE_CHARACTERS = 300
"""Window titles, status messages and tree rows: about three screen widths."""
TOOLTIP_LINE = 80
"""Characters a tooltip line may have before it wraps. Shorter lines never wrap: Qt narrows a short
rich-text tooltip to a quarter of its width and would break "/dev/zero" in two."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # no font shows these; tab and line feed are kept
_LINE_BREAKS = re.compile(r"\s*[\n\r\u2028\u2029]+\s*")
_SHORT_LINES, _LONG_LINES, _TOOLTIP_END = '<p style="white-space:pre">', '<p style="white-space:pre-wrap">', "</p>"


def tooltip(text: str) -> str:
    """Rich-text markup that shows *text* exactly, line breaks and all, shortened to TOOLTIP_CHARACTERS.

    Escaped rather than plain: Qt has no way to tell a tooltip its format, and guesses rich text
    from the text itself. White space at either end is dropped; blank *text* gives no tooltip ("").
    """
    if text.isprintable():  # no control character or line break to take out: the common case, a tree row's title
        text = _shorten(text.strip(), TOOLTIP_CHARACTERS)
        longest = len(text)
    else:
        text = _shorten(_CONTROL.sub("", text).strip(), TOOLTIP_CHARACTERS)
        longest = max(map(len, text.split("\n")))
    if not text:
        return ""
    start = _SHORT_LINES if longest <= TOOLTIP_LINE else _LONG_LINES
    return start + html.escape(text) + _TOOLTIP_END


def is_tooltip_markup(text: str) -> bool:
    """Whether *text* is what tooltip() makes: the only rich text a widget may show outside the pane."""
    start = _SHORT_LINES if text.startswith(_SHORT_LINES) else _LONG_LINES
    inner = text.removeprefix(start).removesuffix(_TOOLTIP_END)
    return len(inner) == len(text) - len(start) - len(_TOOLTIP_END) and "<" not in inner


def show_tooltip(global_position: QPoint, text: str, widget: QWidget) -> None:
    """Show *text* as a tooltip at *global_position* over *widget* (for widgets that find their own tooltips)."""
    QToolTip.showText(global_position, tooltip(text), widget)


def label(text: str = "", parent: QWidget | None = None, **properties: object) -> QLabel:
    """A QLabel showing *text* as plain text, now and whatever setText() gives it later."""
    widget = QLabel(parent, **properties)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setText(text)
    return widget


def rich_label(text: str = "", parent: QWidget | None = None, **properties: object) -> QLabel:
    """A QLabel for rich text the program writes itself around article strings it has ``html.escape``d.

    Only the inline tags of RICH_TAGS: the window walk fails on any other tag in such a label.
    """
    widget = QLabel(parent, **properties)
    widget.setTextFormat(Qt.TextFormat.RichText)
    widget.setProperty("trustedRichText", True)
    widget.setText(text)
    return widget


def message(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton | None = None,
    parent: QWidget | None = None,
) -> QMessageBox:
    """A message box, not shown yet, whose *text* (and informative text) is plain text; an OK button unless *buttons* say."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, window_title(title), "", QMessageBox.StandardButton.Ok if buttons is None else buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # before the text: the informative text follows it too
    box.setText(_CONTROL.sub("", text))
    return box


def tell(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """Show a plain-text message and wait until the reader closes it."""
    message(icon, title, text, parent=parent).exec()


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes-or-no question in plain text; True for Yes."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = message(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def one_line(text: str, limit: int = LINE_CHARACTERS) -> str:
    """*text* on one line, without control characters, shortened to *limit* characters.

    For status messages and tree rows, which draw text as it is but slow down on megabytes of it.
    """
    if len(text) <= limit and text.isprintable():
        return text  # nothing to take out or shorten (10,000 tree rows are built a little faster for it)
    line = _CONTROL.sub("", _LINE_BREAKS.sub(" ", _shorten(text, limit * 2)).replace("\t", " "))
    return _shorten(line, limit)


def window_title(text: str) -> str:
    """*text* for ``setWindowTitle``: one line, its ``[*]`` shown rather than taken for the unsaved-changes mark."""
    return one_line(text).replace("[*]", "[*][*]")


def action_text(text: str) -> str:
    """*text* for a QAction, menu entry or button: one line, its ``&`` shown rather than taken for a shortcut key."""
    return one_line(text).replace("&", "&&")


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
