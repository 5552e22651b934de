"""The loaded corpus: documents and passages from the store, looked up by id."""

from __future__ import annotations

import difflib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB

from qualitytui.core.mention_table import Mentions
from qualitytui.core.snippets import Snippet, snippet
from qualitytui.core.store import Builder, Progress, folder_changes, open_saved, open_store
from qualitytui.paths import Paths

if TYPE_CHECKING:  # the search engine loads on first use, after the first frame
    from qualitytui.core.entity_names import EntityNames
    from qualitytui.core.search import Hit, Result, Searcher


def in_order(docs: list[dict[str, Any]], order: str) -> list[dict[str, Any]]:
    """``docs`` (in file order) in ``order`` (DOC_ORDERS): by date, documents of one date in file order
    and undated ones last; a year alone (2025) comes after that year's days when newest first."""
    if order not in ("newest", "oldest"):
        return list(docs)
    dated = [d for d in docs if (d.get("date") or {}).get("value")]
    undated = [d for d in docs if not (d.get("date") or {}).get("value")]
    dated.sort(key=lambda d: d["date"]["value"], reverse=order == "newest")  # (stable, reversed or not)
    return dated + undated


_START = 8  # characters a passage is indexed by in passages_starting


class UnknownDocument(LookupError):
    """No document has this id; the message suggests the nearest ones."""


@dataclass(repr=False)
class Corpus:
    db: TinyDB
    built: bool = False
    messages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._docs = {d["id"]: d for d in self._rows("documents")}
        self._passages: dict[str, list[dict[str, Any]]] = {}
        self._all = self._rows("passages")  # store order: the index's order
        for p in self._all:
            p.setdefault("original", p["text"])  # stored only where the repairs changed the text
            self._passages.setdefault(p["doc"], []).append(p)
        self._searcher: Searcher | None = None
        self._dates: dict[str, list[dict[str, Any]]] | None = None  # passage → its dated items
        self._all_names: tuple[str, list[str], list[int], list[int]] | None = None  # (named_within)
        self._files: dict[str, Any] | None = None  # the files as last seen, when not the build's (same_articles_as)
        self._mentions: Mentions | None = None
        self._entities_by_id: dict[str, dict[str, Any]] | None = None
        self._titles: dict[str, str] | None = None
        self._ordered: dict[str, list[str]] = {}  # order → the documents' ids in it
        self._doc_ranks: dict[str, dict[str, int]] = {}  # order → each document's place in it
        self._entity_names: EntityNames | None = None
        # copies.py: a copy → its original, which counts the text the two share
        self.copies = {d["id"]: d["copy_of"] for d in self._docs.values() if d.get("copy_of")}
        self._timeline: list[dict[str, Any]] | None = None
        self._by_start: dict[str, list[dict[str, Any]]] | None = None
        self._hashes: dict[str, str] | None = None
        self._doc_of_hash: dict[str, str] | None = None

    def _rows(self, table: str) -> list[dict[str, Any]]:
        """A table's rows as stored, read-only: TinyDB's own ``all()`` wraps and copies each row,
        which for a large corpus's hundreds of thousands of rows is most of a warm start."""
        data = self.db.storage.read() or {}
        return list((data.get(table) or {}).values())

    def __repr__(self) -> str:
        # cheap: Textual puts the repr of a worker's arguments in its description, and TinyDB's own
        # repr counts every table's rows, which would decode the whole store on the UI thread
        return f"<Corpus {len(self._docs)} documents{' (built)' if self.built else ''}>"

    @classmethod
    def open(cls, paths: Paths, force: bool = False, progress: Progress | None = None, builder: Builder | None = None) -> "Corpus":
        """The corpus, its store loaded when fresh, else built (by ``builder``, when given, for the
        corpora it takes: build_process.SeparateBuild)."""
        db, built, messages = open_store(paths.corpus, paths.corpus_store, force, progress, builder)
        return cls(db, built, messages)

    @classmethod
    def open_saved(cls, paths: Paths) -> "tuple[Corpus, str | None] | None":
        """The corpus as last built, fast enough for the UI thread, and what changed in the folder
        since (None: nothing); None when there is no usable store (``open`` builds one)."""
        saved = open_saved(paths.corpus, paths.corpus_store)
        return (cls(saved.db, False, saved.notes), saved.changes) if saved else None

    def folder_changes(self, paths: Paths) -> str | None:
        """What changed in the corpus folder since this build (store.folder_changes); None: nothing."""
        return folder_changes(paths.corpus, self._files if self._files is not None else self.meta.get("files"))

    def same_articles_as(self, other: "Corpus") -> None:
        """``other``, the store opened again, holds these articles (their files were only touched):
        its files' sizes and times are the ones ``folder_changes`` compares with from now on."""
        self._files = other.meta.get("files")

    @property
    def meta(self) -> dict[str, Any]:
        return self.db.table("meta").get(doc_id=1) or {}

    def documents(self, order: str = "file") -> list[dict[str, Any]]:
        """The documents, in file order or by date (``in_order``)."""
        return in_order(list(self._docs.values()), order)

    def doc_ids(self, order: str = "file") -> list[str]:
        """The documents' ids in ``order`` (``documents``), made once for each order."""
        if order not in self._ordered:
            self._ordered[order] = [d["id"] for d in self.documents(order)]
        return self._ordered[order]

    def doc_ranks(self, order: str) -> dict[str, int]:
        """Each document's place in ``order`` (``documents``), made once for each order."""
        if order not in self._doc_ranks:
            self._doc_ranks[order] = {d: i for i, d in enumerate(self.doc_ids(order))}
        return self._doc_ranks[order]

    def titles(self) -> dict[str, str]:
        """Each document's title by its id (made once: the timeline, the search and the entity panel
        name the documents of their items)."""
        if self._titles is None:
            self._titles = {d["id"]: d["title"] for d in self._docs.values()}
        return self._titles

    def document(self, doc_id: str) -> dict[str, Any]:
        return self._docs[self.resolve(doc_id)]

    def passages(self, doc_id: str) -> list[dict[str, Any]]:
        return self._passages.get(self.resolve(doc_id), [])

    def exact_document(self, doc_id: str) -> dict[str, Any] | None:
        """The document with exactly this id, or None (a bookmark's document may be gone)."""
        return self._docs.get(doc_id)

    def exact_passages(self, doc_id: str) -> list[dict[str, Any]]:
        """The passages of the document with exactly this id; [] when there is none."""
        return self._passages.get(doc_id, [])

    def counted_as(self, doc_id: str) -> str:
        """The document whose dated items are this one's: itself, or for a copy of another document
        (copies.py), the original."""
        return self.copies.get(doc_id, doc_id)

    def counted_in(self, doc_id: str) -> set[str]:
        """The documents whose entities are this one's: itself, and for a copy its original too (which
        holds what the copy shares with it)."""
        return {doc_id, self.copies[doc_id]} if doc_id in self.copies else {doc_id}

    def _file_hashes(self) -> dict[str, str]:
        """Each file's hash by its path in the corpus, as the last build found them (made once)."""
        if self._hashes is None:
            self._hashes = {rel: known[2] for rel, known in (self.meta.get("files") or {}).items() if len(known) > 2}
        return self._hashes

    def file_hash(self, doc_id: str) -> str | None:
        """The hash of the file a document was read from."""
        doc = self._docs.get(doc_id)
        return self._file_hashes().get(doc["path"]) if doc else None

    def document_of_file(self, digest: str) -> str | None:
        """The id of the first document read from a file with this hash (a file renamed or moved
        keeps its hash and changes its id), or None."""
        if self._doc_of_hash is None:  # made once: the app tries every folder's saved position
            hashes, self._doc_of_hash = self._file_hashes(), {}
            for doc in self._docs.values():
                if (known := hashes.get(doc["path"])) is not None:
                    self._doc_of_hash.setdefault(known, doc["id"])
        return self._doc_of_hash.get(digest)

    def passages_starting(self, text: str) -> list[dict[str, Any]]:
        """Every passage whose text starts with ``text``, in corpus order (where a bookmark's passage
        went when its file was renamed or moved); by the passages' first characters, indexed on the
        first call (a bookmark whose document is gone for good asks again at every start)."""
        if len(text) < _START:
            return [p for p in self._all if p["text"].startswith(text)]
        if self._by_start is None:
            self._by_start = {}
            for p in self._all:
                self._by_start.setdefault(p["text"][:_START], []).append(p)
        return [p for p in self._by_start.get(text[:_START], ()) if p["text"].startswith(text)]

    def resolve(self, doc_id: str) -> str:
        """The document id meant by ``doc_id``: exact, else a unique prefix (``000`` for ``000_dd8c…``)."""
        if doc_id in self._docs:
            return doc_id
        starts = [d for d in self._docs if d.startswith(doc_id)] if doc_id else []
        if len(starts) == 1:
            return starts[0]
        near = starts[:5] or difflib.get_close_matches(doc_id, list(self._docs), n=3, cutoff=0.4)
        if not near:
            near = sorted(self._docs, key=lambda d: -difflib.SequenceMatcher(None, doc_id, d).ratio())[:3]
        hint = f"; did you mean {', '.join(near)}?" if near else " (the corpus is empty)"
        what = "ambiguous document id" if len(starts) > 1 else "unknown document"
        raise UnknownDocument(f"{what} {doc_id!r}{hint}")

    def entities(self, type: str | None = None, doc: str | None = None) -> list[dict[str, Any]]:
        """The `entities` JSON: each entity with its mentions, most mentioned first within each type
        (only those of ``type``, and only those ``doc`` mentions, when given)."""
        return [dict(e, mentions=self.entity_mentions(e["id"])) for e in self.entity_rows(type, doc)]

    def entity_rows(self, type: str | None = None, doc: str | None = None) -> list[dict[str, Any]]:
        """The entities as stored (name, type, aliases, count, docs), without their mentions (only
        those of ``type``, and only those ``doc`` mentions, when given)."""
        rows = self._rows("entities")
        if type is None and doc is None:
            return rows
        docs = self.counted_in(doc) if doc is not None else set()  # (a copy's: its own and its original's)
        return [e for e in rows if (not type or e["type"] == type) and (doc is None or not docs.isdisjoint(e["docs"]))]

    def mentions(self) -> Mentions:
        """The mentions table, loaded on first use."""
        if self._mentions is None:
            types = {e["id"]: e["type"] for e in self._rows("entities")}
            self._mentions = Mentions(self._rows("mentions"), self._all, types)
        return self._mentions

    def entity_mentions(self, entity_id: str, order: str = "file") -> list[dict[str, Any]]:
        """One entity's mentions (doc, passage, start, end, text), in corpus order, or with their
        documents in ``order`` (``documents``: newest, oldest)."""
        mentions = self.mentions().of_entity(entity_id)
        if order == "file":
            return mentions
        rank = self.doc_ranks(order)
        return sorted(mentions, key=lambda m: rank[m["doc"]])  # (stable: in a document, in text order)

    def entities_named(self, name: str) -> set[str]:
        """Ids of the entities ``name`` means (EntityNames.named): the search's and the timeline's
        entity:NAME, through one index of the names folded."""
        if self._entity_names is None:
            from qualitytui.core.entity_names import EntityNames

            self._entity_names = EntityNames(self.entity_rows())
        return self._entity_names.named(name)

    def passages_naming(self, name: str) -> set[str] | None:
        """Ids of the passages that mention the entity called ``name``; None when no entity is."""
        ids = self.entities_named(name)
        if not ids:
            return None
        return {self._all[i]["id"] for i in self.mentions().in_passages(ids)}

    def mentioned_with(self, entity_id: str, limit: int = 5) -> list[tuple[dict[str, Any], int]]:
        """The entities most often mentioned in the same passages as this one, with how many passages
        they share."""
        if self._entities_by_id is None:
            self._entities_by_id = {e["id"]: e for e in self.entity_rows()}
        by_id = self._entities_by_id
        return [(by_id[eid], n) for eid, n in self.mentions().mentioned_with(entity_id, limit) if eid in by_id]

    def named_within(self, entity: dict[str, Any]) -> list[dict[str, Any]]:
        """The other entities whose name or an alias holds this one's name or an alias (of two
        characters or more) inside it: the bodies of a place (青岛市 → 青岛市市场监管局), a company's
        subsidiaries, an award's year. Their mentions are not this entity's (mentions do not nest).
        Most mentioned first."""
        rows = self.entity_rows()
        if self._all_names is None:  # every name and alias in one string: searched at C speed
            names, starts, owners, at = [], [], [], 0
            for i, e in enumerate(rows):
                for name in (e["name"], *e["aliases"]):
                    names.append(name)
                    starts.append(at)
                    owners.append(i)
                    at += len(name) + 1
            self._all_names = ("\n".join(names), names, starts, owners)
        text, names, starts, owners = self._all_names
        found: set[int] = set()
        for n in {n for n in (entity["name"], *entity["aliases"]) if len(n) >= 2 and "\n" not in n}:
            at = text.find(n)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                if names[k] != n:  # a longer name holding it, not the name itself
                    found.add(owners[k])
                at = text.find(n, at + 1)
        return [rows[i] for i in sorted(found, key=lambda i: (-rows[i]["count"], i)) if rows[i]["id"] != entity["id"]]

    def timeline(self) -> list[dict[str, Any]]:
        """Dated items in order of their start date (but those of a copy's passages that its original
        holds, counted there: copies.py)."""
        if not self.copies:
            return self._rows("events")
        if self._timeline is None:
            copied = {p["id"] for p in self._all if p.get("copied")}
            self._timeline = [e for e in self._rows("events") if e["passage"] not in copied]
        return self._timeline

    def years_of(self, doc_ids: list[str]) -> tuple[dict[int, int], int]:
        """How many of these documents are dated in each year (printed or inferred), and how many
        are undated."""
        years: dict[int, int] = {}
        undated = 0
        for d in doc_ids:
            value = ((self._docs.get(d) or {}).get("date") or {}).get("value") or ""
            if value[:4].isdigit():
                years[int(value[:4])] = years.get(int(value[:4]), 0) + 1
            else:
                undated += 1
        return years, undated

    def years_found(self, result: Result) -> str:
        """The documents a search's passages are in, by year, as a line of bars (wording.by_year);
        empty when they are not in more than one year."""
        from qualitytui.core.wording import by_year

        years, undated = self.years_of(result.doc_ids)
        return by_year(years, undated) if len(years) > 1 else ""

    def dates_in(self, passage_id: str) -> list[dict[str, Any]]:
        """The dated items found in one passage, in text order (a copy's own included: read in it,
        its 今年 is still resolved). Indexed on first use (0.1 s on 2 000 articles: ``prepare``)."""
        if self._dates is None:
            dates: dict[str, list[dict[str, Any]]] = {}
            for e in self._rows("events"):
                dates.setdefault(e["passage"], []).append(e)
            for items in dates.values():
                items.sort(key=lambda e: e["offset"])
            self._dates = dates
        return self._dates.get(passage_id, [])

    @property
    def dates_ready(self) -> bool:
        """Whether ``dates_in`` answers at once."""
        return self._dates is not None

    def passage(self, passage_id: str) -> dict[str, Any]:
        """One passage by its id (``DOC#N``)."""
        doc, _, n = passage_id.rpartition("#")
        rows = self._passages.get(doc, [])
        if not n.isdigit() or int(n) >= len(rows):
            raise KeyError(passage_id)
        return rows[int(n)]

    def hit_snippet(self, hit: Hit, width: int) -> Snippet:
        """A search hit's words in context, about ``width`` cells of them (the hit's own snippet is 60)."""
        return snippet(self.passage(hit.passage)["text"], *hit.anchor, width)

    def mention_snippet(self, mention: dict[str, Any], width: int = 50) -> Snippet:
        """The words around one mention (keyword in context)."""
        return snippet(self.passage(mention["passage"])["text"], mention["start"], mention["end"], width)

    def mentions_in(self, doc_id: str) -> dict[str, list[tuple[int, int, str | None]]]:
        """This document's entity mentions by passage id: (start, end, the entity's type); a copy's
        are those of the passages of the same text in the document it copies."""
        own = self.mentions().in_doc(doc_id)
        if doc_id not in self.copies:
            return own
        of = self.copies[doc_id]
        by_text = {}
        found = self.mentions().in_doc(of)
        for p in self.exact_passages(of):
            if p["id"] in found:
                by_text.setdefault(p["text"], found[p["id"]])
        borrowed = {p["id"]: by_text[p["text"]] for p in self.exact_passages(doc_id) if p.get("copied") and p["text"] in by_text}
        return {**own, **borrowed}

    def searcher(self) -> Searcher:
        """The search engine over this corpus (its index loaded on first use)."""
        from qualitytui.core.search import Searcher

        if self._searcher is None:
            from qualitytui.core.search_index import from_rows

            self._searcher = Searcher(self._all, from_rows(self._rows("search")), self._rows,
                                      lambda ids: self.mentions().in_passages(ids), self.entities_named,
                                      self.doc_ranks)
        return self._searcher

    def close(self) -> None:
        """Let go of what was built on use: the search engine refers back to this corpus, so without
        this a corpus no longer wanted would stay in memory until a full collection (and never, once
        the app has frozen its objects: collector.settle). Built again if asked for."""
        self._searcher = None
        self._mentions = None

    def prepare(self) -> None:
        """Build now what is otherwise built on first use: the search index and the mentions by
        entity and by document (for a background thread, so that opening an entity with thousands
        of mentions or marking mentions takes no visible time), and the dated items by passage."""
        for table in ("search", "mentions", "events", "entities"):  # every table decoded first: the store
            self._rows(table)  # file's bytes are freed once all are (tablefile), before more is made
        self.searcher().index.forms  # noqa: B018 (made now: the app's searches scan them)
        self.mentions().index_docs()
        self.dates_in("")

    def search(self, query: str, limit: int | None = 20) -> Result:
        """Ranked passages for ``query`` (the query language: query.py)."""
        return self.searcher().search(query, limit)

    def cite(self, result: Result, fmt: str) -> str:
        """The passages ``result`` found, in its order, as citations in ``fmt`` (citations.FORMATS)."""
        from qualitytui.core.citations import passages as cited

        found = [self.passage(h.passage) for h in result.hits]
        return cited(found, fmt, self.exact_document, f"Search: {result.query}")

    def chronology(self, items: list[dict[str, Any]], fmt: str, heading: str) -> str:
        """Dated items (``timeline``'s) as a chronology with their sources in ``fmt`` (citations.FORMATS)."""
        from qualitytui.core.citations import chronology

        return chronology(items, fmt, self.exact_document, lambda pid: self.passage(pid)["text"], heading)

    def show(self, doc_id: str) -> dict[str, Any]:
        """The `show` JSON object: the document with its passages."""
        doc = dict(self.document(doc_id))  # a copy: the stored row stays as it is
        doc["passages"] = [
            {k: p[k] for k in ("id", "index", "kind", "text", "original")} for p in self.passages(doc["id"])
        ]
        return doc
