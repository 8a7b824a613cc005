"""Help → Keyboard shortcuts: every shortcut of the window, as a table."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.accessibility import describe, name_scroll_bars
from viewer.ui.window_placement import size_dialog


class ShortcutsDialog(QDialog):
    """The keys and what they do, one a row."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        # A list of two columns, not a table: a table's empty corner cell is a nameless stop for a screen reader.
        self.table = QTreeWidget(objectName="shortcutsTable", rootIsDecorated=False, itemsExpandable=False)
        self.table.setHeaderLabels(["Keys", "What they do"])
        self.table.setAllColumnsShowFocus(True)
        describe(self.table, "Keyboard shortcuts", "Each key and what it does, one a row")
        self.table.viewport().setAccessibleName("Keyboard shortcuts")
        name_scroll_bars(self.table, "the shortcuts")
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        self.table.addTopLevelItems([QTreeWidgetItem([keys, what]) for keys, what in rows])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.table)
        column.addWidget(buttons)
        size_dialog(self, QSize(780, 720))  # the longest row whole

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, top to bottom."""
        items = (self.table.topLevelItem(row) for row in range(self.table.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in items]
