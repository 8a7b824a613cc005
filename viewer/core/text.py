"""Words as search sees them: case-, accent- and hyphen-insensitive tokens with their offsets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\w+")
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its folded form and where it stands in the original."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case *word* and strip its accents: 'Café' and 'cafe' fold alike."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stem(norm: str) -> str:
    """The English word stem of a folded word: 'infusions' and 'infusion' share one."""
    return _STEMMER.stemWord(norm)


def tokenize(text: str) -> list[Token]:
    """Every word of *text*; hyphens, apostrophes and punctuation separate words."""
    return [Token(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def words(text: str) -> list[str]:
    """The folded words of *text*, without offsets."""
    return [fold(m.group()) for m in _WORD.finditer(text)]


_ENUMERATOR = re.compile(r"^\s*(?:[IVXLCDM]+|[A-Za-z]|\d+(?:\.\d+)*)[.)]\s")


def blank_enumerator(heading: str) -> str:
    """*heading* with its outline label ('IV.', 'B.', '2.1') blanked out, offsets kept.

    The label numbers the outline; it is not a word: "IV" must find intravenous, not part IV.
    """
    label = _ENUMERATOR.match(heading)
    return " " * label.end() + heading[label.end() :] if label else heading
