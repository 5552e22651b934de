"""The documents list in the sidebar: title, then date and id, for each document (rows drawn as they show)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding

from qualitytui.core.normalize import printable
from qualitytui.core.wording import dated
from qualitytui.ui.widgets.lazy_list import LazyList


class DocList(LazyList):
    BINDINGS = [Binding("s", "app.sort_documents", "Sort", id="documents.sort")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(lines=2, **kwargs)
        self.doc_ids: list[str] = []

    def show_documents(self, docs: list[dict[str, Any]]) -> None:
        self.doc_ids = [d["id"] for d in docs]

        def row(i: int) -> Text:
            d = docs[i]
            prompt = Text(printable(d["title"]), style="bold")
            prompt.append("\n")
            when = dated(d.get("date"))
            if when:
                prompt.append(f"{when} · ", style="dim")
            if d.get("copy_of"):  # (the header says of which: copies.py)
                prompt.append("copy · ", style="dim italic")
            prompt.append(printable(d["id"]), style="dim")
            return prompt

        self.show(len(docs), row, highlighted=None)
