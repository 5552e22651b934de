"""Python's cycle collector, paused around bursts of allocation, safely from several threads.

A build allocates millions of small objects and frees none until the end, and a start allocates a
whole widget tree and the corpus's rows before its first frame: in both, the collector would walk the
growing heap again and again for nothing (a quarter of a build's time, a sixth of a first frame's).
Pauses nest and may come from different threads; the collector runs again when the last one ends,
and only if it was running before the first.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from typing import Iterator

_lock = threading.Lock()
_pauses = 0
_was_enabled = True


def pause() -> None:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1


def resume() -> None:
    """End one pause (an unmatched call does nothing)."""
    global _pauses
    with _lock:
        if _pauses == 0:
            return
        _pauses -= 1
        if _pauses == 0 and _was_enabled:
            gc.enable()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    pause()
    try:
        yield
    finally:
        resume()


def settle() -> None:
    """Leave everything alive out of later collections (``gc.freeze``).

    For a loaded corpus: its rows (millions of objects on thousands of articles) live as long as
    the app, and a full collection walks them all, which came as a 0.15 s stall in the middle of
    whatever the user did next. Objects frozen here are still freed when no longer referenced.
    There is no collection first: it held the app's screen for 59 ms on 2 000 articles (finding
    nothing) and 165 ms on 10 000 (finding 1 370 objects, which now stay).
    """
    gc.freeze()


def unsettle() -> None:
    """Give the frozen objects back to the collector (an app that ends, in a process that goes on)."""
    gc.unfreeze()
