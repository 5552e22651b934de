"""The timeline: dated items drawn along a year axis — points as marks, periods as bars."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from qualitytui.ui.screens.dialog import Dialog
from textual.widgets import Static

from qualitytui.core.normalize import printable
from qualitytui.core.timeline_axis import columns, span_years, ticks
from qualitytui.core.wording import counted
from qualitytui.ui.widgets.lazy_list import LazyList

KIND_STYLE = {"event": "bold cyan", "plan_period": "bold green", "target": "bold yellow", "statistic_period": "bold magenta"}
LEGEND = [("●", "event"), ("━", "plan_period"), ("◆", "target"), ("▪", "statistic_period")]


def axis_row(item: dict[str, Any], first: int, last: int, width: int) -> Text:
    """One item on the axis: a mark or a bar, hollow (○ ┄) when its date is inferred."""
    a, b = columns(item, first, last, width)
    row = Text("·" * width, style="dim")
    style = KIND_STYLE.get(item["kind"], "bold")
    inferred = item.get("inferred")
    if b > a and (item.get("end") or item["kind"] in ("plan_period", "statistic_period")):
        bar = ("┄" if inferred else "━") * (b - a + 1)
        row = row[:a] + Text(bar, style=style) + row[b + 1:]
    else:
        mark = "○" if inferred else {"event": "●", "target": "◆", "statistic_period": "▪", "plan_period": "━"}[item["kind"]]
        row = row[:a] + Text(mark, style=style) + row[a + 1:]
    return row


class TimelineScreen(Dialog[dict[str, Any] | None]):
    """Every dated item in date order; ``enter`` opens its passage."""

    BINDINGS = [
        Binding("escape,t,q", "dismiss(None)", "Close", id="timeline.close"),
        Binding("j", "list('cursor_down')", "Next", show=False, id="timeline.next"),
        Binding("k", "list('cursor_up')", "Previous", show=False, id="timeline.prev"),
        Binding("g", "list('first')", "First", show=False, id="timeline.first"),
        Binding("G", "list('last')", "Last", show=False, id="timeline.last"),
    ]

    def action_list(self, action: str) -> None:
        getattr(self.query_one("#timeline-items", LazyList), f"action_{action}")()

    def __init__(self, items: list[dict[str, Any]], titles: dict[str, str]) -> None:
        super().__init__()
        self.items = [i for i in items if i.get("start")]
        self.titles = titles

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-box"):
            yield Static(id="timeline-head")
            yield LazyList(id="timeline-items")

    def on_mount(self) -> None:
        width = max(16, min(48, self.app.size.width // 2 - 8))
        first, last = span_years(self.items)
        scale = Text(" " * width)
        for col, year in ticks(first, last, width):
            scale = scale[:col] + Text(year, style="bold") + scale[col + len(year):]
        head = Text(f"Timeline · {counted(len(self.items), 'dated item')} · ", style="bold")
        for mark, kind in LEGEND:
            head.append(f"{mark} {kind.replace('_', ' ')}  ", style=KIND_STYLE[kind])
        head.append("○ ┄ inferred date", style="dim")
        head.append("\n")
        head.append_text(scale)
        head.append("\n")
        head.append("┼" + "─" * (width - 1), style="dim")
        self.query_one("#timeline-head", Static).update(head)
        items = self.items

        def row(i: int) -> Text:  # made only for the items that come into view
            item = items[i]
            line = axis_row(item, first, last, width)
            line.append("  ")
            line.append(printable(item["date_text"]), style="bold" if not item.get("inferred") else "italic")
            line.append("  ")
            line.append(printable(" ".join(item["title"].split())))
            line.append(f"  · {printable(self.titles.get(item['doc'], item['doc'])[:12])}", style="dim")
            return line

        listing = self.query_one("#timeline-items", LazyList)
        listing.show(len(items), row)
        listing.focus()

    def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        self.dismiss(self.items[event.index])
