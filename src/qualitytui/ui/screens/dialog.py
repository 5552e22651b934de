"""The base of every modal screen here: it closes once, however many close requests are queued."""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
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
