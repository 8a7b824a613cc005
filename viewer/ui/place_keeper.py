"""Picking up where the reader left off: the place is kept in the settings as they read, and gone back to at start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from viewer.core.reading_place import StartPlace, remember_place
from viewer.core.settings import Settings, SettingsError
from viewer.ui.reading_trail import ReadingTrail

SAVE_AFTER_MS = 3000  # the reader has stopped moving for this long: keep the place, in case the machine is switched off


class PlaceKeeper(QObject):
    """Writes the reading place to the settings a few seconds after the reader stops, and when asked to.

    Signals:
        note(str): something for the status bar (a place that could not be gone back to, a settings file not saved).
    """

    note = Signal(str)

    def __init__(self, settings: Settings | None, trail: ReadingTrail, own_anchor: Callable[[str], str], parent: QObject) -> None:
        """*own_anchor*: the article's anchor for a fragment given from outside (a link's, GitHub's, in any case)."""
        super().__init__(parent)
        self._settings, self._trail, self._own_anchor = settings, trail, own_anchor
        self._start: StartPlace | None = None
        self._said_save_failed = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_AFTER_MS)
        self._timer.timeout.connect(self.save)

    def start_at(self, place: StartPlace) -> None:
        """Go to *place* once the article is first painted (the pane has its real size only then)."""
        self._start = place

    @Slot()
    def first_painted(self) -> None:
        """The pane is on screen at its real size: go to the start place."""
        place, self._start = self._start, None
        if place is not None and place.note:  # said now: whatever the window said while opening stays before it
            self.note.emit(place.note)
        if place is None or not place.anchor:
            return
        if not self._trail.show_place(self._own_anchor(place.anchor), place.position) and not place.restored:
            self.note.emit(f"There is no section “{place.anchor}” in this article; it opened at the top.")

    @Slot()
    def reader_moved(self) -> None:
        """The reader moved: keep the place once they stop."""
        if self._settings is not None:
            self._timer.start()

    def remember(self) -> None:
        """Put the place the reader is at in the settings (they are saved with the window's, on closing)."""
        self._timer.stop()
        if self._settings is None:
            return  # a window without settings (a test, a kiosk that must not remember) keeps nothing
        here = self._trail.here()
        remember_place(self._settings, Path(here.article) if here.article else None, here.anchor, here.position)

    @Slot()
    def save(self) -> None:
        """Keep the place in the settings file now."""
        self.remember()
        if self._settings is None:
            return
        try:
            self._settings.save()
        except SettingsError as error:
            if not self._said_save_failed:  # once: the reader cannot do anything about it mid-article
                self._said_save_failed = True
                self.note.emit(str(error))
