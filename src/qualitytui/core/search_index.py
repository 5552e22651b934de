"""The search index: postings of character bigrams, built with the corpus store and saved in it.

Chinese is indexed by overlapping character bigrams, so a word is found however the segmenter cut
the text (强链 inside 质量强链). Each bigram's postings are a base64 array of ``passage << 8 | tf``
(uint32), decoded only when a query needs them, so loading the store costs one string per bigram.
Passages are numbered in store order (document order, then passage order).
"""

from __future__ import annotations

import base64
import re
import sys
from array import array
from collections import Counter, OrderedDict
from typing import Any, Iterable

from qualitytui.core.fold import fold

VERSION = 1
K1, B = 1.2, 0.75  # BM25's usual constants
_BIGRAMS = re.compile(r"(?=(\w\w))")
_CACHE = 512


def _pack(values: Iterable[int]) -> str:
    a = array("I", values)
    if sys.byteorder != "little":
        a.byteswap()
    return base64.b64encode(a.tobytes()).decode("ascii")


def _unpack(text: str) -> array:
    a = array("I")
    a.frombytes(base64.b64decode(text))
    if sys.byteorder != "little":
        a.byteswap()
    return a


def bigrams(form: str) -> list[str]:
    """Overlapping pairs of word characters (letters, digits, CJK) in a search form."""
    return _BIGRAMS.findall(form)


class IndexBuilder:
    """Builds the stored index from passage texts given in store order, a batch at a time."""

    def __init__(self) -> None:
        self.postings: dict[str, list[int]] = {}
        self.lengths: list[int] = []

    def add(self, texts: Iterable[str]) -> None:
        postings, lengths, findall = self.postings, self.lengths, _BIGRAMS.findall
        for text in texts:
            form = fold(text)
            code = len(lengths) << 8
            lengths.append(len(form))
            for bg, tf in Counter(findall(form)).items():
                value = code | tf if tf < 256 else code | 255  # (not min(): a call per posting)
                row = postings.get(bg)
                if row is None:
                    postings[bg] = [value]
                else:
                    row.append(value)

    def stored(self) -> dict[str, Any]:
        return {"version": VERSION, "lengths": _pack(self.lengths),
                "postings": {bg: _pack(p) for bg, p in self.postings.items()}}


class Index:
    """The loaded index: search forms of the passages, and postings decoded on demand."""

    def __init__(self, stored: dict[str, Any], texts: list[str]):
        self._raw: dict[str, str] = stored.get("postings", {})
        self.lengths = list(_unpack(stored["lengths"])) if stored.get("lengths") else [len(t) for t in texts]
        self.forms = [fold(t) for t in texts]
        self.count = len(texts)
        self.avg_length = (sum(self.lengths) / self.count) if self.count else 1.0
        # BM25's length normalisation, per passage, once
        self.norms = [K1 * (1 - B + B * n / self.avg_length) for n in self.lengths]
        self._decoded: OrderedDict[str, dict[int, int]] = OrderedDict()
        self._next: dict[str, set[str]] | None = None
        self._chars: set[str] = set()

    def postings(self, bigram: str) -> dict[int, int]:
        """passage → how often ``bigram`` occurs in it (capped at 255)."""
        hit = self._decoded.get(bigram)
        if hit is not None:
            self._decoded.move_to_end(bigram)
            return hit
        raw = self._raw.get(bigram)
        out = {v >> 8: v & 0xFF for v in _unpack(raw)} if raw else {}
        self._decoded[bigram] = out
        if len(self._decoded) > _CACHE:
            self._decoded.popitem(last=False)
        return out

    def chars(self) -> set[str]:
        """Every character that stands in some bigram of the corpus."""
        if self._next is None:
            self.pairs(frozenset(), frozenset())
        return self._chars

    def pairs(self, first: frozenset[str], second: frozenset[str]) -> list[str]:
        """The corpus's bigrams whose first character is in ``first`` and second in ``second``."""
        if self._next is None:
            nxt: dict[str, set[str]] = {}
            for bg in self._raw:
                nxt.setdefault(bg[0], set()).add(bg[1])
            self._next = nxt
            self._chars = set(nxt).union(*nxt.values()) if nxt else set()
        nxt = self._next
        return [a + b for a in first.intersection(nxt) for b in nxt[a].intersection(second)]
