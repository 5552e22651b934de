"""The search form of a text: normalized (normalize.py) and traditional characters made simplified.

Same length as the text by construction (one character in, one out), so offsets found in the search
form are offsets into the displayed passage text. The table comes from OpenCC's character list
(data/t2s.tsv, see scripts/build_search_tables.py), read on first use.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from qualitytui.core.normalize import CharTable, norm_char

_T2S_FILE = Path(__file__).resolve().parent.parent / "data" / "t2s.tsv"


@lru_cache(maxsize=1)
def _t2s() -> dict[str, str]:
    out = {}
    for line in _T2S_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, _, simp = line.partition("\t")
            out[trad] = simp
    return out


def _fold_char(ch: str) -> str:
    n = norm_char(ch)
    return _t2s().get(n, n)


_TABLE = CharTable(_fold_char)


def fold(text: str) -> str:
    """Same-length search form of ``text``: 質量強鏈 → 质量强链, ＮＱＩ → nqi, ，→ ,."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)
