"""Pinyin input for search: split what a user typed into syllables (or initials) and map each to the
characters it can stand for.

``laoshan`` → (lao)(shan) → [劳老崂…][山善闪…]; ``qdyp`` → initials; ``qingdaoyou`` → the last unit may
be the start of a syllable (typing as you go). Units always line up with whole characters, so
``anshan`` can never match across 崂山's syllables. Readings: data/pinyin.tsv (each syllable with the
characters mainly read so and those that rarely are, tones dropped, ü as v and as u): a reading
rare for its character (强 as jiàng) still finds it, and search ranks it below the usual readings.
Pinyin as dictionaries print it reads the same: tone marks (qīngdǎo) or numbers (qing1dao3), ü as ü,
v or u:, and an apostrophe or a tone number parts the syllables (xi'an, xi1an1: 西安; xian1: 先).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).resolve().parent.parent / "data" / "pinyin.tsv"
_INITIALS = ("zh", "ch", "sh") + tuple("bpmfdtnlgkhjqxrzcsyw")
MAX_ALTERNATIVES = 24
MAX_LETTERS = 40


Table = dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def _tables() -> tuple[Table, Table, Table, Table]:
    """(syllable → characters, first letter(s) of a reading → characters), then the same two
    counting only the characters' main readings."""
    by_syllable: dict[str, set[str]] = {}
    by_initial: dict[str, set[str]] = {}
    main_syllable: dict[str, set[str]] = {}
    main_initial: dict[str, set[str]] = {}
    for line in _FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            syl, main, rare = (line.split("\t") + [""])[:3]
            initial = syl[:2] if syl[:2] in _INITIALS else syl[0]
            for syllables, initials, chars in ((by_syllable, by_initial, main + rare), (main_syllable, main_initial, main)):
                syllables[syl] = set(chars)
                initials.setdefault(initial, set()).update(chars)
    for initials in (by_initial, main_initial):
        for one in "zcs":  # typing initials, people write s for sh (gsw: 高善武)
            initials.setdefault(one, set()).update(initials.get(one + "h", ()))
    return tuple({k: frozenset(v) for k, v in t.items()} for t in (by_syllable, by_initial, main_syllable, main_initial))


def syllables() -> frozenset[str]:
    return frozenset(_tables()[0])


_TONE_MARKS = dict.fromkeys(map(ord, "\u0304\u0301\u030c\u0300"))  # ā á ǎ à, as NFD writes them apart
_SPOKEN = re.compile(r"(?:[a-z]+[1-5]?'?)+")  # letters, each syllable perhaps with its tone number, breaks
_PIECES = re.compile(r"([1-5]|')")


def spoken(word: str) -> str:
    """``word`` (lower case) in the letters the tables read: tone marks dropped (qīngdǎo → qingdao), ü
    as v (lǜ, lu: → lv), an apostrophe (xī'ān) as ' and tone numbers (qing1dao3) kept: both are
    syllable breaks."""
    if word.isascii() and word.isalpha():
        return word
    w = unicodedata.normalize("NFD", word).replace("u\u0308", "v").replace("u:", "v").translate(_TONE_MARKS)
    return unicodedata.normalize("NFC", w).replace("’", "'")


def is_pinyin_word(word: str) -> bool:
    """Letters only (pinyin with its tones and breaks too: qīngdǎo, qing1dao3, xi'an), short enough to
    split: worth reading as pinyin."""
    w = spoken(word.lower())
    return 2 <= len(w) <= MAX_LETTERS and (w.isalpha() and w.isascii() or _SPOKEN.fullmatch(w) is not None)


@lru_cache(maxsize=256)
def _prefix_chars(prefix: str, main: bool = False, longer: bool = False) -> frozenset[str]:
    """The characters of the syllables that start with ``prefix`` (with ``longer``, of those longer
    than it, less the characters ``prefix`` is itself a reading of)."""
    table = _tables()[2 if main else 0]
    chars = frozenset().union(*(c for syl, c in table.items() if syl.startswith(prefix) and syl != prefix * longer))
    return chars - table.get(prefix, frozenset()) if longer else chars


def unit_chars(unit: str, main: bool = False) -> frozenset[str]:
    """The characters a unit can stand for: ``syl`` (a whole syllable), ``syl*`` (its start), ``syl+``
    (a longer syllable it starts: ``li+`` is lia, lian, liang…), ``^x`` (an initial); with ``main``, only
    those for which that is a main reading."""
    by_syllable, by_initial = _tables()[2:] if main else _tables()[:2]
    if unit.startswith("^"):
        return by_initial.get(unit[1:], frozenset())
    if unit.endswith("*"):
        return _prefix_chars(unit[:-1], main)
    if unit.endswith("+"):
        return _prefix_chars(unit[:-1], main, longer=True)
    return by_syllable.get(unit, frozenset())


def unfinished(reading: tuple[str, ...]) -> bool:
    """Whether ``reading`` takes its last syllable, typed whole, for the start of a longer one."""
    return bool(reading) and reading[-1].endswith("+")


@lru_cache(maxsize=512)
def readings(word: str) -> tuple[tuple[str, ...], ...]:
    """Ways to read ``word`` as a run of characters, fewest units first, at most MAX_ALTERNATIVES.

    Either whole syllables (the last may be the start of one, ``you*``, for typing as you go; a last
    syllable typed whole is also read as the start of a longer one, ``zhili`` as zhi-li and as zhi-li+
    on the way to zhiliang), or initials only (``qdyp`` → ``^q ^d ^y ^p``; zh/ch/sh count as one).
    Syllables without a vowel (嗯 n, ng, m) are left out: they would split words anywhere.
    """
    if not is_pinyin_word(word):
        return ()
    word = spoken(word.lower())
    if not word.isalpha():
        return _broken_readings(word)
    return _walk(word, initials=True)


def _walk(word: str, initials: bool) -> tuple[tuple[str, ...], ...]:
    """``readings`` of a word of letters alone; as initials too when ``initials``."""
    table = _syllables_with_vowels()
    n = len(word)
    longest = max(map(len, table))
    # ways[i]: the readings of word[i:] as whole syllables, fewest units first
    ways: list[list[tuple[str, ...]]] = [[] for _ in range(n + 1)]
    ways[n] = [()]
    for i in range(n - 1, -1, -1):
        found: list[tuple[str, ...]] = []
        for j in range(min(n, i + longest), i, -1):
            piece = word[i:j]
            if piece in table:
                found += [(piece,) + rest for rest in ways[j]]
                if j == n and i and _prefix_chars(piece, longer=True):  # (a syllable alone: too many)
                    found.append((piece + "+",))
            elif j == n and _prefix_chars(piece):
                found.append((piece + "*",))
        found.sort(key=len)
        ways[i] = found[:MAX_ALTERNATIVES]
    out = ways[0]
    if out:
        out = [w for w in out if len(w) <= len(out[0]) + 1]  # la-o-shan for laoshan, not l-a-o-…
    as_initials = _as_initials(word) if initials else None
    if as_initials and len(as_initials) <= 8:
        out.append(as_initials)
    return tuple(out)


def _broken_readings(word: str) -> tuple[tuple[str, ...], ...]:
    """Readings of a word whose syllable breaks are written (qing1dao3, xi'an): a piece before a tone
    number is one syllable, one before an apostrophe whole syllables; only the last piece, when
    nothing follows it, may be unfinished (xi'a → xi-a*)."""
    parts = _PIECES.split(word)  # piece, break, piece, break … piece
    out: list[tuple[str, ...]] = [()]
    for k in range(0, len(parts), 2):
        piece, after = parts[k], parts[k + 1] if k + 1 < len(parts) else ""
        if not piece:
            continue
        options = [r for r in _walk(piece, initials=False)
                   if (not after or not any(u.endswith(("*", "+")) for u in r)) and (after in ("", "'") or len(r) == 1)]
        out = [a + b for a in out for b in options][:MAX_ALTERNATIVES]
    return tuple(r for r in out if r)


def _as_initials(word: str) -> tuple[str, ...] | None:
    units, i = [], 0
    while i < len(word):
        ini = word[i : i + 2] if word[i : i + 2] in ("zh", "ch", "sh") else word[i]
        if ini not in _INITIALS:
            return None
        units.append("^" + ini)
        i += len(ini)
    return tuple(units) if len(units) >= 2 else None


@lru_cache(maxsize=1)
def _syllables_with_vowels() -> frozenset[str]:
    return frozenset(s for s in _tables()[0] if any(v in s for v in "aeiouv"))


def reading_regex(reading: tuple[str, ...]) -> str | None:
    """Regex source for the characters a reading stands for, or None."""
    return classes_regex([unit_chars(u) for u in reading])


def classes_regex(sets: list[frozenset[str]] | list[set[str]]) -> str | None:
    """Regex source for a run of characters, each from its set; None when a set is empty."""
    if not all(sets):
        return None
    return "".join(re.escape(next(iter(s))) if len(s) == 1 else "[" + re.escape("".join(sorted(s))) + "]" for s in sets)


MAX_RUNS = 16


class Runs:
    """The runs of characters, each from its set, that a reading stands for in a text: ``pattern``
    finds them; ``count`` counts them, by counting each run as a string where there are few runs
    and none can overlap another (the same count; a regex opening on a class is slow to scan)."""

    def __init__(self, sets: list[set[str]]) -> None:
        source = classes_regex(sets)
        if source is None:
            raise ValueError("a unit stands for no character")
        self.pattern = re.compile(source)
        runs: list[str] = [""]
        for chars in sets:
            runs = [r + c for r in runs for c in sorted(chars)] if len(runs) * len(chars) <= MAX_RUNS else []
        self.runs = tuple(runs) if runs and not _may_overlap(runs) else ()

    def count(self, text: str) -> int:
        if self.runs:
            return sum(map(text.count, self.runs))
        return len(self.pattern.findall(text))


def _may_overlap(runs: list[str]) -> bool:
    """Whether a run can start inside another (or itself): an end of one is the start of one."""
    length = len(runs[0])  # (all of one length: a character per set)
    for k in range(1, length):
        starts = {x[:length - k] for x in runs}
        if any(r[k:] in starts for r in runs):
            return True
    return False


@lru_cache(maxsize=128)
def pattern(word: str, finished: bool = False) -> re.Pattern[str] | None:
    """A pattern for the character runs ``word`` can be read as (any of its readings), or None;
    ``finished``: the word is typed to its end (its last syllable is not the start of a longer one)."""
    alternatives = [src for r in readings(word) if not (finished and unfinished(r)) and (src := reading_regex(r))]
    return re.compile("|".join(alternatives)) if alternatives else None
