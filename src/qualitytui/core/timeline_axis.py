"""Where dated items fall on a drawn year axis: positions in columns, computed from ISO dates."""

from __future__ import annotations

from typing import Any


def _when(iso: str, end: bool) -> float:
    """The moment an ISO date of any precision starts (or, with ``end``, finishes), in years."""
    parts = [int(p) for p in iso.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year + (1.0 if end else 0.0)
    month = parts[1]
    if len(parts) == 2:
        return year + (month if end else month - 1) / 12
    return year + (month - 1) / 12 + (parts[2] - (0 if end else 1)) / 372


def item_years(item: dict[str, Any]) -> tuple[int, int] | None:
    """First and last year an item's dates reach into; None for an item without a date."""
    start = item.get("start")
    if not start:
        return None
    return int(start[:4]), int((item.get("end") or start)[:4])


def span_years(items: list[dict[str, Any]]) -> tuple[int, int]:
    """First and last year the axis shows (whole years)."""
    spans = [y for i in items if (y := item_years(i))]
    if not spans:
        return 0, 0
    return min(a for a, _ in spans), max(b for _, b in spans)


def columns(item: dict[str, Any], first: int, last: int, width: int) -> tuple[int, int]:
    """Columns [a, b] the item covers on an axis of ``width`` columns from ``first`` to ``last`` year."""
    total = (last + 1 - first) or 1
    a = (_when(item["start"], False) - first) / total
    b = (_when(item.get("end") or item["start"], True) - first) / total
    ca = min(width - 1, max(0, int(a * width)))
    cb = min(width - 1, max(ca, int(b * width - 1e-9)))
    return ca, cb


def ticks(first: int, last: int, width: int) -> list[tuple[int, str]]:
    """(column, year) labels for the axis, thinned so that they do not run into each other."""
    total = (last + 1 - first) or 1
    out, free = [], 0
    for year in range(first, last + 1):
        col = int((year - first) / total * width)
        if col >= free and col + 4 <= width:
            out.append((col, str(year)))
            free = col + 5
    return out
