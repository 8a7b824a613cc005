"""Turning untrusted HTML from Markdown into the small, inert subset the text pane shows."""

from __future__ import annotations

import nh3

from viewer.core.links import EXTERNAL_SCHEMES, LinkKind, classify_link, is_local_resource

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
        "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre",
        "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "ol": {"start"},
}
# Content of these is dropped, not just the tags: their text is code or chrome, not article.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "form",
        "template",
        "svg",
        "math",
        "noscript",
        "textarea",
        "select",
        "button",
    }
)


def sanitize_html(html: str) -> str:
    """Keep only allowed tags and attributes and only URLs the link policy permits."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        url_schemes=set(EXTERNAL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        return value if classify_link(value) is not LinkKind.REFUSED else None
    if attribute == "src":
        return value if is_local_resource(value) else None
    if attribute in {"width", "height", "colspan", "rowspan", "start"}:
        return value if value.isdigit() and len(value) <= 4 else None
    return value
