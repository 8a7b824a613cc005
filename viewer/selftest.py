"""``--self-test``: prove that an installed or frozen copy has everything it needs, without a window."""

from __future__ import annotations

import os
import sys
import time

from viewer import __version__
from viewer.core.article import Article
from viewer.core.loader import load_article
from viewer.core.query import SynonymTable
from viewer.core.render import ArticleRenderer
from viewer.core.render_worker import RenderWorker
from viewer.core.resources import DEFAULT_ARTICLE, bundled_resources, resource_path
from viewer.core.search import SearchIndex
from viewer.core.stylesheets import ArticleStyle, reading_stylesheet, window_stylesheet
from viewer.core.text_size import TextSize
from viewer.core.themes import THEMES


class SelfTestFailure(Exception):
    """A check that did not pass, with the reason in words."""


def run_self_test() -> int:
    """Run every check, print one summary line; 0 when all pass."""
    started = time.perf_counter()
    try:
        summary = _check_everything()
    except Exception as error:  # a self-test reports every failure as one line, whatever it is
        print(f"self-test FAILED: {error}", file=sys.stderr)
        return 1
    print(f"self-test passed in {time.perf_counter() - started:.2f} s: {summary}")
    return 0


def _check_everything() -> str:
    names = bundled_resources()
    for name in names:
        if not resource_path(name).is_file():
            raise SelfTestFailure(f"bundled resource {name} does not resolve")
    article = load_article(resource_path(DEFAULT_ARTICLE))
    rendered = ArticleRenderer().render(article)
    for theme in THEMES.values():  # every theme fills in every style sheet (a missing colour raises)
        window_stylesheet(theme)
        reading_stylesheet(theme, TextSize())
    stylesheet = ArticleStyle(THEMES["light"], TextSize()).css
    shown_text = _render_with_qt(rendered.html, stylesheet)
    missing = [s.title for s in article.sections if s.title not in shown_text]
    if missing:
        raise SelfTestFailure(f"rendered text lacks the headings {missing}")
    query, hits = _search_first_keyword(article)
    _check_render_worker()
    _check_kiosk_pin_hashing()
    return (
        f"version {__version__}, {len(names)} resources, article '{article.title}' with {len(article.sections)} sections"
        f" rendered to {len(shown_text)} characters, search for '{query}' found {hits} sections, render worker answers,"
        " kiosk PIN hashing works"
    )


def _check_render_worker() -> None:
    """The worker process that hostile sections go to starts (the frozen program runs itself) and converts."""
    worker = RenderWorker()
    try:
        worker.submit("*checked*", 30)
        reply = worker.wait()
    finally:
        worker.close()
    if reply.html != "<p><em>checked</em></p>":
        raise SelfTestFailure(f"the render worker did not answer as expected ({reply.problem or reply.html!r})")


def _check_kiosk_pin_hashing() -> None:
    """hashlib.scrypt comes with OpenSSL only: a bundle without it could not keep a kiosk PIN."""
    from viewer.core.kiosk_pin import hash_pin, verify_pin

    try:
        pin_hash = hash_pin("2468")
    except AttributeError as error:
        raise SelfTestFailure(f"the kiosk PIN cannot be hashed ({error})") from None
    if not verify_pin("2468", pin_hash) or verify_pin("1357", pin_hash):
        raise SelfTestFailure("the kiosk PIN hash does not verify")


def _search_first_keyword(article: Article) -> tuple[str, int]:
    index = SearchIndex(((s.number, f"{s.title}\n{s.body}") for s in article.sections), SynonymTable(article.metadata.synonyms))
    query = article.metadata.keywords[0] if article.metadata.keywords else article.sections[0].title.split()[0]
    typo = query[:-1] + query[-1] * 2 if len(query) >= 5 else query  # exercises the approximate matcher too
    found = len(index.search(query).sections)
    if not found or not index.search(typo).sections:
        raise SelfTestFailure(f"searching for '{query}' found nothing")
    return query, found


def _render_with_qt(html: str, stylesheet: str) -> str:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the self-test never opens a window
    from PySide6.QtGui import QGuiApplication, QTextDocument

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    document = QTextDocument()
    document.setDefaultStyleSheet(stylesheet)
    document.setHtml(html)
    document.setTextWidth(760)
    if document.size().height() <= 0:
        raise SelfTestFailure("the article laid out to an empty page")
    del app
    return document.toPlainText()
