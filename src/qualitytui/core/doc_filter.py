"""Which documents the documents list's filter keeps.

What a reader types: words of the title, subtitle, byline or file (``质量强链``, ``laoshan``,
``青岛日报``, a folder's name), years (``2024``, ``2023..2025``: the documents dated then, printed or
inferred), ``unread`` (those not opened yet). Every word must hold; ``AND`` in capitals adds nothing;
a word after ``-`` or ``NOT`` leaves out what it would keep (``-unread``: those opened; ``-2024``).
"""

from __future__ import annotations

from typing import Any, Callable

from qualitytui.core.fold import fold
from qualitytui.core.timeline_filter import years_of
from qualitytui.core.typed_words import still_typed, typed_words, word_test

UNREAD = "unread"
_SEP = "\x1f"  # between a document's fields, so that no word matches across two of them


class DocumentFilter:
    """The documents of a corpus, filtered again and again as a filter is typed (each one's text
    folded once, on first use)."""

    def __init__(self, docs: list[dict[str, Any]]) -> None:
        self.docs = docs
        self._text: dict[str, str] | None = None

    def haystacks(self) -> dict[str, str]:
        if self._text is None:
            self._text = {d["id"]: fold(_SEP.join((d["title"], d.get("subtitle") or "", d.get("byline") or "", d["id"])))
                          for d in self.docs}
        return self._text

    def keep(self, typed: str, docs: list[dict[str, Any]], read: Callable[[str], bool]) -> list[dict[str, Any]]:
        """Those of ``docs`` (in their order) that pass the filter ``typed``; ``read(id)``: whether a
        document was opened before."""
        words = [(fold(w), left_out) for w, left_out in typed_words(typed)]
        if not words:
            return docs
        typing = still_typed(fold(typed), words[-1][0])  # (the last word may be the start of a longer one)
        for k, (word, left_out) in enumerate(words):
            holds = self._test(word, read, finished=left_out or k < len(words) - 1 or not typing)
            docs = [d for d in docs if holds(d) != left_out]
        return docs

    def _test(self, word: str, read: Callable[[str], bool], finished: bool) -> Callable[[dict[str, Any]], bool]:
        """Whether a document passes one word typed (``finished``: typed to its end)."""
        if word == UNREAD:
            return lambda d: not read(d["id"])
        if span := years_of(word):
            first, last = span
            return lambda d: 0 < _year(d) and first <= _year(d) <= last  # (undated: in no year)
        found, text = word_test(word, finished), self.haystacks()
        return lambda d: found(text.get(d["id"], ""))


def _year(doc: dict[str, Any]) -> int:
    """The year a document is dated (printed or inferred); 0 when undated."""
    value = ((doc.get("date") or {}).get("value") or "")[:4]
    return int(value) if value.isdigit() else 0
