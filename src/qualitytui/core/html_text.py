"""A saved web page (.html, .htm) as the Markdown-like text the repairs read.

The article's headline is the page's first ``<h1>`` (else its ``<title>``), the day it was published
comes from the page's own metadata (``PubDate``, ``article:published_time`` …) as a 发布时间 line, its
address (canonical link, ``og:url``, a browser's "saved from" note) as a 网址 line,
block elements become paragraphs, headings ``##`` lines and list items ``-`` lines; scripts, styles,
forms and navigation are left out, and so are the menus, share buttons, related links and footers a
page wraps in ``<div>``s named so. Standard library only (html.parser): no network, no new package.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from qualitytui.core.shapes import PUBLISHED

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "form", "nav", "select", "button", "head",
         "footer", "aside"}
_BLOCKS = {"p", "div", "section", "article", "main", "header", "blockquote", "pre", "table",
           "tr", "ul", "ol", "dl", "dd", "dt", "figure", "figcaption", "center", "td", "th", "address"}
_HEADINGS = {"h1": "# ", "h2": "## ", "h3": "## ", "h4": "### ", "h5": "### ", "h6": "### "}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
# the page's day of publication, as Chinese news and government sites and Open Graph give it
_PUBLISHED_META = ("pubdate", "publishdate", "publish_date", "article:published_time", "og:published_time",
                   "datepublished", "firstpublishedtime", "dc.date", "dc.date.issued", "date")
_DAY = re.compile(r"((?:19|20)\d\d)\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})")
# a container of the site's own furniture, by its class or id, as sites name them (pinyin too: dh 导航,
# dqwz 当前位置, xglj 相关链接, fx 分享, bq 版权); a page without <nav> or <footer> wraps its menus,
# "you are here" line, share buttons, related links and footer in <div>s named so
_BOILERPLATE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|topbar|breadcrumbs?|crumbs?|share|sharing|social|related|"
    r"recommend|sidebar|footer|foot|copyright|toolbar|pager|pagination|comments?|banner|ads|advert|dh|dqwz|xglj|"
    r"xgxx|fx|bq|banquan|weizhi|daohang)(?:$|[-_\s\d])", re.I)
# …unless the name says it holds the article (main-content, article-body)
_ARTICLE_NAME = re.compile(r"article|content|main|body|text|detail|zhengwen|wenzhang|news_?con", re.I)


class _Page(HTMLParser):
    def __init__(self, by_name: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.by_name = by_name  # leave out containers named as the site's furniture (_BOILERPLATE)
        self.blocks: list[str] = []  # finished paragraphs
        self.lines: list[str] = []  # the paragraph's lines so far (a <br> ends one)
        self.line: list[str] = []
        self.prefix = ""
        self.skipping: list[str] = []  # open elements whose text is left out
        self.in_named = False  # what is skipped is inside a container left out by its name
        self.named_chars = 0  # the characters left out so, and whether the page's <h1> was among them
        self.named_h1 = False
        self.title: list[str] = []
        self.in_title = False
        self.h1: str | None = None
        self.in_h1 = False
        self.published: str | None = None
        self.address: dict[str, str] = {}  # the page's own address, by where the page gives it

    def _break(self) -> None:
        """A <br>: the line ends; a second in a row ends the paragraph."""
        text = " ".join("".join(self.line).split())
        self.line = []
        if text:
            self.lines.append(text)
        else:
            self._end_line()

    def _end_line(self) -> None:
        """The paragraph ends (its lines as the page broke them; the repairs join them)."""
        text = " ".join("".join(self.line).split())
        if text:
            self.lines.append(text)
        if self.lines:
            if self.prefix.startswith("#"):  # a heading stays on one line: 青岛发布<br>行动方案
                joined = self.lines[0]
                for part in self.lines[1:]:
                    joined += (" " if joined[-1:].isascii() and part[:1].isascii() else "") + part
                self.blocks.append(self.prefix + joined)
            else:
                self.blocks.append(self.prefix + "\n".join(self.lines))
        self.line, self.lines, self.prefix = [], [], ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag == "link":
            link = dict(attrs)
            if (link.get("rel") or "").lower() == "canonical":
                self.address.setdefault("canonical", link.get("href") or "")
        if tag == "title" and not self.title:
            self.in_title = True  # the page's; an inline <svg> has <title>s of its own
        if self.skipping or tag in _SKIP or self.by_name and tag not in _VOID and _boilerplate(attrs):
            if tag not in _VOID:
                if not self.skipping:
                    self.in_named = tag not in _SKIP
                self.skipping.append(tag)
            if tag == "h1" and self.in_named:
                self.named_h1 = True
            return
        if tag in _HEADINGS:
            self._end_line()
            self.prefix = _HEADINGS[tag]
            self.in_h1 = tag == "h1" and self.h1 is None
        elif tag == "li":
            self._end_line()
            self.prefix = "- "
        elif tag == "br":
            self._break()
        elif tag in _BLOCKS or tag == "hr":
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
                if not self.skipping:
                    self.in_named = False
            return
        if tag in _HEADINGS:
            self._end_line()
            if self.in_h1:
                self.h1 = self.blocks[-1][2:] if self.blocks and self.blocks[-1].startswith("# ") else None
                self.in_h1 = False
        elif tag in _BLOCKS or tag == "li":
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.line.append(data)
        elif self.in_named:
            self.named_chars += len(data.strip())

    def handle_comment(self, data: str) -> None:
        m = _SAVED_FROM.match(data)  # <!-- saved from url=(0071)https://… -->, as a browser saves a page
        if m:
            self.address.setdefault("saved", m.group(1))

    def _meta(self, attrs: dict[str, str | None]) -> None:
        name = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        if name == "og:url":
            self.address.setdefault("og", attrs.get("content") or "")
        if self.published is None and name in _PUBLISHED_META:
            m = _DAY.search(attrs.get("content") or "")
            if m:
                self.published = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _boilerplate(attrs: list[tuple[str, str | None]]) -> bool:
    names = " ".join(v for k, v in attrs if k in ("class", "id") and v)
    return bool(names) and bool(_BOILERPLATE.search(names)) and not _ARTICLE_NAME.search(names)


def looks_like_html(text: str) -> bool:
    """Whether a .txt file is in fact a saved web page."""
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def html_to_text(html: str) -> str:
    """The page as text for the repairs (read as Markdown): headline, published line, then the body.
    What stands before the headline (the site's name, its menus, where the page sits) is left out,
    and so are the containers a site names as its own (``_BOILERPLATE``) and lists of links."""
    page = _read(html, by_name=True)
    kept = sum(map(len, page.blocks))
    if page.named_chars > 2 * kept or page.named_h1 and not page.h1:
        # a page that names its article's own container so: better its furniture than no article
        page = _read(html, by_name=False)
    lines = _without_link_lists(page.blocks)
    if page.h1 and "# " + page.h1 in lines:
        lines = lines[lines.index("# " + page.h1):]
    else:
        title = _SITE_SUFFIX.sub("", " ".join("".join(page.title).split()))
        lines = (["# " + title] if title else []) + lines
    if page.published and not any(_same_day(PUBLISHED.match(b), page.published) for b in lines[:12]):
        lines.insert(1 if lines else 0, f"发布时间：{page.published}")  # (unless the page prints it itself)
    address = next((a for a in (page.address.get(k, "").strip() for k in ("canonical", "og", "saved"))
                    if a.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in a)), None)
    if address:
        lines.insert(min(2, len(lines)) if page.published else min(1, len(lines)), f"网址：{address}")
    return "\n\n".join(lines) + "\n"


# the label over a list of links to other pages: 相关链接, 推荐阅读 …
_LINKS_LABEL = re.compile(r"(?:#+ )?(?:相关|推荐|延伸|更多|热点|热门|精彩|往期)(?:链接|阅读|新闻|文章|稿件|推荐|回顾|报道)[:：]?")


def _without_link_lists(blocks: list[str]) -> list[str]:
    """The blocks without a list of links to other pages and its label (a page that does not name
    their container as such: _BOILERPLATE)."""
    out: list[str] = []
    skipping = False
    for b in blocks:
        if _LINKS_LABEL.fullmatch(b):
            skipping = True
        elif not (skipping and b.startswith("- ")):
            skipping = False
            out.append(b)
    return out


def _same_day(m: re.Match[str] | None, day: str) -> bool:
    return bool(m and m.group("d")) and (int(m.group("y")), int(m.group("m")), int(m.group("d"))) == tuple(
        map(int, day.split("-")))


def _read(html: str, by_name: bool) -> _Page:
    page = _Page(by_name)
    page.feed(html)
    page.close()
    page._end_line()
    return page


_SAVED_FROM = re.compile(r"\s*saved from url=\(\d+\)(\S+)", re.I)
_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]| - | — )[^_|｜]{1,30}$")  # 标题_青岛市人民政府: the site's name
