"""A list of any length whose rows are made only when they come into view.

The timeline of a large corpus has thousands of items and a common entity thousands of mentions;
building a widget or even a styled prompt for each would take seconds. Here a row is a callback
``row(i) -> Text`` run for the rows on screen (and cached), so opening costs the same for 10 or 10 000.
"""

from __future__ import annotations

from typing import Callable

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

_CACHE = 512


class LazyList(ScrollView, can_focus=True):
    """Rows ``0..count-1`` drawn by ``row(i)``, each ``lines`` screen lines high; ``enter`` or a click selects the highlighted one.

    Rows for which ``selectable(i)`` is false (group headings) are drawn but passed over by the cursor.
    A row's ``tail(i)`` (a count, say) is drawn after it and never cut: the row is shortened instead.
    """

    DEFAULT_CSS = """
    LazyList { height: 1fr; overflow-x: hidden; padding: 0 1; }
    LazyList > .lazy-list--cursor { background: $block-cursor-blurred-background; }
    LazyList:focus > .lazy-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    """
    COMPONENT_CLASSES = {"lazy-list--cursor"}
    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
        Binding("right_curly_bracket", "next_group", "Next group", key_display="}", show=False),
        Binding("left_curly_bracket", "previous_group", "Previous group", key_display="{", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    class Selected(Message):
        def __init__(self, lazy_list: "LazyList", index: int) -> None:
            super().__init__()
            self.lazy_list = lazy_list
            self.index = index

        @property
        def control(self) -> "LazyList":
            return self.lazy_list

    def __init__(self, *, lines: int = 1, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lines = lines  # screen lines per row
        self.count = 0
        self._row: Callable[[int], Text] = lambda i: Text()
        self._selectable: Callable[[int], bool] | None = None
        self._tail: Callable[[int], Text] | None = None
        self._group: Callable[[int], object] | None = None
        self._cache: dict[tuple[int, int], list[list[Segment]]] = {}

    @property
    def option_count(self) -> int:
        return self.count

    @property
    def grouped(self) -> bool:
        """Whether the rows are in groups that } and { step through."""
        return self._group is not None

    @property
    def row_width(self) -> int:
        """Cells a row has now (a ``row`` callback may fill them: rows are made again on a resize)."""
        return self.scrollable_content_region.width

    def show(self, count: int, row: Callable[[int], Text], highlighted: int | None = 0,
             selectable: Callable[[int], bool] | None = None, tail: Callable[[int], Text] | None = None,
             lines: int | None = None, group: Callable[[int], object] | None = None) -> None:
        """Replace the rows: ``count`` of them, row ``i`` drawn by ``row(i)``, then ``tail(i)``; each
        ``lines`` high (default: as before); rows in a run of the same ``group(i)`` (a type, a year)
        are a group, which ``}`` and ``{`` step through."""
        self.count, self._row, self._selectable, self._tail, self._group = count, row, selectable, tail, group
        self.lines = lines or self.lines
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, count * self.lines)
        self.scroll_to(0, 0, animate=False)
        self.highlighted = None if not count or highlighted is None else self._nearest(max(0, min(highlighted, count - 1)), 1)
        self.refresh()

    def redraw(self, i: int) -> None:
        """Row ``i`` drawn again (what its ``row`` callback shows changed)."""
        for key in [k for k in self._cache if k[0] == i]:
            del self._cache[key]
        self.refresh()

    def _nearest(self, i: int, direction: int) -> int | None:
        """The first selectable row from ``i`` on in ``direction``, else the other way; None if there is none."""
        ok = self._selectable
        if ok is None or ok(i):
            return i
        for step in (direction, -direction):
            j = i + step
            while 0 <= j < self.count:
                if ok(j):
                    return j
                j += step
        return None

    def row_text(self, i: int) -> Text:
        """Row ``i`` as drawn (before truncation to the width)."""
        text = self._row(i).copy()
        tail = self._tail(i) if self._tail else None
        if tail:
            text.append(" ")
            text.append(tail)
        return text

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self.count:
            return None
        return max(0, min(value, self.count - 1))

    def watch_highlighted(self, value: int | None) -> None:
        if value is not None:
            top, height = round(self.scroll_offset.y), max(1, self.scrollable_content_region.height)
            first, last = value * self.lines, value * self.lines + self.lines - 1
            if first < top:
                self.scroll_to(y=first, animate=False)
            elif last >= top + height:
                self.scroll_to(y=last - height + 1, animate=False)
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.count * self.lines)
        self._cache.clear()
        if self.highlighted is not None:  # in view at the size now known (a list shown before its first layout)
            self.watch_highlighted(self.highlighted)

    def render_line(self, y: int) -> Strip:
        i, part = divmod(round(self.scroll_offset.y) + y, self.lines)
        width = self.scrollable_content_region.width
        if i >= self.count or width <= 0:
            return Strip.blank(width, self.rich_style)
        rows = self._cache.get((i, width))
        if rows is None:
            text = self._row(i).copy()
            tail = self._tail(i) if self._tail else None
            if tail:
                text.truncate(max(1, width - tail.cell_len - 1), overflow="ellipsis")
                text.append(" ")
                text.append(tail)
            text.no_wrap, text.overflow, text.end = True, "ellipsis", ""
            console = self.app.console
            rows = console.render_lines(text, console.options.update(width=width, height=None), pad=False)
            if len(self._cache) >= _CACHE:
                self._cache.clear()
            self._cache[(i, width)] = rows
        segments = rows[part] if part < len(rows) else []
        style = self.rich_style
        if i == self.highlighted:
            style += self.get_component_rich_style("lazy-list--cursor")
        return Strip(segments).extend_cell_length(width).crop(0, width).apply_style(style)

    def _step(self, delta: int) -> None:
        if self.count:
            target = self.highlighted + delta if self.highlighted is not None else 0
            self.highlighted = self._nearest(max(0, min(target, self.count - 1)), 1 if delta >= 0 else -1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_page_down(self) -> None:
        self._step(max(1, self.scrollable_content_region.height // self.lines - 1))

    def action_page_up(self) -> None:
        self._step(-max(1, self.scrollable_content_region.height // self.lines - 1))

    def action_first(self) -> None:
        if self.count:
            self.highlighted = self._nearest(0, 1)

    def action_last(self) -> None:
        if self.count:
            self.highlighted = self._nearest(self.count - 1, -1)

    def action_next_group(self) -> None:
        """To the first row of the next group."""
        group, at = self._group, self.highlighted
        if group is None or at is None:
            return
        here = group(at)
        self._to_group(next((k for k in range(at + 1, self.count) if group(k) != here), None))

    def action_previous_group(self) -> None:
        """To the first row of this group, or of the group before when there already."""
        group, at = self._group, self.highlighted
        if group is None or at is None:
            return
        start = self._group_start(at)
        if self._nearest(start, 1) == at and start > 0:
            start = self._group_start(start - 1)
        self._to_group(start)

    def _group_start(self, i: int) -> int:
        group = self._group
        assert group is not None
        key = group(i)
        while i > 0 and group(i - 1) == key:
            i -= 1
        return i

    def _to_group(self, start: int | None) -> None:
        """The cursor on the group's first row that can take it, the group's first row (a heading) on top."""
        if start is not None and (to := self._nearest(start, 1)) is not None:
            self.highlighted = to
            self.scroll_to(y=start * self.lines, animate=False)

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        i = (round(self.scroll_offset.y) + event.y) // self.lines
        if 0 <= i < self.count and (self._selectable is None or self._selectable(i)):
            self.highlighted = i
            self.post_message(self.Selected(self, i))
