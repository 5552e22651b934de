"""The document pane: one option per passage, styled by kind; the highlighted option is the current passage."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

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


def passage_prompt(p: dict[str, Any], marks: list[tuple[int, int, str]] = ()) -> Text:
    """A passage as a Text object: corpus text is data, never markup. ``marks``: (start, end, style)."""
    kind = p["kind"]
    text = Text(no_wrap=False)
    label = KIND_LABEL.get(kind)
    if label:
        text.append(label, style="reverse dim")
        text.append(" ")
    at = len(text)
    text.append(printable(p["text"]), style=KIND_STYLE.get(kind, ""))  # same length: offsets hold
    for start, end, style in marks:
        text.stylize(style, at + start, at + end)
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

    def show_passages(self, passages: list[dict[str, Any]], at: int = 0,
                      marks: dict[str, list[tuple[int, int, str]]] | None = None) -> None:
        """Show ``passages``, the one at index ``at`` current; ``marks`` highlight spans by passage id."""
        self.passages = passages
        marks = marks or {}
        self.clear_options()
        self.add_options([Option(passage_prompt(p, marks.get(p["id"], ())), id=p["id"]) for p in passages])
        if passages:
            self.highlighted = max(0, min(at, len(passages) - 1))
        self.scroll_home(animate=False)

    @property
    def current(self) -> dict[str, Any] | None:
        i = self.highlighted
        return self.passages[i] if i is not None and 0 <= i < len(self.passages) else None
