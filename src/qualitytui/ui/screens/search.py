"""The search screen: a query box with live, ranked results in keyword-in-context form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from qualitytui.core.models import HIT_ORDERS
from qualitytui.core.normalize import printable
from qualitytui.core.query import with_order
from qualitytui.core.search import Hit, Result
from qualitytui.core.snippets import Snippet
from qualitytui.core.wording import counted, dated, first_shown, in_copies, in_documents
from qualitytui.ui.one_at_a_time import OneAtATime
from qualitytui.ui.screens.dialog import Dialog
from qualitytui.ui.widgets.lazy_list import LazyList

LIVE_LIMIT = 200


def hit_prompt(hit: Hit, title: str, when: str, snippet: Snippet) -> Text:
    """Where the hit is (document title, its date, the passage's id: titles repeat in a large
    folder), then ``snippet`` (of the hit's passage) with the matches marked."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(printable(title), style="bold")
    text.append(f"  {when + ' · ' if when else ''}{printable(hit.passage)}", style="dim")
    text.append("\n")
    snip = Text(printable(snippet.text))
    for a, b in snippet.spans(hit.matches):
        snip.stylize("reverse", a, b)
    text.append_text(snip)
    return text


@dataclass
class SearchDone(Message):
    query: str
    result: Result


class SearchScreen(Dialog[tuple[Result, int] | None]):
    """Type to search; ``enter`` opens the highlighted hit (dismissed with the result and its index)."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="search.close"),
        Binding("down", "move(1)", "Next hit", show=False, id="search.down"),
        Binding("up", "move(-1)", "Previous hit", show=False, id="search.up"),
        Binding("ctrl+s", "export", "Export hits", id="search.export"),
        Binding("ctrl+o", "order", "Order", id="search.order"),
    ]

    def __init__(self, corpus: Any, query: str = "", recent: list[str] | tuple[str, ...] = (), select: bool = True) -> None:
        """``query`` is typed in, selected when ``select`` (the last search: typing replaces it), else
        with the cursor after it (a filter to go on from)."""
        super().__init__()
        self.corpus = corpus
        self.initial = query
        self.select = select
        self.recent = list(recent)
        self.result: Result | None = None  # the one whose hits the list shows
        self.found: Result | None = None  # the last with hits, shown again while a query is half typed
        self.showing_recent = False  # the list holds the recent searches, not hits
        self.searches = OneAtATime(self.run_search, query)
        self.titles = corpus.titles()
        self.dates = {d["id"]: dated(d.get("date")) for d in corpus.documents()}

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(value=self.initial, select_on_focus=self.select, placeholder="search: 质量强链 · laoshan · qdyp · 青岛 OR 济南 · \"a phrase\" · -word · kind:heading",
                        id="search-input")
            yield Static(Text("type to search; enter opens, escape closes"), id="search-status")
            # virtualised: only the hits on screen are drawn (200 as options took 30–90 ms a keystroke)
            yield LazyList(lines=2, id="search-results")

    def on_mount(self) -> None:
        if self.initial:
            self.searches.ask(self.initial)
        else:
            self.show_recent()

    def show_recent(self) -> None:
        """With an empty box: the recent searches, enter runs one again."""
        recent = self.recent
        self.showing_recent = True
        self.query_one("#search-results", LazyList).show(len(recent), lambda i: Text(printable(recent[i])), lines=1)
        hint = "recent searches: enter runs one · " if self.recent else ""
        self.query_one("#search-status", Static).update(Text(hint + "type to search; escape closes"))

    @on(Input.Changed, "#search-input")
    def query_changed(self, event: Input.Changed) -> None:
        self.searches.ask(event.value)

    @work(thread=True, group="search")
    def run_search(self, query: str) -> None:
        if not query.strip():
            self.post_message(SearchDone(query, Result(query, 0, 0.0, [])))
            return
        self.post_message(SearchDone(query, self.corpus.search(query, LIVE_LIMIT)))

    def on_search_done(self, message: SearchDone) -> None:
        if not self.searches.ended(message.query) or message.query != self.query_one(Input).value:
            return  # typed on meanwhile: the latest is searched now
        r = message.result
        status = self.query_one("#search-status", Static)
        if not message.query.strip():
            self.result = r
            self.found = None
            self.show_recent()
            return
        if r.message and self.found is not None:
            # a query half typed (kind:h…, NOT …): the hits of the last query that found any stay
            status.update(Text(f"{printable(r.message)} · below: {printable(self.found.query)}", style="italic"))
            if self.result is not self.found:
                self.show_hits(self.found)
            return
        if r.message:
            status.update(Text(printable(r.message), style="italic"))
        else:
            more = f" ({first_shown(len(r.hits), r.order)} shown)" if len(r.hits) < r.total else ""
            order = f" · {r.order} first" if r.order != "best" else ""
            copies = f" · {in_copies(r.in_copies, hint=False)}" if r.in_copies else ""  # (one line at 80 columns)
            line = Text(f"{counted(r.total, 'passage')}{in_documents(r)}{order} · {r.took_ms:.1f} ms{more} · ctrl+o: by date · ctrl+s: export all{copies}")
            if years := self.corpus.years_found(r):  # when the documents found were written
                line.append("\nby year: ", style="dim")
                line.append(years)
            status.update(line)
            if r.hits:
                self.found = r
        self.show_hits(r)

    def show_hits(self, r: Result) -> None:
        self.result = r
        hits, titles, dates, corpus = r.hits, self.titles, self.dates, self.corpus
        self.showing_recent = False
        results = self.query_one("#search-results", LazyList)

        def row(i: int) -> Text:  # the snippet as wide as the list (made again on a resize); "…" at both ends
            hit = hits[i]
            return hit_prompt(hit, titles.get(hit.doc, hit.doc), dates.get(hit.doc, ""),
                              corpus.hit_snippet(hit, max(20, results.row_width - 2)))

        results.show(len(hits), row, lines=2, group=lambda i: hits[i].doc)  # } / {: the next document's hits

    def action_export(self) -> None:
        """Every passage found, cited (Markdown, JSON, CSV or GB/T 7714), to DATA/exports/search-….md (.json …)."""
        r = self.result
        if self.showing_recent or r is None or not r.total:
            self.notify("Nothing found to export: type a search first.", timeout=4)
            return
        from qualitytui.ui.screens.bookmarks import ExportScreen

        query = r.query
        self.app.push_screen(ExportScreen(f"the {counted(r.total, 'passage')} found"),
                             lambda fmt: fmt and self.app.export_search(query, fmt))  # type: ignore[attr-defined]

    def action_order(self) -> None:
        """The hits best first, newest first, oldest first in turn: the query's sort: changed."""
        box = self.query_one("#search-input", Input)
        if not box.value.strip():
            self.notify("Type a search first: ctrl+o then orders its hits by date.", timeout=4)
            return
        shown = self.result.order if self.result and not self.showing_recent else "best"
        box.value = with_order(box.value, HIT_ORDERS[(HIT_ORDERS.index(shown) + 1) % len(HIT_ORDERS)])
        box.cursor_position = len(box.value)

    def action_move(self, delta: int) -> None:
        results = self.query_one("#search-results", LazyList)
        if results.option_count:
            results.highlighted = ((results.highlighted or 0) + delta) % results.option_count

    @on(Input.Submitted, "#search-input")
    def open_highlighted(self) -> None:
        results = self.query_one("#search-results", LazyList)
        if results.highlighted is not None and results.option_count:
            self.choose(results.highlighted)

    @on(LazyList.Selected, "#search-results")
    def open_selected(self, event: LazyList.Selected) -> None:
        self.choose(event.index)

    def choose(self, index: int) -> None:
        if self.showing_recent:
            box = self.query_one("#search-input", Input)
            box.value = self.recent[index]
            box.focus()
        elif self.result and self.result.hits:
            self.dismiss((self.result, index))
