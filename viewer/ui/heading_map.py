"""Where each section is in the pane's document: anchor ↔ heading block, and the y position of each.

Headings carry no anchors in the HTML (Qt's import slows down with the square of their number), but
they are the document's only heading blocks, in section order: the n-th heading block is the n-th
anchor. Blocks are found as the document grows; where they are on screen is asked of the layout only
for the few a question needs, so a 10,000-section article is never laid out whole just to find the
section at the top.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from PySide6.QtGui import QTextBlock, QTextDocument


class HeadingMap:
    """The heading blocks of one document, found as it grows (call :meth:`scan` after adding text)."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._anchors: tuple[str, ...] = ()
        self._blocks: list[QTextBlock] = []
        self._numbers: dict[str, int] = {}
        self._scanned = 0  # blocks of the document looked at so far

    def reset(self, anchors: tuple[str, ...]) -> None:
        """A new document for the sections with *anchors*: forget every block (they died with the old one)."""
        self._anchors, self._blocks, self._numbers, self._scanned = anchors, [], {}, 0

    def scan(self) -> list[QTextBlock]:
        """Find the heading blocks added since the last scan; return them."""
        found = len(self._blocks)
        block = self._document.findBlockByNumber(self._scanned)
        while block.isValid() and len(self._blocks) < len(self._anchors):
            if block.blockFormat().headingLevel() > 0:
                self._numbers[self._anchors[len(self._blocks)]] = len(self._blocks)
                self._blocks.append(block)
            block = block.next()
        self._scanned = self._document.blockCount()
        return self._blocks[found:]

    @property
    def anchors(self) -> tuple[str, ...]:
        """Every section's anchor, in document order, whether in the pane yet or not."""
        return self._anchors

    def __len__(self) -> int:
        """How many headings are in the pane."""
        return len(self._blocks)

    def __contains__(self, anchor: object) -> bool:
        return anchor in self._numbers

    def number(self, anchor: str) -> int | None:
        """The section number of *anchor* if its heading is in the pane."""
        return self._numbers.get(anchor)

    def top(self, anchor: str) -> float | None:
        """The y position of the heading of *anchor* in document coordinates; None if it is not in the pane."""
        number = self._numbers.get(anchor)
        return None if number is None else self._y(number)

    def section_at(self, y: float) -> str:
        """The anchor of the last heading at or above *y*; the first section's when none is."""
        if not self._blocks:
            return ""
        found = bisect.bisect_right(range(len(self._blocks)), y, key=self._y) - 1
        return self._anchors[max(found, 0)]

    def sections_between(self, top: float, bottom: float) -> list[str]:
        """Anchors of the sections with text between *top* and *bottom*, top to bottom."""
        first = self.section_at(top)
        start = bisect.bisect_right(range(len(self._blocks)), top, key=self._y)
        end = bisect.bisect_left(range(len(self._blocks)), bottom, lo=start, key=self._y)
        names = list(self._anchors[start:end])
        return ([first] if first and first not in names else []) + names

    def section_texts(self) -> Iterator[tuple[str, int, str]]:
        """(anchor, document position, text) of every section in the pane, as it shows it."""
        raw = self._document.toRawText()
        starts = [block.position() for block in self._blocks]
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else len(raw)
            yield self._anchors[number], start, raw[start:end]

    def layout_steps(self, characters_per_step: int = 50_000) -> Iterator[None]:
        """Lay the whole document out, about *characters_per_step* characters per step (5-10 ms).

        Qt lays long documents out in idle moments by itself; meanwhile the first jump far down
        lays out everything above it at once. Stepping through it between other events gets that
        over with early. By characters, not sections: one section may hold megabytes.
        """
        layout = self._document.documentLayout()
        block, characters = self._document.begin(), 0
        while block.isValid():
            characters += block.length()
            if characters >= characters_per_step:
                layout.blockBoundingRect(block)
                characters = 0
                yield
            block = block.next()
        layout.blockBoundingRect(self._document.lastBlock())

    def _y(self, number: int) -> float:
        return self._document.documentLayout().blockBoundingRect(self._blocks[number]).top()
