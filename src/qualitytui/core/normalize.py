"""The normalized form used by search and extraction.

``normalize(text)`` has the same length as ``text`` by construction (one character in, one out), so
an offset found in the normalized form is valid in the displayed text as it is: that is the offset
map. Full-width forms become half-width (``，``→``,``, ``２０２２``→``2022``), corner brackets become
curly quotes, Latin is lower-cased. The displayed text always keeps the author's characters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_EXTRA = {
    "『": "“", "』": "”", "「": "“", "」": "”", "〝": "“", "〞": "”", "＂": '"',
    "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
    "—": "-", "–": "-", "―": "-", "－": "-", "﹣": "-", "〜": "~", "～": "~",
    "･": "·", "・": "·", "•": "·", "‧": "·",
}


# Characters that show nothing and mean nothing in Chinese text, left by web pages and word processors
# (zero-width spaces, word joiners, a byte-order mark inside a file, soft hyphens, direction marks):
# between two characters they keep a search or a rule from seeing a word. The repairs take them out.
# (The zero-width joiner stays: it makes one emoji of several.)
INVISIBLE_CHARS = "\u200b\u200c\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")


@lru_cache(maxsize=8192)
def norm_char(ch: str) -> str:
    if ch in _EXTRA:
        return _EXTRA[ch]
    n = unicodedata.normalize("NFKC", ch)
    if len(n) != 1:
        return ch.lower() if len(ch.lower()) == 1 else ch
    low = n.lower()
    return low if len(low) == 1 else n


class CharTable(dict):
    """str.translate table that fills itself: each character is mapped by ``fn`` once per process."""

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, code: int) -> str:
        out = self[code] = self.fn(chr(code))
        return out


_TABLE = CharTable(norm_char)


# Characters that normalize to themselves: CJK ideographs and ASCII but for capitals. The rest of a
# text (punctuation, mostly: ，（）) is a handful of distinct characters, replaced one by one, which is
# several times faster than str.translate looking up every character of a Chinese text.
_MAYBE_CHANGED = re.compile(r"[^\u4e00-\u9fff\x00-\x40\x5b-\x7f]")


def normalize(text: str) -> str:
    """Same-length normalized copy of ``text``."""
    if text.isascii():
        return text.lower()
    moves = []
    for ch in set(_MAYBE_CHANGED.findall(text)):
        to = _TABLE[ord(ch)]
        if to != ch:
            moves.append((ch, to))
    sources = {ch for ch, _ in moves}
    if any(to in sources for _, to in moves):  # a chain (a → b → c): only a one-pass mapping is right
        return text.translate(_TABLE)
    for ch, to in moves:
        text = text.replace(ch, to)
    return text


# Frequent characters of traditional writing that simplified text never uses: a passage holding one is
# read in simplified characters (the segmenter, the gazetteer and the rules know those), as search does.
_TRADITIONAL = re.compile("[們這個為說時會國學對產與區經開關東長業機實現動點質務資級縣鄉廳島門問題發電車書語讓還從應過運進選邊網際陽聯體處總辦議設計護讀試證顧]")


class Simplified(str):
    """The analysis form of a text written in traditional characters (so the rules know to name what
    they find in simplified form, not as the text has it)."""

    __slots__ = ()


def is_traditional(text: str) -> bool:
    return _TRADITIONAL.search(text) is not None


def analysis_form(text: str) -> str:
    """The form dates and entities read: normalized, and in simplified characters when the text is
    written in traditional ones (same length either way; then a ``Simplified``)."""
    if is_traditional(text):
        from qualitytui.core.fold import fold  # (fold builds on this module)

        return Simplified(fold(text))
    return normalize(text)


def passage_norms(passages: list[dict]) -> list[str | None]:
    """Each passage's analysis form (``analysis_form``), as dates and entities read it; None for page
    furniture (shown, never analysed). Made once per document and handed to both."""
    return [None if p["kind"] == "furniture" else analysis_form(p["text"]) for p in passages]


def to_display(start: int, end: int) -> tuple[int, int]:
    """Map a span in the normalized form to the displayed text (the identity, by construction)."""
    return start, end


_CONTROL_PICTURES = {c: chr(0x2400 + c) for c in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES.pop(0x0A)  # newlines stay newlines


def printable(text: str) -> str:
    """``text`` with control characters (ESC, BEL, …) shown as visible symbols (␛, ␇), for display."""
    return text.translate(_CONTROL_PICTURES)
