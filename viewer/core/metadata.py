"""The metadata block at the top of an article.

The format is Python-Markdown's ``meta`` extension, optionally fenced by ``---`` lines::

    ---
    Title: Ketamine for Treatment-Resistant Depression
    Keywords: Ketamine, Treatment-Resistant Depression,
        Rapid Onset
    Synonyms: TRD = treatment-resistant depression
        IV = intravenous
    ---

Keys are case-insensitive; a value continues on lines indented by at least four spaces (or a
tab). Without the ``---`` fence the block ends at the first blank line, as in ``meta``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.core.errors import ArticleError

_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*):\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^(?: {4}|\t)\s*(?P<value>\S.*)$")
_FENCE = re.compile(r"^-{3}\s*$")
_FENCE_END = re.compile(r"^(?:-{3}|\.{3})\s*$")


@dataclass(frozen=True)
class Metadata:
    """What an article says about itself."""

    title: str = ""
    keywords: tuple[str, ...] = ()
    summary: str = ""
    notice: str = ""
    synonyms: tuple[tuple[str, ...], ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def split_metadata(lines: list[str]) -> tuple[Metadata, int]:
    """Parse the metadata block at the top of *lines*; return it and the index of the first body line."""
    if lines and _FENCE.match(lines[0]):
        return _parse_fenced(lines)
    if lines and _KEY_LINE.match(lines[0]):
        return _parse_open(lines)
    return Metadata(), 0


def _parse_fenced(lines: list[str]) -> tuple[Metadata, int]:
    for end in range(1, len(lines)):
        if _FENCE_END.match(lines[end]):
            return _build(_collect(lines[1:end], first_line=2, strict=True)), end + 1
    raise ArticleError("the metadata block opened by '---' on line 1 is never closed", line=1)


def _parse_open(lines: list[str]) -> tuple[Metadata, int]:
    end = 0
    while end < len(lines) and lines[end].strip():
        if not (_KEY_LINE.match(lines[end]) or (end and _CONTINUATION.match(lines[end]))):
            break  # like ``meta``: the first line of another shape starts the body
        end += 1
    return _build(_collect(lines[:end], first_line=1, strict=False)), end


def _collect(block: list[str], first_line: int, strict: bool) -> list[tuple[str, list[str], int]]:
    entries: list[tuple[str, list[str], int]] = []
    for offset, line in enumerate(block):
        number = first_line + offset
        key_match = _KEY_LINE.match(line)
        continued = _CONTINUATION.match(line)
        if continued and entries:
            entries[-1][1].append(continued["value"].strip())
        elif key_match:
            entries.append((key_match["key"].lower(), [key_match["value"].strip()], number))
        elif line.strip() or not strict:
            raise ArticleError(
                f"metadata line is not 'Key: value' or an indented continuation: {line.strip()[:60]!r}", line=number
            )
    return entries


def _build(entries: list[tuple[str, list[str], int]]) -> Metadata:
    values: dict[str, list[str]] = {}
    for key, parts, number in entries:
        if key in values:
            raise ArticleError(f"metadata key {key!r} is given twice", line=number)
        values[key] = [part for part in parts if part]
    keywords = tuple(k.strip() for k in ", ".join(values.pop("keywords", [])).split(",") if k.strip())
    synonyms = tuple(_synonym_group(group) for entry in values.pop("synonyms", []) for group in entry.split(";"))
    return Metadata(
        title=" ".join(values.pop("title", [])),
        keywords=keywords,
        summary=" ".join(values.pop("summary", [])),
        notice=" ".join(values.pop("notice", [])),
        synonyms=tuple(group for group in synonyms if len(group) > 1),
        extra={key: " ".join(parts) for key, parts in values.items()},
    )


def _synonym_group(entry: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in entry.split("=") if term.strip())
