"""Runtime hook of the frozen Linux build, run before the viewer's own code.

The bundle carries Qt's xcb platform plugin and not the Wayland ones (bundle_rules.DROPPED_PLUGINS). On a
Wayland desktop Qt would first look for the Wayland plugin, warn that it is missing, then fall back to xcb,
which runs under XWayland; naming xcb up front skips the warning. A platform the user chose is kept.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
