"""One run at a time of the work what is typed asks for (a search, a filter), in a thread."""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class OneAtATime(Generic[T]):
    """Starts ``start(value)`` for the value asked, unless a run is going: then the last value asked
    while it went is run once it ends, and the others never. (A thread cannot be stopped, and on a
    large corpus runs for every key typed, side by side, slowed each other and the typing.)"""

    def __init__(self, start: Callable[[T], object], value: T) -> None:
        self.start = start
        self.running = False
        self.wanted = value

    def ask(self, value: T) -> None:
        self.wanted = value
        if not self.running:
            self.running = True
            self.start(value)

    def ended(self, value: T) -> bool:
        """The run for ``value`` is over: the last value asked meanwhile starts. Whether ``value`` is
        still the one wanted (its result is worth showing)."""
        self.running = False
        if self.wanted != value:
            self.ask(self.wanted)
            return False
        return True
