"""Ranked search over the corpus: the query language (query.py) on the bigram index (search_index.py).

Scoring is BM25 over the query's own words (a word's frequency is how often it occurs in the
passage, whatever the segmenter made of it), times a weight for the passage kind (titles and
headings first), times a bonus when the words stand together as a phrase. Ties keep document order.
"""

from __future__ import annotations

import heapq
import math
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, Callable

from qualitytui.core.date_range import parse_range
from qualitytui.core.pinyin import Runs, unfinished, unit_chars
from qualitytui.core.query import Query, Term, parse, syntax_form
from qualitytui.core.search_index import K1, Index, bigrams
from qualitytui.core.snippets import Snippet, snippet
from qualitytui.core.timeline_axis import item_years

KIND_WEIGHT = {"title": 2.0, "subtitle": 1.6, "heading": 1.5, "body": 1.0, "caption": 0.9, "byline": 0.5,
               "furniture": 0.3}
PHRASE_BONUS = 1.5
PINYIN_WEIGHT = 0.8  # what was typed, as typed, counts a little more than its pinyin reading
RARE_READING_WEIGHT = 0.2  # a run read by a rare reading of one of its characters (质量强 for zhiliangjiang)


@dataclass
class Hit:
    pid: int
    doc: str
    passage: str
    score: float
    snippet: Snippet
    matches: list[tuple[int, int]]
    anchor: tuple[int, int] = (0, 0)  # what the snippet is cut around (a wider one: Corpus.hit_snippet)

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "passage": self.passage, "score": self.score, "snippet": self.snippet.text,
                "matches": [list(m) for m in self.matches]}


@dataclass
class Result:
    query: str
    total: int
    took_ms: float
    hits: list[Hit]
    message: str | None = None
    in_copies: int = 0  # passages found in copies of other documents, left out (copies.py)
    order: str = "best"  # or by the documents' dates: newest, oldest (sort:)
    documents: int = 0  # how many documents the passages found are in
    doc_ids: list[str] = field(default_factory=list)  # those documents (for Corpus.years_found)

    def to_dict(self) -> dict[str, Any]:
        out = {"query": self.query, "total": self.total, "documents": self.documents, "took_ms": self.took_ms,
               "hits": [h.to_dict() for h in self.hits]}
        if self.in_copies:
            out["in_copies"] = self.in_copies
        if self.order != "best":
            out["order"] = self.order
        if self.message:
            out["message"] = self.message
        return out


@lru_cache(maxsize=256)
def _literal_pattern(form: str) -> re.Pattern[str]:
    """The words of a search form in order; spaces between them are optional (中文 has none)."""
    return re.compile(r"\s*".join(re.escape(w) for w in form.split(" ")))


class Searcher:
    """Answers queries over passages in store order, with the filters' lookups built on first use."""

    def __init__(self, rows: list[dict[str, Any]], stored_index: dict[str, Any] | None,
                 table: Callable[[str], list[dict[str, Any]]],
                 mentioning: Callable[[set[str]], dict[int, list[tuple[int, int]]]],
                 named: Callable[[str], set[str]], doc_ranks: Callable[[str], dict[str, int]]):
        """``table(name)``: the rows of the store's ``events`` or ``entities``; ``mentioning(ids)``:
        the passages that mention these entities, each with the mentions' spans; ``named(name)``: the
        ids of the entities a name means (Corpus.entities_named); ``doc_ranks(order)``: each
        document's place in that order (Corpus.doc_ranks: newest, oldest), for sort:. They are asked for only by a query
        with a filter on them (reading the mentions of a large corpus takes a while). A passage marked
        ``copied`` (its text is its document's original's: copies.py) is found only by a ``doc:`` filter."""
        self.rows = rows
        self.index = Index(stored_index or {}, [r["text"] for r in rows])
        self.pid = {r["id"]: i for i, r in enumerate(rows)}
        self._table = table
        self._mentioning = mentioning
        self._named = named
        self._doc_ranks = doc_ranks
        self._doc_of: list[int] | None = None
        self._doc_names: list[str] = []  # each number's document
        self._docs: dict[str, range] | None = None
        self._orders: dict[str, list[int]] = {}  # sort: newest / oldest → each passage's place
        self._runs: dict[tuple[tuple[str, ...], bool], Runs | None] = {}
        # (key, value) → its passages, or for type:, entity: and year: passage → the spans it matched
        self._filtered: dict[tuple[str, str], tuple[set[int] | dict[int, list[tuple[int, int]]], str | None]] = {}
        self.weights = [KIND_WEIGHT.get(r["kind"], 1.0) for r in rows]
        self._copies = {i for i, r in enumerate(rows) if "copied" in r}

    def _reading_runs(self, reading: tuple[str, ...], main: bool = False) -> Runs | None:
        """The runs of characters a reading stands for (with ``main``, by their main readings
        only), limited to characters in the corpus; None if it stands for none."""
        key = (reading, main)
        if key not in self._runs:
            sets = self._reading_sets(reading, main)
            self._runs[key] = Runs(sets) if all(sets) else None
            if len(self._runs) > 512:
                self._runs.pop(next(iter(self._runs)))
        return self._runs[key]

    # -- matching -------------------------------------------------------------------------------

    def _literal(self, form: str) -> dict[int, int]:
        of = self.index.form  # candidates' forms one by one; a scan of them all makes them all
        pairs = set(bigrams(form))
        if " " in form or not pairs:
            pattern = _literal_pattern(form)
            if not pairs:
                return {pid: n for pid, f in enumerate(self.index.forms) if (n := len(pattern.findall(f)))}
            return {pid: n for pid in self._with_all(pairs) if (n := len(pattern.findall(of(pid))))}
        if len(form) == 2:
            return self.index.postings(form)  # the bigram's own counts; shared, read only
        return {pid: n for pid in self._with_all(pairs) if (n := of(pid).count(form))}

    def _with_all(self, pairs: set[str]) -> set[int]:
        """Passages holding every one of ``pairs``, intersected from the shortest postings up."""
        lists = sorted((self.index.postings(bg) for bg in pairs), key=len)
        return set(lists[0]).intersection(*lists[1:])

    def _reading_sets(self, reading: tuple[str, ...], main: bool) -> list[set[str]]:
        """For each unit of the reading, the characters it stands for that can stand there in the
        corpus: next to a character of the unit before and of the unit after in one of its
        bigrams. (zhiliangjiang: 质 量 and 强奖将…, not every zhi and liang; a pattern of few
        characters, or of one, is found faster.)"""
        chars = self.index.chars()
        sets = [set(unit_chars(u, main) & chars) for u in reading]
        for k in [*range(len(sets) - 1), *range(len(sets) - 3, -1, -1)]:  # forward, then back
            if not (sets[k] and sets[k + 1]):
                break
            pairs = self.index.pairs(frozenset(sets[k]), frozenset(sets[k + 1]))
            sets[k] &= {bg[0] for bg in pairs}
            sets[k + 1] &= {bg[1] for bg in pairs}
        return sets

    def _pinyin(self, reading: tuple[str, ...]) -> dict[int, float]:
        """passage → the runs read so, a run read by a rare reading of a character counting
        RARE_READING_WEIGHT."""
        runs = self._reading_runs(reading)
        if runs is None:
            return {}
        main = self._reading_runs(reading, main=True)
        out: dict[int, float] = {}
        if len(reading) > 2 and runs.runs:  # few runs: each counted where all its bigrams are
            usual = set(main.runs) if main is not None else set()
            for run in runs.runs:
                weight = 1 if run in usual else RARE_READING_WEIGHT
                for pid, n in self._literal(run).items():
                    out[pid] = out.get(pid, 0) + n * weight
            return out
        if main is not None and main.pattern.pattern == runs.pattern.pattern:
            return self._pinyin_runs(reading, runs)
        if len(reading) == 2:  # the bigrams tell main and rare readings apart by themselves
            return self._pair_counts(reading, set(self.index.pairs(unit_chars(reading[0], True), unit_chars(reading[1], True))))
        of = self.index.form
        # a run by main readings needs their pairs: most passages lack them (质量强 has no 量奖)
        usual_in = self._holding_pairs(reading, main=True) if main is not None and len(reading) > 1 else None
        for pid, n in self._pinyin_runs(reading, runs).items():
            usual = 0 if main is None or usual_in is not None and pid not in usual_in else min(n, main.count(of(pid)))
            out[pid] = usual + (n - usual) * RARE_READING_WEIGHT
        return out

    def _pinyin_runs(self, reading: tuple[str, ...], runs: Runs) -> dict[int, float]:
        """passage → how many of the runs of characters ``reading`` stands for it holds."""
        if len(reading) == 1:
            return {pid: n for pid, f in enumerate(self.index.forms) if (n := runs.count(f))}
        if len(reading) == 2:  # the bigrams' own counts are the answer
            return self._pair_counts(reading)
        of = self.index.form
        return {pid: n for pid in self._holding_pairs(reading) if (n := runs.count(of(pid)))}

    def _pair_counts(self, reading: tuple[str, ...], usual: set[str] | None = None) -> dict[int, float]:
        """passage → the runs of a reading of two units, from its bigrams' own counts; with ``usual``,
        a bigram not in it (read by a rare reading) counts RARE_READING_WEIGHT."""
        out: dict[int, float] = {}
        for bg in self.index.pairs(unit_chars(reading[0]), unit_chars(reading[1])):
            weight = 1 if usual is None or bg in usual else RARE_READING_WEIGHT
            for pid, n in self.index.postings(bg).items():
                out[pid] = out.get(pid, 0) + n * weight
        return out

    def _holding_pairs(self, reading: tuple[str, ...], main: bool = False) -> set[int]:
        """Passages holding a pair of characters for each adjacent pair of the reading's units
        (with ``main``, by main readings): every passage with a run read so, and a few more."""
        cands: set[int] | None = None
        for k in range(len(reading) - 1):
            here: set[int] = set()
            for bg in self.index.pairs(unit_chars(reading[k], main), unit_chars(reading[k + 1], main)):
                here.update(self.index.postings(bg))
            cands = here if cands is None else cands & here
            if len(cands) < 64:
                break
        return cands or set()

    def _term(self, term: Term) -> dict[int, float]:
        """passage → weighted frequency of ``term`` (as typed, or read as pinyin; of any of its
        alternatives, for 青岛 OR 济南)."""
        return self._weighted(term)[0]

    def _weighted(self, term: Term) -> tuple[dict[int, float], set[int] | None]:
        """``_term``'s frequencies; and where the term's last syllable, read as the start of a longer
        one, finds passages that the whole syllable does not (质量 for zhili, besides 治理), the
        passages that hold the term as typed: the others are ranked after them, and the term's
        rarity is theirs. (Where the whole syllable finds nothing, the longer ones count in full.)"""
        if term.either:
            out: dict[int, float] = {}
            for alt in term.either:
                for pid, n in self._term(alt).items():
                    out[pid] = out.get(pid, 0) + n
            return out, None
        literal = self._literal(term.form)
        if not term.pinyin:
            return literal, None  # shared with the postings cache: read, never changed
        out = dict(literal)
        longer: dict[int, float] = {}
        for reading in term.pinyin:
            into = longer if unfinished(reading) else out
            for pid, n in self._pinyin(reading).items():
                into[pid] = into.get(pid, 0) + n * PINYIN_WEIGHT
        if not out:
            return longer, None
        more = longer.keys() - out.keys()  # (a passage the whole syllable finds keeps its score)
        if not more:
            return out, None
        held = set(out)
        out.update(zip(more, map(longer.__getitem__, more)))
        return out, held

    def _spans(self, term: Term, form: str) -> list[tuple[int, int]]:
        if term.either:
            return [s for alt in term.either for s in self._spans(alt, form)]
        spans = [m.span() for m in _literal_pattern(term.form).finditer(form)]
        longer = []  # (a last syllable read as the start of a longer one: marked where nothing else is)
        for reading in term.pinyin:
            if runs := self._reading_runs(reading):
                (longer if unfinished(reading) else spans).extend(m.span() for m in runs.pattern.finditer(form))
        return spans or longer

    # -- filters --------------------------------------------------------------------------------

    def _filter(self, q: Query) -> tuple[set[int] | None, str | None]:
        """The passages that pass every filter (None: no filter) and fail every one left out."""
        allowed: set[int] | None = None
        for key, values in q.filters:
            pids, problem = self._passing(key, values)
            if problem:
                return None, problem
            allowed = pids if allowed is None else allowed & pids
        for key, values in q.without:
            pids, problem = self._passing(key, values)
            if problem:
                return None, problem
            allowed = (set(range(len(self.rows))) if allowed is None else allowed) - pids
        return allowed, None

    def _passing(self, key: str, values: list[str]) -> tuple[set[int], str | None]:
        """The passages that pass filter ``key`` with any of ``values`` (each value's looked up once)."""
        pids: set[int] = set()
        for v in values:
            if (key, v) not in self._filtered:
                self._filtered[(key, v)] = getattr(self, f"_filter_{key}")(v)
            got, problem = self._filtered[(key, v)]
            if problem:
                return pids, problem
            pids.update(got)
        return pids, None

    def _doc_ranges(self) -> dict[str, range]:
        """Each document's passages, as the range of their rows (made once)."""
        if self._docs is None:
            self._docs = {}
            for i, r in enumerate(self.rows):
                d = self._docs.get(r["doc"])
                self._docs[r["doc"]] = range(d.start if d else i, i + 1)
        return self._docs

    def _filter_doc(self, value: str) -> tuple[set[int], str | None]:
        self._doc_ranges()
        if value in self._docs:
            return set(self._docs[value]), None
        exact = [d for d in self._docs if syntax_form(d) == value]  # (a query's quotes are ASCII: 从“…” is 从"…")
        if len(exact) == 1:
            return set(self._docs[exact[0]]), None
        starts = [d for d in self._docs if syntax_form(d).startswith(value)]
        if len(starts) == 1:
            return set(self._docs[starts[0]]), None
        what = "ambiguous" if starts else "unknown"
        return set(), f"{what} document in doc:{value}" + (f" ({', '.join(starts[:3])}…)" if starts else "")

    def _filter_kind(self, value: str) -> tuple[set[int], str | None]:
        return {i for i, r in enumerate(self.rows) if r["kind"] == value}, None

    def _filter_type(self, value: str) -> tuple[dict[int, list[tuple[int, int]]], str | None]:
        return self._mentioning({e["id"] for e in self._table("entities") if e["type"] == value}), None

    def _filter_entity(self, value: str) -> tuple[set[int] | dict[int, list[tuple[int, int]]], str | None]:
        ids = self._named(value)
        if not ids:
            return set(), f"no entity named {value!r}"
        return self._mentioning(ids), None

    def _filter_year(self, value: str) -> tuple[dict[int, list[tuple[int, int]]], str | None]:
        """The passages with a dated item reaching into the year (or years: 2023..2025)."""
        wanted = parse_range(value, years_only=True)
        assert wanted is not None  # (query.parse let only ranges through)
        first, last = wanted.years
        marks: dict[int, list[tuple[int, int]]] = {}  # the dates in those years, marked like the words
        for e in self._table("events"):
            span = item_years(e)
            if span and span[0] <= last and span[1] >= first and e["passage"] in self.pid:
                marks.setdefault(self.pid[e["passage"]], []).append(tuple(e["offset"]))
        return marks, None

    def _filter_date(self, value: str) -> tuple[set[int], str | None]:
        """The passages of the documents dated then (by the date printed or inferred): all of the
        document's date in the range, so that one dated only 2024 is not in date:2024-03."""
        wanted = parse_range(value)
        assert wanted is not None
        ranges = self._doc_ranges()
        return {i for d in self._table("documents") if (when := (d.get("date") or {}).get("value"))
                and wanted.holds(when) for i in ranges.get(d["id"], ())}, None

    # -- the query ------------------------------------------------------------------------------

    def search(self, raw: str, limit: int | None = 20) -> Result:
        t0 = time.perf_counter()
        q = parse(raw)
        if q.problem:
            return Result(raw, 0, _ms(t0), [], q.problem)
        allowed, problem = self._filter(q)
        if problem:
            return Result(raw, 0, _ms(t0), [], problem)
        n = self.index.count
        weighted = [self._weighted(t) for t in q.terms]
        per_term = [tf for tf, _ in weighted]
        if per_term:
            found = set(min(per_term, key=len))
            for tf in per_term:
                found.intersection_update(tf)
        else:
            found = set(range(n))
        if allowed is not None:
            found &= allowed
        for t in q.excluded:
            found.difference_update(self._term(t))
        in_copies = 0
        if self._copies and not q.filtered_by("doc"):
            in_copies = len(found & self._copies)
            found -= self._copies
        idf = [math.log(1 + (n - k + 0.5) / (k + 0.5)) for k in (len(held or tf) for tf, held in weighted)]
        ranked = self._scores(found, per_term, idf)  # (-score, pid): smallest first is best first
        # the passages found only by a last syllable read as the start of a longer one
        later = {pid for tf, held in weighted if held is not None for pid in found.difference(held)}
        phrased = len(q.terms) > 1 and not any(t.either for t in q.terms)  # (a phrase bonus applies)
        if q.order == "best" and phrased and ranked:
            ranked = self._phrase_bonus(q.terms, ranked, limit)
        if later:  # (after the bonus: a phrase read so still comes after the words as typed)
            ranked = _after_the_rest(ranked, later)
        if q.order == "best":
            shown = sorted(ranked) if limit is None or limit >= len(ranked) else heapq.nsmallest(limit, ranked)
        else:
            shown = self._by_date(ranked, q.order, limit)
            if phrased and shown:  # (the bonus of the shown ones only: it changes no place)
                shown = self._phrase_bonus(q.terms, shown, None)
        rarest = max(range(len(q.terms)), key=idf.__getitem__) if q.terms else None
        marks = [got for k, values in q.filters for v in values
                 if isinstance(got := self._filtered[(k, v)][0], dict)]  # what type:, entity:, year: matched
        hits = [self._hit(pid, round(-neg, 4), q, rarest, [s for m in marks for s in m.get(pid, ())]) for neg, pid in shown]
        of = self._doc_numbers()
        names = self._doc_names
        doc_ids = [names[k] for k in {of[pid] for _, pid in ranked}]
        return Result(raw, len(ranked), _ms(t0), hits, in_copies=in_copies, order=q.order, documents=len(doc_ids),
                      doc_ids=doc_ids)

    def _doc_numbers(self) -> list[int]:
        """Each passage's document, numbered (made once)."""
        if self._doc_of is None:
            numbers: dict[str, int] = {}
            self._doc_of = [numbers.setdefault(r["doc"], len(numbers)) for r in self.rows]
            self._doc_names = list(numbers)
        return self._doc_of

    def _scores(self, found: set[int], per_term: list[dict[int, float]], idf: list[float]) -> list[tuple[float, int]]:
        """BM25 of each passage in ``found`` times its kind's weight, as (-score, passage)."""
        norms, weights = self.index.norms, self.weights
        acc = dict.fromkeys(found, 0.0)
        for w, tf in zip(idf, per_term):
            w *= K1 + 1
            for pid in found:
                f = tf[pid]
                acc[pid] += w * f / (f + norms[pid])
        return [(-s * weights[pid], pid) for pid, s in acc.items()]

    def _by_date(self, ranked: list[tuple[float, int]], order: str, limit: int | None) -> list[tuple[float, int]]:
        """The first ``limit`` of ``ranked`` by their documents' dates in ``order`` (undated ones
        last), each document's in text order."""
        places, n = self._places(order), len(self.rows)
        if limit is None or limit >= len(ranked):
            return sorted(ranked, key=lambda hit: places[hit[1]])
        pids = list(map(itemgetter(1), ranked))  # (C loops all through: tens of thousands of hits)
        score = dict(zip(pids, map(itemgetter(0), ranked)))
        return [(score[pid], pid) for pid in (place % n for place in heapq.nsmallest(limit, map(places.__getitem__, pids)))]

    def _places(self, order: str) -> list[int]:
        """Each passage's place in ``order``: its document's rank by date, then its own place in the
        store (a document's passages in text order), as one number (made once for each order)."""
        if order not in self._orders:
            rank, n, of = self._doc_ranks(order), len(self.rows), self._doc_numbers()
            by_number = [rank[name] * n for name in self._doc_names]
            self._orders[order] = [by_number[doc] + pid for pid, doc in enumerate(of)]
        return self._orders[order]

    def _phrase_bonus(self, terms: list[Term], ranked: list[tuple[float, int]], limit: int | None) -> list[tuple[float, int]]:
        """Raise passages where the words stand together, as typed or read as pinyin (laoshan cha:
        崂山茶): only those that could reach the shown ones."""
        pattern = self._phrase_pattern(terms)
        of = self.index.form
        floor = 0.0  # every passage, unless only the best ``limit`` are shown
        if limit is not None and len(ranked) > limit:
            floor = heapq.nsmallest(limit, ranked)[-1][0] / PHRASE_BONUS  # the (negative) score to reach
        return [(neg * PHRASE_BONUS, pid) if neg <= floor and pattern.search(of(pid)) else (neg, pid)
                for neg, pid in ranked]

    def _phrase_pattern(self, terms: list[Term]) -> re.Pattern[str]:
        """The terms one after the other, each as typed or as any of its pinyin readings."""
        parts = []
        for t in terms:
            forms = [_literal_pattern(t.form).pattern]
            forms += [p.pattern.pattern for r in t.pinyin if (p := self._reading_runs(r)) is not None]
            parts.append("(?:" + "|".join(forms) + ")")
        return re.compile(r"\s*".join(parts))

    def _hit(self, pid: int, score: float, q: Query, rarest: int | None, mentions: list[tuple[int, int]]) -> Hit:
        """The hit, its matches marked: the query's words, the mentions of the entities its type: or
        entity: filter asks for and the dates its year: filter does (the snippet shows the first of
        them when there are no words)."""
        row = self.rows[pid]
        form = self.index.form(pid)
        spans = sorted({s for t in q.terms for s in self._spans(t, form)}.union(mentions))
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        anchor = min(mentions) if mentions else (0, 0)
        if rarest is not None:
            own = self._spans(q.terms[rarest], form)
            anchor = min(own) if own else (merged[0] if merged else anchor)
        return Hit(pid, row["doc"], row["id"], score, snippet(row["text"], *anchor), merged, anchor)


def _after_the_rest(ranked: list[tuple[float, int]], later: set[int]) -> list[tuple[float, int]]:
    """``ranked`` with the scores of the passages in ``later`` scaled down, in proportion, to below
    every other passage's, so that they come after them in the same order among themselves."""
    first = [neg for neg, pid in ranked if pid not in later]
    if not first:
        return ranked
    worst, best_later = max(first), min(neg for neg, pid in ranked if pid in later)
    if best_later > worst:
        return ranked
    scale = worst / best_later * 0.99  # (scores are negated: the smaller, the better)
    return [(neg * scale, pid) if pid in later else (neg, pid) for neg, pid in ranked]


def _ms(t0: float) -> float:
    return round((time.perf_counter() - t0) * 1000, 3)
