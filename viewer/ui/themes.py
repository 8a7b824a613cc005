"""A theme on screen: the application's palette, and the system's light or dark setting to follow.

The style sheets take their colours from the theme too (:mod:`viewer.core.stylesheets`); the palette
colours what no style sheet reaches: menus, dialogs, scroll bars, the status line.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from viewer.core.themes import Theme

STYLE = "Fusion"  # draws every control from the palette on every system, so each theme looks as designed
STYLE_GIVEN = "viewerStyleGiven"
"""An application property: the application was made with ``-style`` STYLE (:func:`style_arguments`).

Asking the application for its style makes PySide build QStyle's type and enum classes (5 ms): a first frame
asks for the style it wants when it makes the application, and marks it so, instead."""

_ROLES = {
    QPalette.ColorRole.Window: "window",
    QPalette.ColorRole.WindowText: "text",
    QPalette.ColorRole.Base: "surface",
    QPalette.ColorRole.AlternateBase: "window",
    QPalette.ColorRole.Text: "text",
    QPalette.ColorRole.Button: "chip_bg",
    QPalette.ColorRole.ButtonText: "chip_text",
    QPalette.ColorRole.BrightText: "text",
    QPalette.ColorRole.Highlight: "accent",
    QPalette.ColorRole.HighlightedText: "accent_text",
    QPalette.ColorRole.ToolTipBase: "tooltip_bg",
    QPalette.ColorRole.ToolTipText: "tooltip_text",
    QPalette.ColorRole.PlaceholderText: "muted",
    QPalette.ColorRole.Link: "link",
    QPalette.ColorRole.LinkVisited: "link",
    QPalette.ColorRole.Accent: "accent",
}
_DISABLED = (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText)


def palette_for(theme: Theme) -> QPalette:
    """A palette in *theme*'s colours; the shades Fusion draws edges with come from its button and window colours."""
    colours = theme.colours
    palette = QPalette(QColor(colours["chip_bg"]), QColor(colours["window"]))
    for role, name in _ROLES.items():
        palette.setColor(role, QColor(colours[name]))
    for role in _DISABLED:
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours["chip_disabled_text"]))
    return palette


def style_arguments(argv: list[str]) -> list[str]:
    """*argv* (program name first) for a QApplication that starts in STYLE; mark it with :data:`STYLE_GIVEN` once made.

    The program's own options come after Qt's, so that Qt takes ``-style`` before it reads them.
    """
    return [*(argv[:1] or ["ketamine-viewer"]), "-style", STYLE, *argv[1:]]  # Qt never reads the first as an option


def use_palette(theme: Theme) -> None:
    """Colour the whole application (menus and dialogs are windows of their own) in *theme*."""
    app = QApplication.instance()
    if app.property(STYLE_GIVEN) is not True and app.style().name().lower() != STYLE.lower():
        app.setStyle(STYLE)
    app.setPalette(palette_for(theme))


class SystemColourScheme(QObject):
    """Whether the system asks for dark colours, and when that changes.

    Signals:
        changed(bool): the system switched to dark (True) or light colours.
    """

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dark = _is_dark(QGuiApplication.styleHints().colorScheme())
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    @property
    def dark(self) -> bool:
        return self._dark

    @Slot(Qt.ColorScheme)
    def _on_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if _is_dark(scheme) != self._dark:
            self._dark = _is_dark(scheme)
            self.changed.emit(self._dark)


def _is_dark(scheme: Qt.ColorScheme) -> bool:
    return scheme == Qt.ColorScheme.Dark
