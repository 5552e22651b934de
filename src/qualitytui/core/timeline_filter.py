"""Which dated items a timeline filter keeps: a kind, a year, words of their text, an entity, one document.

The filter is what a reader types: ``2025 target``, ``行动方案``, ``laoshan plan``, ``entity:崂山区``.
Every word must hold: a kind's name or its start (``plan``, ``target``, ``event``, ``stat``) keeps
that kind, a year (``2025``) or years (``2023..2025``, ``2025—2027``) the items whose dates reach into
them, ``entity:NAME`` the items whose
passage names that entity (by its name or an alias, as in search; ``entity:"a b"`` for a name with
spaces), and any other word the items whose date, title or document title hold it (characters in
any form, ``質量`` as 质量, or pinyin: ``laoshan``). ``AND`` in capitals adds nothing, as in a search;
a word after ``-`` or ``NOT`` leaves out what it would keep (``-target``, ``NOT 2025``, ``-entity:青岛市``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from qualitytui.core.date_range import parse_range
from qualitytui.core.fold import fold
from qualitytui.core.query import QUOTED_VALUE, filter_term
from qualitytui.core.timeline_axis import item_years
from qualitytui.core.typed_words import still_typed, typed_words, word_test

KINDS = ("event", "plan_period", "target", "statistic_period")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SEP = "\x1f"  # between an item's fields, so that no word matches across two of them
_QUOTED = re.compile(QUOTED_VALUE)


@dataclass(frozen=True)
class TimelineFilter:
    kinds: frozenset[str] = frozenset()  # empty: every kind
    years: tuple[tuple[int, int], ...] = ()  # (first, last): 2025 is (2025, 2025)
    words: tuple[str, ...] = ()  # folded
    doc: str | None = None
    entities: tuple[str, ...] = ()  # entity:NAME, as typed
    typing: bool = False  # the last of ``words`` is still being typed (nothing after it)
    without: tuple[TimelineFilter, ...] = ()  # what is left out (-target, NOT 2025): one filter a word

    @property
    def empty(self) -> bool:
        return not (self.kinds or self.years or self.words or self.doc or self.entities or self.without)


def kind_of(word: str) -> str | None:
    """The kind ``word`` names: its name or the start of it, three letters or more (``stat``)."""
    w = word.lower().replace("-", "_")
    if len(w) < 3 or not w.isascii():
        return None
    return next((k for k in KINDS if k.startswith(w) or k.replace("_", "").startswith(w)), None)


def parse(text: str, doc: str | None = None) -> TimelineFilter:
    """The filter typed, limited to the items of ``doc`` when given."""
    kinds: set[str] = set()
    years: list[tuple[int, int]] = []
    words: list[str] = []
    entities: list[str] = []
    without: list[TimelineFilter] = []
    for word, left_out in typed_words(text):
        one = _criterion(word)
        if one is None:
            continue
        if left_out:  # (a word left out is read as typed to its end, as a search's -word is)
            without.append(one)
        else:
            kinds.update(one.kinds)
            years += one.years
            words += one.words
            entities += one.entities
    typing = bool(words) and still_typed(fold(text), words[-1])
    return TimelineFilter(frozenset(kinds), tuple(years), tuple(words), doc, tuple(entities), typing, tuple(without))


def _criterion(word: str) -> TimelineFilter | None:
    """What one word typed asks for, as a filter of its own."""
    if word[:7].lower() == "entity:":
        quoted = _QUOTED.fullmatch(word, 7)  # entity:"a b", a quote in it doubled
        name = (quoted.group(1).replace('""', '"') if quoted else word[7:]).strip()
        return TimelineFilter(entities=(name,)) if name else None
    if kind := kind_of(word):
        return TimelineFilter(kinds=frozenset((kind,)))
    if span := years_of(word):
        return TimelineFilter(years=(span,))
    return TimelineFilter(words=(fold(word),))


def years_of(word: str) -> tuple[int, int] | None:
    """The years ``word`` names (2025, 2023..2025, 2025—2027, 2024..), or None: no other word is
    taken for a year (a count such as 1400 is a word to find)."""
    span = parse_range(word, years_only=True)
    if span is None or not all(_YEAR.fullmatch(y) for y in (span.start, span.end) if y):
        return None
    return span.years


def entity_term(name: str) -> str:
    """What to type for the items naming the entity ``name``: ``entity:NAME`` (query.filter_term)."""
    return filter_term("entity", name)


class TimelineItems:
    """The items of a timeline, filtered again and again as a filter is typed (each item's searchable
    text folded once, on first use). ``passages_naming`` gives the passages that name an entity, for
    ``entity:`` (None for a name that no entity has)."""

    def __init__(self, items: list[dict[str, Any]], titles: dict[str, str],
                 passages_naming: Callable[[str], set[str] | None] | None = None) -> None:
        self.items = items
        self.titles = titles
        self.passages_naming = passages_naming
        self._text: list[str] | None = None
        self._spans: list[tuple[int, int]] | None = None
        self._named: dict[str, set[str] | None] = {}

    def naming(self, name: str) -> set[str] | None:
        """The passages that name the entity ``name``; None when no entity is called that."""
        if name not in self._named:
            self._named[name] = self.passages_naming(name) if self.passages_naming else None
        return self._named[name]

    def unknown_entities(self, flt: TimelineFilter) -> list[str]:
        """The entity:NAMEs of ``flt`` (left out too) that name no entity."""
        names = [*flt.entities, *(name for w in flt.without for name in w.entities)]
        return [name for name in names if self.naming(name) is None]

    def haystacks(self) -> list[str]:
        """Each item's date, title and document title, folded (made once: the timeline makes them
        in a thread as it opens, so that the first word typed in its filter does not wait for them)."""
        if self._text is None:
            titles = self.titles
            self._text = [fold(_SEP.join((i["date_text"], i["title"], titles.get(i["doc"], "")))) for i in self.items]
        return self._text

    def keep(self, flt: TimelineFilter) -> list[int]:
        """Indices of the items that pass ``flt``, in order."""
        items = self.items
        keep = range(len(items))
        if flt.doc is not None:
            keep = [i for i in keep if items[i]["doc"] == flt.doc]
        if flt.kinds:
            keep = [i for i in keep if items[i]["kind"] in flt.kinds]
        for name in flt.entities:
            passages = self.naming(name) or set()
            keep = [i for i in keep if items[i]["passage"] in passages]
        if flt.years and self._spans is None:
            self._spans = [item_years(i) or (1, 0) for i in items]  # (no date: a span no year is in)
        for first, last in flt.years:
            spans = self._spans
            keep = [i for i in keep if spans[i][0] <= last and spans[i][1] >= first]
        if flt.words:
            text = self.haystacks()
            for k, word in enumerate(flt.words):
                holds = word_test(word, finished=not flt.typing or k < len(flt.words) - 1)
                keep = [i for i in keep if holds(text[i])]
        for left_out in flt.without:
            dropped = set(self.keep(left_out))
            keep = [i for i in keep if i not in dropped]
        return list(keep)
