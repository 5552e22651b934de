"""Shape tests for lines and blocks of print-layout text: headings, bylines, captions, furniture.

These recognise what a reader recognises on a newspaper page, in general form: a credit line
under a photo, a reporter's byline, a co-host banner, a QR-code promotion.
"""

from __future__ import annotations

import html
import re

from qualitytui.core.repair import has_cjk, is_terminated

HEADING_MAX = 36
HEADLINE_MAX = 64  # a file's first line, alone in its block: a headline may be long
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_SENTENCE_PUNCT = re.compile(r"[，。；！？：,;!?:]")
_LIST_PUNCT = re.compile(r"[、]")
_TOPIC = re.compile(r"^[^，。；！？：,;!?:]{2,12}[：:](?=.)")  # 浙江：以标准化助推…: a headline's topic and colon
_PARENS = re.compile(r"[（(][^）)]*[）)]")
_SECTION_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")  # 一、主要目标
_MARKER = re.compile(r"^\s*(?:>{2,}|》{2,}|▶+|►+|■|◆|●)\s*")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_COHOST = re.compile(r"(联合主办|主办单位|协办单位|承办单位|支持单位|联合出品|主办|协办|承办)$")
_BANNER = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:\s*[·•・]\s*[\u4e00-\u9fff]{2,8}){2,}$")
_PROMO = re.compile(
    r"(扫码|扫一扫|扫描.{0,4}二维码|二维码|长按识别|关注.{0,12}(公众号|微信|微博|客户端|“)|阅读原文"
    r"|了解更多|点击.{0,6}(链接|查看|阅读)|下载.{0,8}客户端)"
)
_CREDIT = re.compile(
    r"(资料图片|资料照片|供图|图片来源[:：].*|[（(]?图[/／].{1,20}[)）]?|新华社发|本报记者.{1,8}摄|记者.{1,8}摄|(?<=[。.\s])[\u4e00-\u9fff·]{2,5}\s*摄|摄影[:：/／].{1,12})$"
)
_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*")
ROLE_WORDS = re.compile(r"(记者|通讯员|撰稿|摄影|特约|编辑|实习生)")  # a byline's roles
_BYLINE = re.compile(
    r"^(?:[□■]\s*)?(?:[^，。；！？,;!?]{0,40}?(?:记者|通讯员|撰稿|摄影|编辑|实习生)\s*)?"
    r"(?:[\u4e00-\u9fff·]{2,4}(?:\s+|$))+$"
)


def strip_marker(line: str) -> tuple[str, bool]:
    """Remove a section marker (``>>>``, ``▶``, a Markdown ``#``); says whether there was one."""
    m = _MARKER.match(line) or _MD_HEADING.match(line)
    if m and m.end() < len(line):
        return line[m.end():].strip(), True
    return line, False


def is_heading_shape(text: str, column: int | None = None, any_script: bool = False, first: bool = False) -> bool:
    """A short line with no sentence punctuation that does not end a sentence (in Chinese, unless
    ``any_script``: a file's first line may head an article in another language). The ``first``
    line of a file, a block of its own, may be longer and may end on a question or an exclamation
    (青岛为何能成为“品牌之都”？)."""
    t = text.strip()
    if first and t[-1:] in ("？", "！", "?", "!") and not is_terminated(t[:-1]):
        t = t[:-1]
    if not t or len(t) > (HEADLINE_MAX if first else HEADING_MAX) or not (any_script or has_cjk(t)) or is_terminated(t):
        return False
    if column and column - 2 <= len(t) <= column + 1:
        return False  # exactly as long as a print line: a line of body text, not a headline
    bare = _TOPIC.sub("", _PARENS.sub("", _SECTION_NUMBER.sub("", t, count=1)), count=1)
    return not _SENTENCE_PUNCT.search(bare) and not _LIST_PUNCT.search(bare)


_IN_BRACKETS = re.compile(r"^[（(【\[〔](.*)[）)】\]〕]$")  # （记者 王伟）, 【编辑：李明】


def is_byline(text: str) -> bool:
    """□王蕊 董京南, 青报全媒体 记者 孙晶 王帅, （记者 王伟 通讯员 刘洋）: a line naming the article's authors."""
    t = " ".join(text.split())
    t = _IN_BRACKETS.sub(r"\1", t).strip()
    if not t or len(t) > 60:
        return False
    if not (t.startswith(("□", "■")) or ROLE_WORDS.search(t)):
        return False
    return bool(_BYLINE.match(t))


def byline_credit(text: str) -> str:
    """A byline as a citation names it: without the printed box or the brackets around it (□王蕊 董京南,
    （王蕊 董京南） → 王蕊 董京南)."""
    t = text.strip()
    return _IN_BRACKETS.sub(r"\1", t).lstrip("□■ \u3000").strip() or text


# a news lead's opening: 本报讯（记者 王伟）, 本报青岛12月3日讯（…）, 新华社北京3月5日电（记者 …）, 大众网讯
_LEAD = re.compile(
    r"^\s*(?P<dateline>(?:本报|新华社|中新社|[\u4e00-\u9fff]{1,8}(?:网|报|台|社|客户端))[\u4e00-\u9fff\d\s]{0,14}?[讯电])?"
    r"\s*(?:[（(](?P<byline>[^（）()]{2,40})[）)])?"
)


def lead_byline(text: str) -> str | None:
    """The byline in brackets that opens a news lead (本报讯（记者 王伟 通讯员 刘洋）近日，… → 记者 王伟 通讯员
    刘洋), or None."""
    m = _LEAD.match(text)
    by = m.group("byline") if m else None
    return " ".join(by.split()) if by and is_byline(by) else None


def lead_end(text: str) -> int:
    """Where a news lead's text starts after its dateline and bracketed byline (0: it has neither),
    which a repost of the article may print or leave out."""
    m = _LEAD.match(text)
    if not m:
        return 0
    if m.group("byline") and not is_byline(m.group("byline")):
        return m.end("dateline") if m.group("dateline") else 0
    return m.end() if m.group("dateline") or m.group("byline") else 0


def split_trailing_byline(text: str) -> tuple[str, str] | None:
    """``…的美誉。观海新闻/青报全媒体 记者 孙晶`` → (body, byline), when a byline follows the last sentence."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not ends:
        return None
    body, tail = text[: ends[-1]], text[ends[-1]:].strip()
    if tail and ROLE_WORDS.search(tail) and is_byline(tail):
        return body, tail
    return None


def is_credit_caption(text: str) -> bool:
    t = text.strip()
    return len(t) <= 120 and bool(_CREDIT.search(t))


def starts_circled(text: str) -> bool:
    return bool(text) and text.lstrip()[:1] in CIRCLED


def is_isolated_caption(text: str) -> bool:
    """A photo caption standing alone: one short sentence, no commas (a noun phrase and a full stop)."""
    t = text.strip()
    if not (4 <= len(t) <= 40) or not t.endswith(("。", ".")):
        return False
    return not re.search(r"[，,、；;：:！？!?]", t) and t.count("。") <= 1


def is_cohost_block(lines: list[str]) -> bool:
    return any(_COHOST.search(" ".join(l.split())) for l in lines) and all(len(l) <= 30 for l in lines)


def is_banner(text: str) -> bool:
    return bool(_BANNER.match(text.strip()))


# a newspaper page's own lines: the editor's and the source's credits, the page header
_STAFF_LINE = re.compile(r"^(责任编辑|责编|编辑|美编|校对|审核|审校|监制|统筹|来源|稿件来源|文章来源|出处)\s*[:：]\s*\S{1,24}$")
PAGE_HEADER = re.compile(
    r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:星期|周)[一二三四五六日天]"
    r"(?:\s*(?:第\s*[\d一二三四五六七八九十]+\s*版|[A-Z]?\d{1,2}\s*版)?.{0,12})?$"
)


# what a web page or a Markdown file leaves in the text
_HTML_TAG = re.compile(r"</?(?:br|p|div|span|strong|b|em|i|u|font|a|img|section|article)\b[^<>]{0,200}>", re.I)
_HTML_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,200}\]\([^)\s]{0,500}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,200})\]\([^)\s]{1,500}\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_EMPHASIS = re.compile(r"(?<!\*)\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?!\*)")  # *美丽*; not _x_ (names, paths)


def web_text(line: str, markdown: bool) -> str:
    """The line without HTML tags and entities (&nbsp; → a space) and, in Markdown, without link,
    image, bold and emphasis syntax ([text](url) → text); a Markdown rule (---) is no text at all."""
    if "<" in line:
        line = _HTML_TAG.sub("", line)
    if "&" in line:
        line = _HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), line)
    if markdown:
        if is_md_rule(line):
            return ""  # a thematic break (---, ***): a blank line
        if "](" in line:
            line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
        if "**" in line or "__" in line:
            line = _MD_STRONG.sub(r"\2", line)
        if "*" in line:
            line = _MD_EMPHASIS.sub(r"\1", line)
    return line


def is_md_rule(line: str) -> bool:
    """A Markdown thematic break: ---, ***, ___ (three or more, spaces between allowed)."""
    return bool(_MD_RULE.match(line))


JUMP_MARK = re.compile(r"[（(]\s*(?:下转|上接|转|接)\s*第?\s*[\d一二三四五六七八九十A-Z]{1,3}\s*版\s*[）)]")  # （下转第三版）


# a field of a web page's line about the article, named by one of ``names``: 来源：大众日报
def _web_field(names: str) -> str:
    return rf"(?:\s*(?:{names})\s*[:：]\s*[^\s:：]{{1,24}})*"


_CREDIT_FIELDS = "来源|稿源|文章来源|作者|编辑|责任编辑"
# a web page's line about the article (发布时间：2025-03-18 10:20 来源：…), with the day it was published
# (after other fields of the same line, as in 来源：大众日报　发布时间：2025-03-18 09:30　字号：大 中 小)
PUBLISHED = re.compile(_web_field(_CREDIT_FIELDS + "|浏览次数|阅读量|点击数?")
                       + r"\s*(?P<when>(?:发布时间|发布日期|发文日期|更新时间|日期|时间)\s*[:：]\s*(?P<y>\d{4})"
                       r"(?:\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2}))?)")


# the same led by the day itself: 2025-03-18 10:20 来源：青岛日报, or the day alone on its line
DATED_LINE = re.compile(r"\s*(?P<when>(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?)"
                        r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?" + _web_field(_CREDIT_FIELDS) + r"\s*$")


# a Markdown file's front matter (Jekyll, Hugo, web clippers): its title, and the day it was published
FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?=[A-Za-z_][\w-]*[ \t]*:)(?:[^\n]*\n){0,80}?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)")
FRONT_TITLE = re.compile(r"^title\s*:\s*(.+)$", re.M)
FRONT_DATE = re.compile(r"(?:^|\s)(?P<when>(?:date|published|pubDate|publish_date|publishDate)\s*:\s*[\"']?"
                        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2}))")


# a day in Chinese numerals alone on its line, as an official document is signed: 二〇二四年三月五日
_CN_Y, _CN_M = "[〇零一二三四五六七八九]{4}", "十[一二]?|[一二三四五六七八九十]"
_CN_D = "三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
CN_DATE_LINE = re.compile(rf"\s*(?P<when>(?P<y>{_CN_Y})\s*年\s*(?P<m>{_CN_M})\s*月\s*(?P<d>{_CN_D})\s*日)\s*$")
# the same in running text (到二〇二五年底, 二〇二四年三月): a year, a month, a day in Chinese numerals
CN_DATE = re.compile(rf"(?=[〇零一二三四五六七八九]{{4}}\s*年)(?:(?P<ymd>(?P<y1>{_CN_Y})\s*年\s*(?P<m1>{_CN_M})\s*月\s*"
                     rf"(?P<d1>{_CN_D})\s*日)|(?P<ym>(?P<y2>{_CN_Y})\s*年\s*(?P<m2>{_CN_M})\s*月份?)"
                     rf"|(?P<y>(?P<y3>{_CN_Y})\s*年(?P<ysuf>度|底|末|初)?))")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
# the same in Arabic numerals: 2024年3月5日
BARE_DAY = re.compile(r"\s*(?P<when>(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日)\s*$")


def is_signing_day(text: str) -> bool:
    """二〇二四年三月五日 or 2024年3月5日 alone on its line: the day under an official document's issuer."""
    return bool(CN_DATE_LINE.match(text) or BARE_DAY.match(text))


def cn_int(text: str) -> int | None:
    """二〇二四 → 2024, 十二 → 12, 三十一 → 31, 五 → 5; None for anything else."""
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


# the page's address, on a line of its own: 原文链接：https://…, 网址：…, or the address alone
URL_LINE = re.compile(r"\s*(?:(?:(?:原文|本文|文章|来源)?(?:网址|链接|地址)|URL)\s*[:：]\s*)?(?P<url>https?://[^\s<>\"'，。]+)\s*$",
                      re.I)


_CREDITED = re.compile(r"(?:^|\s)(作者|来源|稿源|文章来源)\s*[:：]\s*([^\s:：|｜]{2,24})")


def web_credit(text: str) -> str | None:
    """Whom a web page's line about the article credits: its 作者, else its 来源 (the outlet)."""
    found = dict(m.groups() for m in _CREDITED.finditer(text)) if len(text) <= 120 else {}
    return found.get("作者") or found.get("来源") or found.get("稿源") or found.get("文章来源")


def line_url(text: str) -> str | None:
    """The address a line gives alone (原文链接：https://…), else None."""
    m = URL_LINE.match(text) if len(text) <= 600 else None
    return m.group("url") if m else None


def is_web_meta(text: str) -> bool:
    """发布时间：2025-03-18 10:20 来源：…, 2025-03-18 10:20 来源：…, 二〇二四年三月五日: a line about the
    article (a web page's, or an official document's day of signing), not the article."""
    return len(text) <= 80 and bool(PUBLISHED.match(text) or DATED_LINE.match(text) or CN_DATE_LINE.match(text))


# a web site's own lines, left in a page saved or copied from it: 版权所有, 主办 and 承办, 网站标识码,
# 技术支持, 当前位置：首页 > …, 分享到, 【打印本页】【关闭窗口】, 字号：大 中 小, and its registration numbers
_SITE_LEAD = re.compile(r"[\s【\[]*(?:版权所有|(?:主办|承办|协办|维护|运维)(?:单位)?|技术支持|网站标识码|网站地图|当前位置|"
                        r"您的位置|您现在的位置|分享到|字号|打印本页|关闭窗口|扫一扫在手机打开当前页|Copyright|©)"
                        r"(?:\s*[:：】\]©]|\s|$)", re.I)
_SITE_NUMBER = re.compile(r"ICP备\s*\d|公网安备\s*\d|ICP证\s*\d")


def is_site_line(text: str) -> bool:
    """版权所有：青岛市人民政府, 主办：…　承办：…, 鲁ICP备05001163号, 当前位置：首页 > 政务公开: a line of the
    web site's own, not of the article."""
    return len(text) <= 160 and bool(_SITE_LEAD.match(text) or _SITE_NUMBER.search(text))


def is_staff_block(lines: list[str]) -> bool:
    """责任编辑：张三 / 来源：青岛日报 / 【编辑：李明】: the page's credits, not the article's text."""
    return all(len(l) <= 40 and _STAFF_LINE.match(_IN_BRACKETS.sub(r"\1", " ".join(l.split()))) for l in lines)


# an official document's own notes: its number (青政办发〔2025〕3号), the issuer's banner over it
# (青岛市人民政府办公厅文件), （此件公开发布）, 抄送：…, and 青岛市人民政府办公厅2025年3月18日印发
_DOCUMENT_NOTE = re.compile(r"^(?:[\u4e00-\u9fff]{1,12}[〔［\[(（]\d{4}[〕］\])）]\s*\d{1,4}\s*号|[（(]此件[^（）()]{2,10}[）)]"
                            r"|[\u4e00-\u9fff]{2,30}(?:政府|办公厅|办公室|委员会|党委|[局厅委部署])文件"
                            r"|抄送[:：].{2,200}|\S{2,40}?(?:\d{4}|[〇零一二三四五六七八九]{4})"
                            r"\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*印发)$")


def is_document_note(text: str) -> bool:
    """青政办发〔2025〕3号, 青岛市人民政府办公厅文件, （此件公开发布）, 抄送：…, ……2025年3月18日印发: an
    official document's notes about itself."""
    return len(text) <= 240 and bool(_DOCUMENT_NOTE.match(text.strip()))


_END_MARK = re.compile(r"^[（(【\[〔<－—\-\s]*(?:完|全文完|本文完|END)[）)】\]〕>－—\-\s]*$", re.I)


def is_end_mark(text: str) -> bool:
    """（完）, 【完】, -END-: the mark a news agency puts after the last paragraph."""
    return len(text) <= 12 and bool(_END_MARK.match(text.strip()))


def is_page_header(text: str) -> bool:
    """2024年12月3日 星期二 第3版: the page's header."""
    return len(text) <= 40 and text[:4].isdigit() and bool(PAGE_HEADER.match(" ".join(text.split())))


def is_promo_block(lines: list[str]) -> bool:
    return all(len(l.strip()) <= 30 for l in lines) and any(_PROMO.search(l) for l in lines)


def first_clause(text: str) -> str:
    m = re.search(r"[，。、；：！？,;:!?]", text)
    return text[: m.start()] if m else text
