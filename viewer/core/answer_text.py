"""What the search box says about an answer, in the reader's words: status lines and empty-state messages.

Typed text is quoted and shortened here; a widget that shows it as rich text must escape it.
"""

from __future__ import annotations

from viewer.core.answers import Answer, AnswerKind
from viewer.core.query import STOP_WORDS

QUOTED_CHARS = 60  # what was typed is quoted up to here: a pasted page is not repeated back


def quoted(text: str) -> str:
    """*text* in quotation marks, cut at QUOTED_CHARS (as the filter always quoted it)."""
    return f"“{text.strip()[:QUOTED_CHARS]}”"


def counted(count: int, thing: str, things: str = "") -> str:
    """'1 section', '3 sections'; '2 matches' when told the plural."""
    return f"{count} {thing if count == 1 else things or thing + 's'}"


def status_text(answer: Answer) -> str:
    """The line under the search box while sections are shown."""
    sections = len(answer.sections)
    if answer.read_as_question:
        text = f"{counted(sections, 'section')}, best answer first"
    else:
        text = f"{counted(answer.result.match_count, 'match', 'matches')} in {counted(sections, 'section')}"
    if answer.kind is AnswerKind.ONLY_QUESTION_WORDS:
        text += " · only question words: add what you want to know about"
    for typed, words in answer.result.corrections.items():
        text += f" · ≈ approximate: “{typed}” taken as {', '.join(words[:3])}"
    if answer.also_searched:
        text += f" · also searched: {', '.join(answer.also_searched)}"
    asked = [typed for typed in answer.left_out if typed.casefold() not in STOP_WORDS]  # "the" goes without saying
    if asked and answer.kind is not AnswerKind.ONLY_QUESTION_WORDS:
        text += f" · left out: {', '.join(asked)}"
    return text


def partial_heading(answer: Answer) -> str:
    """Above the best partial matches: what no section mentions, and what the sections shown do."""
    found = " or ".join(quoted(word) for word in answer.found)
    return f"No section mentions all of {quoted(answer.typed)}; sections that mention {found}, best first:"


def empty_message(answer: Answer, chosen: list[str]) -> str:
    """The message that replaces the tree when nothing is shown."""
    if answer.kind is AnswerKind.ONLY_QUESTION_WORDS:
        return f"{quoted(answer.typed)} has only question words. Type what you want to know about, or try a topic."
    parts = [quoted(answer.typed)] if answer.typed.strip() else []
    parts += [quoted(keyword) for keyword in chosen]
    return f"No section mentions {' and '.join(parts)}."


def hit_position(number: int, total: int) -> str:
    """'Hit 2 of 5', beside the search box."""
    return f"Hit {number} of {total}"


def short_hit_position(number: int, total: int) -> str:
    """'2/5', where the search box has little room beside it."""
    return f"{number}/{total}"
