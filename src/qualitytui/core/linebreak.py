"""Line breaking for Chinese text by display width, following the usual rules (禁则).

No line starts with closing punctuation (，。、；：？！）》」』”’ …) and none ends with an opening one
(《（「『“‘); Latin words and numbers are not cut unless they are wider than a line; ——/…… stay whole.
When a break would fall at a forbidden place, the character before it moves down to the next line
(the terminal has no room to hang punctuation in the margin).
"""

from __future__ import annotations

import unicodedata


def cell_width(ch: str) -> int:
    """Terminal cells of one character: CJK and full-width characters take two."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def display_width(text: str) -> int:
    """Terminal cells of ``text``."""
    return sum(map(cell_width, text))


def estimated_width(text: str) -> int:
    """Terminal cells of ``text`` estimated at C speed from its two lengths: exact for CJK characters
    and full-width punctuation (three bytes in UTF-8, two cells) and ASCII (one and one); a cell over
    for each curly quote or other one-cell character of more than one byte."""
    n = len(text)
    return n + (len(text.encode()) - n) // 2


CLOSING = frozenset("，。、；：？！）》」』”’〉】〕〗〙〛…—,.;:?!)]}%·～~")
OPENING = frozenset("《（「『“‘〈【〔〖〘〚([{")


def _unbreakable_pair(a: str, b: str) -> bool:
    """True where a line may not break between ``a`` and ``b``."""
    if b in CLOSING or a in OPENING:
        return True
    if a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
        return True  # inside a Latin word or a number
    return False


def wrap(text: str, width: int, first: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` at ``width`` cells (``first`` cells on the first line).

    Newlines in ``text`` end lines; spaces where a line overflows fall between the lines. No line is
    wider than ``width`` unless a single character is.
    """
    width = max(2, width)
    room = max(2, first if first is not None else width)
    lines: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start <= n:
        used = 0
        i = start
        end = None
        while i < n:
            ch = text[i]
            if ch == "\n":
                end, nxt = i, i + 1
                break
            w = cell_width(ch)
            if ch == " " and used + w > room:
                end = i  # a soft break at spaces: they fall between the lines
                nxt = i
                while nxt < n and text[nxt] == " ":
                    nxt += 1
                break
            if used + w > room and i > start:
                b = i
                while b > start + 1 and _unbreakable_pair(text[b - 1], text[b]):
                    b -= 1
                if b == start + 1 and _unbreakable_pair(text[b - 1], text[b]):
                    b = i  # nowhere allowed (one long word): cut where it overflows
                end, nxt = b, b
                break
            used += w
            i += 1
        if end is None:
            lines.append((start, n))
            break
        lines.append((start, end))
        start = nxt
        room = width
        if start == n and text[n - 1 : n] != "\n":
            break
    return lines
