"""Which section bodies might be slow to convert: those are converted in the render worker process.

Python-Markdown is linear on ordinary text (about 0.2 µs a character, 5 µs where markup is dense)
but quadratic or worse on runs of brackets (twenty thousand ``[`` take over a minute) and slow on
deep nesting. A body under these bounds converts in a few milliseconds, however it is written
(``benchmarks/render_cost.py`` measures the worst cases); anything over them is sent away, so the
window's thread never waits on it. Ordinary articles stay well under them: none of the bundled or
generated benchmark articles' sections comes near.
"""

from __future__ import annotations

import re

SAFE_CHARACTERS = 6_000  # markup-dense text this long converts in about 30 ms
SAFE_BRACKETS = 150  # '[' and '<' together: about 5 ms at worst, quadratic beyond
_DEEP_LINE = re.compile(r"^[ \t>*+-]{40}", re.MULTILINE)  # quotes, lists and indents nested ten levels or more


def costly_reason(body: str) -> str | None:
    """Why converting *body* might take long, in words; None when it surely will not."""
    if len(body) > SAFE_CHARACTERS:
        return f"it is {len(body):,} characters long"
    brackets = body.count("[") + body.count("<")
    if brackets > SAFE_BRACKETS:
        return f"it has {brackets:,} brackets"
    if _DEEP_LINE.search(body):
        return "it nests deeply"
    return None
