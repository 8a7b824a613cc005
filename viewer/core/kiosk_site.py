"""Where the system-wide kiosk configuration lives: a question asked at every start, so it costs next to nothing.

The configuration itself is read by :mod:`viewer.core.kiosk_config`.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_DIR_NAME = "ketamine-viewer"
CONFIG_FILE = "kiosk.toml"


def site_config_path() -> Path:
    """The system-wide kiosk configuration: /etc/xdg/ketamine-viewer/kiosk.toml, %PROGRAMDATA%\\ketamine-viewer\\kiosk.toml."""
    return Path(platformdirs.site_config_dir(APP_DIR_NAME, appauthor=False)) / CONFIG_FILE
