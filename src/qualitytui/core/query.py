"""The search query language.

    质量强链 好品山东      several words: passages with all of them
    青岛 OR 济南, 青岛|济南  either word (OR binds the words on each side of it; (青岛 OR 济南) says the same)
    "质量 强链"            a phrase: these characters in this order
    -青岛, NOT 青岛        without this word (NOT in capitals; AND in capitals adds nothing: all words are needed)
    laoshan, qdyp         pinyin (whole syllables or initials) also matches the characters
    doc:001 kind:heading type:person entity:青岛啤酒 year:2025    filters (a filter alone lists passages)
    -doc:001, NOT kind:furniture                 a filter left out: passages that do not pass it
    entity:崂山区 entity:高善武, doc:001|002     filters all hold; the values of one (|, OR) are either
    year:2023..2025 date:2024-03 date:2024..     dated items in those years; documents dated then
    sort:newest, sort:oldest                     hits by their documents' dates, not best first
    doc:"2024-03-18 青岛日报"   a filter's value in quotes may hold spaces (a quote in it doubled)

Words are matched in the search form (fold.py): traditional characters, full-width forms and Latin
case do not matter. A query that cannot be searched yields a ``problem`` message, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from qualitytui.core.date_range import parse_range
from qualitytui.core.fold import fold
from qualitytui.core.models import ENTITY_TYPES, HIT_ORDERS, PASSAGE_KINDS
from qualitytui.core.normalize import INVISIBLE_CHARS
from qualitytui.core.pinyin import is_pinyin_word, readings, unfinished

MAX_QUERY = 500
FILTERS = ("doc", "kind", "type", "entity", "year", "date")
# a filter's value in quotes, a quote in it doubled (doc:"""好品"" 济南"); unclosed, it runs to the end
# (while it is typed). The timeline filter's entity:"…" reads the same way.
QUOTED_VALUE = r'"((?:[^"]|"")*)(?:"(?!")|$)'
_PART = re.compile(r'(-?)"([^"]*)"?|(-?)(?i:(doc|kind|type|entity|year|date|sort)):' + QUOTED_VALUE + r'|(\S+)')
_OR = re.compile(r"\s+(?:OR|\|)\s+")  # (OR in capitals, as in most search boxes: "or" is a word)
# (青岛 OR 济南): brackets around alternatives say what OR does anyway (it binds the words next to it)
_GROUP = re.compile(r"(?<!\S)\(([^()\s]+(?:\s+(?:OR|\|)\s+[^()\s]+)+)\)(?!\S)")
_GROUP_TYPED = re.compile(r"(?<!\S)\((?=[^()\s]+(?:\s+(?:OR|\|)(?:\s+[^()\s]+)?)+\s*$)")  # (青岛 OR 济 …, still open
_OR_LAST = re.compile(r"(?:^|\s)(?:OR|\|)\s*$")  # 青岛 OR …, the alternative still to come
_WORDCHAR = re.compile(r"\w")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# full-width forms of the query syntax (typed with a Chinese input method) mean the same
_SYNTAX = str.maketrans({"＂": '"', "“": '"', "”": '"', "：": ":", "－": "-", "\u3000": " ",
                         **dict.fromkeys(INVISIBLE_CHARS)})  # (a query pasted from a web page)


@dataclass(frozen=True)
class Term:
    """One word or phrase: its search form, and the pinyin readings it may also stand for."""

    text: str
    form: str
    pinyin: tuple[tuple[str, ...], ...] = ()
    phrase: bool = False
    either: tuple[Term, ...] = ()  # for 青岛 OR 济南: the alternatives (then text and form are the query's)

    @property
    def alternatives(self) -> tuple[Term, ...]:
        return self.either or (self,)


@dataclass
class Query:
    raw: str
    terms: list[Term] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    # each filter typed, (key, its values): every filter must hold, any one of its values (doc:001|002)
    filters: list[tuple[str, list[str]]] = field(default_factory=list)
    without: list[tuple[str, list[str]]] = field(default_factory=list)  # filters left out (-doc:001)
    order: str = "best"
    problem: str | None = None

    @property
    def empty(self) -> bool:
        return not self.terms and not self.filters and not self.without

    def filtered_by(self, key: str) -> bool:
        return any(k == key for k, _ in self.filters)


def _term(text: str, phrase: bool) -> Term | None:
    form = " ".join(fold(text).split())
    if not _WORDCHAR.search(form):
        return None  # punctuation alone finds nothing useful
    words = form.split(" ")
    pinyin: tuple[tuple[str, ...], ...] = ()
    if all(map(is_pinyin_word, words)):  # (qīngdǎo, qing1dao3 and xi'an too)
        last = len(words) - 1  # (only the last word's last syllable may be the start of a longer one)
        per_word = [tuple(r for r in readings(w) if k == last or not unfinished(r)) for k, w in enumerate(words)]
        if all(per_word):
            pinyin = _concat(per_word)
    return Term(text, form, pinyin, phrase)


def _either(alts: list[Term]) -> Term:
    if len(alts) == 1:
        return alts[0]
    return Term(" OR ".join(a.text for a in alts), "|".join(a.form for a in alts), either=tuple(alts))


def _concat(per_word: list[tuple[tuple[str, ...], ...]]) -> tuple[tuple[str, ...], ...]:
    """Readings of a phrase of pinyin words: every word's readings in turn (bounded)."""
    out: list[tuple[str, ...]] = [()]
    for options in per_word:
        out = [a + b for a in out for b in options][:24]
    return tuple(out)


def parse(raw: str) -> Query:
    """The query meant by ``raw`` (see the module docstring)."""
    q = Query(raw)
    if len(raw) > MAX_QUERY:
        q.problem = f"query too long ({len(raw)} characters; at most {MAX_QUERY})"
        return q
    text = _CONTROL.sub(" ", raw.translate(_SYNTAX))
    if _OR_LAST.search(text):
        q.problem = "OR needs a word after it"
        return q
    text = _OR.sub("|", _GROUP_TYPED.sub("", _GROUP.sub(r"\1", text)))  # 青岛 OR 济南 is 青岛|济南
    joining = False  # the last term takes the next one as an alternative
    negating = False  # NOT came last: the next word or phrase is left out
    for m in _PART.finditer(text):
        neg, quoted, key_neg, key, value, word = m.groups()
        if word in ("AND", "NOT"):  # (in capitals, as OR: "and", "not" are words)
            negating, joining = word == "NOT", False
            continue
        if word is not None and word[:1] == "-" and _filter_key(word[1:]):
            key_neg, word = "-", word[1:]  # -doc:001: a filter left out, as NOT doc:001
        if negating:
            negating = False
            if quoted is not None:
                neg = "-"
            elif key is not None or _filter_key(word):
                key_neg = "-"
            elif not word.startswith("-"):
                word = "-" + word
        if key_neg and (key or _filter_key(word)).lower() == "sort":
            q.problem = "sort: cannot be left out; it orders the hits (sort:best, sort:newest, sort:oldest)"
            return q
        into = q.without if key_neg else q.filters
        if key is not None and key.lower() == "sort" or word is not None and word[:5].lower() == "sort:":
            q.order = (value if key is not None else word[5:]).lower()
            if q.order not in HIT_ORDERS:
                q.problem = f"sort: one of {', '.join(HIT_ORDERS)} (got {q.order!r})"
                return q
            joining = False
            continue
        if key is not None:  # doc:"a b": one value, spaces and | included
            value = value.replace('""', '"')
            problem = _check_filter(key.lower(), value)
            if problem:
                q.problem = problem
                return q
            into.append((key.lower(), [value]))
            joining = False
            continue
        if word is not None and "|" in word and word.partition(":")[0].lower() not in FILTERS:
            left_out = word.startswith("-")  # -青岛|济南: without either word
            pieces = (word[1:] if left_out else word).split("|")
            alts = [t for piece in pieces if (t := _term(piece, phrase=False))]
            if left_out:
                if alts:
                    q.excluded.append(_either(alts))
                joining = False
                continue
            if (joining or word.startswith("|")) and q.terms:
                alts = [*q.terms.pop().alternatives, *alts]
            joining = word.endswith("|")
            if alts:
                q.terms.append(_either(alts))
            continue
        if quoted is not None:
            t = _term(quoted, phrase=True)
            if t:
                if joining and q.terms and not neg:
                    t = _either([*q.terms.pop().alternatives, t])
                (q.excluded if neg else q.terms).append(t)
            joining = False
            continue
        joining = False
        key, sep, value = word.partition(":")
        key = key.lower()
        if sep and key in FILTERS:
            values = value.split("|")  # doc:001|002: either, and kind:heading OR kind:title
            for k, v in enumerate(values):
                other, colon, rest = v.partition(":")
                if colon and other.lower() in FILTERS:
                    if other.lower() != key:
                        q.problem = f"OR takes either value of one filter ({key}:a OR {key}:b), not of two ({key}: and {other}:)"
                        return q
                    values[k] = v = rest
                problem = _check_filter(key, v)
                if problem:
                    q.problem = problem
                    return q
            into.append((key, values))
            continue
        if word.startswith("-") and len(word) > 1:
            t = _term(word[1:], phrase=False)
            if t:
                q.excluded.append(t)
            continue
        t = _term(word, phrase=False)
        if t:
            q.terms.append(t)
    if negating:
        q.problem = "NOT needs a word, a phrase or a filter after it"
        return q
    typing = _typing_a_word(text)
    q.terms = [t if typing and k == len(q.terms) - 1 else _finished(t) for k, t in enumerate(q.terms)]
    q.excluded = [_finished(t) for t in q.excluded]
    if q.empty and not q.problem:
        q.problem = "nothing to search for: type words, pinyin or a filter such as kind:heading"
    return q


def _filter_key(word: str) -> str:
    """The filter (or sort:) that ``word`` sets, in lower case, else ''."""
    key, sep, _ = word.partition(":")
    key = key.lower()
    return key if sep and key in (*FILTERS, "sort") else ""


def _typing_a_word(text: str) -> bool:
    """Whether ``text`` ends in a word or an unclosed phrase still being typed (nothing after it):
    only there may the last syllable typed whole be the start of a longer one (zhili → zhiliang)."""
    parts = list(_PART.finditer(text))
    if not parts or parts[-1].end() < len(text.rstrip()) or text[-1:].isspace():
        return False
    neg, quoted, _, key, _, word = parts[-1].groups()
    if quoted is not None:
        return not parts[-1].group(0).endswith('"') or parts[-1].group(0) == neg + '"'
    return key is None and word is not None and word not in ("AND", "NOT") and not word.startswith("-") and ":" not in word


def _finished(t: Term) -> Term:
    """``t`` without the readings that take its last syllable for the start of a longer one."""
    if t.either:
        return replace(t, either=tuple(map(_finished, t.either)))
    if not any(map(unfinished, t.pinyin)):
        return t
    return replace(t, pinyin=tuple(r for r in t.pinyin if not unfinished(r)))


def _check_filter(key: str, value: str) -> str | None:
    if not value:
        return f"{key}: needs a value, e.g. {_EXAMPLES[key]}"
    if key == "kind" and value not in PASSAGE_KINDS:
        return f"unknown passage kind {value!r}; one of {', '.join(PASSAGE_KINDS)}"
    if key == "type" and value not in ENTITY_TYPES:
        return f"unknown entity type {value!r}; one of {', '.join(ENTITY_TYPES)}"
    if key == "year" and parse_range(value, years_only=True) is None:
        return f"year: needs a year or a range of years, e.g. year:2025, year:2023..2025 (got {value!r})"
    if key == "date" and parse_range(value) is None:
        return f"date: needs a date or a range, e.g. date:2024, date:2024-03, date:2023..2024-06 (got {value!r})"
    return None


_EXAMPLES = {"doc": "doc:001", "kind": "kind:heading", "type": "type:person", "entity": "entity:青岛啤酒",
             "year": "year:2025", "date": "date:2024-03"}


def with_order(raw: str, order: str) -> str:
    """``raw`` sorted by ``order`` (HIT_ORDERS): its sort: terms replaced, none for the best first."""
    kept = re.sub(r"(?i)(?:^|\s)sort:\S*", "", raw).strip()
    return kept if order == "best" else f"{kept} sort:{order}".strip()


def syntax_form(text: str) -> str:
    """``text`` as a query reads it: full-width quotes, colons and dashes in their ASCII forms
    (a document id such as 从“省级标杆”起步 is matched in this form)."""
    return text.translate(_SYNTAX)


def filter_term(key: str, value: str) -> str:
    """``key:value`` as typed: in quotes when the value holds spaces, quotes or a |, its quotes doubled."""
    if any(ch.isspace() or ch in '"|' for ch in value):
        return f'{key}:"' + value.replace('"', '""') + '"'
    return f"{key}:{value}"


def doc_filter(doc_id: str) -> str:
    """The filter that selects document ``doc_id`` (its id in the form a query reads)."""
    return filter_term("doc", syntax_form(doc_id))
