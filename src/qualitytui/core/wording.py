"""Short wordings shared by the command line and the app: counts (1 bookmark, 2 bookmarks), dates."""

from __future__ import annotations

from typing import Any

from qualitytui.core.files import NAMED_SUFFIXES


def counted(n: int, noun: str) -> str:
    """``n`` and the noun, plural unless ``n`` is 1 (the nouns used here all take an s)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def dated(date: dict | None, gap: str = "") -> str:
    """A document's date as shown: ``≈2025-03-18`` when inferred from its text, ``2025-03-18`` when the
    document prints it, '' when unknown."""
    if not date or not date.get("value"):
        return ""
    return ("≈" + gap if date.get("inferred") else "") + date["value"]


def rebuilt_note(documents: int, files: int, reused: int) -> str:
    """What a rebuild did, for the user: ``files`` in the folder, ``reused`` of them taken from the
    last build as they were (store.build)."""
    note = f"The store is rebuilt: {counted(documents, 'document')}"
    read = files - reused
    if reused and read:
        note += f"; only {counted(read, 'file')} read, {reused} as the last build had them"
    elif reused:
        note += "; no file needed reading again"
    return note + "."


def kinds_read(last: str = "or") -> str:
    """The kinds of file a corpus folder may hold, for a message: ``.txt, .md, … or .pdf``."""
    return f"{', '.join(NAMED_SUFFIXES[:-1])} {last} {NAMED_SUFFIXES[-1]}"


def in_copies(n: int, hint: bool = True) -> str:
    """What a search left out in copies of other documents (copies.py), '' when nothing; with how to
    see them, where there is room."""
    if not n:
        return ""
    return f"{n} more in copies" + (" (doc: shows a copy's)" if hint else "")


def first_shown(n: int, order: str) -> str:
    """Which of a search's hits are shown when not all are: ``the best 20``, ``the newest 20``."""
    return f"the {order} {n}"


def resolved(item: dict[str, Any]) -> str:
    """A dated item's text with the date it was read as: ``去年底→2024-12``, ``今年以来→2025``."""
    end = item.get("end")
    return f"{item['date_text']}→{item['start']}" + (f"–{end}" if end else "")


_BARS = "▁▂▃▄▅▆▇█"
_SPARK_YEARS = 30  # a longer stretch of years is named by its busiest years instead


def by_year(counts: dict[int, int], undated: int = 0) -> str:
    """Counts per year as a line of bars from the first year to the last (a year with none blank),
    with the busiest year: ``2021 ▂ █▃ 2025 · most in 2023 (14) · 2 undated``."""
    rest = f" · {undated} undated" if undated else ""
    if not counts:
        return f"{undated} undated" if undated else ""
    first, last, top = min(counts), max(counts), max(counts.values())
    if first == last:
        return f"{first} ({top}){rest}"
    if last - first >= _SPARK_YEARS:
        busiest = sorted(counts, key=lambda y: (-counts[y], y))[:3]
        return "most in " + ", ".join(f"{y} ({counts[y]})" for y in busiest) + rest
    # each bar as high as its count against the busiest year's, from nothing (a year with 1 of a
    # top 2 is half as high, not the lowest bar; years of one each are all full)
    bars = "".join(_BARS[-(-counts[y] * len(_BARS) // top) - 1] if counts.get(y) else " "
                   for y in range(first, last + 1))
    peaks = sorted(y for y, n in counts.items() if n == top)
    most = f" · most in {', '.join(map(str, peaks[:3]))} ({top})" if len(peaks) < len(counts) else ""
    return f"{first} {bars} {last}{most}{rest}"


def in_documents(result: Any) -> str:
    """`` in 5 documents`` after a search's count of passages, when they are in more than one."""
    return f" in {counted(result.documents, 'document')}" if result.documents > 1 else ""
