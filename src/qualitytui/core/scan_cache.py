"""What the last build learned of each file, kept beside the store, so that a rebuild reads only the
files that changed.

A folder of thousands of articles mostly changes by a few files at a time, and the per-file half of
a build (reading, repairing, dating, tagging, scanning for names) is most of its time and comes out
the same for a file that did not change. So beside the store (``corpus-….json``) a build leaves
``corpus-….scans``: per file, its hash, its document id and, for each passage it analysed, the
token starts and the entity candidates and enumerations found there. The next build reuses a file
when its contents' hash, its document id and the analysis version are those recorded (a file only
touched, as a sync tool leaves it, is hashed and reused too): its document, passages and dated
items come from the previous store, its tokens and candidates from here, and what spans the corpus
(entities, mentions, the search index) is made anew, so the store is the one a build from nothing
makes. The file is in tablefile's format (its checksums find damage); one that cannot be read or
written only means the next build reads every file.
"""

from __future__ import annotations

import base64
import sys
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from qualitytui.core import tablefile
from qualitytui.core.atomic import atomic_write

FORMAT = 3


def cache_path(store_path: Path) -> Path:
    return store_path.with_suffix(".scans")


def encode(rows: list[Any]) -> bytes:
    """One document's entity rows (entities.Row) as JSON, in a build's worker: per analysed
    passage, [token starts (_starts_text), candidates, enumerations]."""
    return orjson.dumps([[_starts_text(starts), cands, lists] for _, _, starts, cands, lists in rows], default=tuple)


def _starts_text(starts: array) -> str:
    """Base64 of the little-endian array. (As the tokens' lengths, one byte each, the scans file of
    2 000 articles was 9.2 MB instead of 16.6, but working them out took the workers 0.12 s more
    CPU in a build.)"""
    if sys.byteorder == "big":
        starts = array(starts.typecode, starts)
        starts.byteswap()
    return base64.b64encode(starts.tobytes()).decode("ascii")


def _starts(text: str) -> array:
    starts = array("I")
    starts.frombytes(base64.b64decode(text))
    if sys.byteorder == "big":
        starts.byteswap()
    return starts


def rows_of(passages: list[dict[str, Any]], norms: list[str | None], record: list[Any]) -> list[Any] | None:
    """A document's entity rows again, from its stored ``passages``, their analysis forms and the
    ``record`` of them; None when the two do not fit together."""
    from qualitytui.core.entity_rules import Candidate  # (a build's module: not for a warm start)

    analysed = [(p, norm) for p, norm in zip(passages, norms) if norm is not None]
    if len(analysed) != len(record):
        return None
    rows = []
    try:
        for (p, norm), (starts_text, cands, lists) in zip(analysed, record):
            starts = _starts(starts_text)
            if not starts or starts[-1] != len(norm):
                return None
            rows.append((p, norm, starts, [Candidate(*c) for c in cands],
                         tuple(tuple((s, e) for s, e in items) for items in lists)))
    except (ValueError, TypeError):
        return None
    return rows


@dataclass
class Previous:
    """The last build, as far as a rebuild can use it: per file, [size, mtime_ns, hash] as the store
    recorded them (so that only files whose size or time changed are hashed again), and the pieces
    a reused file is made of."""

    files: dict[str, list[Any]]
    records: dict[str, list[Any]]  # rel → [hash, document id, record]
    documents: dict[str, dict[str, Any]]  # document id → its row
    passages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # document id → its rows, in order
    events: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def reusable(self, rel: str, digest: str, doc_id: str) -> list[Any] | None:
        """The record of ``rel`` when the file's contents (``digest``) and document id are those
        the last build read, else None."""
        rec = self.records.get(rel)
        if not rec or rec[0] != digest or rec[1] != doc_id:
            return None
        return rec[2] if doc_id in self.documents else None


def load(store_tables: Any, meta: dict[str, Any], path: Path, version: str) -> Previous | None:
    """The last build from its store's tables (of this version: the caller checks) and the file at
    ``path``; None when that file is missing, damaged or of another version."""
    try:
        tables = tablefile.decode(path.read_bytes())
        head = tables["meta"]
        if not isinstance(head, dict) or head.get("format") != FORMAT or head.get("version") != version:
            return None
        records = tables["files"]
        documents = {d["id"]: d for d in store_tables["documents"].values()}
        prev = Previous(meta.get("files") or {}, records, documents)
        for table, into in (("passages", prev.passages), ("events", prev.events)):
            for row in store_tables[table].values():
                into.setdefault(row["doc"], []).append(row)
    except (OSError, tablefile.TableFileError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(prev.files, dict) or not isinstance(records, dict):
        return None
    return prev


def save(path: Path, version: str, records: dict[str, list[Any]]) -> None:
    """Write the records of a build (rel → [hash, document id, record as orjson.Fragment or value]).
    Raises OSError."""
    atomic_write(path, tablefile.encode_parts({"meta": {"format": FORMAT, "version": version}, "files": records}))
