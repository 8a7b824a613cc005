"""The article's keywords as large toggle chips that narrow the tree to sections mentioning them."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from viewer.ui import plain_text
from viewer.ui.flow_layout import FlowLayout


class KeywordBar(QWidget):
    """One chip per keyword, with how many sections mention it.

    Signals:
        selectionChanged(list): the checked keywords, in the article's order.
    """

    selectionChanged = Signal(list)

    def __init__(self, keywords: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keywordBar")
        self.rule_label = plain_text.label(objectName="keywordRule", wordWrap=True)  # keywords come from the article
        self.chips: dict[str, QPushButton] = {}
        self._chip_row = FlowLayout(spacing=6)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._chip_row)
        column.addWidget(self.rule_label)
        self.set_keywords(keywords)

    def set_keywords(self, keywords: tuple[str, ...]) -> None:
        """One unchecked chip per keyword, in place of the chips shown (no selectionChanged)."""
        for chip in self.chips.values():
            self._chip_row.removeWidget(chip)
            chip.deleteLater()
        self.chips = {}
        for keyword in keywords:
            chip = QPushButton(plain_text.action_text(keyword), objectName="keywordChip", checkable=True)
            chip.setToolTip(plain_text.tooltip(f"Show only sections that mention “{keyword}”"))
            chip.toggled.connect(self._on_chip_toggled)
            self._chip_row.addWidget(chip)
            self.chips[keyword] = chip
        self._show_rule()
        self.setVisible(bool(keywords))

    def selected(self) -> list[str]:
        """The checked keywords."""
        return [keyword for keyword, chip in self.chips.items() if chip.isChecked()]

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show how many sections mention each keyword."""
        for keyword, chip in self.chips.items():
            chip.setText(f"{plain_text.action_text(keyword)}  {counts.get(keyword, 0)}")
            chip.setEnabled(counts.get(keyword, 0) > 0 or chip.isChecked())

    def mark_matching(self, keywords: set[str]) -> None:
        """Outline the chips whose keyword the typed search also matches."""
        for keyword, chip in self.chips.items():
            if chip.property("matchesSearch") == (keyword in keywords):
                continue  # re-polishing restyles and re-lays out the chip: only on a change
            chip.setProperty("matchesSearch", keyword in keywords)
            chip.style().unpolish(chip)
            chip.style().polish(chip)

    def choose_only(self, keyword: str) -> None:
        """Check *keyword*'s chip and uncheck the others (one selectionChanged at the end)."""
        self.blockSignals(True)
        for name, chip in self.chips.items():
            chip.setChecked(name == keyword)
        self.blockSignals(False)
        self._on_chip_toggled()

    def clear(self) -> None:
        """Uncheck every chip (one selectionChanged at the end)."""
        self.blockSignals(True)
        for chip in self.chips.values():
            chip.setChecked(False)
        self.blockSignals(False)
        self._on_chip_toggled()

    @Slot()
    def _on_chip_toggled(self) -> None:
        self._show_rule()
        self.selectionChanged.emit(self.selected())

    def _show_rule(self) -> None:
        chosen = self.selected()
        if chosen:
            self.rule_label.setText("Showing sections that mention all of: " + ", ".join(chosen))
        else:
            self.rule_label.setText("Tap topics to show only the sections that mention all of them.")
