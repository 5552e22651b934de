"""The documents list in the sidebar."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from qualitytui.core.normalize import printable


class DocList(OptionList):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, **kwargs)
        self.doc_ids: list[str] = []

    def show_documents(self, docs: list[dict[str, Any]]) -> None:
        self.doc_ids = [d["id"] for d in docs]
        self.clear_options()
        options = []
        for d in docs:
            # one line each (the CSS cuts long titles with an ellipsis), so ids stay visible
            prompt = Text(printable(d["title"]), style="bold")
            prompt.append("\n")
            prompt.append(printable(d["id"]), style="dim")
            options.append(Option(prompt, id=d["id"]))
        self.add_options(options)
