"""Dates and ranges as typed in filters: the forms read, the bounds, what a range holds and meets."""

import pytest

from qualitytui.core.date_range import DateRange, parse_date, parse_range


@pytest.mark.parametrize("typed, date", [
    ("2024", "2024"), ("2024-3", "2024-03"), ("2024-03-05", "2024-03-05"), ("2024/3/5", "2024-03-05"),
    ("2024.03", "2024-03"), ("2024年", "2024"), ("2024年3月", "2024-03"), ("2024年3月5日", "2024-03-05"),
    (" 2024 ", "2024"),
])
def test_dates_in_the_forms_people_type(typed, date):
    assert parse_date(typed) == date


@pytest.mark.parametrize("typed", ["", "24", "20245", "2024-13", "2024-00", "2024-02-32", "2024-", "三月", "x2024"])
def test_what_is_no_date(typed):
    assert parse_date(typed) is None


@pytest.mark.parametrize("typed, start, end", [
    ("2025", "2025", "2025"), ("2023..2025", "2023", "2025"), ("2025—2027", "2025", "2027"),
    ("2025–2027", "2025", "2027"), ("2025-2027", "2025", "2027"), ("2025~2027", "2025", "2027"),
    ("2025至2027", "2025", "2027"), ("2024..", "2024", ""), ("..2023", "", "2023"),
    ("2024-03..2024-06", "2024-03", "2024-06"), ("2024.03..2024.06", "2024-03", "2024-06"),
    ("2027..2025", "2025", "2027"),  # the other way round: the years between
])
def test_ranges(typed, start, end):
    assert parse_range(typed) == DateRange(start, end)


def test_what_is_no_range():
    for typed in ("..", "", "2024..x", "abc", "2024-13..2025", "2024-2025-2026"):
        assert parse_range(typed) is None, typed
    assert parse_range("2024-03", years_only=True) is None and parse_range("2023..2024-06", years_only=True) is None
    assert parse_range("2023..2025", years_only=True) == DateRange("2023", "2025")


def test_a_range_holds_a_date_only_when_all_of_it_lies_inside():
    spring = parse_range("2024-03..2024-05")
    assert spring.holds("2024-03") and spring.holds("2024-05-31") and spring.holds("2024-04-01")
    assert not spring.holds("2024-02-29") and not spring.holds("2024-06-01")
    assert not spring.holds("2024")  # a document dated only 2024 may be from any month
    assert parse_range("2024").holds("2024-12-31") and parse_range("2024").holds("2024")
    assert parse_range("2024..").holds("2030-01") and not parse_range("2024..").holds("2023-12-31")
    assert parse_range("..2023").holds("1999") and not parse_range("..2023").holds("2024-01-01")


def test_the_years_a_range_reaches_into():
    assert parse_range("2026").years == (2026, 2026) and parse_range("2024-03..2025-01").years == (2024, 2025)
    assert parse_range("..2023").years == (0, 2023) and parse_range("2024..").years == (2024, 9999)

