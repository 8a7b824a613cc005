"""Reading colours off the screen: the contrast of what was really drawn, not of what was meant."""

from __future__ import annotations

import struct
from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from viewer.core.contrast import contrast_ratio

SOLID_PIXELS = 3  # a colour drawn at least this often is a solid part of a glyph, not an edge's blend


def colours(image: QImage) -> Counter[str]:
    """How many pixels of each colour *image* has."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)  # 0xffRRGGBB, rows padded to 4 bytes already
    pixels = Counter(value for (value,) in struct.iter_unpack("=I", bytes(image.constBits())[: image.sizeInBytes()]))
    return Counter({f"#{value & 0xFFFFFF:06x}": count for value, count in pixels.items()})


def drawn(widget: QWidget, area: QRect | None = None) -> Counter[str]:
    """The colours *widget* draws (in *area* of it), counted."""
    return colours((widget.grab(area) if area is not None else widget.grab()).toImage())


def text_contrast(counted: Counter[str]) -> tuple[float, str, str]:
    """(contrast, text colour, background): the background is the commonest colour, the text the solid
    colour that stands out most from it. Anti-aliased edges only blend towards the background, so a
    glyph's own colour is always the one that stands out most."""
    background = counted.most_common(1)[0][0]
    solid = [colour for colour, count in counted.items() if count >= SOLID_PIXELS and colour != background]
    if not solid:
        return 1.0, background, background
    text = max(solid, key=lambda colour: contrast_ratio(colour, background))
    return contrast_ratio(text, background), text, background
