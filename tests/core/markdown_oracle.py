"""What Python-Markdown itself makes of a whole document: the oracle the outline is checked against."""

from __future__ import annotations

from viewer.core.dialect import new_markdown
from viewer.core.titles import html_text, tidy


def rendered_headings(text: str) -> list[tuple[int, str]]:
    """(level, text) of each heading Python-Markdown renders at the top level of *text*, in order."""
    md = new_markdown()
    lines = text.split("\n")
    for processor in md.preprocessors:
        lines = processor.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    for processor in md.treeprocessors:
        root = processor.run(root) or root
    headings = []
    for element in root:
        if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            element.tail = None
            html = md.serializer(element)
            for processor in md.postprocessors:
                html = processor.run(html)
            headings.append((int(element.tag[1]), tidy(html_text(html))))
    return headings
