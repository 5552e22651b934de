"""What the repairs changed: the document's repair list, and the current passage before and after."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from qualitytui.ui.screens.dialog import ScrollingDialog
from textual.widgets import Static

from qualitytui.core.normalize import printable
from qualitytui.ui.widgets.chinese_text import ChineseText


class RepairsScreen(ScrollingDialog[None]):
    BINDINGS = [Binding("escape,q,r", "dismiss", "Close", id="repairs.close")]

    def __init__(self, doc: dict[str, Any], passage: dict[str, Any] | None) -> None:
        super().__init__()
        self.doc, self.passage = doc, passage

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="repairs-box"):
            if self.passage:
                yield Static(Text(f"Passage {self.passage['index']} ({self.passage['kind']}) as printed:", style="bold"))
                yield Static(Text(printable(self.passage["original"])), classes="original")
                yield Static(Text("as shown:", style="bold"))
                yield ChineseText(self.passage["text"], classes="repaired")
            warnings = self.doc.get("warnings") or []
            yield Static(Text(f"Repairs in this document ({len(warnings)}):", style="bold"))
            body = Text()
            for w in warnings:
                body.append("• ")
                body.append(printable(w))
                body.append("\n")
            yield Static(body or Text("none"))
