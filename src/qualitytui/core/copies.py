"""Articles a folder holds twice: the same text saved under two names, as a web page and as text, or
reposted by another outlet under its own headline, byline and page furniture.

A document is a copy of another when its body paragraphs, at least ``MIN_CHARS`` long, are the
other's (the first of the two in the corpus's file order is then the original), or their beginning or
end (a repost of an article's first paragraphs, or of the article under an editor's note: the fuller
one is the original), whitespace, the width of punctuation (，/,) and the lead's dateline and byline
(本报讯（记者 王伟）) aside. Headings are left out: a repost's own headline over the first one's often
reads as one. A copy stays a document of its own (it can be read, searched with ``doc:`` and
bookmarked), but what it shares with the original is counted once, there: the build leaves those
passages out of the entities, the corpus out of the timeline, and search shows the original's. What
it has of its own (its headline and byline, an editor's note) is its own.
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


def _flat(text: str) -> str:
    """``text`` without spaces and line breaks, its punctuation half-width (a few replacements over the
    whole text are far cheaper than normalizing it character by character)."""
    key = "".join(text.split())
    for wide, narrow in _PUNCTUATION:
        if wide in key:
            key = key.replace(wide, narrow)
    return key


def _key(texts: list[str]) -> str:
    """The text that two copies share: the body paragraphs flat, without the lead's 本报讯（记者 王伟）,
    which a repost may print or leave out."""
    if texts:
        texts = [texts[0][lead_end(texts[0]):], *texts[1:]]
    return _flat("".join(texts))


def find_copies(doc_ids: list[str], passages: list[dict[str, Any]]) -> dict[str, str]:
    """copy's id → the id of the document whose text holds it whole: the same text (the first such
    document in ``doc_ids``' order), or more of it (a repost of an article's first paragraphs, or of
    the article under an editor's note, is a copy of the article, whichever of the two comes first)."""
    texts = _texts(passages)
    openings: dict[int, list[tuple[int, str]]] = {}  # by how the key opens and how it ends: the keys
    endings: dict[int, list[tuple[int, str]]] = {}  # themselves are not all kept
    for order, d in enumerate(doc_ids):
        key = _key(texts.get(d, []))
        if len(key) >= MIN_CHARS:
            openings.setdefault(hash(key[:MIN_CHARS]), []).append((order, d))
            endings.setdefault(hash(key[-MIN_CHARS:]), []).append((order, d))
    out: dict[str, str] = {}
    keys: dict[str, str] = {}
    for buckets, holds in ((openings, str.startswith), (endings, str.endswith)):
        for members in buckets.values():
            if len(members) < 2:
                continue
            for d in (d for _, d in members if d not in keys):
                keys[d] = _key(texts[d])
            firsts: list[str] = []  # the documents no other holds, the fullest first
            for _, d in sorted(members, key=lambda m: (-len(keys[m[1]]), m[0])):
                holder = next((f for f in firsts if holds(keys[f], keys[d])), None)
                if holder is None:
                    firsts.append(d)
                elif d not in out:
                    out[d] = holder
    for d, holder in out.items():  # (held by a copy found in the other pass: by its original)
        while holder in out:
            holder = out[holder]
        out[d] = holder
    return out


def copied_passages(copies: dict[str, str], passages: list[dict[str, Any]]) -> set[str]:
    """Ids of the copies' passages whose text their original holds: counted there. What a copy has
    of its own (its headline and byline, an editor's note, a lead's 本报讯（记者 王伟） the original
    lacks) is counted in it."""
    wanted = set(copies) | set(copies.values())
    of: dict[str, list[dict[str, Any]]] = {}
    for p in passages:
        if p["doc"] in wanted:
            of.setdefault(p["doc"], []).append(p)
    out: set[str] = set()
    for copy, original in copies.items():
        whole = _flat("".join(p["text"] for p in of.get(original, ())))
        out.update(p["id"] for p in of.get(copy, ()) if (k := _flat(p["text"])) and k in whole)
    return out
