"""What the empty state offers instead of nothing: "Did you mean …" searches and the article's topics to try."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from viewer.ui import plain_text
from viewer.ui.flow_layout import FlowLayout


class SearchSuggestions(QWidget):
    """Two rows of chips: searches like what was typed, and the article's keywords.

    Signals:
        searchChosen(str): a "did you mean" chip was tapped; the search to run instead.
        topicChosen(str): a topic chip was tapped; the keyword to show.
    """

    searchChosen = Signal(str)
    topicChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchSuggestions")
        self.did_you_mean_label = plain_text.label("Did you mean:", objectName="suggestionHeading")
        self.topics_label = plain_text.label("Try a topic:", objectName="suggestionHeading")
        self._did_you_mean_row = FlowLayout(spacing=6)
        self._topics_row = FlowLayout(spacing=6)
        self.did_you_mean: list[QPushButton] = []
        self.topics: list[QPushButton] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 0, 8, 0)
        column.addWidget(self.did_you_mean_label)
        column.addLayout(self._did_you_mean_row)
        column.addWidget(self.topics_label)
        column.addLayout(self._topics_row)
        self.show_searches([])
        self.set_topics(())

    def show_searches(self, searches: list[str]) -> None:
        """Offer *searches* as "did you mean" chips; the row hides when there are none."""
        self.did_you_mean = self._replace_chips(self._did_you_mean_row, self.did_you_mean, searches, self.searchChosen)
        self.did_you_mean_label.setVisible(bool(searches))

    def set_topics(self, keywords: tuple[str, ...]) -> None:
        """The article's keywords, offered whenever nothing is found."""
        self.topics = self._replace_chips(self._topics_row, self.topics, list(keywords), self.topicChosen)
        self.topics_label.setVisible(bool(keywords))

    def _replace_chips(self, row: FlowLayout, old: list[QPushButton], texts: list[str], signal: Signal) -> list[QPushButton]:
        for chip in old:
            row.removeWidget(chip)
            chip.deleteLater()
        chips = []
        for text in texts:
            chip = QPushButton(
                plain_text.action_text(text), objectName="suggestionChip", cursor=Qt.CursorShape.PointingHandCursor
            )
            chip.clicked.connect(lambda _=False, chosen=text: signal.emit(chosen))
            row.addWidget(chip)
            chips.append(chip)
        return chips
