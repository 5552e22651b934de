"""The timeline: dated items drawn along a year axis — points as marks, periods as bars."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from qualitytui.core.normalize import printable
from qualitytui.core.timeline_axis import columns, span_years, ticks
from qualitytui.core.timeline_filter import TimelineFilter, TimelineItems, parse
from qualitytui.core.wording import counted
from qualitytui.ui.one_at_a_time import OneAtATime
from qualitytui.ui.screens.dialog import Dialog
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
    """Every dated item in date order; ``enter`` opens its passage. A filter box narrows the items
    (core.timeline_filter) and ``.`` keeps only the document being read."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="timeline.close"),
        Binding("t,q", "dismiss(None)", "Close", show=False, id="timeline.close_key"),
        Binding("slash,f", "filter", "Filter", key_display="/", id="timeline.filter"),
        Binding("full_stop", "this_document", "This document", key_display=".", id="timeline.this_document"),
        Binding("ctrl+s", "export", "Export", id="timeline.export"),
        Binding("down", "to_list", "To the items", show=False, id="timeline.to_items"),  # from the filter box
        Binding("j", "list('cursor_down')", "Next", show=False, id="timeline.next"),
        Binding("k", "list('cursor_up')", "Previous", show=False, id="timeline.prev"),
        Binding("g", "list('first')", "First", show=False, id="timeline.first"),
        Binding("G", "list('last')", "Last", show=False, id="timeline.last"),
        Binding("right_curly_bracket", "list('next_group')", "Next year", key_display="}", show=False, id="timeline.next_year"),
        Binding("left_curly_bracket", "list('previous_group')", "Previous year", key_display="{", show=False,
                id="timeline.previous_year"),
    ]

    def action_list(self, action: str) -> None:
        getattr(self.query_one("#timeline-items", LazyList), f"action_{action}")()

    def __init__(self, items: list[dict[str, Any]], titles: dict[str, str], doc: str | None = None,
                 passages_naming: Callable[[str], set[str] | None] | None = None, typed: str = "") -> None:
        """``passages_naming`` serves ``entity:NAME`` (Corpus.passages_naming); ``typed`` is a filter
        typed in already (an entity's timeline: ``entity:崂山区``)."""
        super().__init__()
        self.items = [i for i in items if i.get("start")]
        self.titles = titles
        self.doc = doc  # the document being read
        self.typed = typed
        self.only_doc = False
        self.all = TimelineItems(self.items, titles, passages_naming)
        self.shown: list[int] = list(range(len(self.items)))
        # the filter is applied in a thread, one run at a time (a first entity: or year on 10 000
        # articles took 0.1–0.7 s, the drawing waiting for it)
        self.filtering = OneAtATime(self.run_filter, (typed, False))
        self.first_of = doc  # where the cursor goes when the items are first drawn
        self._head: tuple[Text, int] | None = None  # the head drawn, and where its count ends

    class Filtered(Message):
        def __init__(self, wanted: tuple[str, bool], flt: TimelineFilter, shown: list[int], unknown: list[str]) -> None:
            super().__init__()
            self.wanted, self.flt, self.shown, self.unknown = wanted, flt, shown, unknown

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-box"):
            yield Static(id="timeline-head")
            yield Input(self.typed, placeholder="filter: 2025 · plan, target, event, stat · 行动方案 · laoshan · entity:崂山区   "
                        "( . this document only · ctrl+s exports )", id="timeline-filter", select_on_focus=False)
            yield LazyList(id="timeline-items")

    def on_mount(self) -> None:
        self.query_one("#timeline-items", LazyList).focus()
        if self.typed:
            self.filtering.ask(self.filtering.wanted)
        else:  # every item: nothing to wait for
            self.show(parse(""), self.shown, [])
        self.run_worker(self.all.haystacks, thread=True, group="timeline")  # (156 ms on 10 000 articles)

    def refilter(self) -> None:
        self.filtering.ask((self.query_one("#timeline-filter", Input).value, self.only_doc))
        self.set_timer(0.15, self._say_filtering)

    def _say_filtering(self) -> None:
        """The head says the filter is at work, while a run goes on (a first entity: on 10 000 articles
        takes 0.7 s), so that the items shown are not taken for its result."""
        if self.filtering.running and self._head is not None:
            head, cut = self._head
            self.query_one("#timeline-head", Static).update(head[:cut] + Text(" · filtering…", style="italic") + head[cut:])

    @work(thread=True, group="timeline-filter")
    def run_filter(self, wanted: tuple[str, bool]) -> None:
        flt = parse(wanted[0], self.doc if wanted[1] else None)
        self.post_message(self.Filtered(wanted, flt, self.all.keep(flt), self.all.unknown_entities(flt)))

    def on_timeline_screen_filtered(self, message: Filtered) -> None:
        if self.filtering.ended(message.wanted):  # (else typed on meanwhile: the latest is filtered now)
            self.show(message.flt, message.shown, message.unknown)

    def show(self, flt: TimelineFilter, shown: list[int], unknown: list[str]) -> None:
        """Draw the items ``shown`` (those that pass ``flt``) along an axis of their own years; the
        cursor, the first time, on the first item of the document being read, if any, else on the first."""
        self.shown = shown
        first_of, self.first_of = self.first_of, None
        items = self.items
        width = max(16, min(48, (self.app.size.width - 24) * 2 // 5))  # 22 cells at 80 columns: room for the titles
        first, last = span_years([items[i] for i in shown] or items)
        scale = Text(" " * width)
        for col, year in ticks(first, last, width):
            scale = scale[:col] + Text(year, style="bold") + scale[col + len(year):]
        everything = counted(len(items), "dated item")
        head = Text(f"Timeline · {everything if flt.empty else f'{len(shown)} of {everything}'}", style="bold")
        if self.only_doc:
            head.append(" · this document", style="bold")
        for name in unknown:
            head.append(" · no entity named ", style="bold red")
            head.append(printable(name), style="bold red")
        cut = len(head)
        head.append(" · ")
        for mark, kind in LEGEND:
            head.append(f"{mark} {kind.replace('_', ' ')}  ", style=KIND_STYLE[kind])
        head.append("○ ┄ inferred date", style="dim")
        head.append("\n")
        if not items:  # (no axis of no years)
            head.append("No dated items in these articles.", style="italic")
        elif not shown:
            head.append("No item passes the filter.", style="italic")
        else:
            head.append_text(scale)
            head.append("\n")
            head.append("┼" + "─" * (width - 1), style="dim")
        self.query_one("#timeline-head", Static).update(head)
        self._head = (head, cut)

        def row(k: int) -> Text:  # made only for the items that come into view
            item = items[shown[k]]
            line = axis_row(item, first, last, width)
            line.append("  ")
            line.append(printable(item["date_text"]), style="bold" if not item.get("inferred") else "italic")
            line.append("  ")
            line.append(printable(" ".join(item["title"].split())))
            line.append(f"  · {printable(self.titles.get(item['doc'], item['doc'])[:12])}", style="dim")
            return line

        at = next((k for k, i in enumerate(shown) if items[i]["doc"] == first_of), 0) if first_of else 0
        self.query_one("#timeline-items", LazyList).show(len(shown), row, highlighted=at,
                                                         group=lambda k: items[shown[k]]["start"][:4])  # } / {: by year

    def action_export(self) -> None:
        """The items shown, as a chronology with their sources (Markdown, JSON, CSV or GB/T 7714), to
        DATA/exports/timeline-….md (.json …)."""
        if not self.shown:
            self.notify("No dated items shown to export.", timeout=4)
            return
        from qualitytui.ui.screens.bookmarks import ExportScreen

        typed = " ".join(self.query_one("#timeline-filter", Input).value.split())
        heading = "Timeline" + (f": {typed}" if typed else "") + (" (one document)" if self.only_doc else "")
        items = [self.items[i] for i in self.shown]
        self.app.push_screen(ExportScreen(f"the {counted(len(items), 'dated item')} shown"),
                             lambda fmt: fmt and self.app.export_timeline(items, heading, fmt))  # type: ignore[attr-defined]

    def action_filter(self) -> None:
        self.query_one("#timeline-filter", Input).focus()

    def action_this_document(self) -> None:
        if self.doc is None:
            self.notify("No document is open.", timeout=3)
            return
        self.only_doc = not self.only_doc
        self.refilter()

    @on(Input.Changed, "#timeline-filter")
    def filter_changed(self) -> None:
        self.refilter()

    @on(Input.Submitted, "#timeline-filter")
    def action_to_list(self) -> None:
        self.query_one("#timeline-items", LazyList).focus()

    def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        self.dismiss(self.items[self.shown[event.index]])
