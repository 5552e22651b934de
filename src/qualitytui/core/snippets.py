"""Keyword in context: a short piece of a passage around a match, measured in terminal cells."""

from __future__ import annotations

from dataclasses import dataclass

from qualitytui.core.linebreak import cell_width


@dataclass(frozen=True)
class Snippet:
    text: str
    offset: int  # passage offset x is at text[x - offset]

    def spans(self, matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``matches`` (passage offsets) that fall inside the snippet, as snippet offsets."""
        n = len(self.text)
        out = []
        for s, e in matches:
            a, b = max(s - self.offset, 0), min(e - self.offset, n)
            if a < b:
                out.append((a, b))
        return out


def snippet(text: str, start: int, end: int, width: int = 60) -> Snippet:
    """About ``width`` cells of ``text`` around ``text[start:end]``, a third of them before it (more
    when the text ends sooner)."""
    a = _back(text, start, max(width // 3, 4))
    b = a
    used = 0
    while b < len(text):
        cells = cell_width(text[b])
        if b >= end and (text[b] == "\n" or used + cells > width):
            break
        used += cells
        b += 1
    if used < width and (b == len(text) or text[b] == "\n"):  # the line ends: fill the width from the left
        a = _back(text, a, width - used)
    body = text[a:b].replace("\n", " ")
    left = "…" if a > 0 else ""
    right = "…" if b < len(text) else ""
    return Snippet(left + body + right, a - len(left))


def _back(text: str, a: int, budget: int) -> int:
    """Where to start to show up to ``budget`` more cells before ``text[a]`` (not across a line end)."""
    while a > 0 and text[a - 1] != "\n" and budget - cell_width(text[a - 1]) >= 0:
        a -= 1
        budget -= cell_width(text[a])
    return a
