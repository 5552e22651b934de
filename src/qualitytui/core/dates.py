"""Date expressions → timeline items, and each document's own date inferred from its evidence.

Works on the normalized text (half-width digits, one kind of dash), whose offsets are the displayed
text's. Explicit dates (2022年9月28日, 2021年7月, 2024年, 2025—2027年, 2022首届…) come first; partial
(3月20日, 28日) and relative ones (今年, 去年底, 昨日, 近日, 目前, 今年以来, 第三季度以来) are resolved
against the document's date and marked ``inferred`` with a note saying how.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from qualitytui.core.normalize import passage_norms
from qualitytui.core.shapes import BARE_DAY, CN_DATE, CN_DATE_LINE, DATED_LINE, FRONT_DATE, PAGE_HEADER, PUBLISHED, cn_int

_Y = r"(?:19|20)\d{2}"
_CN_ORDINAL = "[二三]?十[一二三四五六七八九]?"  # 十四, 二十, 二十一: a congress's number
_CN_NUM = "一二三四"
_S = r"\s*"  # spaced forms (2021 年 7 月) are dates too
_MONTH_PART = "(?:底|末|初|[上中下]旬)?"  # 5月底, 6月中旬: part of the month, in the date's text (its month all the same)
_ALTERNATIVES = "|".join(
    [
        rf"(?P<range>(?P<ry1>{_Y}){_S}(?:年{_S})?[-~至到]{_S}(?P<ry2>{_Y}){_S}年)",
        rf"(?P<iso>(?P<y8>{_Y})[-/.](?P<m10>\d{{1,2}})[-/.](?P<d10>\d{{1,2}})(?![\d.]))",
        rf"(?P<ymdr>(?P<y7>{_Y}){_S}年{_S}(?P<m8>\d{{1,2}}){_S}月{_S}(?P<d8>\d{{1,2}}){_S}日?{_S}[-~至到]{_S}"
        rf"(?:(?P<m9>\d{{1,2}}){_S}月{_S})?(?P<d9>\d{{1,2}}){_S}[日号])",
        rf"(?P<ymd>(?P<y1>{_Y}){_S}年{_S}(?P<m1>\d{{1,2}}){_S}月{_S}(?P<d1>\d{{1,2}}){_S}[日号])",
        rf"(?P<ymr>(?P<y9>{_Y}){_S}年{_S}(?P<m11>\d{{1,2}}){_S}[-~至到]{_S}(?P<m12>\d{{1,2}}){_S}月份?)",
        rf"(?P<ym>(?P<y2>{_Y}){_S}年{_S}(?P<m2>\d{{1,2}}){_S}月份?{_MONTH_PART})",
        rf"(?P<y>(?P<y3>{_Y}){_S}年(?P<ysuf>度|底|末|初)?)",
        rf"(?P<ypre>(?P<y4>{_Y})(?=首届|第[一二三四五六七八九十\d]+届))",
        rf"(?P<relmr>(?P<rel4>今年|去年|明年)?{_S}(?P<m13>\d{{1,2}}){_S}[-~至到]{_S}(?P<m14>\d{{1,2}}){_S}月份?(?![\d日号]))",
        rf"(?P<relm>(?P<rel1>今年|去年|明年){_S}(?P<m5>\d{{1,2}}){_S}月份?(?:{_S}(?P<d5>\d{{1,2}}){_S}[日号]|{_MONTH_PART}))",
        r"(?P<firstm>(?P<rel5>今年|去年)?前(?P<fm>[1-9]|1[01]|[一二三四五六七八九十]|十一)个月)",
        rf"(?P<mdr>(?P<m6>\d{{1,2}}){_S}月{_S}(?P<d6>\d{{1,2}}){_S}日?{_S}[-~至到]{_S}(?:(?P<m7>\d{{1,2}}){_S}月{_S})?"
        rf"(?P<d7>\d{{1,2}}){_S}[日号])",
        rf"(?P<md>(?P<m3>\d{{1,2}}){_S}月{_S}(?P<d3>\d{{1,2}}){_S}[日号])",
        rf"(?P<m>(?<![\d个])(?P<m4>\d{{1,2}}){_S}月份?(?![\d日号]){_MONTH_PART})",
        r"(?P<d>(?<![\d月])(?P<d4>\d{1,2})日(?=上午|下午|晚|早|凌晨|中午|[,，]|起|开幕|闭幕|举行|召开))",
        rf"(?P<rel>今年以来|截至目前|第[{_CN_NUM}]季度以来|上半年|下半年|去年年?[底末]|去年|前年|明年|今年年?[底末]|今年|今天(?!的)|昨日|昨天"
        r"|近日|日前|近期|目前|上个?月|本月底?|这个月|下个?月|上周|本周|下周)",
    ]
)
# Every alternative starts with a digit or one of these characters: checking that first lets the
# engine skip the other positions at once (the bare alternation ran 11x slower on 2 000 articles).
_FIRST = r"\d今去明截第上下前昨近日目本这"
_PATTERN = re.compile(f"(?=[{_FIRST}])(?:{_ALTERNATIVES})")
# Quarters and halves of a year, five-year plans and sessions of the congresses: looked for only in a
# passage that can name one (季度, 半年, 届 …), each pass of a pattern costing time over every passage;
# where one matches, what _PATTERN found inside it (2024年 of 2024年第三季度) gives way to it.
_PERIOD = re.compile(  # (the lookahead lets the engine skip most positions at once, as in _PATTERN)
    rf"(?=[\d今去明前第])(?:(?P<yq>(?P<y5>{_Y}){_S}年{_S}(?P<qpre>前)?第?(?P<q>[{_CN_NUM}])季度)"
    rf"|(?P<yh>(?P<y6>{_Y}){_S}年{_S}(?P<half>[上下])半年)"
    r"|(?P<relh>(?P<rel2>今年|去年|明年)(?P<half2>[上下])半年)"
    rf"|(?P<relq>(?:(?P<rel3>今年|去年|明年)(?P<qpre2>前)?第?|(?P<qpre3>前)|(?<![\d年])第)(?P<q2>[{_CN_NUM}])季度(?!以来)))"
)
# 年底前, 到年末 with no year before them: the article's year's end (looked for only where 年底 or 年末 is,
# as no alternative of _PATTERN opens on 年, the character of every year)
_YEAR_END = re.compile(r"(?P<rel>(?<![\d〇零一二三四五六七八九十年今去明本每当前])年[底末](?!以来))")
_YEAR_GROUP = {"iso": "y8", "ymd": "y1", "ym": "y2", "y": "y3", "ypre": "y4", "yq": "y5", "yh": "y6", "ymdr": "y7",
               "ymr": "y9"}  # kind → its year
_PERIOD_HINT = re.compile(r"季度|半年|五[”期规以时]|届|党的|共产党第")
_NAMED_PERIOD = re.compile(
    r"(?=[十第二三全党中])(?:(?P<plan>(?<![一二三四五六七八九十])十(?P<plan_n>[一二三四五六七八九])五(?=”|期间|时期|规划|以来|末|初))|"
    rf"(?P<npc>(?:第)?(?P<npc_n>{_CN_ORDINAL})届全国(?:人大|人民代表大会|政协)(?:第)?(?P<npc_s>[一二三四五])次(?:全体)?会议"
    rf"|全国(?:人大|政协)(?:第)?(?P<npc_n2>{_CN_ORDINAL})届(?:第)?(?P<npc_s2>[一二三四五])次(?:全体)?会议)"
    rf"|(?P<cpc>党的(?P<cpc_n>{_CN_ORDINAL})大|中国共产党第(?P<cpc_m>{_CN_ORDINAL})次全国代表大会))"
)
_RECURRING = re.compile(r"(每年|每月|每逢)$")
_TARGET_BEFORE = re.compile(r"(到|(?<!截)至|截止到?|力争到?)$")
_AS_OF_BEFORE = re.compile(r"截至$")  # 截至2024年底: figures as of then, not a target
_DEADLINE_AFTER = re.compile(r"(?:底|末)?(?:前|之前|以前)(?![一二三四五六七八九十两几\d])")  # 2024年12月31日前: a deadline (matched at the end)
_PARTIAL_TARGET_BEFORE = re.compile(r"(到|截止到?|力争到?)$")  # (not 至: 3月1日至5日 is a span)
_STAT_CLAUSE = re.compile(r"\d+(\.\d+)?\s*(%|万|亿|家|个|件|项|张|名|批次|人次|元)|增长|同比|达到|突破|总量|累计")
# 本报青岛12月3日讯, 新华社北京3月5日电: the day the news was filed
_DATELINE = re.compile(r"(?:本报|新华社|中新社|人民网|央视网|新华网)[\u4e00-\u9fff]{0,6}?\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:讯|电)")
# a day in a file's path: 2024-03-18_发布会.txt, 20240318.txt, 2024/03/18/稿件.txt, 2024年3月18日.md
_PATH_DAY = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?:(?P<s>[-_./年])(?P<m>0?[1-9]|1[0-2])(?P=s)?月?(?P<d>0?[1-9]|[12]\d|3[01])"
                       r"|(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01]))(?!\d)")
_AIM = re.compile(r"^[，,]?[^，,。；;]{0,16}?(目标|力争|将要|预计|计划|规划|远景|基本实现|全面建成)")
_ANNIVERSARY = re.compile(r"(\d{1,3})\s*周年")
_YEAR_IS = re.compile(r"[，,\s]?(?:是|为)(?!期|止)")  # 2024年是…关键一年 (not 为期, 为止)
_RESULTS = re.compile(r"(?:考核|评议|评价|测评|考评|评估|评选|评定)结果|获奖名单|结果")
_MADE_KNOWN = re.compile(r"通报|公布|公示|揭晓|发布|出炉")
_CLAUSE_END = re.compile(r"[,，。；;！？!?：:]")

@dataclass
class DocDate:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    evidence: list[str] = field(default_factory=list)
    stated: bool = False  # printed by the document itself (a page header, a published line, a day of signing)
    issuer: str | None = None  # the body over an official document's day of signing

    @property
    def precision(self) -> str | None:
        return None if self.year is None else "day" if self.day else "month" if self.month else "year"

    @property
    def value(self) -> str | None:
        return _iso(self.year, self.month, self.day) if self.year else None

    def to_dict(self) -> dict[str, Any] | None:
        if self.year is None:
            return None
        return {"value": self.value, "precision": self.precision, "inferred": not self.stated,
                "evidence": list(self.evidence)}


@dataclass
class DateItem:
    passage: str  # passage id
    start_offset: int
    end_offset: int
    date_text: str
    start: str | None
    end: str | None
    precision: str
    kind: str
    title: str
    inferred: bool
    inference_note: str | None

    def to_dict(self, doc: str) -> dict[str, Any]:
        return {
            "id": f"{self.passage}@{self.start_offset}",
            "doc": doc,
            "passage": self.passage,
            "offset": [self.start_offset, self.end_offset],
            "date_text": self.date_text,
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "kind": self.kind,
            "title": self.title,
            "inferred": self.inferred,
            "inference_note": self.inference_note,
        }


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if d and m:
        return f"{y:04d}-{m:02d}-{d:02d}"
    if m:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}"


def _number(text: str) -> int | None:
    """2024, or 二〇二四 as 2024."""
    return int(text) if text.isdigit() else cn_int(text)


def _valid(y: int, m: int | None = None, d: int | None = None) -> bool:
    try:
        dt.date(y, m or 1, d or 1)
        return 1900 <= y <= 2100
    except ValueError:
        return False


@dataclass
class _Match:
    passage: dict[str, Any]
    m: re.Match[str]
    norm: str

    @property
    def kind(self) -> str:
        return self.m.lastgroup  # type: ignore[return-value]  # each alternative is one outer named group

    def g(self, name: str) -> int | None:
        """The group's number (in digits or Chinese numerals); None when it did not match or is not in
        this match's pattern."""
        v = self.m.group(name) if name in self.m.re.groupindex else None
        return _number(v) if v else None


def _scan(passages: list[dict[str, Any]], norms: list[str | None] | None = None) -> list[_Match]:
    out = []
    for p, norm in zip(passages, passage_norms(passages) if norms is None else norms):
        if norm is None:
            continue
        found = list(_PATTERN.finditer(norm))
        more = [*_PERIOD.finditer(norm), *_NAMED_PERIOD.finditer(norm)] if _PERIOD_HINT.search(norm) else []
        if "〇" in norm or "零" in norm:  # a year in Chinese numerals (二〇二五年底)
            more += CN_DATE.finditer(norm)
        if "年底" in norm or "年末" in norm:
            more += _YEAR_END.finditer(norm)
        if more:
            found = sorted([m for m in found if not any(o.start() < m.end() and m.start() < o.end() for o in more)] + more,
                           key=lambda m: m.start())
        for m in found:
            if _RECURRING.search(norm[max(0, m.start() - 2) : m.start()]):
                continue  # 每年5月10日: a recurring day, not a dated event
            out.append(_Match(p, m, norm))
    return out


def _signed(passages: list[dict[str, Any]], i: int) -> re.Match[str] | None:
    """The day an official document was signed, ending the issuer's lines (青岛市人民政府 二〇二四年三月五日),
    in passage ``i``. A day in Chinese numerals is only ever written so; one in Arabic numerals
    (2024年3月5日) is a signing day only under the issuer, in the same passage or the one before, after
    the text: alone at the top or under the last paragraph it is the day of publication."""
    text = passages[i]["text"]
    last = text.rfind(" ") + 1
    for start in (0, last):
        m = CN_DATE_LINE.match(text, start)
        if m:
            return m
    if i and passages[i - 1]["kind"] == "furniture" or last:
        m = BARE_DAY.match(text, last)
        if m and not any(p["kind"] == "body" for p in passages[i + 1 :]):
            return m
    return None


def _issuer(passages: list[dict[str, Any]], i: int, day: re.Match[str]) -> str | None:
    """The body a day of signing stands under: the text before it in its passage, or the passage over
    it; a name, not a sentence."""
    name = passages[i]["text"][: day.start()].strip() or (passages[i - 1]["text"].strip() if i and passages[i - 1][
        "kind"] == "furniture" else "")
    return name if 2 <= len(name) <= 40 and not re.search(r"[，。；！？,;!?]", name) else None


def path_day(path: str) -> tuple[int, int, int, str] | None:
    """The day a file's path names (its last such), with the text that names it: (y, m, d, text)."""
    for m in reversed(list(_PATH_DAY.finditer(path))):
        y, mo, d = int(m.group("y")), int(m.group("m") or m.group("m2")), int(m.group("d") or m.group("d2"))
        if m.group("s") == "年" and not path.startswith("日", m.end()):
            continue  # 2024年3月18 with no 日: not a day
        if _valid(y, mo, d):
            return y, mo, d, m.group(0)
    return None


def infer_document_date(passages: list[dict[str, Any]], matches: list[_Match] | None = None,
                        path: str | None = None) -> DocDate:
    """The document's date from its own evidence (these files carry no date): a printed page header
    or published line, else a day in the file's path, else what its text says."""
    matches = _scan(passages) if matches is None else matches
    d = DocDate()
    plain, ranges, targets, aims = [], [], [], []
    after: list[tuple[int, _Match, str]] = []  # (the year after one, how the text puts that one behind it)
    for x in matches:
        k = x.kind
        if k == "range":
            ranges.append((x.g("ry1"), x))
        elif k in ("npc", "cpc"):
            year = _congress_year(x)
            if year:
                plain.append((year, x))
        elif k in _YEAR_GROUP:
            year = x.g(_YEAR_GROUP[k])
            behind = _a_year_behind(x)
            if behind:
                after.append((year + 1, x, behind))
            elif _is_target(x):
                targets.append((year, x))
            elif _YEAR_IS.match(x.norm, x.m.end()):
                plain.append((year, x))  # 2024年是实现“十四五”目标的关键一年: the year it is, no aim
            else:
                (aims if _is_aim(x) else plain).append((year, x))
    # an aim for the next year is the current year's plan (2025年将继续推进, written in early 2025 or late
    # 2024); one further ahead (2035年，总体目标是…) is a target, no year of the past
    latest = max((y for y, _ in plain + [(y, x) for y, x, _ in after]), default=None)
    for year, x in aims:
        (plain if latest is not None and year <= latest + 1 else targets).append((year, x))
    if plain and not after:
        behind = _past_beside_this_year(matches, plain)
        if behind:
            after.append(behind)
            plain = [(y, x) for y, x in plain if y != behind[0] - 1]
    anniversary = _anniversary(passages, plain) or _nth_of_yearly(passages, plain)
    if anniversary:
        d.year, note, day = anniversary
        if day:
            d.month, d.day = day
        d.evidence.append(note)
    elif plain or after:
        named = [(y, x, "latest year named as past or present") for y, x in plain]
        year, x, why = max(named + after, key=lambda t: t[0])
        d.year = year
        d.evidence.append(f"{why}: {x.m.group(0)} ({x.passage['id']})")
    elif ranges:
        year, x = min(ranges, key=lambda t: t[0])
        d.year = year
        d.evidence.append(f"plan period {x.m.group(0)} announced as current: its first year ({x.passage['id']})")
    elif targets:
        year, x = min(targets, key=lambda t: t[0])
        d.year = year - 2
        d.evidence.append(f"only a target date, {x.m.group(0)} ({x.passage['id']}): taken as two years ahead")
    at, header = next(((i, m) for i, p in enumerate(passages) if p["kind"] == "furniture"
                       for m in [_signed(passages, i) or PAGE_HEADER.match(" ".join(p["text"].split()))
                                 or PUBLISHED.match(p["text"]) or DATED_LINE.match(p["text"])
                                 or (FRONT_DATE.search(p["text"]) if p["text"].startswith("---") else None)]
                       if m and m.group("d") and _valid(*map(_number, m.group("y", "m", "d")))), (0, None))
    if header:  # the page's own date, or the web page's: the day the article was published
        d.year, d.month, d.day = map(_number, header.group("y", "m", "d"))
        source = {PAGE_HEADER: "the page header", FRONT_DATE: "the front matter",
                  CN_DATE_LINE: "signed", BARE_DAY: "signed"}.get(header.re, "published")
        when = header.groupdict().get("when") or header.group(0)
        d.evidence = [f"{source}: {when.strip()}"]
        d.stated = True
        if source == "signed":
            d.issuer = _issuer(passages, at, header)
        return d
    named = path_day(path) if path else None
    if named:  # saved under the day it appeared: what the text suggests comes second
        d.year, d.month, d.day = named[:3]
        d.evidence = [f"the file's path: {named[3]}"]
        return d
    if d.year is None:
        return d
    lead_ids = {p["id"] for p in passages[:6]}
    dateline = next((m for p in passages[:6] if p["kind"] == "body" and ("讯" in p["text"][:40] or "电" in p["text"][:40])
                     for m in [_DATELINE.search(p["text"][:40])] if m), None)
    if dateline and _valid(d.year, int(dateline.group("m")), int(dateline.group("d"))):
        d.month, d.day = int(dateline.group("m")), int(dateline.group("d"))
        d.evidence.append(f"the dateline: {dateline.group(0)}")
        return d
    yesterday = next((x for x in matches if x.kind == "rel" and x.m.group("rel") in ("昨日", "昨天")), None)
    days = [x for x in matches if x.kind in ("md", "ymd") and x.passage["id"] in lead_ids and not _is_target(x)]
    if yesterday and days:
        x = days[0]
        y = x.g("y1") or d.year
        m, day = (x.g("m3") or x.g("m1")), (x.g("d3") or x.g("d1"))
        if _valid(y, m, day):
            nxt = dt.date(y, m, day) + dt.timedelta(days=1)
            d.year, d.month, d.day = nxt.year, nxt.month, nxt.day
            d.evidence.append(
                f"“{yesterday.m.group(0)}” ({yesterday.passage['id']}) reports the event dated {x.m.group(0)} ({x.passage['id']}): published the next day"
            )
            return d
    first_body = next((p for p in passages if p["kind"] == "body"), None)
    if first_body:
        x = next((x for x in days if x.passage is first_body and x.m.start() <= 12), None)
        if x:
            m, day = (x.g("m3") or x.g("m1")), (x.g("d3") or x.g("d1"))
            if _valid(x.g("y1") or d.year, m, day):
                d.month, d.day = m, day
                d.evidence.append(f"the lead opens with the day of its news, {x.m.group(0)} ({x.passage['id']})")
    return d


def _is_target(x: _Match, partial: bool = False) -> bool:
    """到2025年底, 2024年12月31日前: a target or deadline. For a partial date, 至 before it joins a span
    (3月1日至5日) instead."""
    before = x.norm[max(0, x.m.start() - 4) : x.m.start()].rstrip()
    return bool((_PARTIAL_TARGET_BEFORE if partial else _TARGET_BEFORE).search(before) or _DEADLINE_AFTER.match(x.norm, x.m.end()))


def _cn_number(text: str) -> int:
    """十四 → 14, 二十 → 20, 二十一 → 21 (the numbers congresses are counted in)."""
    tens, _, ones = text.partition("十")
    return (("一二三四五六七八九".index(tens) + 1) if tens else 1) * 10 + (("一二三四五六七八九".index(ones) + 1) if ones else 0)


def _congress_year(x: _Match) -> int | None:
    """The year of a National People's Congress (or CPPCC) session, or of a Party congress: the
    sixth NPC began in 1983 and each since five years on, a session a year; the twelfth Party
    congress sat in 1982 and each since five years on."""
    if x.kind == "npc":
        n = _cn_number(x.m.group("npc_n") or x.m.group("npc_n2"))
        session = "一二三四五".index(x.m.group("npc_s") or x.m.group("npc_s2")) + 1
        return 1983 + 5 * (n - 6) + session - 1 if n >= 6 else None
    n = _cn_number(x.m.group("cpc_n") or x.m.group("cpc_m"))
    return 1982 + 5 * (n - 12) if n >= 12 else None


def _half(y: int, which: str) -> tuple[str, str]:
    """上 or 下半年 of ``y``: its first or its last six months."""
    return (_iso(y, 1), _iso(y, 6)) if which == "上" else (_iso(y, 7), _iso(y, 12))


def _part_of_year(x: _Match, y: int) -> tuple[str, str]:
    """The months a quarter (第三季度; 前三季度: January to September) or a half (上半年) of ``y`` spans,
    explicit (yq, yh) or relative (relq, relh)."""
    q = x.m.group("q") or x.m.group("q2")
    if q:
        q = _CN_NUM.index(q) + 1
        return _iso(y, 1 if x.m.group("qpre") or x.m.group("qpre2") or x.m.group("qpre3") else 3 * q - 2), _iso(y, 3 * q)
    return _half(y, x.m.group("half") or x.m.group("half2"))


def _reports_figures(x: _Match) -> bool:
    """Whether the sentence after the date reports figures (增长7.5%, 突破1000家): a statistic's period."""
    return bool(_STAT_CLAUSE.search(x.norm[x.m.end() : x.m.end() + 40].split("。")[0]))


def _a_year_behind(x: _Match) -> str | None:
    """How the text puts the year ``x`` names a year behind its own, if it does: the same period of
    that year as the base of a comparison (2022年同期), or a year's results made known (通报2021年度
    考核结果: announced the year after). None for any other year."""
    rest = x.norm[x.m.end() : x.m.end() + 40]
    if rest.startswith("同期"):
        return "the same period of a year before, compared with: the year after"
    clause = _CLAUSE_END.split(rest, 1)[0]
    if x.kind == "y" and x.m.group("ysuf") == "度" and _RESULTS.search(clause) and _MADE_KNOWN.search(
            x.norm[max(0, x.m.start() - 8) : x.m.start()] + clause):
        return "a year's results made known: the year after"
    return None


def _past_beside_this_year(matches: list[_Match], plain: list[tuple[int, _Match]]) -> tuple[int, _Match, str] | None:
    """(the year after, its match, why) when the latest year named only opens sentences that report
    its figures (2022年，青岛港货物吞吐量突破6亿吨) or what was done then (2021年，潍坊获批…) while the
    text calls its own year 今年 (今年1至8月, 截至今年6月, 今年下半年): a writer names the present year 今年,
    so a year named by its number and told as past is a year before."""
    if not any(x.m.group(0).startswith("今年") for x in matches):
        return None
    latest = max(y for y, _ in plain)
    named = [x for y, x in plain if y == latest]
    if all(x.kind == "y" and not x.m.group("ysuf") and (x.m.start() == 0 or _CLAUSE_END.match(x.norm, x.m.start() - 1))
           and x.norm.startswith(("，", ","), x.m.end()) and (_reports_figures(x) or _reports_done(x)) for x in named):
        return latest + 1, named[0], "a year reported as past beside the text's own 今年: the year after"
    return None


_DONE = re.compile(r"获批|获得|获评|荣获|入选|被评为|被授予|成立|举办|举行|召开|建成|完成|实现|出台|印发|揭牌|挂牌")


def _reports_done(x: _Match) -> bool:
    """Whether the sentence after the date tells what was done then (获批, 成立, 举办 …)."""
    return bool(_DONE.search(x.norm[x.m.end() : x.m.end() + 40].split("。")[0]))


def _is_aim(x: _Match) -> bool:
    """A year whose sentence sets an aim (2035年，我国发展的总体目标是…; 2030年将…): no year of the past."""
    return bool(_AIM.search(x.norm[x.m.end() : x.m.end() + 30].split("。")[0]))


def _anniversary(passages: list[dict[str, Any]], plain: list[tuple[int, _Match]]) -> tuple[int, str, None] | None:
    """成立100周年 with 1921年 named: the year of the anniversary, when it is later than every other year
    (and, as _nth_of_yearly gives, no day)."""
    for p in passages[:8]:
        m = _ANNIVERSARY.search(p["text"]) if "周年" in p["text"] else None
        if m and plain:
            n = int(m.group(1))
            first, x = min(plain, key=lambda t: t[0])
            if first + n > max(y for y, _ in plain) and _valid(first + n):
                return first + n, f"{m.group(0)} ({p['id']}) of {x.m.group(0)} ({x.passage['id']}): {first} + {n}", None
    return None


_NTH = re.compile(r"第([一二三四五六七八九十]{1,3}|\d{1,3})[个届]“?([\u4e00-\u9fff]{2,10})")


_YEARLY_DAY = re.compile(r"每年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _nth_of_yearly(passages: list[dict[str, Any]], plain: list[tuple[int, _Match]]
                   ) -> tuple[int, str, tuple[int, int] | None] | None:
    """第五个“中国品牌日” with 2017年，…将每年5月10日设立为“中国品牌日” named: a yearly day (or event) first
    held in 2017 is held the fifth time in 2021, when that is later than every other year; and when
    the text says 今天是 the fifth, the article's day is the yearly one (5月10日)."""
    if not plain:
        return None
    latest = max(y for y, _ in plain)
    for p in passages[:8]:
        for m in _NTH.finditer(p["text"]) if "第" in p["text"] else ():
            digits = m.group(1)
            n = int(digits) if digits.isdigit() else _cn_number(digits) if "十" in digits else "一二三四五六七八九".index(digits) + 1
            quoted = p["text"][m.end(1) + 1 : m.end(1) + 2] == "“"  # (after 第五个)
            for y, x in plain:
                ends = x.norm.find("。", x.m.end())
                sentence = x.norm[x.norm.rfind("。", 0, x.m.start()) + 1 : ends if ends >= 0 else len(x.norm)]
                name = next((m.group(2)[:k] for k in range(len(m.group(2)), 3, -1)  # (中国 of 中国质量奖 and 中国品牌日: no)
                             if m.group(2)[:k] in sentence and (not quoted or p["text"].startswith("”", m.start(2) + k))), None)
                if name and "每年" in sentence and y + n - 1 > latest and _valid(y + n - 1):
                    day = _YEARLY_DAY.search(sentence) if p["text"][max(0, m.start() - 3) : m.start()].endswith(("今天是", "今天")) else None
                    on = (int(day.group(1)), int(day.group(2))) if day and _valid(y + n - 1, int(day.group(1)), int(day.group(2))) else None
                    return (y + n - 1, f"{m.group(0)} ({p['id']}) of a yearly {name} from {x.m.group(0)} ({x.passage['id']}): "
                            f"{y} + {n} - 1" + (f", on {day.group(0)[2:]} (今天)" if on else ""), on)
    return None


def _is_as_of(x: _Match) -> bool:
    return bool(_AS_OF_BEFORE.search(x.norm[max(0, x.m.start() - 3) : x.m.start()].rstrip()))


_CLAUSE_REACH = 300  # characters looked through for a clause's ends: a passage with none stays linear


def _title(x: _Match) -> str:
    """A short title from the clause holding the date: the clause, else the item of a list in it
    that holds the date, else the clause cut to show the date."""
    text = x.passage["text"]
    s, e = x.m.start(), x.m.end()
    # the clause's start: the last clause end before the date, within reach (else the date's start)
    left = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, s - _CLAUSE_REACH), s)),
               default=0 if s <= _CLAUSE_REACH else s)
    right_m = _CLAUSE_END.search(text, e, e + _CLAUSE_REACH)
    right = right_m.start() if right_m else e + _CLAUSE_REACH
    if len(text[left:right].replace(text[s:e], "").strip("上午下午，, ")) < 4 and right_m:
        nxt = _CLAUSE_END.search(text, right_m.end(), right_m.end() + _CLAUSE_REACH)
        right = nxt.start() if nxt else right_m.end() + _CLAUSE_REACH
    raw = text[left:right]
    clause = raw.strip()
    if len(clause) <= _TITLE_LEN:
        return clause
    at = s - left - (len(raw) - len(raw.lstrip()))  # the date's place in the clause
    item = _list_item(clause, at, at + e - s) if "、" in clause else clause
    if len(item) <= _TITLE_LEN and len(item) - (e - s) >= 4:
        return item  # 分别是甲名单、2021年度乙名单、丙名单: the item that holds the date
    opens, closes = clause.rfind("《", 0, at), clause.find("》", at)
    if 0 <= opens and "》" not in clause[opens:at] and 0 < closes - opens < _TITLE_LEN:
        return clause[opens : closes + 1]  # 《…行动方案(2024—2028年)》: the plan the period is of
    if at + e - s < _TITLE_LEN:
        return clause[: _TITLE_LEN - 1] + "…"
    start = opens if 0 <= opens and at - opens < _TITLE_LEN // 2 else at - _TITLE_LEN // 3  # the date a third in
    return "…" + clause[start : start + _TITLE_LEN - 2] + ("…" if start + _TITLE_LEN - 2 < len(clause) else "")


_TITLE_LEN = 40
_OPENS, _CLOSES = "《“‘（(「『【", "》”’）)」』】"


def _list_item(clause: str, s: int, e: int) -> str:
    """The item of an enumeration (parted by 、 outside brackets and quotes) that holds [s, e)."""
    depth, cuts = 0, [-1]
    for i, ch in enumerate(clause):
        if ch in _OPENS:
            depth += 1
        elif ch in _CLOSES:
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            cuts.append(i)
    cuts.append(len(clause))
    left = max(c for c in cuts if c < s)
    right = min(c for c in cuts if c >= e)
    return clause[left + 1 : right].strip()


def _period_end(doc: DocDate) -> str:
    return doc.value or _iso(doc.year)  # type: ignore[arg-type]


def extract_dates(
    passages: list[dict[str, Any]], doc_date: DocDate | None = None, norms: list[str | None] | None = None,
    path: str | None = None,
) -> tuple[DocDate, list[DateItem]]:
    """Every date expression in a document's passages, resolved, with the inferred document date
    (``norms``: the passages' normalize.passage_norms, when made already; ``path``: the file's,
    which may name its day)."""
    matches = _scan(passages, norms)
    doc = doc_date or infer_document_date(passages, matches, path)
    items: list[DateItem] = []
    last_month: dict[str, int] = {}
    for x in matches:
        item = _resolve(x, doc, last_month)
        if item:
            items.append(item)
    return doc, items


def _resolve(x: _Match, doc: DocDate, last_month: dict[str, int]) -> DateItem | None:
    k, pid = x.kind, x.passage["id"]
    text = x.passage["text"][x.m.start() : x.m.end()]
    start = end = note = None
    inferred = False
    kind = "event"
    precision = "year"
    Y = doc.year
    doc_note = f"the article's date, {doc.value}" if doc.value else "the article's date"
    if k == "range":
        y1, y2 = x.g("ry1"), x.g("ry2")
        if not (y1 and y2 and y1 <= y2):
            return None
        start, end, kind = _iso(y1), _iso(y2), "plan_period"
    elif k in ("ymd", "ym", "y", "ypre", "iso"):
        y = x.g(_YEAR_GROUP[k])
        m = x.g("m1") or x.g("m2") or x.g("m10")
        day = x.g("d1") or x.g("d10")
        if not _valid(y, m, day):
            return None
        start = _iso(y, m, day)
        precision = "day" if day else "month" if m else "year"
        if m:
            last_month[pid] = m
        year_end = x.m.group("ysuf") in ("底", "末")  # 2025年底: its December
        if _is_target(x):
            kind = "target"
        elif _is_as_of(x) or not year_end and k == "y" and _reports_figures(x):
            kind = "statistic_period"
        if year_end:
            start, precision = _iso(y, 12), "month"
    elif k in ("yq", "yh"):
        y = x.g(_YEAR_GROUP[k])
        if not _valid(y):
            return None
        start, end = _part_of_year(x, y)
        precision = "month"
        if _reports_figures(x):
            kind = "statistic_period"
    elif k == "ymr":  # 2023年1—8月: its months
        y, m1, m2 = x.g("y9"), x.g("m11"), x.g("m12")
        if not (_valid(y, m1) and _valid(y, m2) and m1 < m2):
            return None
        start, end, precision = _iso(y, m1), _iso(y, m2), "month"
        kind = "statistic_period" if _reports_figures(x) else kind
        last_month[pid] = m2
    elif k in ("npc", "cpc"):
        y = _congress_year(x)
        if y is None:
            return None
        start, kind = _iso(y), "event"
        number = next(g for g in ("npc_n", "npc_n2", "cpc_n", "cpc_m") if x.m.group(g))
        note = f"the {_cn_number(x.m.group(number))}th congress's calendar: {y}"
    elif k == "plan":
        n = 10 + "一二三四五六七八九".index(x.m.group("plan_n")) + 1
        y = 1966 + 5 * (n - 3)  # the third five-year plan began in 1966, and each since five years on
        start, end, kind = _iso(y), _iso(y + 4), "plan_period"
        note = f"the {n}th five-year plan: {y}–{y + 4}"
    elif k == "ymdr":
        y, m1, d1 = x.g("y7"), x.g("m8"), x.g("d8")
        m2, d2 = x.g("m9") or m1, x.g("d9")
        if not (_valid(y, m1, d1) and _valid(y, m2, d2)) or (m2, d2) < (m1, d1):
            return None
        start, end, precision = _iso(y, m1, d1), _iso(y, m2, d2), "day"
        last_month[pid] = m2  # type: ignore[assignment]
    elif Y is None:
        return None  # partial or relative, and nothing to resolve it against
    elif k == "mdr":
        m1, d1 = x.g("m6"), x.g("d6")
        m2, d2 = x.g("m7") or m1, x.g("d7")
        if not (_valid(Y, m1, d1) and _valid(Y, m2, d2)) or (m2, d2) < (m1, d1):
            return None
        start, end, precision, inferred = _iso(Y, m1, d1), _iso(Y, m2, d2), "day", True
        note = f"no year given: the article's year, {Y}"
        last_month[pid] = m2  # type: ignore[assignment]
    elif k in ("relh", "relq"):
        rel = x.m.group("rel2") or x.m.group("rel3")  # (前三季度, 第二季度 alone: the article's year)
        start, end = _part_of_year(x, Y + {"今年": 0, "去年": -1, "明年": 1, None: 0}[rel])
        precision, inferred = "month", True
        note = f"“{rel}” read against {doc_note}" if rel else f"no year given: the article's year, {Y}"
        if _reports_figures(x):
            kind = "statistic_period"
    elif k in ("relmr", "firstm"):  # 今年1至8月, 1-7月, 前8个月: months of the article's year (or one near it)
        rel = x.m.group("rel4") or x.m.group("rel5")
        y = Y + {"今年": 0, "去年": -1, "明年": 1, None: 0}[rel]
        m1, m2 = (x.g("m13"), x.g("m14")) if k == "relmr" else (1, x.g("fm"))  # (前8个月, 前八个月)
        if not (_valid(y, m1) and _valid(y, m2) and m1 < m2):
            return None
        start, end, precision, inferred = _iso(y, m1), _iso(y, m2), "month", True
        note = f"“{rel}” read against {doc_note}" if rel else f"no year given: the article's year, {Y}"
        kind = "statistic_period" if _reports_figures(x) or k == "firstm" else kind
        last_month[pid] = m2
    elif k == "relm":
        y = Y + {"今年": 0, "去年": -1, "明年": 1}[x.m.group("rel1")]
        m, day = x.g("m5"), x.g("d5")
        if not _valid(y, m, day):
            return None
        start, precision, inferred = _iso(y, m, day), "day" if day else "month", True
        note = f"“{x.m.group('rel1')}” read against {doc_note}"
        last_month[pid] = m  # type: ignore[assignment]
    elif k == "md":
        m, day = x.g("m3"), x.g("d3")
        if not _valid(Y, m, day):
            return None
        start, precision, inferred = _iso(Y, m, day), "day", True
        note = f"no year given: the article's year, {Y}"
        last_month[pid] = m  # type: ignore[assignment]
    elif k == "m":
        m = x.g("m4")
        if not _valid(Y, m):
            return None
        start, precision, inferred = _iso(Y, m), "month", True
        note = f"no year given: the article's year, {Y}"
        last_month[pid] = m  # type: ignore[assignment]
    elif k == "d":
        day = x.g("d4")
        m = last_month.get(pid) or doc.month
        if not m or not _valid(Y, m, day):
            return None
        start, precision, inferred = _iso(Y, m, day), "day", True
        note = f"day only: month {m} from the same passage, year {Y} from the article"
    else:
        rel = x.m.group("rel")
        inferred = True
        note = f"“{rel}” read against {doc_note}"
        if rel == "今年":
            start = _iso(Y)
        elif rel in ("去年",):
            start = _iso(Y - 1)
        elif rel in ("去年底", "去年末", "去年年底", "去年年末"):
            start, precision = _iso(Y - 1, 12), "month"
        elif rel.endswith(("年底", "年末")):  # 年底前, 今年底, 今年年底: the article's year's end
            start, precision = _iso(Y, 12), "month"
        elif rel == "前年":
            start = _iso(Y - 2)
        elif rel == "明年":
            start = _iso(Y + 1)
        elif rel in ("昨日", "昨天"):
            if not doc.day:
                return None
            day = dt.date(Y, doc.month, doc.day) - dt.timedelta(days=1)  # type: ignore[arg-type]
            start, precision = day.isoformat(), "day"
        elif rel in ("今天", "近日", "日前", "近期", "目前"):  # (今天: the article's day, when it is known)
            start, precision = doc.value, doc.precision  # type: ignore[assignment]
            kind = "statistic_period" if rel == "目前" else "event"
        elif rel == "截至目前":
            start, precision, kind = doc.value, doc.precision, "statistic_period"  # type: ignore[assignment]
        elif rel == "今年以来":
            start, end, kind = _iso(Y, 1), _period_end(doc), "statistic_period"
            precision = "month"
        elif rel.endswith("季度以来"):
            q = _CN_NUM.index(rel[1]) + 1
            start, end, kind, precision = _iso(Y, 3 * q - 2), _period_end(doc), "statistic_period", "month"
        elif rel in ("上半年", "下半年"):
            start, end = _half(Y, rel[0])
            precision = "month"
            if _reports_figures(x):
                kind = "statistic_period"
        elif rel.endswith(("月", "月底")):  # 上月, 本月底, 下个月: the article's month, or the one before or after
            if not doc.month:
                return None
            y, m = divmod(Y * 12 + doc.month - 1 + {"上": -1, "下": 1}.get(rel[0], 0), 12)
            start, precision = _iso(y, m + 1), "month"
        elif rel.endswith("周"):  # 上周, 本周, 下周: Monday to Sunday of the article's week, or the one before or after
            if not doc.day:
                return None
            monday = dt.date(Y, doc.month, doc.day)  # type: ignore[arg-type]
            monday -= dt.timedelta(days=monday.weekday() - 7 * {"上": -1, "下": 1}.get(rel[0], 0))
            start, end, precision = monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "day"
        else:
            return None
    if start is None:
        return None
    if inferred and kind == "event":  # 截至11月底 counts so far; 到明年 is a target
        if _is_as_of(x):
            kind = "statistic_period"
        elif _is_target(x, partial=True):
            kind = "target"
    return DateItem(
        pid, x.m.start(), x.m.end(), text, start, end, precision, kind, _title(x), inferred, note
    )
