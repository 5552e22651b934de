"""A saved web page (.html, .htm) as the Markdown-like text the repairs read.

The article's headline is the page's first ``<h1>`` (else its ``<title>``), the day it was published
comes from the page's own metadata (``PubDate``, ``article:published_time`` …) as a 发布时间 line,
block elements become paragraphs, headings ``##`` lines and list items ``-`` lines; scripts, styles,
forms and navigation are left out. Standard library only (html.parser): no network, no new package.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

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


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []  # finished paragraphs
        self.lines: list[str] = []  # the paragraph's lines so far (a <br> ends one)
        self.line: list[str] = []
        self.prefix = ""
        self.skipping: list[str] = []  # open elements whose text is left out
        self.title: list[str] = []
        self.in_title = False
        self.h1: str | None = None
        self.in_h1 = False
        self.published: str | None = None

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
        if tag == "title" and not self.title:
            self.in_title = True  # the page's; an inline <svg> has <title>s of its own
        if self.skipping or tag in _SKIP:
            if tag not in _VOID:
                self.skipping.append(tag)
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

    def _meta(self, attrs: dict[str, str | None]) -> None:
        name = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        if self.published is None and name in _PUBLISHED_META:
            m = _DAY.search(attrs.get("content") or "")
            if m:
                self.published = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def looks_like_html(text: str) -> bool:
    """Whether a .txt file is in fact a saved web page."""
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def html_to_text(html: str) -> str:
    """The page as text for the repairs (read as Markdown): headline, published line, then the body.
    What stands before the headline (the site's name, its menus, where the page sits) is left out."""
    page = _Page()
    page.feed(html)
    page.close()
    page._end_line()
    lines = page.blocks
    if page.h1 and "# " + page.h1 in lines:
        lines = lines[lines.index("# " + page.h1):]
    else:
        title = _SITE_SUFFIX.sub("", " ".join("".join(page.title).split()))
        lines = (["# " + title] if title else []) + lines
    if page.published:
        lines.insert(1 if lines else 0, f"发布时间：{page.published}")
    return "\n\n".join(lines) + "\n"


_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]| - | — )[^_|｜]{1,30}$")  # 标题_青岛市人民政府: the site's name
