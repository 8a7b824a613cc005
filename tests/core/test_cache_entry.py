"""A render-cache entry gives back exactly the article it was made from, and anything else in its place is a miss."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.article import parse_article
from viewer.core.cache_entry import MAGIC, ArticleKey, CacheMiss, Entry, article_from, digest, encode_entry

KEY = ArticleKey("viewer 1.0.0, format 1, markdown 3.11.3, nh3 0.3.8, pyyaml 6.0.4", digest(b"the article"), "Notes")
ARTICLE_TEXT = """---
Title: A Test Article
Keywords: Alpha, Beta
Summary: What it is about.
Notice: Not advice.
Synonyms: AB = alpha beta
Reviewed: 2025-01-02
---
Intro text before any heading, with a [reference link][ref].

# Part One

Body of part one.

## Point A

Text *A* with `code`.

[ref]: https://example.org "A title"

# Part Two

### Deep point

Last words.
"""


def article_and_html(text: str = ARTICLE_TEXT):
    article = parse_article(text)
    article.warnings.append("is not valid UTF-8 (byte 3); it was read as Windows-1252")
    html = [f"<p>{section.title}</p>" if n % 3 else None for n, section in enumerate(article.sections)]
    return article, html


def shape(article) -> list:
    return [
        article.title,
        article.metadata,
        article.warnings,
        article.references,
        [(s.level, s.title, s.anchor, s.body, s.number, s.parent.number if s.parent else -1) for s in article.sections],
        [[c.number for c in s.children] for s in article.sections],
        [s.number for s in article.roots],
    ]


def read_back(data: bytes, key: ArticleKey = KEY):
    entry = Entry(data, key)
    first, rest = entry.texts("first"), entry.texts("rest")
    return entry, article_from(entry.outline(), first.bodies + rest.bodies), first.html + rest.html


@pytest.mark.parametrize("first", [0, 1, 3, 5])
def test_an_entry_gives_back_the_article_and_its_html(first):
    article, html = article_and_html()
    entry, again, html_again = read_back(encode_entry(KEY, article, html, first))
    assert shape(again) == shape(article)
    assert list(html_again) == html and entry.first == first and entry.sections == len(article.sections) == 5


def test_the_outline_and_first_screen_are_read_without_the_rest():
    article, html = article_and_html()
    data = bytearray(encode_entry(KEY, article, html, 2))
    data[-2] ^= 0xFF  # the rest block is damaged
    entry = Entry(bytes(data), KEY)
    assert entry.outline().titles == tuple(s.title for s in article.sections)
    assert entry.texts("first").html == tuple(html[:2])
    with pytest.raises(CacheMiss, match="rest block is damaged"):
        entry.texts("rest")


section_texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(1, 6), section_texts, section_texts), min_size=1, max_size=12), st.data())
def test_any_parsed_article_survives_a_round_trip(headings, data):
    text = "\n\n".join(f"{'#' * level} {title}\n\n{body}" for level, title, body in headings)
    article = parse_article(text)
    html = [data.draw(st.one_of(st.none(), section_texts)) for _ in article.sections]
    first = data.draw(st.integers(0, len(article.sections)))
    _, again, html_again = read_back(encode_entry(KEY, article, html, first))
    assert shape(again) == shape(article) and list(html_again) == html


# Everything below is a miss, never another exception.


def entry_bytes() -> bytes:
    article, html = article_and_html()
    return encode_entry(KEY, article, html, 2)


def read_fully(data: bytes, key: ArticleKey = KEY) -> None:
    entry = Entry(data, key)
    entry.outline()
    entry.texts("first")
    entry.texts("rest")


def test_every_truncation_is_a_miss():
    data = entry_bytes()
    for length in range(len(data)):
        with pytest.raises(CacheMiss):
            read_fully(data[:length])


def test_every_damaged_byte_is_a_miss():
    data = entry_bytes()
    for position in range(0, len(data), 7):
        damaged = bytearray(data)
        damaged[position] ^= 0x20
        with pytest.raises(CacheMiss):
            read_fully(bytes(damaged))


@pytest.mark.parametrize(
    "other",
    [
        ArticleKey("viewer 1.0.1, format 1, markdown 3.11.3, nh3 0.3.8, pyyaml 6.0.4", KEY.source, KEY.name),
        ArticleKey(KEY.fingerprint.replace("format 1", "format 2"), KEY.source, KEY.name),
        ArticleKey(KEY.fingerprint.replace("nh3 0.3.8", "nh3 0.3.9"), KEY.source, KEY.name),
        ArticleKey(KEY.fingerprint, digest(b"the article, edited"), KEY.name),
        ArticleKey(KEY.fingerprint, KEY.source, "Other name"),
    ],
    ids=["viewer version", "render format", "library version", "article edited", "file renamed"],
)
def test_an_entry_made_for_another_key_is_stale(other):
    assert other.file_name() != KEY.file_name()
    with pytest.raises(CacheMiss, match="made for another"):
        Entry(entry_bytes(), other)  # even under the right name


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        b"\x80\x04\x95\x1d\x00\x00\x00\x00\x00\x00\x00\x8c\x05posix\x94\x8c\x06system\x94\x93\x94.",  # a pickle
        MAGIC.replace(b"cache 1", b"cache 2") + b"{}\n",
        MAGIC + b"{" * 10_000,
        MAGIC + b"x" * 100_000,
        MAGIC + b"[]\n",
        MAGIC + b'{"fingerprint": 1}\n',
        MAGIC + b"\xff\xfe\n",
    ],
    ids=["empty", "picture", "pickle", "newer layout", "endless header", "no header end", "list", "bad header", "not utf-8"],
)
def test_foreign_files_are_misses(data):
    with pytest.raises(CacheMiss):
        read_fully(data)


def forged(change) -> bytes:
    """An entry whose blocks were altered by *change* and whose header was rewritten to match: digests all right."""
    data = entry_bytes()
    header_end = data.index(b"\n", len(MAGIC))
    header = json.loads(data[len(MAGIC) : header_end])
    start, blocks = header_end + 1, {}
    for name, (length, _) in zip(("outline", "first", "rest"), header["blocks"], strict=True):
        blocks[name] = json.loads(data[start : start + length])
        start += length
    change(header, blocks)
    encoded = [json.dumps(blocks[name]).encode() if not isinstance(blocks[name], bytes) else blocks[name] for name in blocks]
    header["blocks"] = [[len(block), digest(block)] for block in encoded]
    return MAGIC + json.dumps(header).encode() + b"\n" + b"".join(encoded)


def outline_change(field, value):
    return lambda header, blocks: blocks["outline"].__setitem__(field, value)


HOSTILE = {
    "level 0": outline_change("levels", [0, 1, 2, 1, 3]),
    "level 7": outline_change("levels", [1, 1, 2, 1, 7]),
    "level true": outline_change("levels", [True, 1, 2, 1, 3]),
    "level as text": outline_change("levels", ["1", 1, 2, 1, 3]),
    "parent after": outline_change("parents", [-1, 2, 1, -1, 3]),
    "parent itself": outline_change("parents", [-1, 1, 1, -1, 3]),
    "parent below -1": outline_change("parents", [-2, -1, 1, -1, 3]),
    "anchor twice": outline_change("anchors", ["a", "a", "b", "c", "d"]),
    "too few titles": outline_change("titles", ["a"]),
    "title a number": outline_change("titles", [1, "b", "c", "d", "e"]),
    "title missing": lambda header, blocks: blocks["outline"].pop("title"),
    "huge number": outline_change("levels", [10**300, 1, 1, 1, 1]),
    "float level": outline_change("levels", [1.0, 1, 1, 1, 1]),
    "metadata a list": outline_change("metadata", []),
    "keywords text": lambda header, blocks: blocks["outline"]["metadata"].__setitem__("keywords", "Alpha"),
    "synonyms flat": lambda header, blocks: blocks["outline"]["metadata"].__setitem__("synonyms", ["a", "b"]),
    "extra numbers": lambda header, blocks: blocks["outline"]["metadata"].__setitem__("extra", {"a": 1}),
    "reference short": outline_change("references", {"ref": ["https://example.org"]}),
    "reference title number": outline_change("references", {"ref": ["https://example.org", 3]}),
    "warnings text": outline_change("warnings", "oops"),
    "html a number": lambda header, blocks: blocks["first"].__setitem__("html", [1, None]),
    "bodies short": lambda header, blocks: blocks["rest"].__setitem__("bodies", []),
    "block a list": lambda header, blocks: blocks.__setitem__("first", []),
    "deep nesting": lambda header, blocks: blocks.__setitem__("rest", b"[" * 200_000 + b"]" * 200_000),
    "NaN": lambda header, blocks: blocks.__setitem__("outline", b'{"levels": NaN}'),
    "first past the end": lambda header, blocks: header.__setitem__("first", 99),
    "sections negative": lambda header, blocks: header.__setitem__("sections", -1),
    "sections a bool": lambda header, blocks: header.__setitem__("sections", True),
}


@pytest.mark.parametrize("change", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_entries_with_right_digests_are_misses(change):
    with pytest.raises(CacheMiss):
        read_fully(forged(change))


def test_the_forgery_itself_is_read_when_nothing_is_changed():
    read_fully(forged(lambda header, blocks: None))  # so each hostile case above fails for its change alone


def test_an_entry_module_never_unpickles_or_evaluates():
    import ast
    import inspect

    import viewer.core.cache_entry
    import viewer.core.render_cache

    for module in (viewer.core.cache_entry, viewer.core.render_cache):
        tree = ast.parse(inspect.getsource(module))
        imports = [node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)]
        imported = {alias.name for node in imports for alias in node.names}
        imported |= {node.module for node in imports if isinstance(node, ast.ImportFrom)}
        called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
        assert not imported & {"pickle", "marshal", "shelve", "dill"} and not called & {"eval", "exec", "compile"}
