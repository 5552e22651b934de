"""The document pane: the passages of one document, styled by kind; the highlighted one is the current passage."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from qualitytui.core.linebreak import display_width, estimated_width, wrap
from qualitytui.core.normalize import printable

KIND_STYLE = {
    "title": "bold",
    "subtitle": "italic",
    "heading": "bold",
    "body": "",
    "caption": "dim italic",
    "byline": "dim",
    "furniture": "dim strike",
}
KIND_LABEL = {"caption": "图 ", "byline": "文 ", "furniture": "版 "}


def passage_prompt(p: dict[str, Any], marks: list[tuple[int, int, str]] = (), width: int | None = None,
                   bookmarked: bool = False) -> Text:
    """A passage as a Text object: corpus text is data, never markup. ``marks``: (start, end, style).

    With ``width``, the lines are broken by the Chinese rules (core.linebreak) rather than by Rich.
    """
    kind = p["kind"]
    text = Text(no_wrap=False)
    if bookmarked:
        text.append("★", style="bold yellow")
        text.append(" ")
    label = KIND_LABEL.get(kind)
    if label:
        text.append(label, style="reverse dim")
        text.append(" ")
    at = len(text)
    shown = printable(p["text"])  # same length: offsets hold
    text.append(shown, style=KIND_STYLE.get(kind, ""))
    for start, end, style in marks:
        text.stylize(style, at + start, at + end)
    if width:
        lines = wrap(shown, width, first=width - display_width(text.plain[:at]))
        cuts = [at + s for s, _ in lines[1:]]
        pieces = text.divide(cuts) if cuts else [text]
        text = Text("\n", no_wrap=False).join(
            # each piece runs to the next line's start: cut off the newline or spaces at its break
            piece[: end - start + (at if k == 0 else 0)] for k, (piece, (start, end)) in enumerate(zip(pieces, lines))
        )
    text.append("\n")  # a blank line between passages
    return text


class PassageList(ScrollView, can_focus=True):
    """The passages of one document, each made only when it comes into view.

    A passage's height (its lines at the pane's width, and the blank line after it) is estimated from
    its length until it is first near the view, then measured; when a measure corrects an estimate,
    the passage at the top of the view stays where it is on screen. So a document of 40 000 passages
    opens as fast as one of ten.
    """

    DEFAULT_CSS = """
    PassageList { height: 1fr; overflow-x: hidden; padding: 0 1; background: $surface; }
    PassageList:focus { background-tint: $foreground 5%; }
    PassageList > .passage-list--cursor { color: $foreground; background: $block-cursor-blurred-background; }
    PassageList:focus > .passage-list--cursor {
        color: $block-cursor-foreground; background: $block-cursor-background; text-style: $block-cursor-text-style;
    }
    """
    COMPONENT_CLASSES = {"passage-list--cursor"}
    BINDINGS = [
        Binding("j,down", "cursor_down", "Next passage", show=False, id="passage.next"),
        Binding("k,up", "cursor_up", "Previous passage", show=False, id="passage.prev"),
        Binding("g,home", "first", "First passage", show=False, id="passage.first"),
        Binding("G,end", "last", "Last passage", show=False, id="passage.last"),
        Binding("pagedown", "page_down", "A screen further on", show=False, id="passage.page_down"),
        Binding("pageup", "page_up", "A screen back", show=False, id="passage.page_up"),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.passages: list[dict[str, Any]] = []
        self.marks: dict[str, list[tuple[int, int, str]]] = {}
        self.bookmarked: set[str] = set()
        self._width: int | None = None  # the width passages are broken at
        self._pending: int | None = None  # the passage to show once laid out (see show_passages)
        self._heights: list[int] = []  # screen lines of each passage, the blank line after it included
        self._measured = bytearray()  # 1 where _heights holds the drawn height, 0 where an estimate
        self._tops: list[int] = [0]  # the first line of each passage, then the total
        self._drawn: dict[int, list[list[Segment]]] = {}  # passages' lines at _width, for the view
        self._settling = False

    def show_passages(self, passages: list[dict[str, Any]], at: int = 0,
                      marks: dict[str, list[tuple[int, int, str]]] | None = None, bookmarked: set[str] = frozenset()) -> None:
        """Show ``passages``, the one at index ``at`` current; ``marks`` highlight spans by passage id;
        ``bookmarked`` passages carry a star."""
        self.passages = passages
        self.marks = marks or {}
        self.bookmarked = bookmarked
        self._width = None
        if not self.size.width:  # not laid out yet: measured at its width when it is (on_resize)
            self._pending = at
            self._lay_out()
            return
        self._pending = None
        self._lay_out()
        self._open_at(at)

    def _open_at(self, at: int) -> None:
        """The passage at ``at`` current, a quarter of the way down the view when it is not near the
        top of the document: a reader arriving at a search hit or a mention sees what leads to it."""
        self.scroll_to(y=0, animate=False)
        self.highlighted = at
        if self.highlighted:
            self.scroll_to(y=max(0, self._tops[self.highlighted] - self.scrollable_content_region.height // 4), animate=False)
            self._settle()

    def passage_text(self, i: int) -> Text:
        """Passage ``i`` as drawn: broken into lines at the pane's width, with its marks and star."""
        p = self.passages[i]
        return passage_prompt(p, self.marks.get(p["id"], ()), self._width, p["id"] in self.bookmarked)

    def _text_width(self) -> int | None:
        """Cells a passage's line may take, once the widget has a size."""
        scrollbar = 0 if self.show_vertical_scrollbar else self.styles.scrollbar_size_vertical  # may appear
        width = self.scrollable_content_region.width - scrollbar
        return width if width >= 8 else None

    def _lay_out(self) -> None:
        """Every passage's height estimated afresh, at the pane's width."""
        self._width = width = self._text_width()
        self._drawn.clear()
        self._heights = [self._estimate(p, width or 40) for p in self.passages]
        self._measured = bytearray(len(self.passages))
        self._retop()

    def _estimate(self, p: dict[str, Any], width: int) -> int:
        cells = estimated_width(p["text"]) + (4 if p["kind"] in KIND_LABEL else 0) + (2 if p["id"] in self.bookmarked else 0)
        return max(1, -(-cells // width)) + 1

    def _retop(self) -> None:
        self._tops = list(accumulate(self._heights, initial=0))
        self.virtual_size = Size(self.scrollable_content_region.width, self._tops[-1])

    def _lines(self, i: int) -> list[list[Segment]]:
        """Passage ``i``'s screen lines (the blank one after it included); measures its height."""
        rows = self._drawn.get(i)
        if rows is None:
            console = self.app.console
            text = self.passage_text(i)
            rows = console.render_lines(text, console.options.update(width=max(1, self._width or 1), height=None), pad=False)
            if len(self._drawn) >= 400:
                self._drawn.clear()
            self._drawn[i] = rows
        if not self._measured[i]:
            self._measured[i] = 1
            self._heights[i] = len(rows)
        return rows

    def _measure(self, i: int) -> bool:
        """Measure passage ``i`` if it is not; whether its height changed."""
        if self._measured[i]:
            return False
        before = self._heights[i]
        self._lines(i)
        return self._heights[i] != before

    def _index_at(self, line: int) -> int:
        return max(0, min(bisect_right(self._tops, line) - 1, len(self.passages) - 1))

    def _settle(self) -> None:
        """Measure the passages in view; the one at its top keeps its place on screen."""
        if self._settling or not self.passages or not self._width:
            return
        self._settling = True
        try:
            seen = self._seen
            for _ in range(10):  # each pass measures more of the view: it ends within a few
                y = round(self.scroll_y)
                top = self._index_at(y)
                into = y - self._tops[top]
                changed, i, line = False, top, self._tops[top]
                while i < len(self.passages) and line < y + seen:
                    changed |= self._measure(i)
                    line += self._heights[i]
                    i += 1
                if not changed:
                    break
                self._retop()
                self.scroll_to(y=self._tops[top] + min(into, self._heights[top] - 1), animate=False)
        finally:
            self._settling = False
        self.refresh()

    def _measure_around(self, i: int) -> None:
        """Measure passage ``i`` and a screen of passages either side of it (where the view will go)."""
        seen = self._seen
        changed = self._measure(i)
        for step in (-1, 1):
            j, lines = i + step, 0
            while 0 <= j < len(self.passages) and lines < seen:
                changed |= self._measure(j)
                lines += self._heights[j]
                j += step
        if changed:
            self._retop()

    @property
    def _seen(self) -> int:
        """Lines of the view (at least one)."""
        return max(1, self.scrollable_content_region.height)

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self.passages:
            return None
        return max(0, min(value, len(self.passages) - 1))

    def watch_highlighted(self, value: int | None) -> None:
        if value is None or not self._width:
            return
        self._measure_around(value)
        top, bottom = self._tops[value], self._tops[value + 1] - 2  # (the blank line after it)
        y, seen = round(self.scroll_y), self._seen
        if top < y:
            self.scroll_to(y=top, animate=False)
        elif bottom >= y + seen:
            self.scroll_to(y=min(top, bottom - seen + 1), animate=False)
        self._settle()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._settle()

    def on_resize(self) -> None:
        if self.passages and (self._pending is not None or self._text_width() != self._width):
            at = self._pending if self._pending is not None else self.highlighted or 0
            self._pending = None
            self._lay_out()
            self._open_at(at)
        else:
            self._retop()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_offset.y) + y
        if not self.passages or not self._width or line >= self._tops[-1] or width <= 0:
            return Strip.blank(width, self.rich_style)
        i = self._index_at(line)
        rows = self._lines(i)
        part = line - self._tops[i]
        style = self.rich_style
        if i == self.highlighted and part < len(rows) - 1:  # the blank line after it stays plain
            style += self.get_component_rich_style("passage-list--cursor")
        segments = rows[part] if part < len(rows) else []
        return Strip(segments).extend_cell_length(width).crop(0, width).apply_style(style)

    def action_cursor_down(self) -> None:
        if not self._read_on(1) and self.highlighted is not None:
            self.highlighted += 1

    def action_cursor_up(self) -> None:
        if not self._read_on(-1) and self.highlighted is not None:
            self.highlighted -= 1

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self.passages) - 1

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """The passage a screen further on (or back), at least the next one."""
        i = self.highlighted
        if i is None:
            return
        seen = self._seen
        j = self._index_at(self._tops[i] + direction * seen)
        self.highlighted = j if j != i else i + direction

    def _read_on(self, direction: int) -> bool:
        """In a passage taller than the view, j and k first scroll through it, a screen at a time less
        two lines of overlap, and move to the next passage only from its end (or the previous one from
        its start): otherwise the middle of a long paragraph could not be reached from the keyboard."""
        i = self.highlighted
        if i is None or not self._width:
            return False
        self._measure_around(i)
        top, height = self._tops[i], self._heights[i] - 1  # (the blank line after it)
        view, seen = round(self.scroll_y), self.scrollable_content_region.height
        step = max(1, seen - 2)
        if direction > 0 and top + height > view + seen:
            self.scroll_to(y=min(view + step, top + height - seen), animate=False)
            return True
        if direction < 0 and top < view:
            self.scroll_to(y=max(top, view - step), animate=False)
            return True
        return False

    def on_click(self, event: events.Click) -> None:
        if self.passages:
            self.highlighted = self._index_at(round(self.scroll_y) + event.y)

    def set_bookmarked(self, bookmarked: set[str]) -> None:
        """Redraw with these passages starred, keeping the current passage and the scroll position."""
        if bookmarked == self.bookmarked:
            return
        changed = set(bookmarked) ^ set(self.bookmarked)
        self.bookmarked = set(bookmarked)
        for i, p in enumerate(self.passages):
            if p["id"] in changed:
                self._drawn.pop(i, None)
                self._measured[i] = 0
        self._settle()

    @property
    def current(self) -> dict[str, Any] | None:
        i = self.highlighted
        return self.passages[i] if i is not None and 0 <= i < len(self.passages) else None
