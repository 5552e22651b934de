"""Counts in English messages: 1 bookmark, 2 bookmarks."""

from __future__ import annotations


def counted(n: int, noun: str) -> str:
    """``n`` and the noun, plural unless ``n`` is 1 (the nouns used here all take an s)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
