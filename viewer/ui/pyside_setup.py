"""PySide's own start-up work that the viewer does not need, switched off once, right after PySide6.QtCore loads.

PySide replaces ``import`` with a hook that, after every module imported from then on, reads the
module's source (``inspect.getsource``) to learn whether it uses ``from __feature__ import …``
(snake_case names, true properties). The viewer never does; reading the source of the hundred-odd
modules it imports costs 20–60 ms and several megabytes at start-up. The hook asks
``shibokensupport.feature.feature_imported`` which modules it serves; answering "ignore" (-1, the
documented value) for every module without reading it switches the scan off and nothing else.
tests/ui/test_pyside_setup.py checks that the switch is still there in the PySide6 versions the
project allows, so an upgrade that renames it fails loudly instead of quietly costing the time again.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - loads shibokensupport, which holds the switch

IGNORE = -1  # "this module is not switched", in shibokensupport.feature's own terms


def stop_feature_scan() -> bool:
    """Make PySide's import hook ignore every module imported from now on; False if this PySide has no such switch."""
    feature = sys.modules.get("shibokensupport.feature")
    features = getattr(feature, "pyside_feature_dict", None)
    if not callable(getattr(feature, "feature_imported", None)) or not isinstance(features, dict):
        return False

    def ignore_without_reading(module: ModuleType) -> None:
        name = getattr(module, "__name__", None)
        if name is not None:
            features.setdefault(name, IGNORE)

    feature.feature_imported = ignore_without_reading
    return True
