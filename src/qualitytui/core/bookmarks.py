"""Bookmarks: passages the user marked, with a note and tags, anchored so that they survive a rebuild.

A bookmark keeps its document id, passage index, a hash and a quote of the passage, the corpus folder
it was made in and its document's citation as it was then. After the corpus changes it re-anchors by
hash, then by the closest match of its quote in the same document; when that document is gone (its
file renamed or moved, which changes its id), by hash in any document; when nothing matches it
stays, marked unanchored, with its quote. A bookmark made in another folder is looked for here by
its hash only; not found, it is shown as being there, and left as it is. Nothing here ever drops a
bookmark.
"""

from __future__ import annotations

import difflib
import hashlib
import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from tinydb import Query, TinyDB

from qualitytui.core.citations import SUFFIX, reference, source_fields, table
from qualitytui.core.models import passage_index
from qualitytui.core.normalize import normalize
from qualitytui.core.user_store import UserStore

QUOTE_MAX = 500
CLOSE_ENOUGH = 0.6  # difflib ratio for a passage to count as the edited bookmarked one
FIELDS = ("id", "doc", "passage", "quote", "note", "tags", "created", "updated", "anchored", "folder")

Passages = Callable[[str], list[dict[str, Any]]]  # doc id → its passages ([] when the doc is gone)
Starting = Callable[[str], list[dict[str, Any]]]  # text → every passage of the corpus that starts with it


def passage_hash(text: str) -> str:
    return hashlib.sha1(" ".join(normalize(text).split()).encode()).hexdigest()[:16]


def clean_tags(tags: list[str] | tuple[str, ...]) -> list[str]:
    """Tags as typed, split on commas and spaces, without repeats, in order."""
    out: list[str] = []
    for raw in tags:
        for t in raw.replace("，", ",").replace(",", " ").split():
            if t not in out:
                out.append(t)
    return out


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def find_anchor(b: dict[str, Any], passages: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The passage ``b`` belongs to now: same place and hash, same hash elsewhere, else the closest quote."""
    i = b.get("index", -1)
    if 0 <= i < len(passages) and passage_hash(passages[i]["text"]) == b["hash"]:
        return passages[i]
    for p in passages:
        if passage_hash(p["text"]) == b["hash"]:
            return p
    quote = normalize(b["quote"])
    best, best_ratio = None, CLOSE_ENOUGH
    for p in passages:
        m = difflib.SequenceMatcher(None, quote, normalize(p["text"][: len(quote) + 50]), autojunk=False)
        if m.real_quick_ratio() >= best_ratio and m.quick_ratio() >= best_ratio:
            r = m.ratio()
            if r >= best_ratio:
                best, best_ratio = p, r
    return best


def _moved(b: dict[str, Any], starting: Starting) -> dict[str, Any] | None:
    """The bookmarked passage in another document (its file renamed or moved): the first, in corpus
    order, that starts as the quote does and has the bookmark's hash."""
    head = b["quote"][:24]
    if not head.strip():
        return None
    return next((p for p in starting(head) if passage_hash(p["text"]) == b["hash"]), None)


class Bookmarks:
    """Bookmarks in the user store; every change is locked, merged and written atomically. ``folder``:
    the corpus folder open (its path as a string), which new bookmarks record."""

    def __init__(self, store: UserStore, folder: str | None = None) -> None:
        self.store = store
        self.folder = folder

    def all(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.store.rows("bookmarks")]

    def listed(self) -> list[dict[str, Any]]:
        """Every bookmark, one made in another folder marked ``elsewhere`` with that folder."""
        return self._marked(self.all())

    def _marked(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [b if self.here(b) else {**b, "elsewhere": b["folder"]} for b in rows]

    def here(self, b: dict[str, Any]) -> bool:
        """Whether ``b`` was made in the folder open (or before bookmarks recorded their folder)."""
        return not b.get("folder") or self.folder is None or b["folder"] == self.folder

    def anchored(self) -> list[dict[str, Any]]:
        """The bookmarks whose passage is in the corpus (as of the last re-anchoring)."""
        return [b for b in self.all() if b.get("anchored", True) and self.here(b)]

    def passages(self) -> set[str]:
        """Ids of the bookmarked passages, for marking them in the text."""
        return {b["passage"] for b in self.anchored()}

    def for_passage(self, passage_id: str) -> dict[str, Any] | None:
        return next((b for b in self.anchored() if b["passage"] == passage_id), None)

    def get(self, bookmark_id: str) -> dict[str, Any]:
        for b in self.all():
            if b["id"] == bookmark_id or (len(bookmark_id) >= 4 and b["id"].startswith(bookmark_id)):
                return b
        raise KeyError(f"no bookmark {bookmark_id!r}")

    def add(self, passage: dict[str, Any], note: str = "", tags: list[str] | tuple[str, ...] = (),
            doc: dict[str, Any] | None = None) -> dict[str, Any]:
        """Bookmark ``passage`` of the document ``doc`` (whose citation it keeps, for an export made
        where the passage is not)."""
        now = _now()
        b = {
            "id": "bm-" + secrets.token_hex(4),
            "doc": passage["doc"],
            "passage": passage["id"],
            "index": passage_index(passage["id"]),
            "hash": passage_hash(passage["text"]),
            "quote": passage["text"][:QUOTE_MAX],
            "note": note,
            "tags": clean_tags(list(tags)),
            "created": now,
            "updated": now,
            "anchored": True,
        }
        if self.folder is not None:
            b["folder"] = self.folder
        if doc is not None:
            b["source"] = source_fields(passage["doc"], lambda _: doc)
        self.store.change(lambda db: db.table("bookmarks").insert(b))
        return b

    def update(self, bookmark_id: str, note: str | None = None, tags: list[str] | None = None) -> dict[str, Any]:
        b = self.get(bookmark_id)
        fields: dict[str, Any] = {"updated": _now()}
        if note is not None:
            fields["note"] = note
        if tags is not None:
            fields["tags"] = clean_tags(tags)
        self.store.change(lambda db: db.table("bookmarks").update(fields, Query().id == b["id"]))
        return {**b, **fields}

    def remove(self, bookmark_id: str) -> dict[str, Any]:
        b = self.get(bookmark_id)
        self.store.change(lambda db: db.table("bookmarks").remove(Query().id == b["id"]))
        return b

    def reanchor(self, passages: Passages, starting: Starting | None = None) -> list[dict[str, Any]]:
        """Check every bookmark against the corpus, save the ones that moved, return them all.
        ``starting``: where to look for a passage whose document is gone (Corpus.passages_starting)."""
        moves: dict[str, dict[str, Any]] = {}
        for b in self.all():
            here = passages(b["doc"])
            if not self.here(b):  # made in another folder: here only if the very passage is
                p = next((q for q in here if passage_hash(q["text"]) == b["hash"]), None)
                p = p or (_moved(b, starting) if starting is not None else None)
                if p is not None:
                    moves[b["id"]] = {"doc": p["doc"], "passage": p["id"], "index": passage_index(p["id"]),
                                      "anchored": True, "folder": self.folder}
                continue
            p = find_anchor(b, here)
            if p is None and not here and starting is not None:
                p = _moved(b, starting)
            if p is None:
                if b.get("anchored", True):
                    moves[b["id"]] = {"anchored": False}
            elif p["id"] != b["passage"] or not b.get("anchored", True) or passage_hash(p["text"]) != b["hash"]:
                moves[b["id"]] = {"doc": p["doc"], "passage": p["id"], "index": passage_index(p["id"]),
                                  "hash": passage_hash(p["text"]), "anchored": True}
        if moves and not self.store.read_only:

            def apply(db: TinyDB) -> None:
                table = db.table("bookmarks")
                for bid, fields in moves.items():
                    table.update(fields, Query().id == bid)

            self.store.change(apply)
        if not self.store.read_only:
            return self.listed()
        return self._marked([{**b, **moves.get(b["id"], {})} for b in self.all()])  # (one found here is here now)


def public(b: dict[str, Any]) -> dict[str, Any]:
    """The bookmark as the ``bookmarks`` command shows it."""
    return {k: b.get(k, True if k == "anchored" else None) for k in FIELDS}


def export(bookmarks: list[dict[str, Any]], fmt: str, docs: Callable[[str], dict[str, Any] | None]) -> str:
    """``bookmarks`` as Markdown citations, a GB/T 7714 reference list, JSON or CSV; ``docs`` gives a
    document's metadata (or None)."""
    rows = [{**public(b), **_cited_source(b, docs)} for b in bookmarks]
    return table(rows, fmt, "Bookmarks",
                 ["id", "title", "date", "source", "path", "url", "passage", "quote", "note", "tags", "created", "anchored"])


def _cited_source(b: dict[str, Any], docs: Callable[[str], dict[str, Any] | None]) -> dict[str, Any]:
    """The bookmark's document as the corpus open has it; as it was when bookmarked, where the
    passage is not here (another folder's, or gone)."""
    here = b.get("anchored", True) and not b.get("elsewhere") and docs(b["doc"])
    return source_fields(b["doc"], docs) if here or not b.get("source") else dict(b["source"])


def citation(passage: dict[str, Any], doc: dict[str, Any]) -> str:
    """The passage and where it comes from, ready to paste: quote, title, source, date, file, passage and
    the page's address when known."""
    quote = " ".join(passage["text"].split())
    return f"“{quote}”\n— {reference(source_fields(passage['doc'], lambda _: doc), passage['id'])}\n"


def export_file(folder: Path, fmt: str, stem: str = "bookmarks") -> Path:
    """A new file name for an export made from the app: bookmarks-YYYYmmdd-HHMMSS.md (.txt, .json, .csv)
    in ``folder`` (search-… for a search's hits)."""
    return folder / f"{stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.{SUFFIX.get(fmt, fmt)}"


def matching(bookmarks: list[dict[str, Any]], query: str, titles: dict[str, str]) -> list[dict[str, Any]]:
    """The bookmarks whose quote, note, tags or document title hold every word of ``query``, read as
    the other filter boxes read theirs: any character form, or pinyin (``laoshan``); a word after ``-``
    or ``NOT`` leaves out those holding it."""
    from qualitytui.core.fold import fold
    from qualitytui.core.typed_words import still_typed, typed_words, word_test

    words = [(fold(w), left_out) for w, left_out in typed_words(query)]
    if not words:
        return list(bookmarks)
    typing = still_typed(fold(query), words[-1][0])  # (the last word may be the start of a longer one)
    tests = [(word_test(w, finished=left_out or k < len(words) - 1 or not typing), left_out)
             for k, (w, left_out) in enumerate(words)]
    out = []
    for b in bookmarks:
        title = (b.get("source") or {}).get("title", "") if b.get("elsewhere") else titles.get(b["doc"], "")
        hay = fold("\x1f".join([b["quote"], b.get("note", ""), title, *b.get("tags", [])]))  # (no word across two)
        if all(holds(hay) != left_out for holds, left_out in tests):
            out.append(b)
    return out
