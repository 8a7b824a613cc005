"""Ketamine Viewer: an offline reader for one Markdown article, its sections and its keywords."""

from __future__ import annotations

__version__ = "1.0.0"
APP_NAME = "Ketamine Viewer"


def main(argv: list[str]) -> int:
    """Run the program with a whole command line (program name first); return the exit status.

    A plain launch whose article the render cache holds opens its window at once (viewer.ui.first_frame);
    anything else goes through the command line (viewer.cli).
    """
    from viewer.core.quick_start import first_screen, plain_launch  # imported here so that ``import viewer`` stays cheap

    launch = plain_launch(argv)
    screen = first_screen(launch) if launch is not None else None
    if launch is not None and screen is not None:
        from viewer.ui.first_frame import run_first_frame

        return run_first_frame(screen, argv, launch.quit_after_first_paint)
    from viewer.cli import run

    return run(argv)


def _console_main() -> int:
    """Entry point of the ``ketamine-viewer`` command."""
    import sys

    return main(sys.argv)
