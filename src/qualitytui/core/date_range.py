"""Dates and ranges of them as a reader types them in a filter: ``2024``, ``2024-03``, ``2024-3-5``,
``2024年3月``, ``2024/03/05``, and ranges ``2023..2025``, ``2024-03..2024-06``, ``2024..`` (from then
on), ``..2023`` (up to then), ``2025—2027`` or ``2025-2027`` as the articles print plan periods.

A date is kept in the store's form, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, which compares as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE = re.compile(r"(\d{4})(?:(?:[-/.]|年)(\d{1,2})(?:(?:[-/.]|月)(\d{1,2})日?|月)?|年)?")
# between the ends of a range: .. ~ ～ 至 到 and the dashes (a hyphen only between two years)
_BETWEEN = re.compile(r"\.\.|[~～至到—–]|(?<=^\d{4})-(?=\d{4}$)")


def parse_date(text: str) -> str | None:
    """``text`` as YYYY, YYYY-MM or YYYY-MM-DD; None when it is no date (a month 13, a day 32)."""
    m = _DATE.fullmatch(text.strip())
    if not m:
        return None
    year, month, day = m.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year}-{int(month):02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


def first_day(date: str) -> str:
    """The first day a date of any precision covers: 2024 → 2024-01-01."""
    return date + "-01-01"[len(date) - 4:]


def last_day(date: str) -> str:
    """The last day a date of any precision covers, as text that sorts after every day in it
    (2024-02 → 2024-02-31: no real day of February sorts after it, none of March before)."""
    return date + "-12-31"[len(date) - 4:]


@dataclass(frozen=True)
class DateRange:
    """From ``start`` to ``end``, each YYYY[-MM[-DD]] or "" for no bound."""

    start: str
    end: str

    def holds(self, date: str) -> bool:
        """Whether all of ``date`` (YYYY[-MM[-DD]]) lies in the range: a document dated only 2024 is
        not in 2024-03..2024-06, as it may be from any month of the year."""
        return (not self.start or first_day(date) >= first_day(self.start)) and \
            (not self.end or last_day(date) <= last_day(self.end))

    @property
    def years(self) -> tuple[int, int]:
        """The first and last year the range reaches into (0 and 9999 for no bound)."""
        return int(self.start[:4] or 0), int(self.end[:4] or 9999)


def parse_range(text: str, years_only: bool = False) -> DateRange | None:
    """The range ``text`` means (a date alone is the range of itself); None when it means none, or
    when ``years_only`` and it names a month or a day. A range whose end comes before its start is
    read the other way round (a reader means the years between)."""
    parts = _BETWEEN.split(text.strip(), maxsplit=1)
    if len(parts) == 1:
        date = parse_date(parts[0])
        parts = [parts[0], parts[0]] if date else []
    if len(parts) != 2 or not any(p.strip() for p in parts):
        return None
    ends = [parse_date(p) if p.strip() else "" for p in parts]
    if None in ends or years_only and any(len(e) > 4 for e in ends):  # type: ignore[arg-type]
        return None
    start, end = ends  # type: ignore[misc]
    if start and end and first_day(end) < first_day(start):
        start, end = end, start
    return DateRange(start, end)  # type: ignore[arg-type]
