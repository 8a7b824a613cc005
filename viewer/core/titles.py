"""A heading's title: its text as the reader sees it rendered, for the tree, the pane and the outline.

Python-Markdown's own inline parser renders the heading (code spans stay literal, emphasis,
links and images become their text, escapes and entities are decoded); tags, comments and what
the sanitizer drops with its content (scripts, styles) are left out. Most headings contain no
character that inline Markdown acts on and are taken as they are, without the parser.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
import nh3

from viewer.core.render_cost import costly_reason
from viewer.core.sanitize import DROPPED_WITH_CONTENT

_MARKUP = re.compile(r"[\\`*_\[\]<>&]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # controls, bidi overrides
_IMAGE = re.compile(r'<img(?: alt="([^"]*)")?\s*/?>')
_TEXT_CLEANER = nh3.Cleaner(
    tags={"img"},
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={"img": {"alt"}},
    link_rel=None,
    strip_comments=True,
)


def heading_titles(texts: list[str], md: markdown.Markdown, references: dict[str, tuple[str, str | None]]) -> list[str]:
    """The titles of headings whose inline Markdown is *texts*; *references* are the article's link definitions.

    A heading whose text might be slow for Python-Markdown's inline parser (viewer.core.render_cost:
    it is quadratic on runs of brackets) keeps its Markdown as its title.
    """
    titles = [tidy(text) for text in texts]
    marked = [index for index, text in enumerate(texts) if _MARKUP.search(text) and costly_reason(text) is None]
    for index, rendered in zip(marked, _render_inline(md, [texts[i] for i in marked], references), strict=True):
        titles[index] = tidy(html_text(rendered))
    return titles


def _render_inline(md: markdown.Markdown, texts: list[str], references: dict[str, tuple[str, str | None]]) -> list[str]:
    """Each text as the HTML inside its heading, rendered together in one pass of the inline parser."""
    if not texts:
        return []
    md.reset()
    md.references.update(references)
    root = etree.Element("div")
    for text in texts:
        etree.SubElement(root, "h1").text = text
    for processor in md.treeprocessors:
        root = processor.run(root) or root
    rendered = []
    for heading in root:
        heading.tail = None
        output = md.serializer(heading)
        for processor in md.postprocessors:
            output = processor.run(output)
        rendered.append(output)
    return rendered


def html_text(fragment: str) -> str:
    """The text a reader sees in an HTML *fragment*: images by their alt text, no tags, comments or scripts."""
    cleaned = _TEXT_CLEANER.clean(fragment)
    cleaned = _IMAGE.sub(lambda match: match[1] or "", cleaned)
    return html.unescape(re.sub(r"<[^>]*>", "", cleaned))


def tidy(text: str) -> str:
    """*text* on one line: control characters (terminal escapes, bidi overrides) and runs of spaces made one space."""
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    return " ".join(text.split())
