"""Where the system-wide kiosk configuration lives: a question asked at every start, so it costs next to nothing.

The configuration itself is read by :mod:`viewer.core.kiosk_config`.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "ketamine-viewer"
CONFIG_FILE = "kiosk.toml"


def site_config_path() -> Path:
    """The system-wide kiosk configuration: /etc/xdg/ketamine-viewer/kiosk.toml, %PROGRAMDATA%\\ketamine-viewer\\kiosk.toml.

    On Linux every folder of XDG_CONFIG_DIRS is looked in, in its order of preference (Ubuntu's sessions
    set "/etc/xdg/xdg-ubuntu:/etc/xdg"); with no file in any, the place is in the last one, /etc/xdg in
    the usual lists, where the administrator's guide says it is.
    """
    folders = platformdirs.site_config_dir(APP_DIR_NAME, appauthor=False, multipath=True).split(os.pathsep)
    places = [Path(folder) / CONFIG_FILE for folder in folders if folder]
    return next((place for place in places if place.exists()), places[-1])
