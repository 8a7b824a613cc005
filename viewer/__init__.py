"""Ketamine Viewer: an offline reader for one Markdown article, its sections and its keywords."""

from __future__ import annotations

__version__ = "1.0.0"
APP_NAME = "Ketamine Viewer"


def main(argv: list[str]) -> int:
    """Run the program with a whole command line (program name first); return the exit status."""
    from viewer.cli import run  # imported here so that ``import viewer`` stays cheap

    return run(argv)


def _console_main() -> int:
    """Entry point of the ``ketamine-viewer`` command."""
    import sys

    return main(sys.argv)
