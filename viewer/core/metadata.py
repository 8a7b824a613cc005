"""The metadata block at the top of an article: YAML front matter, or Python-Markdown's ``meta`` form.

A block fenced by ``---`` lines (closed by ``---`` or ``...``) is read in the ``meta`` form when
every line is ``Key: value`` or a continuation indented by four spaces (a tab), and as YAML
otherwise::

    ---
    Title: Ketamine for Treatment-Resistant Depression
    Keywords: Ketamine, Rapid Onset,
        Safety Profile
    Synonyms: TRD = treatment-resistant depression
        IV = intravenous
    ---

Without the fence, ``Key: value`` lines at the very top are metadata only when every key is one
the viewer knows (KNOWN_KEYS): a first line such as ``Link: <http://example.com/>.`` is text.
Keys are case-insensitive; unknown keys are ignored, and nothing here refuses an article: a
block that is not valid YAML is shown as text, with a warning naming its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

EXTRA_KEYS = ("source", "reviewed", "review-due", "authors")
"""Kept in Metadata.extra as text (dates as YYYY-MM-DD, lists joined with commas), however written."""
KNOWN_KEYS = frozenset({"title", "keywords", "summary", "notice", "synonyms", *EXTRA_KEYS})

_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*):\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^(?: {4}|\t)\s*(?P<value>\S.*)$")
_OPENING_FENCE = re.compile(r"-{3}[ \t]*(?:\n|$)")
_CLOSING_FENCE = re.compile(r"\n(?:-{3}|\.{3})[ \t]*(?=\n|$)")
# "keywords: [a, b]", "x: {a: 1}", "summary: |": a value only YAML reads (the meta form would keep the brackets)
_YAML_ONLY_VALUE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*:[ \t]+[\[{|>]")
_UNCLOSED_FLOW = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*:[ \t]+(?:\[[^\]]*|\{[^}]*)$")  # "title: [unclosed"
_YAML_KEY = re.compile(r"""^(?:[^\s#\-?:,\[\]{}&*!|>'"%@`][^:]*|"[^"]*"|'[^']*'):(?:\s|$)""")


@dataclass(frozen=True)
class Metadata:
    """What an article says about itself."""

    title: str = ""
    keywords: tuple[str, ...] = ()
    summary: str = ""
    notice: str = ""
    synonyms: tuple[tuple[str, ...], ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


class MetadataBlock(NamedTuple):
    """The metadata, the article text after it, and what the reader should be told about the block."""

    metadata: Metadata
    body: str
    warnings: tuple[str, ...] = ()


def read_metadata(text: str) -> MetadataBlock:
    """Split the metadata block off the top of *text* (lines separated by '\\n')."""
    if _OPENING_FENCE.match(text):
        return _read_fenced(text)
    if _KEY_LINE.match(text.split("\n", 1)[0]):
        return _read_unfenced(text)
    return MetadataBlock(Metadata(), text)


def _read_fenced(text: str) -> MetadataBlock:
    opening_end = _OPENING_FENCE.match(text).end()
    closing = _CLOSING_FENCE.search(text, opening_end - 1)
    if not _YAML_KEY.match(text[opening_end:]):
        return MetadataBlock(Metadata(), text)  # a rule, not a fence: front matter starts with a key
    if closing is None:
        return MetadataBlock(Metadata(), text, ("opens with a '---' block that is never closed; it is shown as article text",))
    block = text[opening_end : closing.start()]
    body = text[closing.end() + 1 :]
    lines = block.split("\n")
    meta_form = all(not line.strip() or _KEY_LINE.match(line) or _CONTINUATION.match(line) for line in lines)
    if meta_form and not any(_YAML_ONLY_VALUE.match(line) for line in lines):
        return _meta_block(lines, body)
    from viewer.core.front_matter import YamlProblem, load_yaml_mapping

    loaded = load_yaml_mapping(block, first_line=2)
    if isinstance(loaded, YamlProblem):
        if meta_form and not any(_UNCLOSED_FLOW.match(line) for line in lines):
            return _meta_block(lines, body)  # "Title: [Draft] Dosing" is a title in the meta form, not broken YAML
        last = 2 + len(lines)
        warning = (
            f"has front matter (lines 1–{last}) that is not valid YAML: line {loaded.line}: {loaded.reason}; it is shown as text"
        )
        return MetadataBlock(Metadata(), _as_code(text[: closing.end()]) + "\n" + body, (warning,))
    return MetadataBlock(_build({normal_key(key): value for key, value in loaded.items()}, meta_form=False), body)


def _meta_block(lines: list[str], body: str) -> MetadataBlock:
    entries, warnings = _meta_entries(lines, first_line=2)
    return MetadataBlock(_build(entries, meta_form=True), body, tuple(warnings))


def _read_unfenced(text: str) -> MetadataBlock:
    lines = text.split("\n", 200)[:200]  # a metadata block is short; the rest of the article stays one string
    end = 0
    while end < len(lines) and lines[end].strip():
        if not (_KEY_LINE.match(lines[end]) or (end and _CONTINUATION.match(lines[end]))):
            break  # like ``meta``: the first line of another shape starts the body
        end += 1
    entries, warnings = _meta_entries(lines[:end], first_line=1)
    if not entries or any(key not in KNOWN_KEYS for key in entries):
        return MetadataBlock(Metadata(), text)  # "Link: <http://…>." is a sentence, not metadata
    rest = text.split("\n", end)
    body = rest[-1] if len(rest) > end else ""
    return MetadataBlock(_build(entries, meta_form=True), body, tuple(warnings))


def _meta_entries(lines: list[str], first_line: int) -> tuple[dict[str, list[str]], list[str]]:
    """Key → its value lines, in the ``meta`` form; a key given twice keeps its first value."""
    entries: dict[str, list[str]] = {}
    warnings = []
    current: list[str] | None = None
    for offset, line in enumerate(lines):
        continued = _CONTINUATION.match(line)
        key_line = _KEY_LINE.match(line)
        if continued and current is not None:
            current.append(continued["value"].strip())
        elif key_line:
            key = normal_key(key_line["key"])
            if key in entries:
                warnings.append(f"gives the metadata key {key!r} twice (line {first_line + offset}); the first is used")
                current = []
            else:
                current = entries[key] = [_unquoted(key_line["value"].strip())]
    return {key: [part for part in parts if part] for key, parts in entries.items()}, warnings


def _unquoted(value: str) -> str:
    """'"Quoted title"' → 'Quoted title': YAML habits in the meta form."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _as_code(block: str) -> str:
    """*block* shown as it is: a fenced code block longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", block)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{block}\n{fence}\n"


def _build(values: dict[str, object], meta_form: bool) -> Metadata:
    """Metadata from *values*: ``meta`` entries (each a list of value lines) or YAML data."""

    def text(key: str) -> str:
        value = values.get(key)
        if meta_form:
            return " ".join(value or ())
        return (
            ", ".join(as_texts(value)) if isinstance(value, list | tuple) and key not in {"summary", "notice"} else as_text(value)
        )

    keywords_value = values.get("keywords")
    if meta_form or not isinstance(keywords_value, list | tuple):
        keyword_text = ", ".join(keywords_value or ()) if meta_form else as_text(keywords_value)
        keywords = tuple(k.strip() for k in keyword_text.split(",") if k.strip())
    else:
        keywords = tuple(as_texts(keywords_value))
    extra = {key: text(key) for key in values if key not in KNOWN_KEYS - set(EXTRA_KEYS) and text(key)}
    if "authors" not in extra and extra.get("author"):
        extra["authors"] = extra["author"]
    return Metadata(
        title=text("title"),
        keywords=keywords,
        summary=" ".join(as_texts(values.get("summary"))),
        notice=" ".join(as_texts(values.get("notice"))),
        synonyms=_synonyms(values.get("synonyms")),
        extra=extra,
    )


def _synonyms(value: object) -> tuple[tuple[str, ...], ...]:
    """Groups of terms that mean the same: 'a = b' lines (or ';'-separated), a mapping, or a list of either."""
    groups: list[tuple[str, ...]] = []
    if isinstance(value, dict):
        groups.extend((as_text(term), *as_texts(others)) for term, others in value.items())
    elif isinstance(value, list | tuple):
        for item in value:
            if isinstance(item, dict | str):
                groups.extend(_synonyms(item))
            elif isinstance(item, list | tuple):
                groups.append(tuple(as_texts(item)))
    else:
        for line in as_lines(value):
            groups.extend(tuple(term.strip() for term in entry.split("=") if term.strip()) for entry in line.split(";"))
    return tuple(group for group in (tuple(term for term in g if term) for g in groups) if len(group) > 1)


def normal_key(key: object) -> str:
    """'Review_Due', 'review due' and 'review-due' are one key."""
    return "-".join(str(key).strip().lower().replace("_", " ").split())


def as_text(value: object) -> str:
    """A YAML value as the reader should see it: dates as YYYY-MM-DD, lists joined with commas, mappings left out."""
    if isinstance(value, list | tuple):
        return ", ".join(text for item in value if not isinstance(item, list | tuple | dict) and (text := as_text(item)))
    if isinstance(value, dict) or value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):  # a date or a date and time (datetime is not imported for this: it is slow to)
        return value.isoformat()[:10]
    return " ".join(str(value).split())


def as_texts(value: object) -> list[str]:
    """A list of texts from a list of scalars, or one text."""
    if isinstance(value, list | tuple):
        return [text for item in value if (text := as_text(item))]
    text = as_text(value)
    return [text] if text else []


def as_lines(value: object) -> list[str]:
    """A text written over several lines (a YAML ``|`` block), one entry a line; a list, one entry an item."""
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return as_texts(value)
