"""The base of every modal screen here: it closes once, however many close requests are queued."""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

R = TypeVar("R")


async def _nothing() -> None:
    return None


class Dialog(ModalScreen[R]):
    """A modal screen whose ``dismiss`` is a no-op once it is no longer the current screen.

    Two quick enters (or an enter and an escape) queue two close requests; the second must not
    pop the screen below.
    """

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        if not self.is_current:
            return AwaitComplete(_nothing())
        return super().dismiss(result)


class ScrollingDialog(Dialog[R]):
    """A dialog of text in a VerticalScroll, moved by j / k, space, g / G as in the reader (the
    arrows and page keys already move it)."""

    BINDINGS = [Binding("j", "scroll('scroll_down')", "Down", show=False),
                Binding("k", "scroll('scroll_up')", "Up", show=False),
                Binding("space", "scroll('scroll_page_down')", "Page down", show=False),
                Binding("g", "scroll('scroll_home')", "Top", show=False),
                Binding("G", "scroll('scroll_end')", "End", show=False)]

    def action_scroll(self, how: str) -> None:
        getattr(self.query_one(VerticalScroll), how)(animate=False)
