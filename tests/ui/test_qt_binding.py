"""The Qt binding must not leak references to None, True or False.

PySide6 6.12.0 on CPython 3.11 drops one on every void call and every Signal(bool) emission; the
program then aborts ("none_dealloc") after a few thousand keystrokes. pyproject.toml keeps it out;
this test catches a release that brings the bug back.
"""

import sys

from PySide6.QtWidgets import QCheckBox, QLineEdit


def test_void_calls_and_bool_signals_keep_their_references(qtbot):
    edit, box = QLineEdit(), QCheckBox()
    qtbot.addWidget(edit)
    qtbot.addWidget(box)
    box.toggled.connect(lambda checked: None)
    singletons = (None, True, False)
    before = [sys.getrefcount(s) for s in singletons]
    for _ in range(200):
        edit.setText("x")
        box.toggle()
    lost = [b - sys.getrefcount(s) for s, b in zip(singletons, before, strict=True)]
    assert max(lost) < 50, f"references lost to None, True, False over 200 calls: {lost}"
