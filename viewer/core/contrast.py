"""Contrast between two colours as WCAG 2 defines it: the ratio of their relative luminances.

Text needs 4.5:1 against its background (7:1 for the enhanced level, which the high-contrast theme
meets), focus indicators and the edges of controls 3:1.
"""

from __future__ import annotations

import re

TEXT_MINIMUM = 4.5
ENHANCED_TEXT_MINIMUM = 7.0
NON_TEXT_MINIMUM = 3.0

_HEX = re.compile(r"#([0-9a-fA-F]{6})")


def rgb(colour: str) -> tuple[int, int, int]:
    """The red, green and blue of a ``#rrggbb`` colour; ValueError for anything else."""
    match = _HEX.fullmatch(colour)
    if match is None:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    value = int(match[1], 16)
    return value >> 16, (value >> 8) & 0xFF, value & 0xFF


def relative_luminance(colour: str) -> float:
    """How bright *colour* looks, from 0 (black) to 1 (white), per WCAG 2."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (the same) to 21 (black on white), whichever of the two is lighter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
