"""Where known names occur in a passage at its token boundaries: the walk linking makes over every passage.

``AliasTrie(aliases).matches(text, starts, used)`` gives, for each token that ``used`` leaves free,
every alias that starts at it and ends at a later token boundary: (first token, token after the
last, alias number), in text order, shortest first at each start. A compiled walk over the text's
characters (``_alias_walk.pyx``) stands in for this module's when the install has it; both give the
same matches.
"""

from __future__ import annotations

from typing import Sequence


class PureAliasTrie:
    """The walk in Python: from each free token, extend token by token while the text so far is the
    start of some alias (a set of all their prefixes ends most walks at the first token)."""

    def __init__(self, aliases: Sequence[str]) -> None:
        self.aliases = list(aliases)
        self._number: dict[str, int] = {}
        for n, a in enumerate(self.aliases):
            self._number.setdefault(a, n)
        self._prefixes = {a[:k] for a in self.aliases for k in range(1, len(a) + 1)}

    def matches(self, text: str, starts: Sequence[int], used: bytes | bytearray) -> list[tuple[int, int, int]]:
        """(i, j, alias) for each alias equal to text[starts[i]:starts[j]], starts[i] not used."""
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        out: list[tuple[int, int, int]] = []
        prefixes, number = self._prefixes, self._number
        last = len(starts) - 1
        for i in range(last):
            s = starts[i]
            if used[s]:
                continue
            j = i + 1
            piece = text[s : starts[j]]
            while piece in prefixes:
                n = number.get(piece)
                if n is not None:
                    out.append((i, j, n))
                j += 1
                if j > last:
                    break
                piece = text[s : starts[j]]
        return out


try:
    from qualitytui.core._alias_walk import AliasTrie
except ImportError:  # a pure-Python install
    AliasTrie = PureAliasTrie  # type: ignore[misc,assignment]
