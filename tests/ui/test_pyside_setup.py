"""PySide's scan of every imported module's source stays switched off, and the switch is still where the viewer looks."""

from __future__ import annotations

import subprocess
import sys
import textwrap

PROBE = """
import sys, pathlib, tempfile
folder = tempfile.mkdtemp()
pathlib.Path(folder, "probe_module.py").write_text("# uses PySide6, as far as a text search can tell\\n")
sys.path.insert(0, folder)
import PySide6.QtCore
import shibokensupport.feature as feature
{switch}
import probe_module
print(feature.pyside_feature_dict.get("probe_module"))
"""


def probe(switch: str) -> str:
    code = PROBE.format(switch=switch)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_pyside_still_scans_new_modules_by_default():
    assert probe("") == "0"  # read, found to mention PySide6: what the switch is there to stop


def test_the_viewer_switches_the_scan_off_for_every_module_imported_after_it():
    switch = textwrap.dedent("""
        from viewer.ui.pyside_setup import stop_feature_scan
        assert stop_feature_scan(), "this PySide6 has no shibokensupport.feature switch: see viewer/ui/pyside_setup.py"
        import inspect
        inspect.getsource = lambda module: (_ for _ in ()).throw(AssertionError(f"source of {module} read"))
    """)
    assert probe(switch) == "-1"


def test_importing_the_qt_shell_switches_it_off():
    assert probe("import viewer.ui") == "-1"
