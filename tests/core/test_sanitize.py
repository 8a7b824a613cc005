"""Sanitizing: whatever HTML an article carries, only inert tags and allowed URLs reach the pane."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, allowed_url, sanitize_html

# What the renderer itself writes around sanitized bodies (headings, notice, missing images, <details> as blocks).
RENDERER_TAGS = frozenset({"html", "body", "a", "p", "table", "tr", "td", "span", "i", "br", "div"})
RENDERER_ATTRIBUTES = {
    **{f"h{n}": frozenset({"id"}) for n in range(1, 7)},
    "a": frozenset({"name"}),
    "div": frozenset({"class"}),
    "p": frozenset({"class"}),
    "span": frozenset({"class"}),
    "table": frozenset({"class", "width", "cellspacing", "cellpadding"}),
}


@dataclass
class Inspected:
    """The tags, attributes and text of an HTML string, as an HTML parser (and so Qt) sees them."""

    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = Inspected()

    def handle_starttag(self, tag, attrs):
        self.found.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data):
        self.found.text.append(data)


def inspect_html(html: str) -> Inspected:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.found


def unsafe_parts(html: str, rendered: bool = False) -> list[str]:
    """Everything in *html* the sanitizer should have removed; empty when it is safe."""
    problems = []
    for tag, attributes in inspect_html(html).tags:
        allowed_tags = ALLOWED_TAGS | (RENDERER_TAGS if rendered else frozenset())
        if tag not in allowed_tags:
            problems.append(f"tag <{tag}>")
        allowed = ALLOWED_ATTRIBUTES.get(tag, frozenset()) | (RENDERER_ATTRIBUTES.get(tag, frozenset()) if rendered else set())
        problems += [f"attribute {name} on <{tag}>" for name in attributes if name not in allowed]
        problems += [
            f"{name}={value!r} on <{tag}>"
            for name, value in attributes.items()
            if name in {"href", "src"} and not allowed_url(name, value)
        ]
    lowered = html.lower()
    problems += [
        f"raw {word!r}" for word in ("<script", "<iframe", "<style", "<form", "<object", "<link", "<meta") if word in lowered
    ]
    return problems


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ('<p onclick="steal()">hi</p><script>alert(1)</script>', "<p>hi</p>"),
        ('<img src="x.png" onerror="alert(1)" alt="X">', '<img src="x.png" alt="X">'),
        ('<iframe src="https://example.org"></iframe><object data="x"></object>', ""),
        ('<form action="https://example.org"><input name="pin"><button>Send</button></form>', ""),
        ('<div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</div>', "<div>overlay</div>"),
        ("<style>body { display: none }</style>text", "text"),
        ('<link rel="stylesheet" href="https://example.org/x.css"><base href="https://example.org/">', ""),
        ('<a href="javascript:alert(1)">x</a>', "x"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "x"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "x"),
        ('<a href="data:text/html,x">x</a>', "x"),
        ('<a href="file:///etc/passwd">x</a>', "x"),
        ('<a href="//example.org/x">x</a>', "x"),
        ('<a href="/etc/passwd">x</a>', "x"),
        ('<img src="/dev/zero">', "<img>"),
        ('<img src="//host/x.png">', "<img>"),
        ('<img src="../secret.png">', "<img>"),
        ('<img src="file:///dev/zero">', "<img>"),
        ('<img src="https://example.org/tracker.png">', "<img>"),
        ('<img src="data:image/png;base64,iVBORw0KGgo=">', "<img>"),
        ('<a href=" #section ">x</a>', '<a href="#section">x</a>'),
        ('<a href="https://example.org" target="_blank">x</a>', '<a href="https://example.org">x</a>'),
        ('<img src="x.png" width="99999" height="100">', '<img src="x.png" height="100">'),
        (
            '<table><tr><td colspan="9999" align="javascript:x">c</td></tr></table>',
            "<table><tbody><tr><td>c</td></tr></tbody></table>",
        ),
        ('<svg onload="alert(1)"><a href="#x">s</a></svg><math>m</math>', ""),
        ("<!-- a comment --><p>kept</p>", "<p>kept</p>"),
    ],
)
def test_hostile_html_is_made_inert(dirty, clean):
    assert sanitize_html(dirty) == clean


def test_an_unparsable_url_is_dropped_without_an_error(monkeypatch):
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)  # where nh3 sends an attribute filter's exception
    assert sanitize_html('<a href="//x]">link</a><img src="[::1">') == "link<img>"
    assert unraisable == []


TAG_NAMES = sorted(ALLOWED_TAGS | {"script", "iframe", "form", "style", "object", "svg", "link", "meta", "base", "input"})
ATTRIBUTE_NAMES = ["href", "src", "style", "onclick", "onerror", "title", "alt", "width", "class", "id", "name", "align"]
URL_PIECES = st.sampled_from(
    [
        "javascript:", "JAVASCRIPT:", "java\tscript:", "data:", "file:", "file://", "http://", "https://", "mailto:",
        "vbscript:", "//", "/", "\\\\", "../", "..%2f", "%2e%2e/", "#", "?", "/dev/zero", "host", "x.png", "&#x3a;",
        "&colon;", ":", " ", "\x00", "\u202e", "@",
    ]
)  # fmt: skip
URLS = st.lists(URL_PIECES | st.text(max_size=6), max_size=6).map("".join)
ATTRIBUTE = st.tuples(st.sampled_from(ATTRIBUTE_NAMES), URLS | st.text(max_size=10)).map(
    lambda pair: f' {pair[0]}="{pair[1].replace(chr(34), "&quot;")}"'
)


@st.composite
def html_fragments(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 8))):
        tag = draw(st.sampled_from(TAG_NAMES))
        attributes = "".join(draw(st.lists(ATTRIBUTE, max_size=3)))
        body = draw(st.text(max_size=10) | URLS)
        closing = draw(st.sampled_from([f"</{tag}>", "", ">"]))
        parts.append(f"<{tag}{attributes}>{body}{closing}")
    return "".join(parts)


@given(html_fragments())
@settings(max_examples=300, deadline=None)
def test_every_url_left_is_one_the_allow_list_permits(html):
    assert unsafe_parts(sanitize_html(html)) == []
