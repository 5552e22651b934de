"""China's places (province, prefecture, county), with and without their suffix: 青岛市 / 青岛; and
the places policy news names beside them: state-level new areas, economic regions and countries.

Derived from the National Bureau of Statistics' division codes (see scripts/build_gazetteer.py).
Short forms of counties (崂山 for 崂山区) are many and often common words, so they are returned
flagged, for the caller to accept only where the document names the full form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).resolve().parent.parent / "data" / "places.tsv"
_SUFFIX = re.compile(r"(特别行政区|自治[区州县旗]|地区|林区|新区|省|市|盟|区|县|旗)$")
# the peoples an autonomous area is named for, between its name and 自治州: 延边/朝鲜族/自治州
_PEOPLES = (
    "汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇"
    "|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京"
    "|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各"
)
_PEOPLE_TAIL = re.compile(rf"(?:(?:{_PEOPLES})族|哈萨克|锡伯|维吾尔|蒙古|柯尔克孜|塔吉克)$")  # (伊犁哈萨克自治州)
# Short forms that are ordinary words far more often than places.
_COMMON_WORDS = {"安康", "长治", "大同", "普洱", "太平", "和平", "朝阳", "长安", "新华", "中山", "白云", "青山",
                 "城关", "新城", "城中", "城东", "城西", "城南", "城北", "东区", "西区", "南区", "北区", "郊区",
                 "矿区", "向阳", "红旗", "前进", "友好", "新市", "永安", "铁西", "铁东", "开发", "高新", "经济",
                 "东方", "南方", "北方", "西部", "东部", "中部", "江南", "河东", "河西", "新兴", "清河"}
# Full names that are ordinary words (阳泉市城区; 城区 is "the urban area" everywhere else): they need
# context like a county's short form, which a lone mention of them never has.
_COMMON_FULL_NAMES = {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区"}
# China's named economic regions, which policy news names as places (no division code has them)
_REGIONS = ("长三角", "长江三角洲", "珠三角", "珠江三角洲", "京津冀", "粤港澳大湾区", "长江经济带", "黄河流域",
            "成渝地区双城经济圈", "环渤海", "海峡西岸经济区", "关中平原城市群", "北部湾经济区")

# The state-level new areas that no division code names (浦东新区 and 滨海新区 are districts):
# name, province, prefecture (empty where the area spans several)
_NEW_AREAS = (
    ("雄安新区", "河北省", ""), ("两江新区", "重庆市", "重庆市"), ("舟山群岛新区", "浙江省", "舟山市"),
    ("兰州新区", "甘肃省", "兰州市"), ("南沙新区", "广东省", "广州市"), ("西咸新区", "陕西省", ""),
    ("贵安新区", "贵州省", ""), ("西海岸新区", "山东省", "青岛市"), ("金普新区", "辽宁省", "大连市"),
    ("天府新区", "四川省", ""), ("湘江新区", "湖南省", "长沙市"), ("江北新区", "江苏省", "南京市"),
    ("福州新区", "福建省", "福州市"), ("滇中新区", "云南省", ""), ("哈尔滨新区", "黑龙江省", "哈尔滨市"),
    ("长春新区", "吉林省", "长春市"), ("赣江新区", "江西省", ""),
)
# Countries policy news names (trade, investment, exchanges), by their usual Chinese names: full names
# only, as their short forms (中美, 日方, 德企) are not places in running text.
_COUNTRIES = (
    "美国", "日本", "韩国", "朝鲜", "蒙古国", "俄罗斯", "德国", "法国", "英国", "意大利", "西班牙", "葡萄牙", "荷兰",
    "比利时", "卢森堡", "瑞士", "奥地利", "瑞典", "挪威", "丹麦", "芬兰", "冰岛", "爱尔兰", "波兰", "捷克", "斯洛伐克",
    "匈牙利", "罗马尼亚", "保加利亚", "希腊", "塞尔维亚", "克罗地亚", "斯洛文尼亚", "乌克兰", "白俄罗斯", "立陶宛",
    "拉脱维亚", "爱沙尼亚", "土耳其", "以色列", "伊朗", "伊拉克", "沙特阿拉伯", "阿联酋", "卡塔尔", "科威特", "阿曼",
    "约旦", "黎巴嫩", "叙利亚", "埃及", "摩洛哥", "阿尔及利亚", "突尼斯", "尼日利亚", "肯尼亚", "埃塞俄比亚",
    "坦桑尼亚", "南非", "安哥拉", "赞比亚", "津巴布韦", "加纳", "塞内加尔", "刚果", "乌干达", "卢旺达", "马达加斯加",
    "印度", "巴基斯坦", "孟加拉国", "斯里兰卡", "尼泊尔", "阿富汗", "哈萨克斯坦", "乌兹别克斯坦", "吉尔吉斯斯坦",
    "塔吉克斯坦", "土库曼斯坦", "阿塞拜疆", "格鲁吉亚", "亚美尼亚", "越南", "老挝", "柬埔寨", "泰国", "缅甸",
    "马来西亚", "新加坡", "印度尼西亚", "印尼", "菲律宾", "文莱", "东帝汶", "澳大利亚", "新西兰", "斐济",
    "巴布亚新几内亚", "加拿大", "墨西哥", "古巴", "巴西", "阿根廷", "智利", "秘鲁", "哥伦比亚", "委内瑞拉",
    "厄瓜多尔", "乌拉圭", "巴拉圭", "玻利维亚", "巴拿马", "哥斯达黎加",
)


@dataclass(frozen=True)
class Place:
    name: str  # full name: 青岛市
    level: str  # province | prefecture | county | area (雄安新区) | region (长三角) | country
    province: str
    prefecture: str


def _strip_suffix(name: str) -> str:
    """The name without its level suffix, and for an autonomous area without its peoples too."""
    short = _SUFFIX.sub("", name)
    if name.endswith(("自治州", "自治县", "自治区", "自治旗")):
        while (m := _PEOPLE_TAIL.search(short)) and m.start() != 1:  # (内蒙古: 内 alone is no name)
            short = short[: m.start()]
    return short


def short_form(name: str) -> str | None:
    """青岛市 → 青岛, 延边朝鲜族自治州 → 延边; None when nothing of two characters or more remains."""
    short = _strip_suffix(name)
    return short if short != name and len(short) >= 2 and not short.endswith("族") else None


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    full: dict[str, list[Place]] = {}
    short: dict[str, list[Place]] = {}
    for line in _FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, level, province, prefecture = (line.split("\t") + ["", "", ""])[:4]
        if province.endswith("特别行政区"):
            prefecture = ""  # (九龙, 新界: parts of Hong Kong and Macao, not cities: 市委 is no 九龙委)
        place = Place(name, level, province, prefecture)
        full.setdefault(name, []).append(place)
        if name in _COMMON_FULL_NAMES and prefecture:  # 阳泉市城区 names it without doubt
            full.setdefault(prefecture + name, []).append(Place(prefecture + name, level, province, prefecture))
        s = short_form(name)
        if s and s not in _COMMON_WORDS:
            short.setdefault(s, []).append(place)
            if name.endswith("自治州"):
                full.setdefault(s + "州", []).append(place)  # 大理白族自治州 is 大理州 in print
    for name in _REGIONS:
        full.setdefault(name, []).append(Place(name, "region", "", ""))
        full.setdefault(name + "地区", []).append(Place(name, "region", "", ""))
    for name, province, prefecture in _NEW_AREAS:
        # named with its city where it lies in one: 青岛西海岸新区 (西海岸新区 for short)
        place = Place(_strip_suffix(prefecture) + name if prefecture else name, "area", province, prefecture)
        full.setdefault(name, []).append(place)
        full.setdefault(place.name, []).append(place)
    for name in _COUNTRIES:
        full.setdefault(name, []).append(Place(name, "country", "", ""))
    return full, short


_NOWHERE: tuple[tuple[Place, ...], bool] = ((), False)


@lru_cache(maxsize=1)
def index() -> dict[str, tuple[tuple[Place, ...], bool]]:
    """Every full name and short form → (places, needs context): one dict lookup per word."""
    full, short = _tables()
    out: dict[str, tuple[tuple[Place, ...], bool]] = {}
    for word, places in short.items():
        higher = tuple(p for p in places if p.level != "county")
        out[word] = (higher, False) if higher else (tuple(places), True)
    for word, places in full.items():
        out[word] = (tuple(places), word in _COMMON_FULL_NAMES)
    return out


@lru_cache(maxsize=1)
def tails() -> frozenset[str]:
    """Every ending of a full place name shorter than the name (自治县, 族自治县 … of 宽城满族自治县):
    the words a place the segmenter cut in pieces can end with."""
    return frozenset(name[k:] for name in _cut_names() for k in range(1, len(name)))


@lru_cache(maxsize=1)
def full_name_endings() -> frozenset[str]:
    """The characters full place names end with (省, 市, 县, 旗, 会 of 管委会 …)."""
    return frozenset(name[-1] for name in _cut_names())


def _cut_names() -> list[str]:
    """The full names a segmenter may cut in pieces: not the ordinary words among them (城区), nor
    countries, which are words of its dictionary (their endings 国, 大, 西 would send every 中国,
    强大 or 东西 to be looked up)."""
    return [name for name, places in _tables()[0].items()
            if name not in _COMMON_FULL_NAMES and places[0].level != "country"]


def is_bare_suffix(word: str) -> bool:
    """Whether ``word`` is a place name's suffix and nothing more (自治县, 瑶族自治县, 新区)."""
    return _strip_suffix(word) == ""


def lookup(word: str) -> tuple[tuple[Place, ...], bool]:
    """Places ``word`` can name, and whether it is a county's short form (which needs context)."""
    return index().get(word, _NOWHERE)


def is_place_word(word: str) -> bool:
    return word in index()
