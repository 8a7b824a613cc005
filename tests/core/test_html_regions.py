"""Python-Markdown's HTML block step run only where the text has HTML gives what one run over the whole text gives.

The outline runs the step only over the blank-line-separated parts that hold HTML it may act on,
each alone, and copies the rest (see viewer.core.html_blocks.extract_html_blocks). Here the result
(lines, where each comes from, the stashed HTML blocks) is compared with one run over the whole
text, on generated documents full of what makes HTML blocks hard to cut: blocks that span blank
lines, comments and tags left open or closed chunks later, raw-text tags, md_in_html containers,
character references, and inline tags in prose.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from hypothesis import example, given, settings
from hypothesis import strategies as st

from benchmarks.article_gen import generate_html
from viewer.core.blocks import Stage, _without_fences, find_outline, normalize_whitespace
from viewer.core.dialect import new_markdown
from viewer.core.fences import fences_as_commonmark, find_fences
from viewer.core.html_blocks import (
    escape_unclosed_markup,
    extract_html_blocks,
    finish_stage,
    markdown_inside_containers,
    run_region,
)

PIECES = [
    "# Heading",
    "## Another heading",
    "Plain prose with no markup at all.",
    'Prose with <b>bold</b>, <code>x &lt; y</code> and <a href="#part-2">a link</a>.',
    "Prose with a lone < sign and 3 > 2, &amp; and &#169; and &#x1F600; and &#12 and &#; here",
    "Prose <br/> with <img src='a.png' alt=\"x\"> and <span class=a>inline</span>",
    "Text with <!-- a comment --> inside",
    "Text with <!-- a comment that runs on",
    "and ends here -->",
    "Text with <script>var a = 1;",
    "</script> after a script",
    "A tag <a",
    'href="spans lines">',
    'Quoted <span title="a',
    '">end</span>',
    "<div>",
    "</div>",
    "<div>a block</div>",
    "<div>closed</div> with a tail",
    '<div markdown="1">',
    "<details>",
    "<summary>More</summary>",
    "</details>",
    "<table><tr><td>cell</td></tr></table>",
    "<table>",
    "<tr><td>one</td><td>two</td></tr>",
    "</table>",
    "<p>A paragraph tag</p>",
    "  <div>indented two</div>",
    "<!--",
    "-->",
    "<!-- one line -->",
    "<?php echo 1; ?>",
    "<!DOCTYPE html>",
    "<![CDATA[ data ]]>",
    "<pre>",
    "# inside pre",
    "</pre>",
    "<style>p { color: red }</style>",
    "<hr>",
    "</div",
    "<div",
    "```",
    "# in a fence",
    "```",
    "    <div>indented code</div>",
    "&#",
    "x &#123 y",
    "</span> stray end tag",
    "<a href='x'>unclosed inline",
    "\u00a0<div>after a no-break space</div>",
    "<DIV CLASS=x>upper case</DIV>",
    "Prose with <hr> inside and <div>a block tag</div> inside",
    "<section>",
    "</section>",
    "<span>a line that starts inline</span> and goes on",
    "Text <textarea>raw",
    "</textarea>",
]

# Chunks of tag soup, one line or several: most are one raw HTML block, some are cut short or run on.
TOKENS = [
    *(f"<{name}>" for name in ["div", "p", "span", "img", "br", "td", "tr", "table", "b", "section", "DIV", "li", "pre"]),
    *(f"</{name}>" for name in ["div", "p", "span", "td", "tr", "table", "b", "section", "div ", "li", "pre", "img"]),
    '<a href="x?a=1&b=2">',
    "</a>",
    "<br/>",
    "<hr>",
    "text",
    " ",
    "&amp;",
    "&#169;",
    "&#12 ",
    "&copy",
    "a < b",
    "# not a heading",
    "\n",
    "\n  ",
]
tag_soup = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=25).map(lambda tokens: "".join(tokens).strip("\n"))
NAMES = ["div", "table", "tr", "td", "p", "section", "span", "b", "a", "li", "DIV", "pre", "figure"]
balanced = st.recursive(
    st.sampled_from(["text", "a < b", "&amp;", "&#169;", "<img src=x>", "<br/>", "<br>", "\n", "# not a heading", " "]),
    lambda inner: st.tuples(st.sampled_from(NAMES), st.lists(inner, max_size=4), st.booleans()).map(
        lambda parts: f"<{parts[0]}>" + "".join(parts[1]) + (f"</{parts[0].lower()}>" if parts[2] else "")
    ),
    max_leaves=12,
)
blocks = st.tuples(
    st.sampled_from(["", " ", "   "]),
    st.one_of(
        st.tuples(st.sampled_from(["<div>", "<table>", "<p>", "<section class=a>", "<span>"]), tag_soup).map("".join),
        st.tuples(st.sampled_from(NAMES), st.lists(balanced, max_size=4)).map(
            lambda parts: f"<{parts[0]}>" + "".join(parts[1]) + f"</{parts[0]}>"
        ),
    ),
).map(lambda parts: (parts[0] + parts[1]).replace("\n\n", "\n").strip("\n"))

documents = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["\n", "\n\n", "\n\n\n"])), max_size=30).map(
    lambda parts: "".join(piece + gap for piece, gap in parts)
)


def prepared(text: str) -> tuple[list[str], list[int | None], object]:
    """The lines and their origins as the outline hands them to the HTML step, and a fresh converter."""
    md = new_markdown()
    md.reset()
    lines = fences_as_commonmark(normalize_whitespace(text))
    fences = find_fences(lines)
    code = {index for first, last in fences for index in range(first, last + 1)}
    lines = markdown_inside_containers(escape_unclosed_markup(lines, code), code)
    return *_without_fences(md, lines, fences), md


def stashed(md) -> list[str]:
    return [
        etree.tostring(block, encoding="unicode") if isinstance(block, etree.Element) else block
        for block in md.htmlStash.rawHtmlBlocks
    ]


def whole_run(text: str) -> tuple[Stage, list[str]]:
    """As the outline ran the step before regions: once over the whole text, if a line opens HTML at all."""
    lines, source, md = prepared(text)
    if not re.search(r"\n {0,3}<[A-Za-z!?]", "\n" + "\n".join(lines)):
        return Stage(lines, source, [s is not None for s in source], [0] * len(lines)), stashed(md)
    stage = Stage([], [], [], [])
    run_region(md, stage, lines, source, 0, len(lines), last=True)
    return finish_stage(md, stage), stashed(md)


def in_regions(text: str) -> tuple[Stage, list[str]]:
    lines, source, md = prepared(text)
    return extract_html_blocks(md, lines, source), stashed(md)


def check_same(text: str) -> None:
    (expected, expected_stash), (found, found_stash) = whole_run(text), in_regions(text)
    assert found.lines == expected.lines
    assert found.source == expected.source
    assert found.whole == expected.whole
    assert found.column == expected.column
    assert found.elements == expected.elements
    assert found_stash == expected_stash


@settings(max_examples=300, deadline=None)
@given(documents)
@example("<div>\n\n# not a heading\n\n</div>\n\n# Heading\n")
@example("Text with <!-- a comment that runs on\n\n# inside it\n\nand ends here -->\n\n<div>\n")
@example("&#\n\n<div>\n\n# x\n\n</div>\n\nx &#123 y\n\n<div>a</div>\n")
@example('A tag <a\n\nhref="spans lines">\n\n<div>\n\n# x\n')
@example("<p>never closed\n\n## A\n\n<p>again\n\n## B\n\n<div>x</div>\n")  # runs on to the end: one run, not several
@example("<div>\n\n## A\n\ntext <b>b</b>\n\n## B\n\n</div>\n\n## C\n")  # md_in_html: Markdown inside, closed later
def test_the_html_step_in_regions_gives_what_one_run_over_the_whole_text_gives(text):
    check_same(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(blocks, st.sampled_from(PIECES)), st.sampled_from(["\n\n", "\n\n\n", "\n"])), max_size=12))
@example([("<div>\n<img src=x>\n<p>a</p>\n</div>", "\n\n"), ("# Heading", "\n")])
@example([("  <table><tr><td>&#169; a < b</td></tr></table>", "\n\n")])
def test_html_blocks_of_tag_soup_give_what_one_run_gives(parts):
    check_same("".join(block + gap for block, gap in parts))


def test_a_generated_html_heavy_page_gives_what_one_run_gives():
    check_same(generate_html(60_000, seed=7))


def test_hash_lines_inside_html_blocks_stay_text_however_many_tags_the_article_has():
    text = generate_html(400_000, seed=3)  # some 20,000 tags: over the old bound on the whole text
    assert text.count("<") > 20_000
    titles = [heading.markdown for heading in find_outline(text).headings]
    assert titles and not [title for title in titles if "not a heading" in title]
