"""The floor: the least a PySide6 program can do to show text — one window, one QTextBrowser, one line of HTML.

Run it like the viewer: ``python benchmarks/floor.py --quit-after-first-paint`` prints the same
first-paint report as the viewer (viewer/paint_report.py: when, the CPU time so far, the enum classes
PySide built, the modules imported) and exits 0 right after the text pane first painted its text.
It imports nothing but PySide6 and the standard library, so that it can also be frozen with
PyInstaller; that is why the report is written out again here rather than imported.
"""

import sys
import time

from PySide6.QtWidgets import QApplication, QTextBrowser


def qt_enum_classes() -> int:
    """How many enum classes PySide has built in this process so far (as viewer.paint_report counts them)."""
    import enum

    seen, waiting = set(), [enum.Enum]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            if subclass not in seen:
                seen.add(subclass)
                waiting.append(subclass)
    return sum(1 for kind in seen if (kind.__module__ or "").startswith(("PySide6", "shiboken6")))


def peak_memory_kib() -> int:
    """This program's peak resident memory so far (viewer.paint_report.peak_memory_kib)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except (OSError, ValueError):
        return 0


def report_first_paint() -> None:
    """The viewer's first-paint report (viewer.paint_report.report_first_paint)."""
    moment, cpu = time.monotonic(), time.process_time()
    modules = sorted(sys.modules)
    counts = f"enums={qt_enum_classes()} modules={len(modules)} peak_kib={peak_memory_kib()}"
    print(f"first-paint clock={moment:.6f} cpu={cpu:.6f} {counts}")
    print("first-paint-modules " + " ".join(modules), flush=True)


class FloorView(QTextBrowser):
    """A text browser that says when it first painted its text, as the viewer's article pane does."""

    def __init__(self, quit_after_first_paint: bool) -> None:
        super().__init__()
        self._quit_after_first_paint = quit_after_first_paint
        self._painted = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted and not self.document().isEmpty():
            self._painted = True
            if self._quit_after_first_paint:
                report_first_paint()
                QApplication.instance().exit(0)


def main(argv: list[str]) -> int:
    """Show the window; with --quit-after-first-paint, exit once its text has been painted."""
    app = QApplication(argv)
    view = FloorView(quit_after_first_paint="--quit-after-first-paint" in argv)
    view.setHtml("<p>Ketamine for <b>Treatment-Resistant Depression</b></p>")
    view.resize(1200, 820)
    view.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
