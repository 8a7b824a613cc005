"""Turning untrusted HTML from Markdown into the small, inert subset the text pane shows.

nh3 keeps only the tags and attributes listed here. Its ``url_schemes`` check skips URLs
without a scheme (``/dev/zero``, ``//host/x``, ``../x``), so every URL attribute also goes
through :func:`allowed_url`, the same policy that decides what a click or an image load may do.
"""

from __future__ import annotations

import functools
import re

import nh3

from viewer.core.links import EXTERNAL_SCHEMES, LinkKind, classify_link, is_local_resource

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
        "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre",
        "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": frozenset({"href", "title"}),
    "abbr": frozenset({"title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align"}),
    "ol": frozenset({"start"}),
}
URL_ATTRIBUTES = frozenset({"href", "src"})
# Upper bounds for numbers: a picture claiming 99999 px, or a cell spanning 9999 columns,
# makes Qt allocate and lay out far more than any article needs.
NUMBER_LIMITS = {"width": 2000, "height": 2000, "colspan": 100, "rowspan": 1000, "start": 9999}
ALIGNMENTS = frozenset({"left", "center", "right", "justify"})
# Content of these is dropped, not just the tags: their text is code or chrome, not article.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
        "template", "svg", "math", "noscript", "noembed", "noframes", "textarea", "select",
        "button", "title", "head",
    }
)  # fmt: skip


_LINK_WITHOUT_ADDRESS = re.compile(r'<a(?: title="[^"]*")?>((?:(?!</a>).)*)</a>', re.DOTALL)


def sanitize_html(html: str) -> str:
    """Keep only allowed tags and attributes and only URLs the link policy permits.

    A link whose address was refused becomes its text: it must not look like a link that does nothing.
    """
    cleaned = _cleaner().clean(html)
    return _LINK_WITHOUT_ADDRESS.sub(r"\1", cleaned) if "<a" in cleaned else cleaned


@functools.cache
def _cleaner() -> nh3.Cleaner:
    # Built once: nh3.clean() converts every allow-list on every call, 40% of its time on a section.
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        # '*' empty: nh3 would otherwise allow lang and title on every tag
        attributes={"*": set()} | {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        url_schemes=set(EXTERNAL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def allowed_url(attribute: str, value: str) -> bool:
    """Whether a URL may stay in an ``href`` (a section or, after asking, outside) or a ``src`` (the article's folder)."""
    if attribute == "href":
        return classify_link(value) is not LinkKind.REFUSED
    return attribute == "src" and is_local_resource(value)


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute in URL_ATTRIBUTES:
        return value.strip() if allowed_url(attribute, value) else None
    if attribute in NUMBER_LIMITS:
        fits = value.isascii() and value.isdigit() and len(value) <= 5 and int(value) <= NUMBER_LIMITS[attribute]
        return value if fits else None
    if attribute == "align":
        return value.lower() if value.lower() in ALIGNMENTS else None
    return value
