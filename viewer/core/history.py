"""Back and forward through the places a reader jumped to, as a browser keeps them.

A place is recorded when the reader jumps (a click in the tree, a link in the article, a search
step, a bookmark); scrolling only moves the reader within the current place, so each jump is
told where the reader was (*here*) and Back returns exactly there. Consecutive jumps of one
group (the steps of one search) make a single entry: Back after a search returns to where
the reader was before it.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_PLACES = 200


@dataclass(frozen=True)
class Place:
    """A reading position: which article (its path, '' for the bundled one), which section, how far into it."""

    article: str
    anchor: str
    position: int = 0  # characters from the section's start to the first text shown

    def same_section(self, other: Place) -> bool:
        """Whether *other* is in the same section of the same article."""
        return (self.article, self.anchor) == (other.article, other.anchor)


class History:
    """The places visited in one window, oldest first, with a current one."""

    def __init__(self, limit: int = MAX_PLACES) -> None:
        self._places: list[Place] = []
        self._current = -1
        self._group: str | None = None
        self._limit = limit

    @property
    def current(self) -> Place | None:
        """Where the reader last jumped to (or came back to), or None before any jump."""
        return self._places[self._current] if self._places else None

    @property
    def can_go_back(self) -> bool:
        """Whether there is a place before the current one."""
        return self._current > 0

    @property
    def can_go_forward(self) -> bool:
        """Whether there is a place after the current one."""
        return self._current < len(self._places) - 1

    def visit(self, place: Place, here: Place, group: str | None = None) -> None:
        """Record a jump from *here* to *place*; the places after the current one are dropped.

        Jumps of the same non-None *group* in a row replace each other; a jump to where the
        reader already is records nothing.
        """
        merge = group is not None and group == self._group
        self._group = group
        self._remember(here)
        if place == here:
            return
        if merge:
            self._places[self._current] = place
            del self._places[self._current + 1 :]
            return
        del self._places[self._current + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._current = len(self._places) - 1

    def back(self, here: Place) -> Place | None:
        """The place before the current one (the current one now remembering *here*), or None."""
        return self._step(here, -1)

    def forward(self, here: Place) -> Place | None:
        """The place after the current one, or None."""
        return self._step(here, +1)

    def clear(self) -> None:
        """Forget every place."""
        self._places.clear()
        self._current = -1
        self._group = None

    def _remember(self, here: Place) -> None:
        if self._places:
            self._places[self._current] = here
        else:
            self._places.append(here)
            self._current = 0

    def _step(self, here: Place, direction: int) -> Place | None:
        self._group = None
        if not self._places:
            return None
        self._places[self._current] = here
        target = self._current + direction
        # A place the reader is already at (they scrolled back to it) is no step: skip it.
        while 0 <= target < len(self._places) and self._places[target] == here:
            target += direction
        if not 0 <= target < len(self._places):
            return None
        self._current = target
        return self._places[target]
