"""Text size: the steps Larger and Smaller go through, and the point sizes of a style sheet scaled by them.

A step multiplies every text size the style sheets give, so headings keep their proportions to the
body text. A base factor sits under the steps: a kiosk, read from further away, starts larger
(:meth:`TextSize.with_base_points`) and the reader's steps go on from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

STEP_FACTORS = (0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
"""What each step multiplies the text size by, smallest first (as browsers' zoom levels go)."""
NORMAL_INDEX = STEP_FACTORS.index(1.0)
SMALLEST_STEP, LARGEST_STEP = -NORMAL_INDEX, len(STEP_FACTORS) - 1 - NORMAL_INDEX

_POINTS = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)pt\b")
_BODY_POINTS = re.compile(r"\bbody\s*\{[^}]*?\bfont-size:\s*(\d+(?:\.\d+)?)pt", re.DOTALL)
NORMAL_BODY_POINTS = 12.0
"""The body size when a style sheet does not say."""


@dataclass(frozen=True)
class TextSize:
    """A step from normal (0), over a base factor (1.0 but in a kiosk)."""

    step: int = 0
    base: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "step", max(SMALLEST_STEP, min(LARGEST_STEP, self.step)))

    @property
    def factor(self) -> float:
        """What every text size is multiplied by."""
        return self.base * STEP_FACTORS[NORMAL_INDEX + self.step]

    @property
    def percent(self) -> int:
        """The step alone as a percentage of normal, as the reader is told it (``150``)."""
        return round(STEP_FACTORS[NORMAL_INDEX + self.step] * 100)

    def larger(self) -> TextSize:
        return replace(self, step=self.step + 1)

    def smaller(self) -> TextSize:
        return replace(self, step=self.step - 1)

    def normal(self) -> TextSize:
        return replace(self, step=0)

    def with_base_points(self, body_points: float, stylesheet: str) -> TextSize:
        """The same step over a base at which *stylesheet*'s body text is *body_points* large."""
        return replace(self, base=body_points / body_points_of(stylesheet))


def body_points_of(stylesheet: str) -> float:
    """The body text size *stylesheet* sets, in points."""
    found = _BODY_POINTS.search(stylesheet)
    return float(found[1]) if found else NORMAL_BODY_POINTS


def scale_points(stylesheet: str, factor: float) -> str:
    """*stylesheet* with every size given in points multiplied by *factor*."""
    if factor == 1.0:
        return stylesheet
    return _POINTS.sub(lambda size: f"{float(size[1]) * factor:.5g}pt", stylesheet)
