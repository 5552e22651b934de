"""Rules a reader would recognise, over one passage's tagged tokens: candidates for named entities.

Each rule proposes spans (offsets into the passage text) with a type; overlaps are settled later,
the longest span winning. The segmenter's tags are one signal among several: its person tag alone is
right about a fifth of the time here, so people come from bylines, titles (局长高善武) and 同志.
"""

from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_right
from collections.abc import Sequence
from itertools import compress, count
from typing import NamedTuple

from qualitytui.core import gazetteer
from qualitytui.core.shapes import ROLE_WORDS

Token = tuple[str, str, int]  # word, tag, start offset
# What a rule asks ``Tokens.having`` for. Each word is classified once per process by its word alone
# (``_WORD_FLAGS``); the few rules that also need a tag check it on the word's hits only.
_HEAD, _PLACE, _PLACE_TAIL, _SPEECH_WORD, _QIYE, _NT, _LEVEL_BODY_WORD = 1, 2, 4, 8, 16, 32, 1024
_HEAD_AND_TITLE = 2048  # 协会会长, 总局局长: a body's head and the title after it, cut as one word
# word-only bits behind the tag-dependent asks
_HEAD_LONG, _GAZETTEER, _NS_SHAPE, _NT_SHAPE = 64, 128, 256, 512
_BEHIND = {_HEAD: _HEAD, _PLACE: _GAZETTEER | _NS_SHAPE, _PLACE_TAIL: _PLACE_TAIL,
           _SPEECH_WORD: _SPEECH_WORD, _QIYE: _QIYE, _NT: _NT_SHAPE, _LEVEL_BODY_WORD: _LEVEL_BODY_WORD}  # ask → the word bits it needs
_VERBISH_TAGS = ("v", "p", "c", "u", "d", "r", "m", "q", "x")  # a head word with these tags is no head

_MEETING_VERBS = ("召开", "举办", "举行", "参加", "出席", "主持", "筹备", "承办", "主办")  # 召开大会 is no event's head
_HOTELS = ("酒店", "宾馆", "饭店")  # a company's head, after a proper name (星河湾大酒店, not 高端酒店)
ORG_SUFFIXES = (
    "人民政府", "委员会", "办公室", "领导小组", "研究院", "研究所", "促进会", "联合会", "协会", "学会", "商会",
    "联盟", "基地", "平台", "中心", "大学", "学院", "中学", "小学", "医院", "报社", "管委会", "总局", "监管局",
    "政府", "党委", "区委", "市委", "省委", "县委", "局", "厅", "委", "办", "所", "院", "部", "集团", "公司",
    "股份", "银行", "实验室", "联合体", "组织", "社", "海关", "署", "日报", "晚报", "早报", "都市报", "工会", "常委会",
    "政协", *_HOTELS,
)
COMPANY_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "股份", "银行", *_HOTELS)
EVENT_SUFFIXES = ("大会", "峰会", "博览会", "论坛", "展览会", "展会", "交易会", "洽谈会", "发布会", "年会", "工作会议", "会议",
                  "大赛", "比赛", "运动会", "音乐节", "文化节", "艺术节", "旅游节", "质量月", "品牌日", "宣传周",
                  "活动周", "消费季", "协商会", "座谈会", "研讨会", "推进会", "现场会", "推介会", "对接会", "观摩会",
                  "表彰会", "动员会", "恳谈会", "报告会")  # (协商会 before 商会, a chamber of commerce)
MINISTRY_HEADS = ("部", "厅", "局", "委", "委员会", "署")  # a government body's head (工业和信息化局)
# heads of national bodies, whose two-word names are names (生态环境部, 市场监管总局); 市场监管局 is every
# city's and county's, named only with its place or level
_NATIONAL_HEADS = ("部", "署", "总局")
_OFFICES = frozenset(("办公厅", "办公室"))  # a body's own office, named after it: 市委办公厅
# ordinary words that end the way bodies do (发展格局, 基层干部, 展厅): no head at all
_NOT_HEADS = {
    "大局", "全局", "结局", "开局", "当局", "时局", "政局", "出局", "骗局", "饭局", "棋局", "变局", "新局", "僵局",
    "定局", "残局", "终局", "全部", "内部", "外部", "头部", "底部", "顶部", "本部", "细部", "局部", "门厅", "前厅",
    "原委", "部署", "签署", "联署",
    "董事局", "董事会", "监事会",  # a company's board: 海尔集团董事局主席 is a title at 海尔集团
}
# 基层干部, 中东部, 研究部署 (the segmenter's one word)
_NOT_HEAD_ENDS = ("干部", "格局", "布局", "大厅", "餐厅", "客厅", "展厅", "东部", "西部", "南部", "北部", "中部", "部署",
                  "签署")
_LONG_ORG_SUFFIXES = tuple(x for x in ORG_SUFFIXES if len(x) >= 3)
_HEAD_LAST_CHARS = {x[-1] for x in ORG_SUFFIXES + COMPANY_SUFFIXES + EVENT_SUFFIXES} | {"奖"}
_NOT_A_NAME_END = ("奖", *(x for x in ORG_SUFFIXES + EVENT_SUFFIXES if len(x) >= 2))  # what ends no person's name
AWARD_RANKS = {"一等奖", "二等奖", "三等奖", "特等奖", "优秀奖", "提名奖", "金奖", "银奖", "铜奖", "大奖", "奖"}
TITLES = ("党组书记", "副书记", "书记", "副局长", "局长", "副主任", "主任", "总经理", "副总经理", "董事长",
          "院长", "副院长", "省长", "副省长", "市长", "副市长", "区长", "副区长", "县长", "厅长", "处长", "科长",
          "主席", "副主席", "部长", "会长", "秘书长", "总裁", "首席执行官", "教授", "研究员", "总工程师", "校长",
          "总理", "副总理", "总书记", "委员长", "发言人", "院士", "大使", "总统", "首相", "总干事", "司令员",
          "政委", "社长", "总编辑", "主编", "厂长", "站长", "所长", "队长", "理事长", "行长", "记者", "通讯员",
          "专家", "医生", "工程师", "律师", "老师")
# titles that are as often followed by a noun (专家团队, 老师们): a name after them only where tagged one
_NAME_TAGGED_TITLES = frozenset(("专家", "医生", "工程师", "律师", "老师"))
_TITLE_FIRST = "".join(sorted({t[0] for t in TITLES}))
_TITLE_LAST = frozenset(t[-1] for t in TITLES)
_TITLE_SECOND = "".join(sorted({t[1] for t in TITLES}))
# the lookahead on a title's first two characters lets the scan skip most positions at C speed,
# instead of trying every title where a common character such as 主 or 市 stands
_TITLE_NAME = re.compile(
    rf"(?=[{_TITLE_FIRST}][{_TITLE_SECOND}])(?:{'|'.join(sorted(TITLES, key=len, reverse=True))})"
    r"[ \u3000]?(?P<name>[\u4e00-\u9fff]{2,3})"  # （记者 李华 通讯员 王伟）
)
_REPORTER = ("记者", "通讯员")
_TITLES_AFTER_NAMES = frozenset(TITLES) - set(_REPORTER)  # 习近平总书记, 王伟局长: a name before its title
_ROLE_NOUNS = {"助理", "秘书", "助手", "代表", "委员", "成员", "一行", "本人", "夫人", "先生", "女士", "信箱", "热线",
               "职务", "人选", "一职"}  # 主任助理说: after a title, not a name
LOCAL_NAME_RULE = "title-word"  # a person candidate that is not linked beyond its document


def _byline_goes_on(text: str, end: int) -> bool:
    """Whether a reporter's name may end at ``end``: the text ends, or a byline goes on (、 space ） 报道 摄)."""
    return end >= len(text) or text[end] in "、 \u3000）)报摄等和"


@lru_cache(maxsize=1 << 12)
def _in_dictionary(word: str) -> bool:
    from qualitytui.core.segment import get_segmenter

    return get_segmenter().has_word(word)


_NAME_FOLLOW = "介说表指强认透称发在对向代主出带与和现亲到率一等今近回作答"
_COMRADE = re.compile(r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{2,3})同志")
_POLICY = re.compile(r"《(?P<name>[^《》\n]{2,80})》")
_QUOTED = re.compile(r"“(?P<name>[^“”\n]{2,24})”")
_SPEECH = re.compile(r"^(介绍|说|表示|指出|强调|认为|透露|称)")
_SAYS = re.compile(_SPEECH.pattern[1:])  # the same at a position in a text (^ matches only at its start)
_LIST_TAIL = re.compile(r"^等\s*(?:\d+|[一二三四五六七八九十几多数]+)\s*家[\u4e00-\u9fff]{0,4}(企业|公司)")
_PRESS_NAME = re.compile(r"(日报|晚报|早报|杂志|周刊)$")
_BRANDS_AFTER = re.compile(r"^等.{0,4}品牌")
_BYLINE_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
_MASTHEAD_WORD = re.compile(r"(新闻|日报|晚报|早报|青岛|全媒体|本版|首席|观海|掌上)")
_CLAUSE_MARK = re.compile(r"[，,。、：:）) \u3000]")
_NEXT_NAME = re.compile(r"、([\u4e00-\u9fff]{2,3}?)(?=[、，,。和报说等表介])")  # 记者刘洋、陈静: the next listed name
_ITEM_SPLIT = re.compile(r"、|(?:和|及|以及)(?=[^、]*$)")
_WORD_START = re.compile(r"[\u4e00-\u9fffA-Za-z]")

# Token tags that can stand inside a name, and words that cannot start one.
_NAME_TAGS = ("n", "ns", "nt", "nz", "nr", "nrt", "j", "vn", "eng", "b", "l", "an", "a")
_STOP_LEFT = {
    "全国", "全省", "全市", "全区", "全县", "各", "各级", "各类", "有关", "相关", "我省", "我市", "我国", "本市",
    "该", "其", "省级", "市级", "区级", "县级", "首批", "首个", "首家", "一批", "链主", "龙头", "企业", "单位",
    "部门", "层面", "方面", "领域", "高校", "院所", "机构", "重点", "主要", "共同", "联合", "牵头", "依托",
    "作为", "组织", "支持", "推动", "建设", "打造", "成立", "建立", "举办", "召开", "面向", "通过", "加强",
    "会上", "活动", "现场", "一站式", "线上", "线下", "国内外", "知名", "总部", "原", "荣获", "获得", "获评",
    "培育", "斩获", "授予", "设立", "入选", "同志", "评选", "申报", "认定", "利用", "指导", "引导", "即",
    "高标准", "高水平", "层面",
}
# Verbs that commonly stand inside names: 质量创新大赛, 高质量发展大会, 市场监督管理局.
_NAME_VERBS = {"创新", "发展", "建设", "推进", "促进", "管理", "监督", "服务", "检验", "检测", "改革", "研究",
               "设计", "制造", "合作", "交流", "投资", "贸易", "监管", "运输", "保障", "提升", "培训", "保护", "振兴",
               "扶贫", "认证"}
_GENERIC_COMPANY_CORES = {"高科技", "科技", "上市", "国有", "民营", "外资", "合资", "相关", "物流", "投资", "控股",
                          "子", "分", "母", "总", "平台", "运营", "服务", "管理", "工程", "建设", "发展"}
_NUMERAL_START = re.compile(r"^[一二三四五六七八九十百千两双\d]")
_WEAK_HEADS = ("平台", "基地", "中心", "联盟", "实验室", "联合体", "院所", "总部")
_LEVEL_PREFIX = {"省", "市", "区", "县"}
_GENERIC_HEAD = {
    "中心", "平台", "基地", "公司", "集团", "政府", "部门", "企业", "机构", "单位", "大学", "学院", "联盟",
    "办公室", "委员会", "领导小组", "实验室", "研究院", "研究所", "大会", "论坛", "大赛", "比赛", "总部基地",
    "科研院所", "高校院所", "研发机构", "高科技公司", "科技公司", "上市公司", "国有企业", "民营企业", "总部",
    "研发总部", "组织", "社", "部门", "内部",
}
_BRAND_AFTER = re.compile(r"^(工程|计划|品牌|行动|认证|标志|名单|商标|系列|产品|称号|标准|体系|工作室|卡|之家|系统|IP|示范|试点|项目|首批)")
_BRAND_BEFORE = re.compile(
    r"(入选|获评|荣获|获得|授予|打造|启动|实施|推出|申报|评选|认定为|擦亮|叫响|打响|培育|创建|发布|争创|列入|纳入"
    r"|社区|平台|品牌|项目|基地|园区|系统|国家)(首批|第一批)?$"
)
_BRAND_NAME_END = ("之家", "信息系统", "卡")
_NOT_BRAND = re.compile(r"[，,、；;：:。！？!?/]|\+(?!$)|^[一二三四五六七八九十两\d]")


class Candidate(NamedTuple):
    start: int
    end: int
    type: str
    text: str
    rule: str
    prefix: str | None = None  # 省/市/区/县 standing for the document's own place (in the text)
    scope: str | None = None  # the same, implied by a list the name stands in (教育厅 after 省发展改革委)


class Tokens(Sequence):
    """One passage's tagged tokens as parallel arrays; ``tokens[i]`` is (word, tag, start offset).

    Each distinct word is classified once per process (``_WORD_FLAGS``), so a rule visits only the
    tokens that can fire it instead of looping over every token in Python. Flags are looked up by
    the word alone: a (word, tag) key cost a second string hash and a tuple per token, and most
    words fire nothing whatever their tag.
    """

    __slots__ = ("words", "tags", "starts", "flags", "_any", "_hits")

    def __init__(self, tagged: list[tuple[str, str]]) -> None:
        words: list[str] = []
        tags: list[str] = []
        starts = [0]  # one more than the tokens: the text's end
        flags: list[int] = []
        word_flags = _WORD_FLAGS
        pos = every = 0
        for w, t in tagged:  # one pass (compiled, a C loop)
            words.append(w)
            tags.append(t)
            pos += len(w)
            starts.append(pos)
            f = word_flags[w]
            flags.append(f)
            every |= f
        self.words, self.tags, self.starts, self.flags = words, tags, starts, flags
        self._any = every  # the flags of all tokens together: most rules find nothing to visit
        self._hits: list[int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [(self.words[k], self.tags[k], self.starts[k]) for k in range(*i.indices(len(self.words)))]
        if i < 0:
            i += len(self.words)
        return self.words[i], self.tags[i], self.starts[i]

    def having(self, flag: int) -> list[int]:
        """Indices of the tokens that can fire the rule asking for ``flag``."""
        if not self._any & _BEHIND[flag]:
            return []
        if self._hits is None:
            self._hits = list(compress(count(), self.flags))
        flags, tags = self.flags, self.tags
        if flag == _HEAD:  # a head word, unless tagged as a verb, particle … (a long suffix is a head anyway)
            return [i for i in self._hits
                    if flags[i] & _HEAD and (flags[i] & _HEAD_LONG or not tags[i].startswith(_VERBISH_TAGS))]
        if flag == _PLACE:  # in the gazetteer, or tagged ns with a place's shape
            return [i for i in self._hits if flags[i] & _GAZETTEER or flags[i] & _NS_SHAPE and tags[i] == "ns"]
        if flag == _NT:
            return [i for i in self._hits if flags[i] & _NT_SHAPE and tags[i] == "nt"]
        return [i for i in self._hits if flags[i] & flag]

    def at(self, offset: int) -> int:
        """Index of the token covering ``offset``."""
        return bisect_right(self.starts, offset) - 1


# 工业和信息化部等部门, 自然资源部副部长: the segmenter's 部等/u and 部副/n hide the head; 记者从省市场监管局获悉,
# 由市发展改革委牵头: its 从省/n and 由市/n (words it made up) hide the level a body's name opens on
_GLUED = re.compile(r"[部委局厅署办][等副]|[从由在向对经据赴到至为于][省市区县]")
_GLUED_TAG = {"等": "u", "副": "b"}


_NAMED_DAYS = ("质量月", "品牌日")  # names by themselves, with or without a place before them
# the events' heads the segmenter's dictionary lacks, so that it cuts them in two (推进/v 会/v, 质量/n 月/m)
_CUT_HEADS = ("推进会", "对接会", "质量月", "品牌日", "活动周", "消费季")
_CUT_HEAD = re.compile("|".join(_CUT_HEADS))


def _heads_joined(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``tagged`` with a head cut in two made one word again (推进 + 会 → 推进会)."""
    out: list[tuple[str, str]] = []
    for w, t in tagged:
        if out and len(w) == 1 and out[-1][0] + w in _CUT_HEADS:
            out[-1] = (out[-1][0] + w, "n")
        else:
            out.append((w, t))
    return out


def tokens_with_offsets(tagged: list[tuple[str, str]], text: str = "") -> Tokens:
    """The tagged tokens of ``text`` as Tokens, a body's head cut off the 等 or 副 it was glued to, a
    level (省, 市 …) off the preposition before it, and an event's head cut in two made whole."""
    if text and _GLUED.search(text):
        tagged = [piece for w, t in tagged for piece in (
            _unglued(w, t) if len(w) == 2 and _GLUED.fullmatch(w) else ((w, t),))]
    if text and _CUT_HEAD.search(text):
        tagged = _heads_joined(tagged)
    tokens = Tokens(tagged)
    if tokens._any & _HEAD_AND_TITLE:  # (the word flags tell at no cost whether a passage holds one)
        tokens = Tokens([piece for w, t in tagged for piece in (
            _head_and_title(w) if _WORD_FLAGS[w] & _HEAD_AND_TITLE else ((w, t),))])
    return tokens


_PARTY_HEADS = ("省委", "市委", "区委", "县委", "党委")  # 市委书记 stays whole: party_candidates reads it


def _title_after_head(w: str) -> str | None:
    """The title ending ``w`` when the rest of it is a body's head (协会会长 → 会长), else None."""
    for title in TITLES:
        head = w[: -len(title)]
        if head and w.endswith(title) and head.endswith(ORG_SUFFIXES) and not head.endswith(_PARTY_HEADS):
            return title
    return None


def _head_and_title(w: str) -> tuple[tuple[str, str], tuple[str, str]]:
    title = _title_after_head(w)
    return (w[: -len(title)], "n"), (title, "n")  # type: ignore[arg-type]


def _unglued(w: str, t: str) -> tuple[tuple[str, str], ...]:
    if w[1] in _GLUED_TAG:
        return (w[0], "n"), (w[1], _GLUED_TAG[w[1]])
    if _in_dictionary(w):
        return ((w, t),)  # a word of the dictionary stays whole
    return (w[0], "p"), (w[1], "n")


_COUNT_WORD = re.compile(r"^[一二三四五六七八九十百千两\d.]+[大届批个家项类]?$")
_NUMERALS = set("0123456789一二三四五六七八九十百千万两几多首第")


def _is_nameish(w: str, t: str, event: bool = False) -> bool:
    if w in _STOP_LEFT and not (event and w in ("企业", "国际", "全球")):
        return False
    if t.startswith("m"):  # 四方 (a word) may stand in a name; 2022, 十大 may not
        return len(w) >= 2 and not set(w) <= _NUMERALS and not w[-1] in "届批个家项大"
    # (a word the segmenter found outside its dictionary is tagged x, like punctuation: 潍柴/x 动力)
    return t.startswith(_NAME_TAGS) or w in _NAME_VERBS or t == "x" and "\u4e00" <= w[:1] <= "\u9fff"


def _extend_left(tokens: Tokens, i: int, event: bool = False, limit: int = 8) -> int:
    """Index of the first token of a name ending at token ``i``: a sound left edge."""
    words, tags = tokens.words, tokens.tags
    j = i
    while j > 0 and i - j < limit:
        w = words[j - 1]
        if w in _LEVEL_PREFIX:  # 市市场监管局, 省发展改革委: keep the level prefix and stop
            j -= 1
            break
        if event and w == "暨" and j > 1 and _is_nameish(words[j - 2], tags[j - 2], event):
            j -= 1  # 新型工业化暨企业高质量发展大会: one event
            continue
        if event and w == "”":  # “品质青岛”故事大赛: a quoted name inside the event's name
            k = j - 2
            while k >= 0 and i - k < limit + 4 and words[k] != "“":
                k -= 1
            if k >= 0 and words[k] == "“":
                j = k
                continue
        if event and w == "建设" and j == i and j > 1 and _is_nameish(words[j - 2], tags[j - 2], event):
            j -= 1  # 质量强省建设推进会: what a meeting pushes on with names it (建设 opens no name)
            continue
        if w == "和" and not event and j > 1 and words[i].endswith(MINISTRY_HEADS) and _is_nameish(
                words[j - 2], tags[j - 2]) and not words[j - 2].endswith(ORG_SUFFIXES):
            j -= 2  # 工业和信息化部, 住房和城乡建设局: one body
            continue
        if not _is_nameish(w, tags[j - 1], event):
            break
        if len(w) == 1 and j >= 2 and words[j - 2].endswith(ORG_SUFFIXES) and len(words[j - 2]) >= 2:
            break  # 市场监管局商市委组织部: a one-character word after a body joins two bodies (商: consults)
        j -= 1
    # a body's name starts on a noun, not on a verb-noun or an adjective (发展工作领导小组: no sound edge);
    # an event's name may open on its verb (推进新型工业化暨企业高质量发展大会)
    ministry = words[i].endswith(MINISTRY_HEADS)  # 生态环境部, 应急管理局 open on such words
    while not event and j < i and (tags[j].startswith(("an", "a")) or not ministry and (
            tags[j].startswith(("vn", "l")) or words[j] in _NAME_VERBS)):
        j += 1
    return _whole_place_at(words, j, i)


_DESIGNATION = re.compile(r"国际(?:航运|金融|贸易|商贸|物流|消费|科技创新|科创|交往|交流)中心$")

_OPEN_BRACKETS, _CLOSE_BRACKETS = ("（", "("), ("）", ")")
_NATIONAL_OPENINGS = ("国家", "中国")


def _bracketed_place_at(words: list[str], k: int) -> bool:
    """Whether tokens ``k``… are a known place in brackets: （青岛）."""
    if k + 2 >= len(words) or words[k] not in _OPEN_BRACKETS or words[k + 2] not in _CLOSE_BRACKETS:
        return False
    places, needs_context = gazetteer.lookup(words[k + 1])
    return bool(places) and not needs_context


def _bracketed_place_start(tokens: Tokens, i: int, event: bool) -> int | None:
    """The first token of a name with its place in brackets before its head word at ``i``:
    国家质量基础设施（青岛）总部基地, 中国质量（青岛）大会; None when the name has no such bracket.

    A name opening on 国家 or 中国 starts there, whatever stands before it (会议举办地, 城阳区)."""
    words, tags = tokens.words, tokens.tags
    for c in (i - 1, i - 2):  # the head, or 总部 and the head, after the bracket
        if c < 3 or words[c] not in _CLOSE_BRACKETS:
            continue
        if c == i - 2 and not tags[i - 1].startswith("n"):
            return None
        k = c - 3
        if not _bracketed_place_at(words, c - 2) or not _is_nameish(words[k], tags[k], event) or _COUNT_WORD.match(words[k]):
            return None
        j = _extend_left(tokens, k, event)
        national = [n for n in range(j, k + 1) if words[n] in _NATIONAL_OPENINGS]
        j = national[-1] if national else j
        # more than one generic word before the bracket: 中国质量（青岛）大会, not 质量（青岛）大会
        return j if k > j or _proper(tokens[j : k + 1]) else None
    return None


def _whole_place_at(words: list[str], j: int, i: int) -> int:
    """``j``, or the first token of a place the segmenter cut in pieces whose last pieces open the
    name (大/箐/山县质量创新大赛: 大箐山县; 褒忠/乡: 褒忠乡), so that the name does not start mid-place."""
    endings = gazetteer.full_name_endings()
    for end in (j, j + 1):
        if end > i or words[end][-1:] not in endings:
            continue
        for k in (3, 2, 1):
            if j - k >= 0:
                places, needs_context = gazetteer.lookup("".join(words[j - k : end + 1]))
                if places and not needs_context:
                    return j - k
    return j


def _after_place_chain(words: list[str], j: int, i: int) -> int:
    """``j``, or the last of the places opening the name at ``j`` when each stands inside the one
    before it: 陕西省/西安市/文物局 is 陕西省 and the body 西安市文物局, as a reader of 山东省潍坊市寿光市
    … takes the province and the city for places of their own."""
    while j + 1 < i and _inside(words[j + 1], words[j]):
        j += 1
    return j


def _inside(inner: str, outer: str) -> bool:
    """Whether ``inner`` is the full name of a place in the place ``outer`` (full names both)."""
    places, _ = gazetteer.lookup(inner)
    return any(p.name == inner and outer in (p.province, p.prefecture) and p.name != outer for p in places)


def _level_prefix(tokens: Tokens, j: int) -> str | None:
    w = tokens.words[j]
    if w in _LEVEL_BODIES:  # 市委组织部: the city's own, as 市委 is
        return w[0]
    return w if w in _LEVEL_PREFIX else None


def _distinctive(parts: list[Token]) -> bool:
    """A name needs more than generic words: a place, a proper noun, or a level prefix with content."""
    if _proper(parts):
        return True
    return len(parts) >= 3 and parts[0][0] in _LEVEL_PREFIX or len(parts) >= 4


@lru_cache(maxsize=None)
def _head_kind(w: str) -> str | None:
    """The kind of name a head word ends: award, event, company or organization (None: no head)."""
    if w.endswith("奖") and w != "奖":
        return "award"
    if w.endswith(EVENT_SUFFIXES):
        return "event"
    if w.endswith(ORG_SUFFIXES):
        return "company" if w.endswith(COMPANY_SUFFIXES) else "organization"
    return None


def suffix_candidates(text: str, tokens: Tokens) -> list[Candidate]:
    """Organisations, companies, events and awards by their head word, with the left edge from the tokens."""
    out: list[Candidate] = []
    words, tags, starts = tokens.words, tokens.tags, tokens.starts
    for i in tokens.having(_HEAD):
        w, t, s = words[i], tags[i], starts[i]
        kind = _head_kind(w)
        if not kind:
            continue
        j = _bracketed_place_start(tokens, i, kind == "event")
        if j is None:
            j = _extend_left(tokens, i, event=kind == "event")
            if kind in ("organization", "company", "event"):  # 河南省/洛阳市/牡丹文化节: the city's festival
                j = _after_place_chain(words, j, i)
        parts = tokens[j : i + 1]
        name = text[parts[0][2] : s + len(w)]
        if len(name) < 3 or _COUNT_WORD.match(parts[0][0]):
            continue  # 九大实验室, 四大公共服务平台, 2022首届…: a count, not a name
        if kind == "award":
            rank_only = w in AWARD_RANKS and not any(p[0].endswith("奖") for p in parts[:-1])
            if rank_only or name in AWARD_RANKS or name.startswith("政府"):
                continue
        elif kind == "event":
            if name in _GENERIC_HEAD or w not in _NAMED_DAYS and (len(name) < 4 or not _distinctive(parts)):
                continue
        elif kind == "company":
            core = name[: -len(next(x for x in COMPANY_SUFFIXES if name.endswith(x)))] if name.endswith(COMPANY_SUFFIXES) else name
            if name in _GENERIC_HEAD or len(core) < 2 or core in _GENERIC_COMPANY_CORES:
                continue
            if w.endswith(_HOTELS) and not _proper(parts):
                continue  # 高端酒店, 星级宾馆: a kind of hotel, not one
        else:
            single_ok = len(parts) == 1 and (t == "nt" or (len(w) >= 3 and w.endswith(("部", "厅", "署"))))
            ministry = len(parts) >= 2 and len(name) >= 4 and (
                w.endswith(_NATIONAL_HEADS) or parts[0][0] == "国家" and w.endswith(MINISTRY_HEADS))  # 国家铁路局
            # a body's own office: 教育部办公厅, 市委办公厅, 市政协办公厅
            nested = len(parts) == 2 and (parts[0][0] in _LEVEL_BODIES and w in _OFFICES or len(parts[0][0]) >= 3 and parts[0][0].endswith(
                _NATIONAL_HEADS) and not (parts[0][0] in _NOT_HEADS or parts[0][0].endswith(_NOT_HEAD_ENDS)))
            if name in _GENERIC_HEAD or len(parts) == 1 and len(w) <= 2 or not (
                    single_ok or ministry or nested or _distinctive(parts)):
                continue
            if _DESIGNATION.search(name):
                continue  # 东北亚国际航运中心: a standing a city works for, not a body
            if name.endswith("党委") and name[:-2].endswith(ORG_SUFFIXES):
                name, w = name[:-2], w  # 青岛日报社党委: the body is 青岛日报社
                out.append(Candidate(parts[0][2], parts[0][2] + len(name), kind, name, "head:党委", _level_prefix(tokens, j)))
                continue
            if w.endswith(_WEAK_HEADS) and not _proper(parts) and not (
                    parts[0][0] in _NATIONAL_OPENINGS and len(parts) >= 3 and _bracketed_place_at(words, i + 1)):
                continue  # 高水平基础性技术平台, 研发中心: a description, not a name; 国家…创新中心(青岛) is one
        out.append(Candidate(parts[0][2], s + len(w), kind, name, f"head:{w}", _level_prefix(tokens, j)))
    return out


# words the segmenter tags as abbreviations (j) that are common words, not names: 研发中心 names no one
_COMMON_ABBREVIATIONS = frozenset(("研发", "家电", "中小企业", "联盟", "深化", "中试", "党建", "上下游", "交通运输",
                                   "科研", "环保", "外贸", "外资", "国企", "民企", "央企", "高校", "文旅", "双创"))


def _proper(parts: list[Token]) -> bool:
    """A proper noun among the parts: a place, an organisation or other proper-noun tag, an abbreviation;
    or a national institution's name (国家 and at least two more words: 国家高端智能家电创新中心)."""
    if len(parts) >= 4 and parts[0][0] == "国家":
        return True
    return any(
        (t.startswith(("ns", "nt", "nz", "j", "eng")) and len(w) >= 2 and w not in _COMMON_ABBREVIATIONS)
        or gazetteer.is_place_word(w)
        or t == "x" and len(w) >= 2 and "\u4e00" <= w[0] <= "\u9fff" for w, t, _ in parts  # (x: outside the dictionary)
    )


def policy_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    if "《" not in text:
        return out
    for m in _POLICY.finditer(text):
        name = " ".join(m.group("name").split())
        kind = "organization" if _PRESS_NAME.search(name) else "policy_document"
        out.append(Candidate(m.start("name"), m.end("name"), kind, name, "《》"))
    return out


def quoted_candidates(text: str) -> list[Candidate]:
    """“好品山东”, “青岛优品”工程: a programme or brand only when the quotes name one.

    Quotes printed in a run (“崂山茶”“崂山检测”等特色品牌) share the cue before or after the run.
    """
    out: list[Candidate] = []
    if "“" not in text:
        return out
    runs: list[list[re.Match[str]]] = []
    for m in _QUOTED.finditer(text):
        if runs and runs[-1][-1].end() == m.start():
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        before = text[max(0, run[0].start() - 6) : run[0].start()]
        after = text[run[-1].end() : run[-1].end() + 8]
        cue_before = bool(_BRAND_BEFORE.search(before))
        figurative = before.endswith("的") or (after.startswith("的") and not cue_before)
        cue = cue_before or bool(_BRAND_AFTER.match(after) or _BRANDS_AFTER.match(after))
        for m in run:
            name = m.group("name").strip()
            if _NOT_BRAND.search(name):
                continue
            if name.endswith("奖"):
                out.append(Candidate(m.start("name"), m.end("name"), "award", name, "“”奖"))
            elif name.endswith(("月", "日", "周", "节")) and len(name) <= 6:
                out.append(Candidate(m.start("name"), m.end("name"), "event", name, "“”day"))
            elif (cue or name.endswith(_BRAND_NAME_END)) and not figurative and len(name) <= 16:
                out.append(Candidate(m.start("name"), m.end("name"), "program_or_brand", name, "“”name"))
    return out


def person_candidates(text: str, tokens: Tokens, kind: str) -> list[Candidate]:
    out = []
    if kind == "byline":
        for m in _BYLINE_WORD.finditer(text):
            word = m.group(0)
            if ROLE_WORDS.search(word) or _MASTHEAD_WORD.search(word):
                continue
            before = text[: m.start()]
            if m.start() == 0 or before.endswith((" ", "□", "■")) or ROLE_WORDS.search(before[-3:]):
                out.append(Candidate(m.start(), m.end(), "person", word, "byline"))
        return out
    for m in _TITLE_NAME.finditer(text):
        s = m.start("name")
        k = tokens.at(s)
        w, t, st = tokens[k]
        if st == s and t.startswith("nr") and 2 <= len(w) <= 3:
            name = w + _name_end(tokens, k)
        elif text[m.start() : s].rstrip(" \u3000") in _NAME_TAGGED_TITLES:
            continue
        else:
            name = m.group("name")
            if len(name) == 3 and name[2] in _NAME_FOLLOW:
                name = name[:2]
            if st == s and 2 <= len(w) <= len(name) and t.startswith(_VERBISH_TAGS) and _in_dictionary(w) and (
                    len(w) < len(name) or not _SAYS.match(text, s + len(name))):
                continue  # 副市长分管工作, 总书记强调: a verb of the dictionary opens no name (申长/v 雨 does,
                # and 主任付强/v 介绍: a word of saying after it)
            if m.group(0).startswith(_REPORTER) and not _byline_goes_on(text, s + len(name)):
                continue  # 回答记者提问: after 记者 in running text stands a verb, unless a byline follows
            nxt = text[s + len(name) : s + len(name) + 1]
            if not nxt or nxt not in _NAME_FOLLOW and not _CLAUSE_MARK.match(nxt):
                continue
        if name.endswith(_NOT_A_NAME_END) or name.endswith(TITLES) or name in _ROLE_NOUNS:  # 市长质量奖, 书记处书记
            continue
        # a name the dictionary knows as a word (付强) stays in its own document: were it a word after all,
        # linking would find "him" in every document using it
        rule = "title" if st == s and t.startswith("nr") or not _in_dictionary(name) else LOCAL_NAME_RULE
        out.append(Candidate(s, s + len(name), "person", name, rule))
        pos = s + len(name)
        while True:  # 记者刘洋、陈静报道: the names listed after one title
            more = _NEXT_NAME.match(text, pos)
            if not more:
                break
            a = more.start(1)
            out.append(Candidate(a, more.end(1), "person", more.group(1), "title-list"))
            pos = more.end(1)
    for m in _COMRADE.finditer(text) if "同志" in text else ():
        name = m.group("name")
        w, t, st = tokens[tokens.at(m.start("name"))]
        if t.startswith("nr") and st + len(w) == m.end("name"):
            out.append(Candidate(st, m.end("name"), "person", w, "同志"))
    for k in tokens.having(_SPEECH_WORD):  # 高善武/nr 介绍, 王伟/nr 局长, or 余辉/nr 斌/nr 说 (a name cut 2+1)
        for i in (k - 1, k - 2):
            if i < 0 or not tokens.tags[i].startswith("nr"):  # (nrfg: 习近平, 李强; nrt: a foreign name)
                continue
            w, s = tokens.words[i], tokens.starts[i]
            end = _name_end(tokens, i)
            if i + 1 + (1 if end else 0) == k and 2 <= len(w) <= 3:
                out.append(Candidate(s, s + len(w) + len(end), "person", w + end, "nr+speech"))
    return out


_NAME_END_TAGS = ("j", "ng", "n", "nz", "b")  # what the tagger calls a given name's last character


def _name_end(tokens: Tokens, i: int) -> str:
    """The given name's last character when the tagger cut a three-character name 2+1: a single
    character tagged as a name after a two-character one (余辉/nr 斌/nr), or as another noun when a verb
    follows (吴涛/nr 英/j 发布); else ''."""
    words, tags = tokens.words, tokens.tags
    if len(words[i]) != 2 or i + 1 >= len(words):
        return ""
    w, t = words[i + 1], tags[i + 1]
    if len(w) != 1 or not "\u4e00" <= w <= "\u9fff":
        return ""
    if t.startswith("nr"):
        return w
    if t in _NAME_END_TAGS and w not in _NAME_FOLLOW and i + 2 < len(words) and (
            tags[i + 2].startswith("v") or words[i + 2][:1] in _NAME_FOLLOW):
        return w
    return ""


_PARTY_ORG = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,8}?[省市区县])委(?P<dept>宣传部|组织部|统战部|政法委|办公室)?")


def party_candidates(text: str) -> list[Candidate]:
    """沈阳市委(书记), 崂山区委宣传部: a party committee named by its place."""
    out: list[Candidate] = []
    if "委" not in text:
        return out
    for m in _PARTY_ORG.finditer(text):
        place = m.group("place")
        for k in range(len(place) - 2, -1, -1):  # the longest place name ending at 市/区/… wins
            places, needs_context = gazetteer.lookup(place[k:])
            if places and not needs_context:
                start = m.start("place") + k
                out.append(Candidate(start, m.end(), "organization", text[start : m.end()], "party"))
                break
    return out


_FEATURE_ENDS = ("半岛", "盆地", "高原", "平原", "山脉", "草原", "沙漠", "流域", "群岛", "三角洲")  # 塔里木盆地
_PLACE_ENDS = ("区", "县", "镇", "乡", "村", *_FEATURE_ENDS)  # a tagged place not in the gazetteer must end so
_TWO_PLACE_ENDS = _PLACE_ENDS + ("州", "市", "省")  # what a tagged word of two known places can end with
_NO_PLACE_START = ("c", "p", "u", "r", "x", "m", "q")  # 市/和/县 is no 和县


def place_candidates(tokens: Tokens) -> list[Candidate]:
    out = []
    index = gazetteer.index()
    words, tags, starts = tokens.words, tokens.tags, tokens.starts
    for n in tokens.having(_PLACE):
        w, t, s = words[n], tags[n], starts[n]
        if len(w) < 2:
            continue
        places, needs_context = index.get(w, gazetteer._NOWHERE)
        if places:
            rule = "gazetteer-short-county" if needs_context else "gazetteer"
            out.append(Candidate(s, s + len(w), "place", w, rule))
        elif t == "ns":
            out += _split_places(w, s, index) or (
                [Candidate(s, s + len(w), "place", w, "tagger-ns")] if w.endswith(_PLACE_ENDS) else [])
    tails = gazetteer.tails()
    for n in tokens.having(_PLACE_TAIL):  # a place the segmenter cut in pieces: 双流/区, 宽城/满族/自治县
        piece, found = words[n], None
        for k in (1, 2, 3):  # leftwards, while the pieces so far still end some place's name
            if k > n:
                break
            piece = words[n - k] + piece
            places, needs_context = index.get(piece, gazetteer._NOWHERE)
            if places and not needs_context and not tags[n - k].startswith(_NO_PLACE_START):
                found = (k, piece)
            if piece not in tails:
                break
        if found:
            out.append(Candidate(starts[n - found[0]], starts[n + 1], "place", found[1], "gazetteer-joined"))
    return out


def _split_places(w: str, s: int, index) -> list[Candidate]:
    """A place in a place, tagged as one word (上海市浦东新区): the two places, when both are known, or
    a known place and a land feature in it (新疆塔里木盆地)."""
    for k in range(2, len(w) - 1):
        outer, inner = index.get(w[:k]), index.get(w[k:])
        if outer and not outer[1] and (inner and not inner[1] or len(w) - k >= 4 and w.endswith(_FEATURE_ENDS)):
            return [Candidate(s, s + k, "place", w[:k], "gazetteer-split"),
                    Candidate(s + k, s + len(w), "place", w[k:], "gazetteer-split" if inner else "tagger-ns")]
    return []


_LIST = re.compile(r"(?P<items>[\u4e00-\u9fffA-Za-z]{2,10}(?:、[\u4e00-\u9fffA-Za-z]{2,10})+(?:(?:和|及|以及)[\u4e00-\u9fffA-Za-z]{2,10})?)")
_ITEM_END = re.compile(r"等|为|的|是|在|将|均|都|也")
_LIST_LEAD = re.compile(r"^(?:即|如|像|是|有|为|包括|其中|以|由|及|和)")


def _is_list_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _list_matches(text: str):
    """``_LIST.finditer(text)``, but the pattern is tried only where a match can start: a match's
    first item ends at a 、, so it starts at most ten word characters before one. (Tried at every
    position, the pattern was a third of the time spent on dates and lists.)"""
    pos = 0
    while (i := text.find("、", pos)) >= 0:
        start = i
        while start > max(pos, i - 10) and _is_list_char(text[start - 1]):
            start -= 1
        m = _LIST.match(text, start) if i - start >= 2 else None
        if m:  # a later start before this 、 would end at the same 、 and fail or match alike
            yield m
            pos = m.end()
        else:
            pos = i + 1


@lru_cache(maxsize=4096)
def enumerations(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Spans of the items of each 、-separated enumeration (the last item may come after 和)."""
    if "、" not in text:
        return ()
    out = []
    for m in _list_matches(text):
        items, start = [], m.start("items")
        parts = _ITEM_SPLIT.split(m.group("items"))
        last = _ITEM_END.search(parts[-1], 2)  # 澳柯玛为代表的, 群核科技等: the list ends before these
        if last:
            parts[-1] = parts[-1][: last.start()]
        for k, raw in enumerate(parts):
            s = text.index(raw, start)
            start = s + len(raw)
            if k == 0:
                lead = _LIST_LEAD.match(raw)
                if lead:
                    s += lead.end()
            if start - s >= 2:
                items.append((s, start))
        if len(items) >= 2:
            out.append(tuple(items))
    return tuple(out)


def list_companies(text: str) -> list[Candidate]:
    """Items of an enumeration that ends in 等N家企业/公司: 游戏科学、深度求索…等6家高科技公司."""
    out: list[Candidate] = []
    if "、" not in text or "家" not in text:
        return out
    for items in enumerations(text):
        if _LIST_TAIL.match(text[items[-1][1] :]):
            out += [Candidate(s, e, "company", text[s:e], "list") for s, e in items]
    return out


_QUALIFIERS = {"链主", "龙头", "骨干", "领军", "领航", "牵头"}


def apposition_companies(text: str, tokens: Tokens) -> list[Candidate]:
    """链主企业潍柴雷沃, 龙头企业山推股份: the name that follows a qualified 企业."""
    out = []
    for i in tokens.having(_QIYE):
        if i == 0 or tokens[i - 1][0] not in _QUALIFIERS:
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 3 and tokens[j][1].startswith(("x", "nr", "nz", "ns", "nt", "j", "eng", "n")) \
                and tokens[j][0] not in _STOP_LEFT and _WORD_START.match(tokens[j][0]):
            j += 1
        if j > i + 1:
            a, b = tokens[i + 1][2], tokens[j - 1][2] + len(tokens[j - 1][0])
            if b - a >= 2:
                out.append(Candidate(a, b, "company", text[a:b], "apposition"))
    return out


_LEVEL_BODIES = frozenset(level + body for level in "省市区县" for body in ("委", "政府", "人民政府", "政协"))


def level_body_candidates(tokens: Tokens) -> list[Candidate]:
    """市委, 区政府 on their own: the party committee or the government of the document's own place
    (named in full in its context: 青岛市委). Not after 各区 or 全市, where the word is the tail of
    another phrase (各区市政府: the districts' and cities' governments), nor before a department
    (市委组织部 is the body named, not 市委)."""
    out = []
    words, starts = tokens.words, tokens.starts
    for i in tokens.having(_LEVEL_BODY_WORD):
        if not level_body_stands_alone(words, i, i + 1):
            continue
        w = words[i]
        out.append(Candidate(starts[i], starts[i] + len(w), "organization", w, "level-body", w[0]))
    return out


def level_body_stands_alone(words: Sequence[str], i: int, j: int) -> bool:
    """Whether words[i:j] (a level body: 市委, 区政府) names the body itself: not the tail of 各区市政府
    or 全市政府, not the head of 市委组织部 (but 市委市政府 is two bodies). Linking asks it too, before
    it marks a document's 市政府 again inside 各区市政府."""
    before = words[i - 1] if i else ""
    if before.endswith(("省", "市", "区", "县")) or before in ("各", "全"):
        return False
    after = words[j] if j < len(words) else ""
    return not (after.endswith(ORG_SUFFIXES) and after not in _LEVEL_BODIES)


def is_level_body(name: str) -> bool:
    return name in _LEVEL_BODIES


def nt_candidates(tokens: Tokens) -> list[Candidate]:
    """The segmenter's organisation tag on a word of its own (中共中央): a secondary signal."""
    return [Candidate(tokens.starts[i], tokens.starts[i + 1], "organization", tokens.words[i], "tagger-nt")
            for i in tokens.having(_NT)]


_SENTENCE_END = re.compile(r"[。；;！!？?]")


def _for_each_place(text: str, c: Candidate) -> bool:
    """Whether ``c`` is a level's body named for every place of that level (由各市市场监管局商市委组织部:
    each city's own), not for the document's place: 各 and its level earlier in the sentence."""
    level = c.text[:1]
    if c.type != "organization" or level not in _LEVEL_PREFIX:
        return False
    at = text.rfind("各" + level, 0, c.start)
    return at >= 0 and not _SENTENCE_END.search(text, at, c.start)


def candidates(text: str, tokens: Tokens, kind: str) -> list[Candidate]:
    """Every rule's proposals for one passage (text in normalized form, tokens with their offsets)."""
    found = policy_candidates(text) + quoted_candidates(text) + person_candidates(text, tokens, kind)
    if kind != "byline":
        found += suffix_candidates(text, tokens) + place_candidates(tokens) + list_companies(text)
        found += party_candidates(text) + apposition_companies(text, tokens) + nt_candidates(tokens)
        found += level_body_candidates(tokens)
        if "各" in text:
            found = [c for c in found if not _for_each_place(text, c)]
    return found


class _WordFlags(dict):
    """word → the rules it can fire, as bits (some still to be checked against the tag, in
    ``Tokens.having``); filled on first sight of each word."""

    def __missing__(self, w: str) -> int:
        f = 0
        if w[-1:] in _HEAD_LAST_CHARS and not w.startswith(_MEETING_VERBS) and w not in _NOT_HEADS and not w.endswith(_NOT_HEAD_ENDS):
            f |= _HEAD
            if w.endswith(EVENT_SUFFIXES + _LONG_ORG_SUFFIXES) or len(w) >= 3 and w.endswith("署"):  # 审计署/v
                f |= _HEAD_LONG
        if w in gazetteer.index():
            f |= _GAZETTEER
        elif len(w) >= 3 and w.endswith(_TWO_PLACE_ENDS) and w not in _STOP_LEFT and not gazetteer.is_bare_suffix(w):
            f |= _NS_SHAPE
        if w in gazetteer.tails():
            f |= _PLACE_TAIL
        if _SPEECH.match(w) or w in _TITLES_AFTER_NAMES:
            f |= _SPEECH_WORD
        if w in _LEVEL_BODIES:
            f |= _LEVEL_BODY_WORD
        if w == "企业":
            f |= _QIYE
        if len(w) >= 3 and w[-1] in _TITLE_LAST and _title_after_head(w):
            f |= _HEAD_AND_TITLE
        if len(w) >= 3 and w not in _GENERIC_HEAD and not w.endswith(_NOT_HEAD_ENDS) and (
                w.endswith(ORG_SUFFIXES) or w.startswith("中共")):
            f |= _NT_SHAPE
        self[w] = f
        return f


_WORD_FLAGS = _WordFlags()
