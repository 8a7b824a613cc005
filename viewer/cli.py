"""The command line: options, outline, self-test and PDF handouts without a window, and errors as one line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from viewer import APP_NAME, __version__
from viewer.core.article import Article
from viewer.core.errors import ArticleError
from viewer.core.loader import load_article
from viewer.core.logs import DEBUG_VARIABLE, debug_categories, start_debug_log
from viewer.core.reading_place import StartPlace, start_place
from viewer.core.render_cache import RenderCache
from viewer.core.resources import DEFAULT_ARTICLE, resource_path
from viewer.core.section_link import split_section_link

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
WORKER_OPTION = "--render-worker"  # hidden: see viewer.core.render_worker


def build_parser(prog: str) -> argparse.ArgumentParser:
    """The program's options."""
    parser = argparse.ArgumentParser(prog=prog, description=f"{APP_NAME}: read an article offline.")
    parser.add_argument(
        "path", nargs="?", metavar="PATH[#ANCHOR]", help="Markdown file to open instead of the bundled article, at a section"
    )
    parser.add_argument("--section", action="append", default=[], metavar="ANCHOR", help="open at this section")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--outline", action="store_true", help="print the section tree and exit")
    parser.add_argument("--self-test", action="store_true", help="check the bundled article, stylesheet and search, then exit")
    parser.add_argument(
        "--export-pdf",
        type=Path,
        metavar="OUT.pdf",
        help="write a handout of the article, or of each --section given (with its subsections), as a PDF and exit",
    )
    parser.add_argument("--paper", choices=["a4", "letter"], help="paper size of --export-pdf (default: the usual one here)")
    parser.add_argument(
        "--quit-after-first-paint", action="store_true", help="exit as soon as the article has been painted (for benchmarks)"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="render the article afresh, neither reading nor writing the render cache"
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"log why pictures, links and sections show as they do, to stderr and the log file (or set {DEBUG_VARIABLE})",
    )
    kiosk = parser.add_argument_group("kiosk mode", "an unattended touch screen (see docs/kiosk.md)")
    kiosk.add_argument(
        "--kiosk", nargs="?", const="", metavar="PATH", help="full screen, locked, resetting itself; PATH: the article to show"
    )
    kiosk.add_argument("--config", type=Path, metavar="PATH", help="the kiosk configuration file (default: the system-wide one)")
    kiosk.add_argument(
        "--idle-reset", type=_seconds, metavar="SECONDS", help="start again after this long without a touch (0: never)"
    )
    kiosk.add_argument(
        "--set-kiosk-pin", action="store_true", help="ask for the administrator's PIN and keep its hash in the configuration"
    )
    return parser


def _seconds(text: str) -> int:
    if not text.isdigit() or int(text) > 86400:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of seconds from 0 to 86400")
    return int(text)


def run(argv: list[str]) -> int:
    """Parse *argv* (program name first) and do what it asks; return the exit status."""
    if argv[1:] == [WORKER_OPTION]:  # the program started again as its own render worker
        from viewer.core.render_worker import serve

        serve()
    prog = Path(argv[0]).stem if argv and not argv[0].endswith("__main__.py") else "ketamine-viewer"
    try:
        options = build_parser(prog).parse_args(argv[1:])
    except SystemExit as exit_request:
        return int(exit_request.code or 0)
    start_debug_log(debug_categories(options.debug, os.environ.get(DEBUG_VARIABLE, "")))
    if options.self_test:
        from viewer.selftest import run_self_test

        return run_self_test()
    if options.set_kiosk_pin:
        from viewer.kiosk_cli import set_kiosk_pin

        return set_kiosk_pin(prog, options.config)
    path, link_anchor = split_section_link(options.path) if options.path else (None, None)
    anchors = ([link_anchor] if link_anchor else []) + options.section
    cache = RenderCache.off() if options.no_cache else RenderCache.standard()
    if options.outline or options.export_pdf:
        try:
            article = load_article(path or resource_path(DEFAULT_ARTICLE), cache)
        except ArticleError as error:
            print(f"{prog}: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if options.outline:
            return print_outline(article)
        return export_pdf(prog, article, anchors, options.export_pdf, options.paper)
    from viewer.kiosk_cli import KioskUsageError, plan_kiosk

    try:
        plan = plan_kiosk(options.kiosk, path, options.config, options.idle_reset)
    except KioskUsageError as error:
        print(f"{prog}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if plan is not None:
        for problem in plan.problems:
            print(f"{prog}: {problem}", file=sys.stderr)  # and on the screen, for the administrator
        from viewer.ui.app import run_kiosk

        return run_kiosk(plan, argv, quit_after_first_paint=options.quit_after_first_paint)
    return open_window(prog, argv, path, anchors, options.quit_after_first_paint, cache)


def open_window(
    prog: str, argv: list[str], path: Path | None, anchors: list[str], quit_after_first_paint: bool, cache: RenderCache
) -> int:
    """Open the window on the article and section asked for, or where the reader left off."""
    from viewer.core.settings import Settings

    settings = Settings.load()
    place = start_place(path, anchors[0] if anchors else None, settings)
    try:
        article = load_article(place.path or resource_path(DEFAULT_ARTICLE), cache)
    except ArticleError as error:
        if not place.restored:
            print(f"{prog}: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
        article = load_article(resource_path(DEFAULT_ARTICLE), cache)  # the last article broke since: the bundled one opens
        place = StartPlace(None, note=f"The article read last cannot be opened ({error}); showing the bundled article.")
    from viewer.ui.app import run_window

    return run_window(article, argv, settings, place, quit_after_first_paint=quit_after_first_paint)


def export_pdf(prog: str, article: Article, anchors: list[str], destination: Path, paper: str | None) -> int:
    """Write a handout of *article* (or of the sections *anchors* name) to *destination*; 2 with one line on a bad input."""
    from viewer.core.handout import UnknownSection, make_handout

    try:
        handout = make_handout(article, anchors)
    except UnknownSection as error:
        print(f"{prog}: {article.path}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    problem = _unwritable_reason(destination, article)
    if problem:
        print(f"{prog}: {destination}: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from viewer.ui.handout import export_pdf_headless

    try:
        pages, paper_name = export_pdf_headless(handout, destination, paper)
    except OSError as error:
        print(f"{prog}: {destination}: cannot be written ({error.strerror or error})", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"{destination}: {pages} page{'s' if pages != 1 else ''} ({paper_name})")
    return EXIT_OK


def _unwritable_reason(destination: Path, article: Article) -> str:
    """Why the PDF cannot go to *destination*, found before any work is done; '' when it may."""
    if not destination.parent.is_dir():
        return f"cannot be written: the folder {destination.parent} does not exist"
    if destination.is_dir():
        return "cannot be written: it is a folder"
    if article.path is not None and destination.exists() and destination.resolve() == article.path.resolve():
        return "is the article itself; choose another name for the PDF"
    return ""


def print_outline(article: Article) -> int:
    """Print the section tree to stdout."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # a Windows pipe may not encode every title: never crash on one
            stream.reconfigure(errors="replace")
    for warning in article.warnings:
        print(f"warning: {article.path}: {warning}", file=sys.stderr)
    try:
        print(article.outline(), flush=True)
    except BrokenPipeError:  # `--outline | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # else Python's exit flush fails again
        return EXIT_FAILURE
    return EXIT_OK
