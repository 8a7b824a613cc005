"""The command line: options, outline and self-test without a window, and errors as one line."""

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
from viewer.core.resources import DEFAULT_ARTICLE, resource_path

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
WORKER_OPTION = "--render-worker"  # hidden: see viewer.core.render_worker


def build_parser(prog: str) -> argparse.ArgumentParser:
    """The program's options."""
    parser = argparse.ArgumentParser(prog=prog, description=f"{APP_NAME}: read an article offline.")
    parser.add_argument("path", nargs="?", type=Path, help="Markdown file to open instead of the bundled article")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--outline", action="store_true", help="print the section tree and exit")
    parser.add_argument("--self-test", action="store_true", help="check the bundled article, stylesheet and search, then exit")
    parser.add_argument(
        "--quit-after-first-paint", action="store_true", help="exit as soon as the article has been painted (for benchmarks)"
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"log why pictures, links and sections show as they do, to stderr and the log file (or set {DEBUG_VARIABLE})",
    )
    return parser


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
    try:
        article = load_article(options.path or resource_path(DEFAULT_ARTICLE))
    except ArticleError as error:
        print(f"{prog}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if options.outline:
        return print_outline(article)
    from viewer.ui.app import run_window

    return run_window(article, argv, quit_after_first_paint=options.quit_after_first_paint)


def print_outline(article: Article) -> int:
    """Print the section tree to stdout."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # a Windows pipe may not encode every title: never crash on one
            stream.reconfigure(errors="replace")
    for warning in article.warnings:
        print(f"warning: {article.path}: {warning}", file=sys.stderr)
    print(article.outline())
    return EXIT_OK
