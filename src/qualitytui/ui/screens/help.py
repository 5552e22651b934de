"""The help screen: every key, from the app's bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from qualitytui.core.query_help import SYNTAX
from qualitytui.ui.screens.dialog import ScrollingDialog
from textual.widgets import Static

KEYS = [
    ("j / ↓", "next passage (a long one scrolls first)"),
    ("k / ↑", "previous passage (likewise)"),
    ("g / G", "first / last passage (home / end too)"),
    ("pgdn / pgup", "the passage a screen further on / back"),
    ("] / [", "next / previous document"),
    ("/", "search: live results as you type; enter opens a hit; ctrl+o orders the hits best first, newest first, oldest first; ctrl+s exports every passage found as citations"),
    ("f", "find in this document: the search box opens with doc:… typed in (in an entity's panel: entity:…)"),
    ("F (in the panel)", "the last search with entity:… added: the passages it found that name this entity too"),
    ("n / N", "next / previous search hit (across documents)"),
    ("d", "documents list; s sorts it: as in the folder, newest first, oldest first; d again (or f) to type in its filter box: words of the title, byline or file, pinyin, 2024 or 2023..2025, unread, -word or NOT word to leave out (] and [ follow the list)"),
    ("e", "entities; e again (or f) to type in the filter box, . for the document read's only; enter shows an entity's mentions; enter again steps through them"),
    ("1–5", "in an entity's panel: open one of the entities mentioned most often in the same passages"),
    ("t (in the panel)", "the entity's timeline: the dated items of the passages that name it (entity:NAME in the timeline's filter)"),
    ("t", "timeline along a year axis, starting at the document read; / filters it (2025, 2023..2025, plan, target, entity:崂山区, words, pinyin; -target or NOT 2025 leaves out), . keeps this document's items; enter opens the item's passage; ctrl+s exports the items shown as a chronology with their sources"),
    ("} / {", "in a list, the next / previous group: entities by type, documents by year (by folder in the folder's order), the timeline by year, an entity's mentions and search hits by document"),
    ("h", "mark entity mentions (coloured by type) and dates (bold italic) in the text (toggle)"),
    ("b", "bookmark the current passage (toggle); ★ marks bookmarked passages"),
    ("m", "edit the bookmark's note and tags"),
    ("B", "bookmarks: / filters (words of the quote, note, tags or title, pinyin, -word to leave out), enter opens, delete removes, x exports (Markdown, JSON, CSV, GB/T 7714)"),
    ("c", "copy the current passage with its citation (OSC 52)"),
    ("r", "show what was repaired in this document"),
    ("ctrl+r", "read the folder again: the files added, changed or gone are read, the rest kept (the app also looks every 30 s and says when the folder changed)"),
    ("ctrl+p", "command palette: every action, themes (remembered), jump to a document or entity"),
    ("?", "this help"),
    ("escape", "back / close"),
    ("q", "quit"),
]


class HelpScreen(ScrollingDialog[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("qualitytui — keys", style="bold"))
            yield Static(_two_columns(KEYS))
            yield Static(Text("\nsearch (/) — the query language", style="bold"))
            yield Static(_two_columns(SYNTAX))


def _two_columns(rows) -> Table:
    """(what to type, what it does) rows, the first column bold; a long cell wraps, never ends in …
    (the columns' default overflow cut 崂山, 青岛优品 to 崂山… at some widths)."""
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="bold", overflow="fold")
    table.add_column(overflow="fold")
    for typed, what in rows:
        table.add_row(Text(typed), Text(what))
    return table
