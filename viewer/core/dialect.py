"""The Markdown dialect the viewer reads: one Python-Markdown set-up for the renderer and the outline.

The outline (viewer.core.blocks) follows the block rules of exactly this set-up, so both must
change together; tests/core/test_outline_agreement.py checks that they agree.
"""

from __future__ import annotations

import markdown

MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "def_list", "sane_lists", "md_in_html"]
"""Extension names, documented here; they are loaded as classes to skip the slow entry-point scan."""
TAB_LENGTH = 4


def new_markdown() -> markdown.Markdown:
    """A Python-Markdown converter for article text (its output still needs sanitizing)."""
    # By name, Markdown looks extensions up among every installed package's entry points
    # (importlib.metadata: about 30 ms at start-up); the classes need no look-up.
    from markdown.extensions.def_list import DefListExtension
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.md_in_html import MarkdownInHtmlExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    extensions = [TableExtension(), FencedCodeExtension(), DefListExtension(), SaneListExtension(), MarkdownInHtmlExtension()]
    return markdown.Markdown(extensions=extensions, output_format="html", tab_length=TAB_LENGTH)
