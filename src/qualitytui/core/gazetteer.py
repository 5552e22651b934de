"""China's places (province, prefecture, county), with and without their suffix: 青岛市 / 青岛.

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


@dataclass(frozen=True)
class Place:
    name: str  # full name: 青岛市
    level: str  # province | prefecture | county
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
    return frozenset(name[k:] for name in _tables()[0] if name not in _COMMON_FULL_NAMES
                     for k in range(1, len(name)))


@lru_cache(maxsize=1)
def full_name_endings() -> frozenset[str]:
    """The characters full place names end with (省, 市, 县, 旗, 会 of 管委会 …)."""
    return frozenset(name[-1] for name in _tables()[0])


def is_bare_suffix(word: str) -> bool:
    """Whether ``word`` is a place name's suffix and nothing more (自治县, 瑶族自治县, 新区)."""
    return _strip_suffix(word) == ""


def lookup(word: str) -> tuple[tuple[Place, ...], bool]:
    """Places ``word`` can name, and whether it is a county's short form (which needs context)."""
    return index().get(word, _NOWHERE)


def is_place_word(word: str) -> bool:
    return word in index()
