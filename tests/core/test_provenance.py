"""Source, authors and review dates from an article's metadata."""

import datetime as dt

from viewer.core.article import parse_article
from viewer.core.provenance import Provenance, format_date, provenance

HEADER = """---
Title: Dosing
Source: Example Hospital Handbook
Authors: A. Writer, B. Checker
Reviewed: 2024-01-15
Review-due: 2025-01-15
---

# Dosing
"""


def test_the_four_keys_are_read_from_the_metadata():
    origin = provenance(parse_article(HEADER).metadata)
    assert origin == Provenance(
        source="Example Hospital Handbook",
        authors="A. Writer, B. Checker",
        reviewed=dt.date(2024, 1, 15),
        review_due=dt.date(2025, 1, 15),
    )
    assert origin.byline() == "By A. Writer, B. Checker · Source: Example Hospital Handbook"
    assert origin.reviewed_line() == "Last reviewed 15 January 2024"


def test_keys_are_case_insensitive():
    origin = provenance(parse_article("SOURCE: Here\nreview-DUE: 2030-02-01\n\n# X\n").metadata)
    assert origin.source == "Here" and origin.review_due == dt.date(2030, 2, 1)


def test_the_warning_appears_the_day_after_the_review_date():
    origin = provenance(parse_article(HEADER).metadata)
    assert not origin.overdue(dt.date(2025, 1, 15)) and origin.overdue_warning(dt.date(2025, 1, 15)) == ""
    assert origin.overdue(dt.date(2025, 1, 16))
    assert "15 January 2025" in origin.overdue_warning(dt.date(2025, 1, 16))


def test_an_article_without_the_keys_has_no_dates_and_no_warning():
    origin = provenance(parse_article("# Plain\n").metadata)
    assert origin == Provenance()
    assert origin.byline() == "" and origin.reviewed_line() == "" and not origin.overdue(dt.date(2999, 1, 1))


def test_a_date_that_is_not_a_date_is_ignored_with_a_problem_naming_the_key():
    origin = provenance(parse_article("Reviewed: last spring\nReview-due: 2025-02-30\n\n# X\n").metadata)
    assert origin.reviewed is None and origin.review_due is None
    assert any("Reviewed" in p and "last spring" in p for p in origin.problems)
    assert any("Review-due" in p and "2025-02-30" in p for p in origin.problems)


def test_dates_read_the_same_in_every_locale():
    assert format_date(dt.date(2026, 3, 5)) == "5 March 2026"
    assert format_date(dt.date(2025, 12, 31)) == "31 December 2025"
