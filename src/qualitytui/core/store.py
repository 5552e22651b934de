"""The corpus store: a TinyDB file in the cache dir, rebuilt when the corpus or the schema changes.

Tables (DESIGN.md): ``meta``, ``documents``, ``passages``, ``entities``, ``mentions``, ``events``, and
``search`` (one row: the search index, search_index.py).
The file is UTF-8 JSON (orjson: no ``\\u`` escapes), written atomically; a store that cannot be
read is rebuilt, with a message, never a crash.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from qualitytui import __version__
from qualitytui.core.atomic import atomic_write
from qualitytui.core.files import Found, discover
from qualitytui.core.models import Document, Skipped
from qualitytui.core.search_index import build_index

SCHEMA_VERSION = 3
TABLES = ("meta", "documents", "passages", "entities", "mentions", "events", "search")

Progress = Callable[[int, int, str], None]


class StoreError(Exception):
    """The store file exists but cannot be used."""


class CorpusMissing(Exception):
    """The corpus folder does not exist (a usage error: exit 2)."""


class JSONStorage(Storage):
    """TinyDB storage that reads the file once and writes it atomically as compact UTF-8 JSON."""

    def __init__(self, path: Path, data: dict[str, Any] | None = None):
        self.path = Path(path)
        self._data = data

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            if not self.path.exists():
                return None
            try:
                data = orjson.loads(self.path.read_bytes())
            except (OSError, orjson.JSONDecodeError) as e:
                raise StoreError(f"cannot read {self.path}: {e}") from None
            if not isinstance(data, dict):
                raise StoreError(f"{self.path} is not a store")
            self._data = data
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        atomic_write(self.path, orjson.dumps(data))
        self._data = data


def _table(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(i): row for i, row in enumerate(rows, 1)}


def fingerprint(hashes: dict[str, str]) -> str:
    h = hashlib.sha1()
    for rel in sorted(hashes):
        h.update(rel.encode())
        h.update(b"\0")
        h.update(hashes[rel].encode())
    return h.hexdigest()


@dataclass
class BuildResult:
    data: dict[str, Any]
    documents: list[Document]
    skipped: list[Skipped]
    seconds: float
    saved: bool = True
    messages: list[str] = field(default_factory=list)


def _stats(found: list[Found]) -> dict[str, list[int]]:
    out = {}
    for f in found:
        try:
            st = f.path.stat()
            out[f.rel] = [st.st_size, st.st_mtime_ns]
        except OSError:
            out[f.rel] = [-1, -1]
    return out


def content_hashes(found: list[Found], known: dict[str, Any] | None = None) -> dict[str, str]:
    """sha1 of each file's bytes; files whose size and mtime are unchanged reuse ``known`` hashes."""
    known = known or {}
    stats = _stats(found)
    out = {}
    for f in found:
        prev = known.get(f.rel)
        if prev and prev[:2] == stats[f.rel]:
            out[f.rel] = prev[2]
            continue
        try:
            out[f.rel] = hashlib.sha1(f.path.read_bytes()).hexdigest()
        except OSError:
            out[f.rel] = "unreadable"
    return out


def build(root: Path, found: list[Found], problems: list[tuple[str, str]], progress: Progress | None = None) -> BuildResult:
    """Ingest every file and lay out the store's tables (not yet written)."""
    from qualitytui.core.ingest import ingest_files  # a warm start needs neither ingest nor analysis

    t0 = time.perf_counter()
    total = len(found)
    done = [0]

    def on_file(f: Found) -> None:
        if progress:
            progress(done[0], total, f.rel)
        done[0] += 1

    docs: list[Document] = []
    skipped = [Skipped(p, r) for p, r in problems]
    stats = _stats(found)  # before reading: a file changed during the build then reads as stale
    hashes: dict[str, str] = {}
    for r in ingest_files(found, on_file, hashes):
        (docs if isinstance(r, Document) else skipped).append(r)
    if progress:
        progress(total, total, "analysing")
    passages = {d.id: [p.to_dict() for p in d.passages] for d in docs}
    from qualitytui.core.analyze import analyze  # the segmenter and the rules: only a build needs them

    analysis = analyze(docs, passages)
    if progress:
        progress(total, total, "indexing")
    rows = [row for d in docs for row in passages[d.id]]
    index = build_index(row["text"] for row in rows)
    if progress:
        progress(total, total, "")
    meta = {
        "schema": SCHEMA_VERSION,
        "version": __version__,
        "root": str(root),
        "fingerprint": fingerprint(hashes),
        "files": {rel: stats[rel] + [hashes[rel]] for rel in hashes},
        "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
    }
    data = {
        "meta": {"1": meta},
        "documents": _table([d.to_dict() for d in docs]),
        "passages": _table(rows),
        "entities": _table(analysis.entities),
        "mentions": _table(analysis.mentions),
        "events": _table(analysis.events),
        "search": {"1": index},
    }
    return BuildResult(data, docs, skipped, time.perf_counter() - t0)


def is_fresh(meta: dict[str, Any], found: list[Found]) -> bool:
    """Same schema and the same file contents (checked by stat first, hashing only what changed)."""
    if meta.get("schema") != SCHEMA_VERSION or meta.get("version") != __version__:
        return False
    known = meta.get("files") or {}
    if set(known) != {f.rel for f in found}:
        return False
    stats = _stats(found)
    if all(known[rel][:2] == stats[rel] for rel in known):
        return True
    return fingerprint(content_hashes(found, known)) == meta.get("fingerprint")


def open_store(
    root: Path, store_path: Path, force: bool = False, progress: Progress | None = None
) -> tuple[TinyDB, bool, list[str]]:
    """The corpus store for ``root``: loaded when fresh, else built and saved.

    Returns (db, built, messages): messages are one-line notes for the user (why it was rebuilt,
    which files were skipped, why it could not be saved).
    """
    if not root.is_dir():
        raise CorpusMissing(f"corpus folder not found: {root}")
    found, problems = discover(root)
    messages: list[str] = []
    if not force and store_path.exists():
        storage = JSONStorage(store_path)
        try:
            data = storage.read() or {}
            meta = (data.get("meta") or {}).get("1") or {}
            if all(t in data for t in TABLES) and is_fresh(meta, found):
                return TinyDB(storage=JSONStorage, path=store_path, data=data), False, _skip_notes(meta)
        except StoreError as e:
            messages.append(f"corpus store was unreadable and has been rebuilt ({e})")
    result = build(root, found, problems, progress)
    try:
        JSONStorage(store_path).write(result.data)
    except OSError as e:
        messages.append(f"could not save the corpus store to {store_path} ({e.strerror or e}); using it in memory")
    meta = result.data["meta"]["1"]
    return TinyDB(storage=JSONStorage, path=store_path, data=result.data), True, messages + _skip_notes(meta)


def _skip_notes(meta: dict[str, Any]) -> list[str]:
    return [f"skipped {s['path']}: {s['reason']}" for s in meta.get("skipped", [])]
