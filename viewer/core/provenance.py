"""Where an article comes from and when it was reviewed: the ``Source``, ``Authors``, ``Reviewed`` and
``Review-due`` metadata keys, read from :attr:`Metadata.extra`.

Dates are written ``YYYY-MM-DD``; one that is not a real date is ignored, with a problem naming the
key. The keys are optional: an article without them simply has no review date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from viewer.core.metadata import Metadata

SOURCE_KEY, AUTHORS_KEY, REVIEWED_KEY, REVIEW_DUE_KEY = "source", "authors", "reviewed", "review-due"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Provenance:
    """An article's source, authors and review dates, each empty or None when the article does not say."""

    source: str = ""
    authors: str = ""
    reviewed: dt.date | None = None
    review_due: dt.date | None = None
    problems: tuple[str, ...] = ()

    def overdue(self, today: dt.date) -> bool:
        """Whether the review date has passed on *today*."""
        return self.review_due is not None and today > self.review_due

    def byline(self) -> str:
        """'By …' and 'Source: …' in one line, or '' when the article names neither."""
        parts = ([f"By {self.authors}"] if self.authors else []) + ([f"Source: {self.source}"] if self.source else [])
        return " · ".join(parts)

    def reviewed_line(self) -> str:
        """'Last reviewed 10 January 2025', or ''."""
        return f"Last reviewed {format_date(self.reviewed)}" if self.reviewed else ""

    def overdue_warning(self, today: dt.date) -> str:
        """The warning a reader sees once the review date has passed, or ''."""
        if not self.overdue(today):
            return ""
        return f"This article was due for review on {format_date(self.review_due)} and may be out of date."


def provenance(metadata: Metadata) -> Provenance:
    """The provenance an article's metadata declares."""
    extra = {str(key).lower(): value for key, value in metadata.extra.items()}
    problems: list[str] = []
    reviewed = _date(extra, REVIEWED_KEY, problems)
    review_due = _date(extra, REVIEW_DUE_KEY, problems)
    return Provenance(
        source=_text(extra.get(SOURCE_KEY)),
        authors=_text(extra.get(AUTHORS_KEY)),
        reviewed=reviewed,
        review_due=review_due,
        problems=tuple(problems),
    )


def format_date(day: dt.date) -> str:
    """A date as people write it on paper, the same in every locale: '5 March 2026'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _date(extra: Mapping[str, object], key: str, problems: list[str]) -> dt.date | None:
    value = extra.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value  # a YAML reader may hand over a date already
    text = _text(value)
    try:
        if not _ISO_DATE.match(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        shown = text if len(text) <= 30 else text[:27] + "..."
        problems.append(f"metadata {key.capitalize()}: {shown!r} is not a date written YYYY-MM-DD; it is ignored")
        return None
