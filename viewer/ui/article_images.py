"""Pictures in an article: only plain raster files from the article's folder, of a sane size, are decoded."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QImage, QImageReader

from viewer.core.links import read_resource

MAX_IMAGE_PIXELS = 25_000_000  # 100 MB decoded: more than any screen shows, less than a kiosk can spare
IMAGE_FORMATS = frozenset({"png", "jpeg", "gif", "bmp", "webp"})
"""Plain raster pictures only: Qt's SVG and PDF readers parse far more than an article picture needs."""

log = logging.getLogger("viewer.images")


def image_source(url: QUrl, folder: Path | None) -> str:
    """The ``src`` Qt asks for, as the article wrote it; a ``file:`` URL only when it points into *folder*."""
    if not url.isLocalFile():
        return bytes(url.toEncoded().data()).decode("ascii")
    if folder is None or not Path(url.toLocalFile()).is_relative_to(folder):
        return ""
    return quote(Path(url.toLocalFile()).relative_to(folder).as_posix())


def can_show_image(folder: Path | None, src: str) -> bool:
    """Whether :func:`load_image` would give a picture; pass it to ``ArticleRenderer(image_check=…)``."""
    return _checked_reader(folder, src) is not None


def load_image(folder: Path | None, src: str) -> QImage:
    """The picture *src* names inside *folder*, or an empty QImage when it may not or cannot be shown."""
    checked = _checked_reader(folder, src)
    image = checked[0].read() if checked else QImage()
    if checked and image.isNull():
        log.debug("picture %r not shown: it could not be decoded (%s)", src, checked[0].errorString())
    return QImage() if image.isNull() else image


def _checked_reader(folder: Path | None, src: str) -> tuple[QImageReader, QBuffer] | None:
    """A reader for an allowed file of an allowed format and size (the buffer must outlive it)."""
    data = read_resource(folder, src) if folder is not None and src else None
    if not data:
        log.debug("picture %r not shown: not a readable file inside the article's folder %s", src, folder)
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    kind = bytes(reader.format().data()).decode("ascii", "replace")
    if kind not in IMAGE_FORMATS or not size.isValid():
        log.debug("picture %r not shown: %s is not one of %s", src, kind or "its format", ", ".join(sorted(IMAGE_FORMATS)))
        return None
    if size.isEmpty() or size.width() * size.height() > MAX_IMAGE_PIXELS:
        log.debug("picture %r not shown: %d x %d pixels is empty or too large", src, size.width(), size.height())
        return None
    return reader, buffer
