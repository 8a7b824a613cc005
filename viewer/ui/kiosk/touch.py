"""Touch first: a finger drag scrolls the tree and the article with momentum, and never selects text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QScroller, QScrollerProperties, QTextBrowser

_NO_OVERSHOOT = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff


def scroll_by_finger(area: QAbstractScrollArea) -> None:
    """Kinetic scrolling of *area* by dragging with a finger (or the mouse, which is what touch arrives as)."""
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setDragEnabled(False)
    if isinstance(area, QTextBrowser):
        # Links still answer a tap; a drag is never a text selection, and the keyboard cannot follow links.
        area.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(area.viewport())
    properties = scroller.scrollerProperties()
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, _NO_OVERSHOOT)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, _NO_OVERSHOOT)
    scroller.setScrollerProperties(properties)


def stop_scrolling(area: QAbstractScrollArea) -> None:
    """Stop a flick still gliding (before a reset puts the view back at the top)."""
    QScroller.scroller(area.viewport()).stop()
