"""Named entities across the corpus: one entity per real-world thing, its aliases and its mentions.

Per document: tag each passage, collect rule candidates (entity_rules), keep the longest
non-overlapping spans, and name each candidate canonically in the document's own context
(省市场监管局 in an article about Shandong is 山东省市场监管局; 崂山 is 崂山区 where 崂山区 is named).
Across documents: merge names that are the same thing (市场监管局 ~ 市场监督管理局, 青啤 ~ 青岛啤酒),
then find every mention of every alias.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable

from qualitytui.core import gazetteer
from qualitytui.core.alias_walk import AliasTrie
from qualitytui.core.signals import checkpoint
from qualitytui.core.entity_rules import (
    COMPANY_SUFFIXES,
    LOCAL_NAME_RULE,
    MINISTRY_HEADS,
    ORG_SUFFIXES,
    Candidate,
    candidates,
    enumerations,
    is_level_body,
    level_body_stands_alone,
    tokens_with_offsets,
)
from qualitytui.core.models import ENTITY_TYPES
from qualitytui.core.normalize import Simplified, passage_norms

_PRIORITY = {"policy_document": 7, "award": 6, "event": 5, "company": 4, "organization": 3, "person": 2,
             "program_or_brand": 1, "place": 0}
_LEVEL_ORG = re.compile(r"^([省市区县])(委|政府|人民政府|委员会|政协|人大常委会)$")
_LEADER_AWARD = re.compile(r"^(省长|市长|区长|县长)")
_EVENT_LEAD = re.compile(r"^(全国|首届|第[一二三四五六七八九十\d]+届|\d{4}年?)")
_NUMERAL_START = re.compile(r"^[一二三四五六七八九十百千两双\d]")
_SPACES = re.compile(r"\s+")
_ONES = b"\1" * 4096  # marks for a mention in its passage's bytearray (a name is far shorter than this)
# a person's name cut from the level after it is a place's (金峰/乡: 金峰乡), where 金峰/市长 is the man
_PLACE_LEVELS = {"省", "市", "县", "区", "乡", "镇", "村"}
_GENERIC_ORGS = {"相关部门", "有关部门", "各部门", "职能部门", "单位", "社会组织"}

Tagger = Callable[[str], list[tuple[str, str]]]


class Entity:
    """One real-world thing: its canonical name and type, every form it is named by, its mentions.

    (A plain class rather than a dataclass: a dataclass's __init__ is generated Python, which stays
    interpreted in the compiled module, and a build makes thousands of these.)
    """

    __slots__ = ("id", "name", "type", "aliases", "mentions")

    def __init__(self, id: str, name: str, type: str) -> None:
        self.id, self.name, self.type = id, name, type
        self.aliases: set[str] = set()
        # (doc id, passage, start, end) in corpus order: a dict each was 175 MB more at the end of a
        # build of 10 000 articles (420 000 mentions)
        self.mentions: list[tuple[str, dict[str, Any], int, int]] = []

    def mention_dicts(self) -> list[dict[str, Any]]:
        """The mentions as the JSON has them, with the entity's id."""
        return [{"entity": self.id, "doc": d, "passage": p["id"], "start": s, "end": e, "text": p["text"][s:e]}
                for d, p, s, e in self.mentions]

    def to_dict(self) -> dict[str, Any]:
        docs = sorted({m[0] for m in self.mentions})
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": sorted(a for a in self.aliases if a != self.name),
            "count": len(self.mentions),
            "docs": docs,
        }


@dataclass
class _Context:
    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    full_places: set[str] = field(default_factory=set)


def select(cands: Iterable[Candidate]) -> list[Candidate]:
    """Longest spans first, then by type priority; no two kept spans overlap."""
    if isinstance(cands, list) and len(cands) < 2:
        return list(cands)
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), -_PRIORITY[c.type], c.start))
    kept: list[Candidate] = []
    taken = bytearray(max((c.end for c in ordered), default=0))  # 1 where a kept span lies (a list of the
    for c in ordered:                                              # spans made a long passage quadratic)
        if taken.find(1, c.start, c.end) == -1:
            kept.append(c)
            taken[c.start : c.end] = _ONES[: c.end - c.start]
    return sorted(kept, key=lambda c: c.start)


def _context(cands: list[Candidate]) -> _Context:
    """The document's own province, city and county: the places it names most. A document naming no
    place on its own (青岛市政协办公厅、青岛市市场监管局 only) is placed by the names of its bodies."""
    ctx = _counted([c.text for c in cands if c.type == "place"])
    if ctx.province is None:
        ctx = _counted([_place_prefix(c.text)[0] for c in cands if c.type in ("organization", "company")])
        ctx.full_places = set()  # (a place inside a body's name is no mention of it)
    return ctx


def _counted(names: list[str]) -> _Context:
    provinces: dict[str, int] = {}
    prefectures: dict[str, int] = {}
    counties: dict[str, int] = {}
    ctx = _Context()
    for name in names:
        places, needs_context = gazetteer.lookup(name) if name else ((), False)
        if not places or needs_context or places[0].level in ("region", "country"):  # (长三角 is in no province)
            continue
        p = places[0]
        ctx.full_places.add(p.name)
        provinces[p.province] = provinces.get(p.province, 0) + 1
        if p.level in ("prefecture", "county") and p.prefecture:
            prefectures[p.prefecture] = prefectures.get(p.prefecture, 0) + 1
        if p.level == "county":
            counties[p.name] = counties.get(p.name, 0) + 1
    ctx.province, ctx.prefecture, ctx.county = _most_common(provinces), _most_common(prefectures), _most_common(counties)
    return ctx


def _most_common(counts: dict[str, int]) -> str | None:
    """The most counted key, the first seen among equals (as Counter.most_common gives it)."""
    return max(counts, key=counts.__getitem__) if counts else None


def canonical(c: Candidate, ctx: _Context) -> str | None:
    """The candidate's name in full, in its document's context; None drops it."""
    name = c.text
    if c.type == "place":
        places, needs_context = gazetteer.lookup(name)
        if not places:
            return name
        if needs_context:
            full = [p for p in places if p.name in ctx.full_places]
            return full[0].name if full else None
        inside = [p for p in places if p.province == ctx.province] or places
        return inside[0].name
    level = c.prefix or (_LEVEL_ORG.match(name).group(1) if _LEVEL_ORG.match(name) else None) or c.scope
    if c.type in ("organization", "company") and level:
        place = {"省": ctx.province, "市": ctx.prefecture, "区": ctx.county, "县": ctx.county}[level]
        if not place:
            return name
        return place + (name if c.scope and not c.prefix else name[1:])
    if c.type == "award" and _LEADER_AWARD.match(name):
        place = {"省": ctx.province, "市": ctx.prefecture}.get(name[0]) or ctx.county
        return place + name if place else name
    if c.type == "event":
        return _EVENT_LEAD.sub("", name) or name
    if c.type == "program_or_brand":
        return _SPACES.sub("·", name)  # 潮生活 夜城阳 and 潮生活·夜城阳 are one brand
    return name


@lru_cache(maxsize=1 << 14)
def _place_prefix(name: str) -> tuple[str, str]:
    """(place, rest) for a name that starts with a place: 青岛市市场监管局 → (青岛市, 市场监管局)."""
    for n in range(min(len(name) - 1, 12), 1, -1):
        head = name[:n]
        places, needs_context = gazetteer.lookup(head)
        if places and not needs_context:
            return places[0].name, name[n:]
    if name.startswith(("国家", "中国")):
        return "国家", name[2:]
    return "", name


def _is_abbreviation(short: str, long: str) -> bool:
    """市场监管局 of 市场监督管理局, 青啤 of 青岛啤酒: same first and last character, in order, not a prefix."""
    if len(short) < 2 or len(short) >= len(long) or long.startswith(short):
        return False
    if len(long) == 2 * len(short) and long[::2] == short:
        return True  # 青岛啤酒 → 青啤, 北京大学 → 北大: the first character of each word
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


@lru_cache(maxsize=1 << 14)
def _company_core(name: str) -> str:
    """青岛啤酒股份有限公司 → 青岛啤酒: the name without its (stacked) company suffixes."""
    stripped = True
    while stripped:
        stripped = False
        for suf in sorted(COMPANY_SUFFIXES, key=len, reverse=True):
            if name.endswith(suf) and len(name) > len(suf) + 1:
                name, stripped = name[: -len(suf)], True
                break
    return name


def merge_names(names: dict[tuple[str, str], dict[str, int]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Map each (type, canonical name) to the (type, name) of the entity it belongs to.

    A name joins the first longer name (by rank) it is a form of. Only names that could match are
    compared: an equal core or an abbreviation starts and ends with the same characters as its long
    name (青啤 of 青岛啤酒 ends with the long name's last but one), and an event named short ends like
    its long name, so the longer names are bucketed by first and last character, and by last. A name
    that opens on a place is also bucketed whole, for the abbreviation of the whole (北大 of 北京大学,
    whose 北京 the others leave out). A name opening on a place is a form only of names opening on the
    same place, so those are bucketed with their place too; and of a bucket only the names ranked
    above the name are looked at. (Buckets of thousands of bodies of every city made this quadratic:
    1.2 s on 10 000 articles, now 0.27 s.)
    """
    out = {k: k for k in names}
    by_type: dict[str, list[str]] = defaultdict(list)
    for t, n in names:
        by_type[t].append(n)
    for t, group in by_type.items():
        if t not in ("organization", "company", "event", "award"):
            continue
        if t == "company":
            split = {n: ("", _company_core(n)) for n in group}
        else:
            split = {n: _place_prefix(n) for n in group}
        rank = {n: (len(split[n][1]) if t == "company" else len(n), len(n)) for n in group}  # 青啤 < 青啤集团 < 青岛啤酒
        group = sorted(group, key=rank.__getitem__, reverse=True)
        # (first, last) → names, in rank order; (place, first, last) → those opening on that place
        ends: dict[tuple[str, ...], list[int]] = defaultdict(list)
        last_but_one: dict[tuple[str, ...], list[int]] = defaultdict(list)  # (first, last but one), the same
        last: dict[str, list[int]] = defaultdict(list)
        whole: dict[tuple[str, str], list[int]] = defaultdict(list)  # names opening on a place: (first, last but one)
        first_of_rank: dict[tuple[int, int], int] = {}  # rank → where its names start in ``group``
        for i, n in enumerate(group):
            first_of_rank.setdefault(rank[n], i)
            place, rest = split[n]
            ends[(rest[:1], rest[-1:])].append(i)
            if len(rest) >= 2:
                last_but_one[(rest[:1], rest[-2])].append(i)
            last[rest[-1:]].append(i)
            if place:
                ends[(place, rest[:1], rest[-1:])].append(i)
                if len(rest) >= 2:
                    last_but_one[(place, rest[:1], rest[-2])].append(i)
                whole[(n[:1], n[-2:-1])].append(i)
        for short in group:
            above = first_of_rank[rank[short]]  # group[:above]: the names ranked above this one
            if not above:
                continue
            pa, ra = split[short]
            key = (ra[:1], ra[-1:])
            at = (pa, *key) if pa else key  # a name opening on a place is a form only of one opening on it
            near = _before(ends.get(at, []), above)
            if at in last_but_one:
                near = sorted(set(near).union(_before(last_but_one[at], above)))
            if not pa and len(ra) <= 4 and key in whole:  # 北大 of 北京大学, whose 北京 is a place
                near = sorted(set(near).union(_before(whole[key], above)))
            if t == "event" and len(ra) >= 6:
                near = sorted(set(near).union(_before(last.get(ra[-1:], []), above)))
            for i in near:  # in rank order, longest first
                long = group[i]
                pb, rb = split[long]
                same = (pa == pb or not pa) and (ra == rb or _is_abbreviation(ra, rb))
                if not same and not pa and pb and len(ra) <= 4:
                    same = len(long) == 2 * len(ra) and _is_abbreviation(ra, long)
                if t == "event" and not same:  # 新型工业化…大会 is 崂山区推进新型工业化…大会 named short,
                    same = not pa and len(ra) >= 6 and rb.endswith(ra)  # but not 褒忠乡… of 大箐山县…
                if same:
                    out[(t, short)] = out[(t, long)]
                    break
    return out


def _before(indices: list[int], end: int) -> list[int]:
    """The sorted ``indices`` below ``end``."""
    return indices[: bisect_left(indices, end)]


def _known_company(t: str, companies: dict[str, list[str]]) -> bool:
    return any(c == t or c.startswith(t) or _is_abbreviation(t, c) for c in companies.get(t[:1], ()))


def _alike_in_lists(norm: str, lists: Lists, kept: list[Candidate], companies: dict[str, list[str]]) -> list[Candidate]:
    """Items listed together are alike: one known company in 海尔、海信、青啤 makes the others companies;
    a body in 省发展改革委、教育厅、科技厅 makes the others bodies of the same level. ``lists`` are the
    passage's enumerations (entity_rules.enumerations)."""
    extra: list[Candidate] = []
    # kept spans do not overlap and are in order (select): those meeting a span are a run of them
    starts, ends = [c.start for c in kept], [c.end for c in kept]

    def meeting(s: int, e: int) -> range:
        return range(bisect_right(ends, s), bisect_left(starts, e))

    for items in lists:
        texts = [norm[s:e] for s, e in items]
        inside = sorted({i for s, e in items for i in meeting(s, e)
                         if kept[i].type == "organization" and s <= kept[i].start and kept[i].end <= e})
        orgs = [kept[i] for i in inside]
        if orgs:
            scope = next((c.prefix for c in orgs if c.prefix), None)
            for k, ((s, e), t) in enumerate(zip(items, texts)):
                # a shorter body or place inside a later item (城乡建设局 in 市住房和城乡建设局) gives way to it, and
                # so does a government body that is the whole item (教育厅 after 省发展改革委: the province's);
                # the first item's left edge is uncertain (汇聚中国海洋大学), so there nothing gives way
                inner = [kept[i] for i in meeting(s, e)]
                typed = [c for c in inner
                         if not (k and c.type in ("place", "organization") and s <= c.start and c.end <= e
                                 and ((c.start, c.end) != (s, e) or t.endswith(MINISTRY_HEADS)))]
                # the last item ran on past a body into the verb after the list (…、青岛市市场监管局组织召开:
                # 组织 is "organise" there, not "organisation")
                past_body = any(c.type == "organization" and s <= c.start and norm[c.end : e] == "组织" for c in inner)
                if typed or past_body or _NUMERAL_START.match(t):
                    continue
                if t.endswith(ORG_SUFFIXES) and len(t) >= 3 and t not in _GENERIC_ORGS:
                    prefix = t[0] if t[0] in "省市区县" else None
                    extra.append(Candidate(s, e, "organization", t, "list-alike", prefix, None if prefix else scope))
            continue
        if not any(_known_company(_company_core(t), companies) for t in texts):
            continue
        for (s, e), t in zip(items, texts):
            typed = [c for c in map(kept.__getitem__, meeting(s, e)) if c.type != "place"]
            if not typed and len(t) <= 8:
                extra.append(Candidate(s, e, "company", t, "list-alike"))
    return extra


Lists = tuple[tuple[tuple[int, int], ...], ...]
# passage, normalized text, token start offsets (one more: the end) as an array, candidates, the
# spans of its enumerations' items (for linking); the token words are the text cut at the starts
Row = tuple[dict[str, Any], str, "array[int]", list[Candidate], Lists]


def scan_document(passages: list[dict[str, Any]], tagger: Tagger, norms: list[str | None] | None = None) -> list[Row]:
    """One document's candidates, passage by passage: the per-document half of the work (any process).
    ``norms``: the passages' normalize.passage_norms, when made already."""
    rows = []
    for p, norm in zip(passages, passage_norms(passages) if norms is None else norms):
        if norm is None:
            continue
        tagged = tokens_with_offsets(tagger(norm), norm)
        text = p["text"]
        found = candidates(norm, tagged, p["kind"])
        if not isinstance(norm, Simplified):  # names as the author wrote them; a traditional text's simplified
            found = [c if c.end - c.start == len(c.text) and text.startswith(c.text, c.start)
                     else c._replace(text=text[c.start : c.end]) for c in found]
        # (an array: what the alias walk reads, and a list of ints pickles as an object each)
        rows.append((p, norm, array("I", tagged.starts), select(found), enumerations(norm)))
    return rows


def extract_entities(
    docs: list[tuple[str, list[dict[str, Any]]]], tagger: Tagger
) -> tuple[list[Entity], list[dict[str, Any]]]:
    """Entities and their mentions (as dicts) for ``docs`` ([(doc id, passages)]); passages as
    stored (kind, text, id)."""
    entities = link([(doc_id, scan_document(passages, tagger)) for doc_id, passages in docs])
    return entities, [m for e in entities for m in e.mention_dicts()]


def link(scanned: list[tuple[str, list[Row]]]) -> list[Entity]:
    """The corpus-wide half: names in each document's context, merged across documents, every mention."""
    companies: dict[str, list[str]] = defaultdict(list)  # company cores by first character
    for core in {_company_core(c.text) for _, rows in scanned for *_, cs, _ in rows for c in cs if c.type == "company"}:
        companies[core[:1]].append(core)
    per_doc = []
    names: dict[tuple[str, str], dict[str, int]] = {}  # (type, name) → surface form → count
    word_names: set[str] = set()  # people's names found only as words of the dictionary (not linked on)
    people: set[str] = set()
    short_names: set[str] = set()  # （以下简称《方案》）: a name for one thing in one document only
    named: set[str] = set()
    for doc_id, rows in scanned:
        checkpoint()  # Ctrl-C: this loop is compiled (signals.py)
        alike = [
            [c if isinstance(norm, Simplified) else c._replace(text=p["text"][c.start : c.end])
             for c in _alike_in_lists(norm, lists, cs, companies)]
            if lists else () for p, norm, _, cs, lists in rows
        ]
        rows = [(p, norm, starts, select(extra + cs) if extra else cs)  # (an item's own span wins a tie)
                for (p, norm, starts, cs, _), extra in zip(rows, alike)]
        ctx = _context([c for *_, cs in rows for c in cs])
        shorts = _short_names(rows, ctx)
        resolved = []
        for p, norm, starts, cs in rows:
            keep = []
            for c in cs:
                long = shorts.get(c.text)
                if long and long[1] != c.text:
                    c = c._replace(type=long[0])
                    name = long[1]
                    short_names.add(c.text)
                else:
                    name = canonical(c, ctx)
                    named.add(c.text)
                if name:
                    surfaces = names.get((c.type, name))
                    if surfaces is None:
                        surfaces = names[(c.type, name)] = {}
                    surfaces[c.text] = surfaces.get(c.text, 0) + 1
                    keep.append((c, name))
                    if c.type == "person":
                        (word_names if c.rule == LOCAL_NAME_RULE else people).add(c.text)
            resolved.append((p, norm, starts, keep))
        per_doc.append((doc_id, resolved))
    owner = merge_names(names)
    entities: dict[tuple[str, str], Entity] = {}
    for key, surfaces in names.items():
        ent = entities.get(owner[key])
        if ent is None:
            t, n = owner[key]
            ent = entities[(t, n)] = Entity(f"{t}:{n}", n, t)
        ent.aliases.add(key[1])
        ent.aliases.update(surfaces)
    _mentions(per_doc, owner, entities, (word_names - people) | (short_names - named))
    kept = [e for e in entities.values() if e.mentions]
    kept.sort(key=lambda e: (ENTITY_TYPES.index(e.type), -len(e.mentions), e.name))
    return kept


_SHORT_FOR = re.compile(r"[（(](?:以下)?简称[《“\"]([^》”\"（）()]{1,24})[》”\"][）)]")


def _short_names(rows, ctx: _Context) -> dict[str, tuple[str, str]]:
    """short name → (type, name) of the thing it was given to in this document: 《山东省质量强省建设三年
    行动方案》（以下简称《方案》）, 国家市场监督管理总局（以下简称“市场监管总局”）."""
    out: dict[str, tuple[str, str]] = {}
    for _, norm, _, cs in rows:
        if "简称" not in norm:
            continue
        for m in _SHORT_FOR.finditer(norm):
            named = next((c for c in cs if 0 <= m.start() - c.end <= 1 and norm[c.end : m.start()] in ("", "》", "”")), None)
            name = canonical(named, ctx) if named else None
            if name:
                out.setdefault(m.group(1), (named.type, name))
    return out


def _mentions(per_doc, owner, entities, unlinked: set[str]) -> None:
    """Every occurrence of every alias at token boundaries, longest first (高善武介绍 as well as 局长高善武).

    The aliases of all documents are walked for together (alias_walk); a document's own names
    (省市场监管局 means its province's) take precedence over the corpus-wide ones, and a name of
    another document's only is no mention here. ``unlinked`` names are found only in the documents
    that named them.
    """
    global_alias: dict[str, tuple[str, str]] = {}
    for (t, n), ent in entities.items():
        for a in ent.aliases:
            if len(a) >= 2 and not gazetteer.lookup(a)[1] and not (a[0] in "省市区县" and t in ("organization", "company")) \
                    and a not in unlinked:
                global_alias.setdefault(a, (t, n))
    locals_: list[dict[str, tuple[str, str]]] = []
    for _, rows in per_doc:
        locals_.append({c.text: owner[(c.type, name)] for *_, keep in rows for c, name in keep})
    aliases = sorted(global_alias.keys() | {a for local in locals_ for a in local if len(a) >= 2})
    trie = AliasTrie(aliases)
    for (doc_id, rows), local in zip(per_doc, locals_):
        checkpoint()
        for p, norm, starts, keep in rows:
            spans = [(c.start, c.end, owner[(c.type, name)]) for c, name in keep]
            used = bytearray(len(norm) + 1)
            for s, e, _ in spans:
                used[s:e] = _ONES[: e - s]
            found = trie.matches(norm, starts, used)  # (i, j, alias) by start, shortest first
            last, words = len(starts) - 1, None
            k, n = 0, len(found)
            while k < n:
                i, first = found[k][0], k
                while k < n and found[k][0] == i:
                    k += 1
                s = starts[i]
                if used[s]:  # inside a name found before
                    continue
                for x in range(k - 1, first - 1, -1):  # the longest first
                    _, j, a = found[x]
                    piece = aliases[a]
                    key = local.get(piece) or global_alias.get(piece)
                    if not key:
                        continue
                    if is_level_body(piece):
                        if words is None:
                            words = [norm[y:z] for y, z in zip(starts, starts[1:])]
                        if not level_body_stands_alone(words, i, j):
                            continue
                    if key[0] == "person" and j < last and norm[starts[j] : starts[j + 1]] in _PLACE_LEVELS:
                        continue
                    e = starts[j]
                    if used.find(1, s, e) == -1:
                        spans.append((s, e, key))
                        used[s:e] = _ONES[: e - s]
                        break
            for s, e, key in sorted(spans):
                entities[key].mentions.append((doc_id, p, s, e))
