"""The tree's filter: shows the sections a search found plus their ancestors, with hit counts."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from viewer.core.themes import LIGHT, Theme
from viewer.ui import plain_text
from viewer.ui.section_delegate import HITS_ROLE
from viewer.ui.section_model import MATCH_ROLE, NUMBER_ROLE

if TYPE_CHECKING:
    from viewer.core.search import SearchResult, SectionHits

_Index = QModelIndex | QPersistentModelIndex
_FUZZY = attrgetter("fuzzy")
_ANSWER_ROLES = frozenset(
    int(role)
    for role in (
        HITS_ROLE,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.AccessibleTextRole,
    )
)  # the roles a search answers differently: data() looks a row's hits up only for these


class SectionFilterProxy(QSortFilterProxyModel):
    """Obeys a SearchResult: it never matches anything itself, it only asks the result."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The model tags the hits and their ancestors itself: with recursive filtering off, the
        # proxy never scans below a row it hides.
        self.setFilterRole(MATCH_ROLE)  # the filtering itself runs in C++: no Python call per row
        self._result: SearchResult | None = None
        self._ranks: dict[int, int] = {}
        self._mentions: dict[int, list[str]] = {}
        self._fuzzy_by_section: dict[int, bool] | None = None
        self._subtree_fuzzy: dict[int, bool] = {}
        self._context_font = QFont()
        self._context_font.setItalic(True)
        self.set_theme(LIGHT)

    def set_theme(self, theme: Theme) -> None:
        """Grey the context rows in *theme*'s colour for them."""
        self._context_brush = QBrush(QColor(theme.colours["context_text"]))

    def set_result(
        self, result: SearchResult | None, ranks: dict[int, int] | None = None, mentions: dict[int, list[str]] | None = None
    ) -> bool:
        """Show only what *result* found (everything when None); True when the rows shown changed.

        With *ranks* (a question's answer), each found row's badge is its place by relevance instead
        of its hit count, and *mentions* says in its tooltip which of the words typed it mentions.
        When the same sections match as before (typing on through a word usually does), only the
        badges are repainted: the rows, their order and what the reader expanded all stay.
        """
        fuzzy_by_section = dict(zip(result.sections, map(_FUZZY, result.sections.values()), strict=True)) if result else None
        self._result, self._subtree_fuzzy = result, {}
        self._ranks, self._mentions = ranks or {}, mentions or {}
        if fuzzy_by_section == self._fuzzy_by_section:
            return False  # the counts come from the result in data(): the view only needs a repaint
        self._fuzzy_by_section = fuzzy_by_section
        # A reset, then the new pattern: the tree drops its row mapping at once instead of being told
        # of thousands of removals and insertions (seconds at 10,000 sections), and the new filter
        # runs on an empty mapping, row by row only as the tree asks for them.
        self.beginResetModel()
        pattern = self.sourceModel().tag_shown(fuzzy_by_section or ()) if result else ""
        self.endResetModel()
        self.setFilterRegularExpression(pattern)  # "" shows every row
        flags = set((fuzzy_by_section or {}).values())
        self.sort(0 if len(flags) == 2 else -1)  # exact hits above approximate ones, else document order
        return True

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self._result, self._fuzzy_by_section, self._subtree_fuzzy = None, None, {}
        self.setFilterRegularExpression("")  # the previous model's tags mean nothing here
        super().setSourceModel(model)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        source = self.sourceModel()
        left_key = (self._fuzzy_below(source.section(left)), left.data(NUMBER_ROLE))
        return left_key < (self._fuzzy_below(source.section(right)), right.data(NUMBER_ROLE))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        value = super().data(index, role)
        if self._result is None or role not in _ANSWER_ROLES or not index.isValid():
            return value  # a painted row asks for eight roles: most are the model's own
        number = super().data(index, NUMBER_ROLE)
        hits = self._result.sections.get(number)
        if role == HITS_ROLE:
            return self._badge(number, hits) if hits else None
        if role == Qt.ItemDataRole.ToolTipRole and hits and number in self._ranks:
            return self._ranked_tooltip(self._title(index), number, hits)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # what a screen reader says for the row: its badge too
            return _spoken(plain_text.one_line(self._title(index)), hits, self._ranks.get(number))
        if role == Qt.ItemDataRole.ToolTipRole and (not hits or hits.fuzzy):
            why = "Approximate match for what you typed" if hits else "Shown as context: a section below it matches"
            return plain_text.tooltip(f"{self._title(index)}\n{why}")
        if role == Qt.ItemDataRole.ForegroundRole and not hits:
            return self._context_brush
        if role == Qt.ItemDataRole.FontRole and not hits:
            return self._context_font
        return value

    def _badge(self, number: int, hits: SectionHits) -> str:
        rank = self._ranks.get(number)
        return f"#{rank}" if rank is not None else f"{'≈' if hits.fuzzy else ''}{hits.count}"

    def _title(self, index: _Index) -> str:
        return self.sourceModel().section(self.mapToSource(index)).title

    def _ranked_tooltip(self, title: str, number: int, hits: SectionHits) -> str:
        lines = [title, f"Answer {self._ranks[number]} by relevance"]
        if self._mentions.get(number):
            lines.append("Mentions " + ", ".join(f"“{word}”" for word in self._mentions[number]))
        lines.append(f"{hits.count} {'hit' if hits.count == 1 else 'hits'}{', approximate' if hits.fuzzy else ''}")
        return plain_text.tooltip("\n".join(lines))

    def _fuzzy_below(self, section) -> bool:
        """False when this section or one below it matched exactly."""
        if section.number not in self._subtree_fuzzy:
            hits = self._result.sections.get(section.number) if self._result else None
            own = hits.fuzzy if hits else True
            self._subtree_fuzzy[section.number] = own and all(self._fuzzy_below(c) for c in section.children)
        return self._subtree_fuzzy[section.number]


def _spoken(title: str, hits: SectionHits | None, rank: int | None) -> str:
    if hits is None:
        return f"{title}, no match here: a section below it matches"
    matches = f"{hits.count} {'match' if hits.count == 1 else 'matches'}"
    answer = f"answer {rank} by relevance, " if rank is not None else ""
    return f"{title}, {answer}{matches}{', approximate' if hits.fuzzy else ''}"
