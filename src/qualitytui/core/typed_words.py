"""Words typed in a filter box (the timeline's, the documents list's), matched as a search reads them:
in any character form (質量 as 质量), or as pinyin, the last syllable of the word still being typed
also as the start of a longer one (``zhili`` on the way to zhiliang)."""

from __future__ import annotations

import re
from typing import Callable

from qualitytui.core import pinyin
from qualitytui.core.query import QUOTED_VALUE

_WORD = re.compile(r"-?(?i:entity:)" + QUOTED_VALUE + r"|\S+")


def word_test(word: str, finished: bool = True) -> Callable[[str], bool]:
    """A test of a folded text for ``word`` (folded): it holds the word, or a run of characters
    the word reads as in pinyin. ``finished``: typed to its end (something follows it)."""
    reads = pinyin.pattern(word, finished) if pinyin.is_pinyin_word(word) else None
    if reads is None:
        return lambda text: word in text
    search = reads.search
    return lambda text: word in text or search(text) is not None


def still_typed(text: str, word: str) -> bool:
    """Whether ``text`` ends in ``word`` as typed, nothing after it (not even a space)."""
    return bool(word) and not text[-1:].isspace() and text.split()[-1:] == [word]


def typed_words(text: str) -> list[tuple[str, bool]]:
    """The words of a filter box (``entity:"a b"`` one word, as in a search), each with whether it is
    left out: ``-word`` or ``NOT word`` (NOT and AND in capitals, as in a search; AND adds nothing,
    as every word must hold anyway)."""
    out: list[tuple[str, bool]] = []
    negating = False
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word in ("AND", "NOT"):
            negating = word == "NOT"
            continue
        left_out = negating or word[:1] == "-"
        word = word[1:] if word[:1] == "-" else word
        if word:  # (a dash alone: the word after it is still to come)
            out.append((word, left_out))
        negating = False
    return out
