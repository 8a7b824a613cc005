"""A new theme or text size restyles the text in the pane exactly as importing it afresh would."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextFormat, QTextTable

from viewer.core.article import parse_article
from viewer.core.render import ArticleRenderer
from viewer.core.stylesheets import ArticleStyle
from viewer.core.text_size import TextSize
from viewer.core.themes import THEMES
from viewer.ui.article_view import ArticleView

VARIED = """---
Title: Varied
Summary: A summary line under the title.
Notice: A notice in its box.
---

# Varied

Body with a [link](#two), `inline code`, **bold** and *emphasis*. ![a missing picture](nowhere.png)

## Two

| Head | Other |
| ---- | ----- |
| cell | [link](#three) |

```
code block
```

> A quote.

### Three

Text.

#### Four

- a list item
- another
"""


def view_in(qtbot, style: ArticleStyle) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.apply_style(style)
    return view


def show(view: ArticleView, markdown: str) -> None:
    article = parse_article(markdown)
    rendered = ArticleRenderer().render(article)
    view.set_document(rendered.html, rendered.anchors, None)


def looks(document) -> list[tuple]:
    """Every colour and size of every piece of text, block and table, in document order."""

    def colour(text_format, key):
        return text_format.brushProperty(key).color().name() if text_format.hasProperty(key) else None

    def text(char_format):
        size = round(char_format.fontPointSize(), 2) if char_format.hasProperty(QTextFormat.Property.FontPointSize) else None
        adjusted = char_format.hasProperty(QTextFormat.Property.FontSizeAdjustment)
        return (
            colour(char_format, QTextFormat.Property.ForegroundBrush),
            colour(char_format, QTextFormat.Property.BackgroundBrush),
            size,
            adjusted,
        )

    found, block = [], document.begin()
    while block.isValid():
        iterator, pieces = block.begin(), []
        while not iterator.atEnd():
            pieces.append((iterator.fragment().text(), *text(iterator.fragment().charFormat())))
            iterator += 1
        found.append(
            (block.text(), colour(block.blockFormat(), QTextFormat.Property.BackgroundBrush), text(block.charFormat()), pieces)
        )
        block = block.next()
    for frame in document.rootFrame().childFrames():
        frame_format = frame.frameFormat()
        found.append(
            (
                colour(frame_format, QTextFormat.Property.BackgroundBrush),
                colour(frame_format, QTextFormat.Property.FrameBorderBrush),
            )
        )
        if isinstance(frame, QTextTable):
            found += [
                colour(frame.cellAt(r, c).format(), QTextFormat.Property.BackgroundBrush)
                for r in range(frame.rows())
                for c in range(frame.columns())
            ]
    return found


CHANGES = [
    (("light", 0), ("dark", 3)),
    (("dark", 2), ("high-contrast", -2)),
    (("high-contrast", 0), ("light", 0)),
    (("light", -3), ("light", 7)),
]


@pytest.mark.parametrize(("before", "after"), CHANGES)
def test_restyled_text_looks_as_if_it_had_been_shown_in_the_new_style(qtbot, before, after):
    old, new = (ArticleStyle(THEMES[name], TextSize(step)) for name, step in (before, after))
    restyled = view_in(qtbot, old)
    show(restyled, VARIED)
    restyled.apply_style(new)
    assert not restyled.restyler.busy
    fresh = view_in(qtbot, new)
    show(fresh, VARIED)
    assert looks(restyled.document()) == looks(fresh.document())
    assert looks(restyled.document()) != looks(view_in_shown(qtbot, old).document()), "the style did change"


def view_in_shown(qtbot, style):
    view = view_in(qtbot, style)
    show(view, VARIED)
    return view


def test_a_long_article_is_restyled_in_slices_and_the_reader_stays_on_their_line(qtbot):
    markdown = "# Long\n\n" + "\n\n".join(f"## Part {n}\n\nWhat part {n} says, in a line or two of text." for n in range(1000))
    view = view_in(qtbot, ArticleStyle(THEMES["light"], TextSize()))
    view.show()
    show(view, markdown)
    view.verticalScrollBar().setValue(round(view.headings.top("part-500")))
    top_line = view.cursorForPosition(QPoint(4, 4)).block().text()
    assert top_line == "Part 500"
    with qtbot.waitSignal(view.restyler.finished, timeout=20_000):
        view.apply_style(ArticleStyle(THEMES["dark"], TextSize(2)))
        assert view.restyler.busy, "1,000 sections take longer than one slice"
        assert view.cursorForPosition(QPoint(4, 4)).block().text() == top_line, "what is on screen is restyled first"
    assert view.cursorForPosition(QPoint(4, 4)).block().text() == top_line
    fresh = view_in(qtbot, ArticleStyle(THEMES["dark"], TextSize(2)))
    show(fresh, markdown)
    assert looks(view.document()) == looks(fresh.document())
