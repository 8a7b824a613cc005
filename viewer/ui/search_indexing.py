"""Building the search index of the article in the pane, in slices between other events."""

from __future__ import annotations

import gc
import logging
import re
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from viewer.core.article import Article
from viewer.ui.heading_map import HeadingMap
from viewer.ui.progressive_loader import ProgressiveLoader

if TYPE_CHECKING:  # the search modules load after the first paint, not before
    from viewer.core.answers import QuestionSearch
    from viewer.core.search import SearchIndex

INDEX_SLICE_S = 0.010  # indexing yields to typing and painting this often: well inside one frame
# The index is millions of small objects that live as long as the article. Frozen as they come,
# the cyclic garbage collector never walks them again (a full walk is a pause of 50-200 ms).
FREEZE_EVERY_PIECES = 20  # sections, or pieces of a long one: gc.freeze() is cheap, a full collection is not
INDEX_PIECE_CHARACTERS = 2_000  # of a long section, a step: under 20 ms even if every word is new (50 µs each to stem)
_BETWEEN_WORDS = re.compile(r"[\s\u200b]")  # a break opportunity given by viewer.core.bounds ends a word too

log = logging.getLogger("viewer.search")


class SearchIndexer(QObject):
    """The search index of one article at a time, built from the text the pane shows once it is all there.

    Signals:
        ready(): the index is built; searches from now on answer at once.
    """

    ready = Signal()

    def __init__(self, loader: ProgressiveLoader, headings: HeadingMap, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader, self._headings = loader, headings
        self._article: Article | None = None
        self._replacing = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._index_a_slice)
        self._steps: Iterator[None] | None = None
        self.index: SearchIndex | None = None
        self.answers: QuestionSearch | None = None  # the strict filter first, then question reading
        self.keyword_index: SearchIndex | None = None
        self.offsets: dict[int, int] = {}  # section number -> where its text starts in the document
        self.numbers: dict[str, int] = {}  # anchor -> section number
        self.keyword_counts: dict[str, int] = {}

    @property
    def is_ready(self) -> bool:
        """Whether the index of the article shown is built."""
        return self.index is not None

    def reset(self, article: Article) -> None:
        """Forget the previous article's index; *article*'s is built on :meth:`start`."""
        self._timer.stop()
        if self._steps is not None:
            self._steps.close()  # its frame holds the half-built index
        self._replacing = self._article is not None  # a replaced article leaves garbage to collect
        self._article, self._steps = article, None
        self.index = self.keyword_index = self.answers = None
        self.offsets, self.keyword_counts = {}, {}
        self.numbers = {section.anchor: section.number for section in article.sections}
        # What was frozen with the old article goes back to the collector: frozen, the cycles of a
        # replaced article (its section tree) would live for ever, one more on every reload.
        gc.unfreeze()

    @Slot()
    def start(self) -> None:
        """Build the index in slices between other events, once the pane holds every section."""
        if not self._loader.complete:
            self._loader.start()  # its completed signal calls this again
            return
        if self.index is None and self._article is not None:
            if self._steps is None:
                self._steps = self._index_steps(self._article)
            self._timer.start()

    @Slot()
    def _index_a_slice(self) -> None:
        deadline = time.perf_counter() + INDEX_SLICE_S
        for _ in self._steps or ():
            if time.perf_counter() >= deadline:
                self._timer.start()
                return

    def _index_steps(self, article: Article) -> Iterator[None]:
        """Index the article as the pane shows it, yielding between sections."""
        from viewer.core.text import blank_enumerator  # the imports come a library per slice

        yield
        from viewer.core.answers import QuestionSearch
        from viewer.core.query import SynonymTable
        from viewer.core.search import IndexBuilder, SearchIndex
        from viewer.core.vocabulary import bundled_vocabulary

        started = time.perf_counter()
        if self._replacing:  # its section tree is garbage in cycles: gone before anything is frozen
            gc.collect()  # the longest pause of the build (50 ms at 10,000 sections): only when there is something to collect
            yield
        gc.freeze()  # what start-up made lives on: no full collection walks it again while indexing
        yield
        synonyms = SynonymTable(article.metadata.synonyms)
        builder = IndexBuilder(synonyms)
        offsets = {}
        pieces = 0
        for anchor, start, text in self._headings.section_texts():
            number = self.numbers[anchor]
            offsets[number] = start
            for piece_start, piece in text_pieces(blank_enumerator(text)):  # a long section a piece per step
                builder.add(number, piece, piece_start)
                pieces += 1
                if pieces % FREEZE_EVERY_PIECES == 0:
                    gc.freeze()
                yield
        index = builder.finish()
        counts = {}
        for keyword in article.metadata.keywords:
            counts[keyword] = len(index.search("", [keyword]).sections)
            yield
        self.keyword_index = SearchIndex(enumerate(article.metadata.keywords), synonyms)
        yield
        vocabulary = bundled_vocabulary()  # read from its files once per program
        yield
        self.answers = QuestionSearch(index, vocabulary)  # a weight per section: ~10 ms at 10,000 sections
        self.index, self.offsets, self.keyword_counts, self._steps = index, offsets, counts, None
        gc.freeze()
        log.debug("search index of %d sections built in %.2f s of slices", len(offsets), time.perf_counter() - started)
        self.ready.emit()


def text_pieces(text: str, size: int = INDEX_PIECE_CHARACTERS) -> Iterator[tuple[int, str]]:
    """(start, piece) of *text* in pieces of about *size* characters, cut between words; one piece at least."""
    start = 0
    while len(text) - start > size:
        between = _BETWEEN_WORDS.search(text, start + size)
        if between is None:
            break
        yield start, text[start : between.start()]
        start = between.start()
    yield start, text[start:]
