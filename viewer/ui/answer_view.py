"""Shows a search's answer in the navigation pane: the tree's rows and badges, the lines about it, the empty state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from viewer.ui.hit_counter import HitCounter
from viewer.ui.navigation_pane import NavigationPane
from viewer.ui.section_filter import SectionFilterProxy

if TYPE_CHECKING:  # the search modules load after the first paint, not before
    from viewer.core.answers import Answer

RANKS_SHOWN = 20  # badges '#1' to '#20'; further down a place says little, the hit count more


class AnswerView:
    """Puts an Answer on screen; knows nothing of how it was found.

    A strict answer looks as the filter always did: hit counts, article order. A question's answer
    shows the place by relevance of its best RANKS_SHOWN sections (hit counts for the rest); best
    partial matches get a note above the tree naming the words no section mentions. Nothing found:
    the empty state with "did you mean" and topic chips.
    """

    def __init__(self, pane: NavigationPane, proxy: SectionFilterProxy) -> None:
        self._pane, self._proxy = pane, proxy
        self._counter = HitCounter(pane.hit_counter, pane.filter_edit)

    def show(self, answer: Answer, chosen: list[str]) -> bool:
        """Show *answer* (to what was typed and the *chosen* keywords); True when the tree's rows changed."""
        from viewer.core.answer_text import empty_message, partial_heading, status_text
        from viewer.core.answers import AnswerKind

        question = answer.read_as_question and bool(answer.sections)
        ranks = answer.ranks(RANKS_SHOWN) if question else None
        rows_changed = self._proxy.set_result(answer.result, ranks, answer.mentions or None)
        if not answer.sections:
            self._counter.clear()
            self._pane.show_status("")
            self._pane.show_answer_note(None)
            self._pane.show_empty_state(empty_message(answer, chosen), answer.suggestions())
            return rows_changed
        self._pane.show_empty_state(None)
        self._pane.show_status(status_text(answer))
        partial = answer.kind is AnswerKind.SOME_WORDS
        self._pane.show_answer_note(partial_heading(answer) if partial else None, answer.missing)
        if rows_changed:
            self._pane.section_tree.expandAll()
        else:  # same rows, new badges: telling the tree row by row would cost more than this
            self._pane.section_tree.viewport().update()
        return rows_changed

    def show_hit(self, answer: Answer, current: tuple[int, int] | None) -> None:
        """'Hit 2 of 5' for the *current* hit of *answer*."""
        if current:
            self._counter.show(answer.hit_number(current), answer.result.match_count)
        else:
            self._counter.clear()

    def clear(self) -> bool:
        """Show every section again, with nothing said about a search; True when the tree's rows changed."""
        rows_changed = self._proxy.set_result(None)
        self._pane.show_empty_state(None)
        self._pane.show_status("")
        self._pane.show_answer_note(None)
        self._counter.clear()
        return rows_changed
