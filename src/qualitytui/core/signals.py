"""Ctrl-C, and the other threads, inside compiled loops.

Python acts on a signal, and hands the interpreter lock to another thread that waits for it, only
when it runs interpreted code, which a compiled loop never does: a Ctrl-C while entities were
linked waited for the linking to end (5 s on 10 000 articles), and making the search forms in the
background held the app's screen for 0.14 s on 2 000 articles. A call to ``checkpoint``,
interpreted, lets both through. This module must stay out of compiled.MODULES.
"""


def checkpoint() -> None:
    """Raises KeyboardInterrupt here if Ctrl-C came since the last call (Python's default handler);
    lets another thread run if one waits."""
