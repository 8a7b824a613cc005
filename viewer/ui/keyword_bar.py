"""The article's keywords as large toggle chips that narrow the tree to sections mentioning them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from viewer.ui import plain_text
from viewer.ui.flow_layout import FlowLayout


class KeywordBar(QWidget):
    """One chip per keyword, with how many sections mention it.

    The chips wrap onto as many rows as they need, or, in a small window (:meth:`set_compact`),
    stay in one row that scrolls sideways, without the line that explains them.

    Signals:
        selectionChanged(list): the checked keywords, in the article's order.
        chipsReplaced(): the chips are new (another article): whoever orders the focus should know.
    """

    selectionChanged = Signal(list)
    chipsReplaced = Signal()

    def __init__(self, keywords: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keywordBar")
        self.rule_label = plain_text.label(objectName="keywordRule", wordWrap=True)  # keywords come from the article
        self.chips: dict[str, QPushButton] = {}
        self._counts: dict[str, int] = {}
        self._compact, self._wanted = False, True
        self._chip_row = FlowLayout(spacing=6)
        self._chip_row.setContentsMargins(0, 2, 0, 4)  # in line with the tree below; the focus ring is drawn inside a chip
        self.strip = self._strip()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.strip)
        column.addWidget(self.rule_label)
        self.set_keywords(keywords)

    def set_keywords(self, keywords: tuple[str, ...]) -> None:
        """One unchecked chip per keyword, in place of the chips shown (no selectionChanged)."""
        for chip in self.chips.values():
            self._chip_row.removeWidget(chip)
            chip.deleteLater()
        self.chips, self._counts = {}, {}
        for keyword in keywords:
            chip = QPushButton(plain_text.action_text(keyword), self.strip.widget(), objectName="keywordChip", checkable=True)
            chip.setToolTip(plain_text.tooltip(f"Show only sections that mention “{keyword}”"))
            chip.toggled.connect(self._on_chip_toggled)
            self._chip_row.addWidget(chip)
            self.chips[keyword] = chip
            self._describe(keyword)
        self._show_rule()
        self._show()
        self.chipsReplaced.emit()

    def set_compact(self, compact: bool) -> None:
        """One row that scrolls sideways, no explaining line (True); or as many rows as needed (False)."""
        self._compact = compact
        self._chip_row.set_wraps(not compact)
        self.strip.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if compact else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.rule_label.setVisible(not compact)
        self._fit_height()

    @property
    def compact(self) -> bool:
        return self._compact

    @property
    def wanted(self) -> bool:
        """Whether the reader wants the chips shown."""
        return self._wanted

    def set_wanted(self, wanted: bool) -> None:
        """Show the chips (when the article has keywords) or hide them, as the reader chose."""
        self._wanted = wanted
        self._show()

    def selected(self) -> list[str]:
        """The checked keywords."""
        return [keyword for keyword, chip in self.chips.items() if chip.isChecked()]

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show how many sections mention each keyword."""
        self._counts = dict(counts)
        for keyword, chip in self.chips.items():
            chip.setText(f"{plain_text.action_text(keyword)}  {counts.get(keyword, 0)}")
            chip.setEnabled(counts.get(keyword, 0) > 0 or chip.isChecked())
            self._describe(keyword)
        self._fit_height()

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = watched is self.strip and event.type() == QEvent.Type.Resize
        if resized or (watched is self.strip.widget() and event.type() == QEvent.Type.LayoutRequest):
            self._fit_height()  # a new width, or chips of new sizes (counts, a new style)
        return False

    @Slot()
    def _on_chip_toggled(self) -> None:
        self._show_rule()
        for keyword in self.chips:
            self._describe(keyword)
        self.selectionChanged.emit(self.selected())

    def _strip(self) -> ChipStrip:
        strip = ChipStrip(self._heights, objectName="keywordStrip", widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        strip.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        strip.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chips take the focus, not the strip around them
        chips = QWidget(objectName="keywordChips")
        chips.setLayout(self._chip_row)
        strip.setWidget(chips)
        strip.installEventFilter(self)
        chips.installEventFilter(self)
        return strip

    def _fit_height(self) -> None:
        """The window's layout asks the strip for its height again (see ChipStrip)."""
        self.strip.updateGeometry()

    def _heights(self) -> tuple[int, int]:
        """(the height of the chips' rows, of one row): the line under them never overlaps them."""
        margins = self._chip_row.contentsMargins()
        row = max((chip.sizeHint().height() for chip in self.chips.values()), default=0) + margins.top() + margins.bottom()
        if not self._compact:
            return self._chip_row.heightForWidth(self.strip.maximumViewportSize().width()), row
        if self._chip_row.one_row_width() > self.strip.maximumViewportSize().width():
            row += self.strip.horizontalScrollBar().sizeHint().height()
        return row, row

    def _show(self) -> None:
        self.setVisible(bool(self.chips) and self._wanted)

    def _describe(self, keyword: str) -> None:
        """What a screen reader says for a chip: the keyword, how many sections, whether it is chosen."""
        chip, count = self.chips[keyword], self._counts.get(keyword)
        counted = "" if count is None else f", {count} {'section' if count == 1 else 'sections'}"
        chip.setAccessibleName(f"{plain_text.one_line(keyword)}{counted}")
        state = "Selected" if chip.isChecked() else "Not selected"
        chip.setAccessibleDescription(f"{state}. Shows only the sections that mention {plain_text.one_line(keyword)}.")

    def _show_rule(self) -> None:
        chosen = self.selected()
        if chosen:
            self.rule_label.setText("Showing sections that mention all of: " + ", ".join(chosen))
        else:
            self.rule_label.setText("Tap topics to show only the sections that mention all of them.")


class ChipStrip(QScrollArea):
    """The scroll area the chips sit in: it asks for the height of their rows, and takes no less than one.

    A window shrinking fast may squeeze the rows for a moment, until it is small enough for the one
    row that scrolls (see viewer.ui.adaptive_layout).
    """

    def __init__(self, heights: Callable[[], tuple[int, int]], **properties: object) -> None:
        super().__init__(**properties)
        self._heights = heights
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._heights()[0])

    def minimumSizeHint(self) -> QSize:
        wanted, row = self._heights()
        return QSize(super().minimumSizeHint().width(), min(wanted, row))
