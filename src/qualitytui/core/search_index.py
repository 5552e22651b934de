"""The search index: postings of character bigrams, built with the corpus store and saved in it.

Chinese is indexed by overlapping character bigrams, so a word is found however the segmenter cut
the text (强链 inside 质量强链). Each bigram's postings are a base64 array of ``passage << 8 | tf``
(uint32), decoded only when a query needs them, so loading the store costs one string per bigram.
Passages are numbered in store order (document order, then passage order).
"""

from __future__ import annotations

import base64
import re
from collections import OrderedDict
from typing import Any, Iterator, Sequence

from qualitytui.core.fold import fold
from qualitytui.core.packed import pack_u32, unpack_u32
from qualitytui.core.signals import checkpoint

VERSION = 1
K1, B = 1.2, 0.75  # BM25's usual constants
_BIGRAMS = re.compile(r"(?=(\w\w))")
_CACHE = 512


def bigrams(form: str) -> list[str]:
    """Overlapping pairs of word characters (letters, digits, CJK) in a search form."""
    return _BIGRAMS.findall(form)


_WORD = re.compile(r"\w")
_BLOCK_BITS = 20  # at most 2**20 passages a block, so a bigram and a passage fit one uint64
_BLOCK_CHARS = 1 << 20  # and about a million characters: the build takes ≈65 bytes a character
MAX_PASSAGES = 1 << 24  # a posting is ``passage << 8 | tf`` in a uint32


def build(texts: Sequence[str]) -> dict[str, Any]:
    """The stored index of these passage texts, given in store order.

    Built with numpy, a block of passages at a time: every (bigram, passage) pair of the block packed
    into one uint64 and sorted, so a bigram's passages are a run of the sorted keys, in passage order,
    and each passage's term frequency is the length of its own run. (Counting in Python took 2.5×
    as long: a dict update per posting, 2.2 million of them on 2 000 articles.) Blocks keep the
    memory it takes bounded, whatever the corpus's size.
    """
    if len(texts) >= MAX_PASSAGES:
        raise ValueError(f"the search index holds at most {MAX_PASSAGES - 1} passages, not {len(texts)}")
    lengths = list(map(len, texts))
    parts: dict[str, list[bytes]] = {}
    for first, end in _blocks(lengths):
        for bigram, raw in _block_postings(texts[first:end], lengths[first:end], first):
            row = parts.get(bigram)
            if row is None:
                parts[bigram] = [raw]
            else:
                row.append(raw)
    return {"version": VERSION, "lengths": pack_u32(lengths),
            "postings": {bg: base64.b64encode(b"".join(raws)).decode("ascii") for bg, raws in parts.items()}}


_ROW_CHARS = 1 << 20  # the postings of a stored row: about a MB, so that loading decodes them a piece at a time


def to_rows(index: dict[str, Any]) -> list[dict[str, Any]]:
    """The index as store rows: its head (version, lengths), then its postings about a MB a row (one row
    of 57 MB on 10 000 articles held the app's screen for 79 ms while it was decoded)."""
    rows: list[dict[str, Any]] = [{k: v for k, v in index.items() if k != "postings"}]
    part: dict[str, str] = {}
    size = 0
    for bigram, raw in index.get("postings", {}).items():
        part[bigram] = raw
        size += len(raw) + 8
        if size >= _ROW_CHARS:
            rows.append({"postings": part})
            part, size = {}, 0
    if part:
        rows.append({"postings": part})
    return rows


def from_rows(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The index stored as ``to_rows`` made it."""
    if not rows:
        return None
    index = {k: v for k, v in rows[0].items() if k != "postings"}
    postings: dict[str, str] = dict(rows[0].get("postings", {}))
    for row in rows[1:]:
        postings.update(row.get("postings", {}))
    index["postings"] = postings
    return index


def _blocks(lengths: list[int]) -> Iterator[tuple[int, int]]:
    """(first, end) of consecutive passages: up to 2**_BLOCK_BITS of them and _BLOCK_CHARS characters
    (a longer passage makes a block of its own)."""
    first = chars = 0
    for i, n in enumerate(lengths):
        if i > first and (chars + n > _BLOCK_CHARS or i - first >= 1 << _BLOCK_BITS):
            yield first, i
            first, chars = i, 0
        chars += n
    if first < len(lengths):
        yield first, len(lengths)


def _block_postings(texts: Sequence[str], lengths: list[int], first: int) -> Iterator[tuple[str, bytes]]:
    """(bigram, its postings as little-endian uint32 bytes) for ``texts`` (of these ``lengths``),
    passages numbered from ``first``."""
    import numpy as np

    # one string for the block ("\0" is no word character, so no bigram spans two passages)
    form = fold("\0".join(texts))  # (fold maps each character alone: the same as folding each text)
    codes = np.frombuffer(form.encode("utf-32-le", "surrogatepass"), dtype="<u4")  # (any str, lone surrogates too)
    if len(codes) < 2:
        return
    distinct = np.unique(codes)
    word = np.zeros(int(distinct[-1]) + 1, dtype=bool)
    word[[c for c in distinct.tolist() if _WORD.match(chr(c))]] = True
    is_word = word[codes]
    at = np.flatnonzero(is_word[:-1] & is_word[1:])  # where a bigram starts
    if not len(at):
        return
    opens = np.zeros(len(codes), dtype=np.uint32)  # 1 where a passage begins: summed, each character's passage
    starts = np.cumsum(np.array(lengths[:-1], dtype=np.int64) + 1)
    opens[starts[starts < len(codes)]] = 1  # (empty passages at the end start past the last character)
    passage = np.cumsum(opens, dtype=np.uint32)[at]
    pair = codes[at].astype(np.uint64) << np.uint64(21) | codes[at + 1]  # a code point takes 21 bits
    keys = np.sort(pair << np.uint64(_BLOCK_BITS) | passage)
    run = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))  # one run per (bigram, passage)
    tf = np.minimum(np.diff(np.append(run, len(keys))), 255).astype(np.uint64)
    keys = keys[run]
    values = ((keys & np.uint64((1 << _BLOCK_BITS) - 1)) + np.uint64(first) << np.uint64(8) | tf).astype("<u4")
    pairs = keys >> np.uint64(_BLOCK_BITS)
    edges = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1])))
    raw = values.tobytes()
    ends = edges[1:].tolist() + [len(pairs)]
    for key, s, e in zip(pairs[edges].tolist(), edges.tolist(), ends):
        yield chr(key >> 21) + chr(key & 0x1FFFFF), raw[s * 4 : e * 4]


def _form(text: str) -> str:
    """A passage's search form: the text itself where folding changes nothing (a third of them)."""
    f = fold(text)
    return text if f == text else f


class Index:
    """The loaded index: search forms of the passages, and postings decoded on demand."""

    def __init__(self, stored: dict[str, Any], texts: list[str]):
        self._raw: dict[str, str] = stored.get("postings", {})
        self.lengths = list(unpack_u32(stored["lengths"])) if stored.get("lengths") else [len(t) for t in texts]
        self._texts = texts
        self._forms: list[str] | None = None
        self._some: dict[int, str] | None = None  # forms made one by one before they are all made
        self.count = len(texts)
        self.avg_length = (sum(self.lengths) / self.count if self.count else 0.0) or 1.0  # (all empty: no division by 0)
        # BM25's length normalisation, per passage, once
        self.norms = [K1 * (1 - B + B * n / self.avg_length) for n in self.lengths]
        self._decoded: OrderedDict[str, dict[int, int]] = OrderedDict()
        self._next: dict[str, set[str]] | None = None
        self._chars: set[str] = set()

    @property
    def forms(self) -> list[str]:
        """Every passage's search form (fold.py), made on first use: a query answered from the
        postings alone (a one-off search from the command line) needs only its hits' forms."""
        if self._forms is None:
            some = self._some or {}
            forms = []
            for i, t in enumerate(self._texts):
                if not i & 1023:  # compiled, this loop never lets the app's screen run (signals.py)
                    checkpoint()
                forms.append(some.get(i) or _form(t))
            self._forms = forms
            self._some = None
        return self._forms

    def form(self, i: int) -> str:
        """Passage ``i``'s search form, without making them all (kept: the next query's candidates
        are mostly the same passages)."""
        if self._forms is not None:
            return self._forms[i]
        some = self._some
        if some is None:
            some = self._some = {}
        f = some.get(i)
        if f is None:
            f = some[i] = _form(self._texts[i])
        return f

    def postings(self, bigram: str) -> dict[int, int]:
        """passage → how often ``bigram`` occurs in it (capped at 255)."""
        hit = self._decoded.get(bigram)
        if hit is not None:
            self._decoded.move_to_end(bigram)
            return hit
        raw = self._raw.get(bigram)
        out = {v >> 8: v & 0xFF for v in unpack_u32(raw)} if raw else {}
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
