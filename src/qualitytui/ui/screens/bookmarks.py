"""Bookmark dialogs: the note-and-tags editor, the bookmarks list, and its confirm and export dialogs."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from qualitytui.ui.screens.dialog import Dialog
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from qualitytui.core.bookmarks import matching
from qualitytui.core.normalize import printable
from qualitytui.core.wording import counted, dated
from qualitytui.ui.widgets.chinese_text import ChineseText
from qualitytui.ui.widgets.field import Field


class NoteScreen(Dialog[tuple[str, str] | None]):
    """Edit a bookmark's note and tags; enter saves (dismissed with (note, tags)), escape cancels."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="note.cancel")]

    def __init__(self, quote: str, note: str = "", tags: list[str] | tuple[str, ...] = ()) -> None:
        super().__init__()
        self.quote, self.note, self.tags = quote, note, tags

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield ChineseText(self.quote[:120] + ("…" if len(self.quote) > 120 else ""), style="italic", id="note-quote")
            yield Field(value=self.note, placeholder="note (Chinese input works)", id="note-input", select_on_focus=False)
            yield Field(value=", ".join(self.tags), placeholder="tags, separated by commas or spaces", id="tags-input",
                        select_on_focus=False)
            yield Static(Text("enter saves · tab moves · escape cancels", style="dim"))

    @on(Input.Submitted)
    def save(self) -> None:
        self.dismiss((self.query_one("#note-input", Input).value, self.query_one("#tags-input", Input).value))


class ConfirmScreen(Dialog[bool]):
    """A yes/no question: y or enter confirms, n or escape declines."""

    BINDINGS = [
        Binding("y,enter", "dismiss(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "dismiss(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(Text(self.question))
            yield Static(Text("y yes · n no", style="dim"))


class ExportScreen(Dialog[str | None]):
    """Choose an export format: Markdown citations, a GB/T 7714 reference list, JSON or CSV."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="export.cancel")]
    FORMATS = [("md", "Markdown: a citation list to paste into a report"), ("json", "JSON"), ("csv", "CSV (spreadsheets)"),
               ("gbt", "GB/T 7714 reference list (参考文献)")]

    def __init__(self, what: str = "the bookmarks shown") -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Text(f"Export {self.what} as…", style="bold"))
            yield OptionList(*[Option(Text(label), id=fmt) for fmt, label in self.FORMATS], id="export-formats")

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


def bookmark_prompt(b: dict[str, Any], doc: dict[str, Any] | None) -> Text:
    """Quote, then document title and date, note and tags; an unanchored bookmark says so, and one
    made in another folder names it (with its document as it was when bookmarked)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    source = b.get("source") or {}
    if b.get("elsewhere"):
        text.append("in another folder ", style="bold yellow")
        doc = None
    elif not b.get("anchored", True):
        text.append("unanchored ", style="bold red")
    text.append(printable(" ".join(b["quote"].split())), style="italic")
    text.append("\n")
    title = (doc or {}).get("title") or source.get("title") or b["doc"]
    if doc:
        date = dated(doc.get("date"))  # (≈ when inferred, as the documents list shows it)
    else:
        date = dated({"value": source["date"], "inferred": source.get("date_inferred")}) if source.get("date") else ""
    text.append(printable(title), style="bold")
    if date:
        text.append(f"  {date}", style="dim")
    text.append(f"  {printable(b['passage'])}", style="dim")
    if b.get("elsewhere"):
        text.append(f"  {printable(b['elsewhere'])}", style="dim")
    if b.get("note"):
        text.append("\n")
        text.append(printable(b["note"]))
    if b.get("tags"):
        text.append("\n")
        for t in b["tags"]:
            text.append(f" {printable(t)} ", style="reverse")
            text.append(" ")
    return text


class BookmarksScreen(Dialog[dict[str, Any] | None]):
    """Every bookmark; / filters by tag or text; enter opens, delete removes, x exports."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="bookmarks.close"),
        Binding("slash,f", "filter", "Filter", key_display="/", id="bookmarks.filter"),
        Binding("delete,D", "remove", "Remove", key_display="del", id="bookmarks.remove"),
        Binding("x", "export", "Export", id="bookmarks.export"),
    ]

    def __init__(self, bookmarks: list[dict[str, Any]], docs: dict[str, dict[str, Any]]) -> None:
        super().__init__()
        self.bookmarks = bookmarks
        self.docs = docs
        self.shown: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box", classes="dialog"):
            yield Input(placeholder="filter by tag or text", id="bookmarks-filter")
            yield Static(id="bookmarks-status")
            yield OptionList(id="bookmarks-list", markup=False)

    def on_mount(self) -> None:
        self.show(self.bookmarks)
        self.query_one("#bookmarks-list").focus()

    def action_filter(self) -> None:
        self.query_one("#bookmarks-filter").focus()

    def show(self, bookmarks: list[dict[str, Any]]) -> None:
        self.bookmarks = bookmarks
        self.apply_filter(self.query_one("#bookmarks-filter", Input).value)

    @on(Input.Changed, "#bookmarks-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value)

    def apply_filter(self, value: str) -> None:
        self.shown = matching(self.bookmarks, value, {k: d.get("title", "") for k, d in self.docs.items()})
        listing = self.query_one("#bookmarks-list", OptionList)
        listing.clear_options()
        listing.add_options([Option(bookmark_prompt(b, self.docs.get(b["doc"])), id=b["id"]) for b in self.shown])
        if self.shown:
            listing.highlighted = 0
        total = len(self.bookmarks)
        status = f"{len(self.shown)} of {counted(total, 'bookmark')}" if value.strip() else counted(total, "bookmark")
        hint = " · / filters · enter opens · delete removes · x exports" if total else " · press b on a passage to add one"
        self.query_one("#bookmarks-status", Static).update(Text(status + hint, style="dim"))

    @property
    def current(self) -> dict[str, Any] | None:
        i = self.query_one("#bookmarks-list", OptionList).highlighted
        return self.shown[i] if i is not None and 0 <= i < len(self.shown) else None

    @on(Input.Submitted, "#bookmarks-filter")
    def filter_done(self) -> None:
        self.query_one("#bookmarks-list").focus()

    @on(OptionList.OptionSelected, "#bookmarks-list")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    def action_remove(self) -> None:
        b = self.current
        if b is None:
            return
        quote = " ".join(b["quote"].split())[:30]

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.remove_bookmark(b["id"], self)  # type: ignore[attr-defined]

        self.app.push_screen(ConfirmScreen(f"Remove the bookmark on “{printable(quote)}…”?"), answered)

    def action_export(self) -> None:
        if not self.shown:
            self.app.notify("Nothing to export.", timeout=3)
            return
        shown = list(self.shown)
        self.app.push_screen(ExportScreen(), lambda fmt: fmt and self.app.export_bookmarks(shown, fmt))  # type: ignore[attr-defined]
