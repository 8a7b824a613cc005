"""The Qt shell: widgets that show the core's article, search and settings on screen.

Importing it loads PySide6.QtCore and switches off PySide's reading of every module imported afterwards
(:mod:`viewer.ui.pyside_setup`).
"""

from viewer.ui.pyside_setup import stop_feature_scan

stop_feature_scan()
