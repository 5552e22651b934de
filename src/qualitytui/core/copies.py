"""Articles a folder holds twice: the same text saved under two names, as a web page and as text, or
reposted by another outlet under its own headline, byline and page furniture.

A document is a copy of an earlier one (in the corpus's file order) when its body paragraphs are the
same text, at least ``MIN_CHARS`` long, whitespace, the width of punctuation (，/,) and the lead's
dateline and byline (本报讯（记者 王伟）) aside (headings are left out: a repost's own headline over the
first one's often reads as one). A copy stays a document of its own (it can be read, searched with
``doc:`` and bookmarked), but its names and dates are counted once, in the first of them: the build
leaves it out of the entities, the corpus out of the timeline, and search shows the first one's
passages.
"""

from __future__ import annotations

from typing import Any

from qualitytui.core.shapes import lead_end

MIN_CHARS = 100  # shorter bodies (a notice, a caption page) may well be the same in two articles


def _texts(passages: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Each document's body paragraphs, in order."""
    out: dict[str, list[str]] = {}
    for p in passages:
        if p["kind"] == "body":
            out.setdefault(p["doc"], []).append(p["text"])
    return out


# punctuation that sites print full-width or half-width (，/,): a repost may have either
_PUNCTUATION = (("，", ","), ("。", "."), ("：", ":"), ("；", ";"), ("（", "("), ("）", ")"), ("！", "!"), ("？", "?"),
                ("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"))


def _key(texts: list[str]) -> str:
    """The text that two copies share: without spaces and line breaks, punctuation half-width (a few
    replacements over the whole text are far cheaper than normalizing it character by character)."""
    if texts:  # a repost may print the lead's 本报讯（记者 王伟） or leave it out
        texts = [texts[0][lead_end(texts[0]):], *texts[1:]]
    key = "".join("".join(texts).split())
    for wide, narrow in _PUNCTUATION:
        if wide in key:
            key = key.replace(wide, narrow)
    return key


def find_copies(doc_ids: list[str], passages: list[dict[str, Any]]) -> dict[str, str]:
    """copy's id → the id of the first document (in ``doc_ids``' order) with the same text."""
    texts = _texts(passages)
    buckets: dict[int, list[str]] = {}  # by the key's hash first: the keys themselves are not all kept
    for d in doc_ids:
        key = _key(texts.get(d, []))
        if len(key) >= MIN_CHARS:
            buckets.setdefault(hash(key), []).append(d)
    out: dict[str, str] = {}
    for same_hash in buckets.values():
        if len(same_hash) < 2:
            continue
        firsts: dict[str, str] = {}
        for d in same_hash:
            first = firsts.setdefault(_key(texts[d]), d)
            if first != d:
                out[d] = first
    return out
