"""The documents list in the sidebar: title, then date and id, for each document (rows drawn as they show)."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual.binding import Binding

from qualitytui.core.normalize import printable
from qualitytui.core.wording import dated
from qualitytui.ui.widgets.lazy_list import LazyList


class DocList(LazyList):
    BINDINGS = [Binding("f", "app.filter_documents", "Filter", id="documents.filter"),
                Binding("s", "app.sort_documents", "Sort", id="documents.sort"),
                Binding("right_curly_bracket", "next_group", "Next year/folder", key_display="}", show=False,
                        id="documents.next_group")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(lines=2, **kwargs)
        self.doc_ids: list[str] = []

    def show_documents(self, docs: list[dict[str, Any]], read: Callable[[str], bool] = lambda doc_id: False,
                       by_date: bool = False) -> None:
        """``read(id)``: whether a document was opened before (told apart as in a mail client: a ✓,
        the unread ones' titles bold); a document read since is redrawn with ``was_read``. ``}`` and
        ``{`` step through the years (``by_date``: the list is in date order), else the folders."""
        self.doc_ids = [d["id"] for d in docs]

        def row(i: int) -> Text:
            d = docs[i]
            seen = read(d["id"])
            prompt = Text(printable(d["title"]), style="" if seen else "bold")
            prompt.append("\n")
            if seen:
                prompt.append("✓ ", style="dim")
            when = dated(d.get("date"))
            if when:
                prompt.append(f"{when} · ", style="dim")
            if d.get("copy_of"):  # (the header says of which: copies.py)
                prompt.append("copy · ", style="dim italic")
            prompt.append(printable(d["id"]), style="dim")
            return prompt

        def year(i: int) -> str:
            return ((docs[i].get("date") or {}).get("value") or "")[:4]

        def folder(i: int) -> str:
            return docs[i]["id"].rpartition("/")[0]

        self.show(len(docs), row, highlighted=None, group=year if by_date else folder)

    def was_read(self, doc_id: str) -> None:
        if doc_id in self.doc_ids:
            self.redraw(self.doc_ids.index(doc_id))
