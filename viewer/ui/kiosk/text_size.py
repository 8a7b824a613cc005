"""The kiosk's larger base text: the article's style sheet with every point size scaled to the configured body size."""

from __future__ import annotations

import re

_POINTS = re.compile(r"(?P<size>\d+(?:\.\d+)?)pt\b")
_BODY_SIZE = re.compile(r"body\s*\{[^}]*?font-size:\s*(?P<size>\d+(?:\.\d+)?)pt", re.DOTALL)
NORMAL_BODY_POINTS = 12.0  # when the style sheet does not say


def body_points(stylesheet: str) -> float:
    """The body text size the style sheet sets, in points."""
    found = _BODY_SIZE.search(stylesheet)
    return float(found.group("size")) if found else NORMAL_BODY_POINTS


def scaled_stylesheet(stylesheet: str, body_size: float) -> str:
    """*stylesheet* with its body text at *body_size* points and every other point size in proportion.

    Qt's text zoom leaves sizes a style sheet sets in points as they are, so the sizes themselves change.
    """
    factor = body_size / body_points(stylesheet)
    return _POINTS.sub(lambda match: f"{float(match.group('size')) * factor:.4g}pt", stylesheet)


# Qt sizes a heading from the pane's own font, not from the style sheet: an h1 is twice that font, an h2
# one and a half times, an h3 1.2 times. With the pane's font at 0.9 of the body size, headings come out
# within 2 % of the style sheet's proportions (22, 16 and 13 pt over a 12 pt body).
HEADING_BASE_RATIO = 0.9


def base_zoom_step(normal_points: float, body_size: float) -> int:
    """The pane's zoom step (points over its normal font) that keeps headings in proportion to *body_size* text."""
    return round(body_size * HEADING_BASE_RATIO - normal_points)
