"""The document pane: one option per passage, styled by kind; the highlighted option is the current passage."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from qualitytui.core.linebreak import display_width, wrap
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


class PassageList(OptionList):
    """The passages of one document."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next passage", show=False, id="passage.next"),
        Binding("k", "cursor_up", "Previous passage", show=False, id="passage.prev"),
        Binding("g", "first", "First passage", show=False, id="passage.first"),
        Binding("G", "last", "Last passage", show=False, id="passage.last"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, **kwargs)
        self.passages: list[dict[str, Any]] = []
        self.marks: dict[str, list[tuple[int, int, str]]] = {}
        self.bookmarked: set[str] = set()
        self._width: int | None = None
        self._pending: int | None = None  # the passage to show once laid out (see show_passages)

    def show_passages(self, passages: list[dict[str, Any]], at: int = 0,
                      marks: dict[str, list[tuple[int, int, str]]] | None = None, bookmarked: set[str] = frozenset()) -> None:
        """Show ``passages``, the one at index ``at`` current; ``marks`` highlight spans by passage id;
        ``bookmarked`` passages carry a star."""
        self.passages = passages
        self.marks = marks or {}
        self.bookmarked = bookmarked
        if not self.size.width:  # not laid out yet: drawn once, at its width, when it is (on_resize), not
            self._pending = at   # twice (making and measuring a document's every passage is what opening costs)
            self.clear_options()
            return
        self._pending = None
        self._render_passages(at)
        self.scroll_home(animate=False)

    def _text_width(self) -> int | None:
        """Cells a passage's line may take, once the widget has a size."""
        padding = self.get_component_styles("option-list--option").padding.width
        scrollbar = 0 if self.show_vertical_scrollbar else self.styles.scrollbar_size_vertical  # may appear
        width = self.scrollable_content_region.width - padding - scrollbar
        return width if width >= 8 else None

    def _render_passages(self, at: int) -> None:
        self._width = width = self._text_width()
        self.clear_options()
        self.add_options([Option(passage_prompt(p, self.marks.get(p["id"], ()), width, p["id"] in self.bookmarked),
                                 id=p["id"]) for p in self.passages])
        if self.passages:
            self.highlighted = max(0, min(at, len(self.passages) - 1))

    def action_cursor_down(self) -> None:
        if not self._read_on(1):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self._read_on(-1):
            super().action_cursor_up()

    def _read_on(self, direction: int) -> bool:
        """In a passage taller than the view, j and k first scroll through it, a screen at a time less
        two lines of overlap, and move to the next passage only from its end (or the previous one from
        its start): otherwise the middle of a long paragraph could not be reached from the keyboard.
        (Reads OptionList's line layout, ``_index_to_line`` and ``_heights``: Textual is pinned.)"""
        i = self.highlighted
        if i is None:
            return False
        try:
            top, height = self._index_to_line[i], self._heights[i] - 1  # (the blank line after it)
        except KeyError:
            return False
        view, seen = round(self.scroll_y), self.scrollable_content_region.height
        step = max(1, seen - 2)
        if direction > 0 and top + height > view + seen:
            self.scroll_to(y=min(view + step, top + height - seen), animate=False)
            return True
        if direction < 0 and top < view:
            self.scroll_to(y=max(top, view - step), animate=False)
            return True
        return False

    def set_bookmarked(self, bookmarked: set[str]) -> None:
        """Redraw with these passages starred, keeping the current passage and the scroll position."""
        if bookmarked != self.bookmarked:
            self.bookmarked = set(bookmarked)
            y = self.scroll_y
            self._render_passages(self.highlighted or 0)
            self.scroll_to(y=y, animate=False)

    def on_resize(self) -> None:
        if self.passages and (self._pending is not None or self._text_width() != self._width):
            at = self._pending if self._pending is not None else self.highlighted or 0
            self._pending = None
            self._render_passages(at)

    @property
    def current(self) -> dict[str, Any] | None:
        i = self.highlighted
        return self.passages[i] if i is not None and 0 <= i < len(self.passages) else None
