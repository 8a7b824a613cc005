"""Qt-free heart of the viewer: parsing, rendering, sanitizing, search and settings.

Nothing under this package may import PySide6; ``tests/core/test_qt_free.py`` enforces it.
"""
