"""Words typed in a filter box (the timeline's, the documents list's), matched as a search reads them:
in any character form (質量 as 质量), or as pinyin, the last syllable of the word still being typed
also as the start of a longer one (``zhili`` on the way to zhiliang)."""

from __future__ import annotations

from typing import Callable

from qualitytui.core import pinyin


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
