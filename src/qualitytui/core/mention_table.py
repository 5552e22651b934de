"""The store's mentions table: one row per entity, its mentions packed as (passage, start, end).

A row is ``{"entity": id, "spans": …}``, the spans a packed run of uint32 triples: the passage's
number in store order and the mention's offsets in its text, in corpus order. A mention's document,
passage id and text follow from its passage. (One row per mention, six fields each, took 300 MB
once loaded on 10 000 articles, 420 000 of them; packed, the table takes a few MB.)
"""

from __future__ import annotations

from array import array
from typing import Any, Iterable, Protocol

from qualitytui.core.packed import pack_u32, unpack_u32


class _Entity(Protocol):
    id: str
    mentions: list[tuple[str, dict[str, Any], int, int]]  # (doc id, passage, start, end)


def table_rows(entities: Iterable[_Entity], passages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The table's rows for the linked ``entities``; ``passages`` in store order."""
    number = {p["id"]: i for i, p in enumerate(passages)}
    return [{"entity": e.id, "spans": pack_u32([v for _, p, s, end in e.mentions for v in (number[p["id"]], s, end)])}
            for e in entities]


class Mentions:
    """The loaded table: an entity's mentions, a document's, the passages that mention some entities.

    ``passages`` are the store's, in store order; ``types`` maps entity id → type. The spans stay
    packed until asked for; the index by document is made on first use (``in_doc``)."""

    def __init__(self, rows: list[dict[str, Any]], passages: list[dict[str, Any]], types: dict[str, str]) -> None:
        self._spans = {r["entity"]: r["spans"] for r in rows}
        self._passages = passages
        self._types = types
        self._by_doc: tuple[list[str | None], dict[str, array]] | None = None  # entity types, quads by doc
        self._ids = list(self._spans)  # entity number in the quads → id

    def _triples(self, entity_id: str) -> array:
        packed = self._spans.get(entity_id)
        return unpack_u32(packed) if packed else array("I")

    def of_entity(self, entity_id: str) -> list[dict[str, Any]]:
        """The entity's mentions as in the `entities` JSON (doc, passage, start, end, text), in corpus order."""
        a, ps, out = self._triples(entity_id), self._passages, []
        for i in range(0, len(a), 3):
            p, s, e = ps[a[i]], a[i + 1], a[i + 2]
            out.append({"doc": p["doc"], "passage": p["id"], "start": s, "end": e, "text": p["text"][s:e]})
        return out

    def in_passages(self, entity_ids: Iterable[str]) -> dict[int, list[tuple[int, int]]]:
        """Passage number (store order) → the spans of these entities' mentions in it."""
        out: dict[int, list[tuple[int, int]]] = {}
        for eid in entity_ids:
            a = self._triples(eid)
            for i in range(0, len(a), 3):
                out.setdefault(a[i], []).append((a[i + 1], a[i + 2]))
        return out

    def in_doc(self, doc_id: str) -> dict[str, list[tuple[int, int, str | None]]]:
        """This document's mentions by passage id: (start, end, the entity's type), by start."""
        if self._by_doc is None:
            self.index_docs()
        types, by_doc = self._by_doc  # type: ignore[misc]
        quads = by_doc.get(doc_id, ())
        out: dict[str, list[tuple[int, int, str | None]]] = {}
        ps = self._passages
        for i in range(0, len(quads), 4):
            out.setdefault(ps[quads[i]]["id"], []).append((quads[i + 1], quads[i + 2], types[quads[i + 3]]))
        for marks in out.values():
            marks.sort()
        return out

    def mentioned_with(self, entity_id: str, limit: int = 5) -> list[tuple[str, int]]:
        """The entities mentioned in the most passages that mention this one: (id, passages shared),
        most first (ties by id)."""
        if self._by_doc is None:
            self.index_docs()
        _, by_doc = self._by_doc  # type: ignore[misc]
        a = self._triples(entity_id)
        own = set(a[0::3])
        doc_of = self._passages
        shared: dict[int, set[int]] = {}
        for doc in {doc_of[p]["doc"] for p in own}:
            quads = by_doc.get(doc, ())
            for i in range(0, len(quads), 4):
                if quads[i] in own:
                    shared.setdefault(quads[i + 3], set()).add(quads[i])
        ids = self._ids
        ranked = sorted(((ids[k], len(ps)) for k, ps in shared.items() if ids[k] != entity_id), key=lambda x: (-x[1], x[0]))
        return ranked[:limit]

    def index_docs(self) -> None:
        """Make the index by document now (for a background thread: marking a document's mentions
        then takes no visible time). Each document holds (passage, start, end, entity) quads."""
        types: list[str | None] = []
        doc_of = [p["doc"] for p in self._passages]
        by_doc: dict[str, array] = {}
        for k, (eid, packed) in enumerate(self._spans.items()):
            types.append(self._types.get(eid))
            a = unpack_u32(packed)
            for i in range(0, len(a), 3):
                doc = doc_of[a[i]]
                quads = by_doc.get(doc)
                if quads is None:
                    quads = by_doc[doc] = array("I")
                quads.extend((a[i], a[i + 1], a[i + 2], k))
        # whole, or not at all: the UI may ask while another thread makes it
        self._by_doc = (types, by_doc)
