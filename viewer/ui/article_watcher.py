"""Notices when the open article's file is changed or removed behind the viewer's back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

SETTLE_MS = 300  # editors save by writing a new file and renaming it: wait until that is done


class ArticleWatcher(QObject):
    """Watches one file.

    Signals:
        changed(Path): the file was rewritten and can be read again.
        vanished(Path): the file is gone (deleted, moved or its folder unmounted).
    """

    changed = Signal(Path)
    vanished = Signal(Path)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._path: Path | None = None
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._watcher.fileChanged.connect(self._settle.start)
        self._settle.timeout.connect(self._on_settled)

    def watch(self, path: Path | None) -> None:
        """Watch *path* instead of the previous file (nothing when None)."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self._path = path
        if path is not None and path.exists():
            self._watcher.addPath(str(path))

    @Slot()
    def _on_settled(self) -> None:
        if self._path is None:
            return
        if self._path.exists():
            self._watcher.addPath(str(self._path))  # a rename drops the watch: take it up again
            self.changed.emit(self._path)
        else:
            self.vanished.emit(self._path)
