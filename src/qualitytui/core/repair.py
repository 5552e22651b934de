"""Line-level repairs of print-layout text: doubled headlines, spaces inside numbers, joins.

Each function is pure and general: nothing here knows a file name or a sentence of the corpus.
"""

from __future__ import annotations

import operator
import re
from itertools import islice

# Sentence-final punctuation, optionally followed by closing quotes or brackets: the pattern
# [。！？!?；;…]+[”’」』）)》〉】"']*$|\.{3,}[”’」』）)"']*$, checked from the end of the text.
_ENDS = "。！？!?；;…"
_CLOSERS = "”’」』）)》〉】\"'"
_CLOSERS_AFTER_DOTS = "”’」』）)\"'"
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_SPACE = "[ \u3000\u00a0\t]+"
# Punctuation around which a space is never the author's (full-width marks and CJK brackets).
_FW_PUNCT = "，。、；：？！…—“”‘’《》〈〉（）【】『』「」％"


def is_terminated(text: str) -> bool:
    """True when ``text`` ends a sentence (。！？；… or ..., with any closing quote or bracket)."""
    text = text.rstrip()
    bare = text.rstrip(_CLOSERS)
    return (bare != "" and bare[-1] in _ENDS) or text.rstrip(_CLOSERS_AFTER_DOTS).endswith("...")


def has_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))


def undouble(line: str) -> str | None:
    """Undo a headline extracted with every character doubled, or twice over; None when the line is
    not one.

    ``省省市市场场`` → ``省市场``. Real reduplicated words (久久为功, 实实在在) do not trigger it:
    it takes at least six doubled pairs and nearly no single characters.
    """
    s = line.strip()
    half = len(s) // 2
    if 8 <= len(s) <= 80 and len(s) % 2 == 0 and s[:half] == s[half:]:  # (a headline's length: not a text repeating)
        return s[:half]  # the whole headline twice: 烟台：打造强市烟台：打造强市
    if len(s) < 12:
        return None
    # accepting takes singles ≤ pairs/10, so fewer than len/20 singles: the first len/20 + 2 characters
    # hold a pair. Most lines fail that at once; then, as pairs ≥ len/2.1 (2·pairs + singles = len)
    # and the loop finds at most as many pairs as there are equal neighbours, most others fail this.
    head = len(s) // 20 + 2
    if not any(map(operator.eq, s[: head - 1], s[1:head])):
        return None
    if sum(map(operator.eq, s, islice(s, 1, None))) * 2.1 < len(s):
        return None
    out: list[str] = []
    pairs = singles = 0
    i = 0
    while i < len(s):
        if i + 1 < len(s) and s[i] == s[i + 1]:
            out.append(s[i])
            pairs += 1
            i += 2
        else:
            out.append(s[i])
            singles += 1
            i += 1
    if pairs >= 6 and singles <= pairs // 10:
        return "".join(out)
    return None


_ANY_SPACE = re.compile(_SPACE)
_NUM_FIXES = (
    # 7 . 8% → 7.8%   52 .28 → 52.28
    (re.compile(rf"(\d)(?:{_SPACE})?\.(?:{_SPACE})?(\d)"), r"\1.\2"),
    # 2017 年 / 第 45 个 / 10 条 (digit ↔ CJK)
    (re.compile(rf"(\d){_SPACE}(?=[{_CJK}])"), r"\1"),
    (re.compile(rf"(?<=[{_CJK}]){_SPACE}(\d)"), r"\1"),
    # 17 % / 52.28 %
    (re.compile(rf"(\d){_SPACE}([%％‰])"), r"\1\2"),
    (re.compile(rf"([%％‰]){_SPACE}(?=[{_CJK}])"), r"\1"),
    # spaces beside full-width punctuation: “ 6997 ”, 、 SVT, 17% ，
    (re.compile(rf"{_SPACE}(?=[{_FW_PUNCT}])"), ""),
    (re.compile(rf"(?<=[{_FW_PUNCT}]){_SPACE}"), ""),
)


def fix_spacing(line: str) -> str:
    """Remove layout spaces inside numbers and beside full-width punctuation.

    Spaces between Latin words, and between two Chinese phrases (a headline's two halves), stay.
    """
    if not _ANY_SPACE.search(line):  # every fix takes a space away (the first is otherwise identity)
        return line
    for pattern, repl in _NUM_FIXES:
        line = pattern.sub(repl, line)
    return line


_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")
_LATIN_PUNCT_END = re.compile(r"[A-Za-z)][.,;:!?]$")  # "world." / "This": an English sentence goes on


def join_lines(lines: list[str]) -> str:
    """Join lines broken by a print column: no separator, except a space between two Latin words
    (or after an English word's comma or full stop)."""
    pieces: list[str] = []
    tail = ""  # the end of what is joined so far: the patterns look at its last characters only
    for line in lines:
        if tail and _LATIN_START.search(line) and (
            _LATIN_END.search(tail) and not (tail[-1].isdigit() and line[0].isdigit())
            or _LATIN_PUNCT_END.search(tail) and line[0].isalpha()
        ):
            pieces.append(" ")
            tail += " "
        pieces.append(line)
        tail = (tail + line)[-3:]  # (searching all of it made a file of many short lines quadratic)
    return "".join(pieces)
