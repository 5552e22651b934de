"""Ctrl-C inside the build's compiled loops.

Python acts on a signal only when it runs interpreted code, which a compiled loop never does: a
Ctrl-C while entities were linked waited for the linking to end (5 s on 10 000 articles). A call
to ``checkpoint``, interpreted, lets it through. This module must stay out of compiled.MODULES.
"""


def checkpoint() -> None:
    """Raises KeyboardInterrupt here if Ctrl-C came since the last call (Python's default handler)."""
