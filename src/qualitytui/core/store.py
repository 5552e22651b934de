"""The corpus store: a TinyDB file in the cache dir, rebuilt when the corpus, the schema or the code
that builds it changes.

Tables (DESIGN.md): ``meta``, ``documents``, ``passages``, ``entities``, ``mentions``, ``events``, and
``search`` (the search index, search_index.py: its head, then its postings about a MB a row).
The file holds each table as a line of UTF-8 JSON (orjson: no ``\\u`` escapes), decoded when first
used (tablefile.py), and is written atomically; a store that cannot be read is rebuilt, with a
message, never a crash.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, MutableMapping, Protocol

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from qualitytui import __version__
from qualitytui.core import collector, scan_cache, tablefile
from qualitytui.core.atomic import atomic_write, why_not_written
from qualitytui.core.files import Found, discover
from qualitytui.core.models import Skipped
from qualitytui.core.wording import counted

SCHEMA_VERSION = 6
TABLES = ("meta", "documents", "passages", "entities", "mentions", "events", "search")

Progress = Callable[[int, int, str], None]


def code_digest(package: Path) -> str:
    """A digest of the code and tables a build runs on: the package's core modules and data files."""
    digest = hashlib.blake2b(digest_size=8)
    for f in sorted(package.glob("core/*.py")) + sorted(package.glob("data/*.tsv")):
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """The package's version and its code's digest (2 ms): a store made by other rules is rebuilt,
    though the version number was not raised."""
    return f"{__version__}+{code_digest(Path(__file__).resolve().parent.parent)}"


def throttled(progress: Progress, seconds: float = 0.1) -> Progress:
    """``progress`` called at most every ``seconds``, and always for the first and the last file and
    the steps after them: a screen shows no more, and drawing every file of thousands costs time."""
    last = [float("-inf")]

    def call(done: int, total: int, name: str) -> None:
        now = time.monotonic()
        if now - last[0] >= seconds or done in (0, total):
            last[0] = now
            progress(done, total, name)

    return call


class StoreError(Exception):
    """The store file exists but cannot be used."""


class CorpusMissing(Exception):
    """The corpus folder does not exist (a usage error: exit 2)."""


class JSONStorage(Storage):
    """TinyDB storage that reads the file once, decodes each table on first use, and writes the
    file atomically. A store in an older format reads as empty, so it is rebuilt without a word."""

    def __init__(self, path: Path, data: MutableMapping[str, Any] | None = None):
        self.path = Path(path)
        self._data = data

    def read(self) -> MutableMapping[str, Any] | None:
        if self._data is None:
            if not self.path.exists():
                return None
            try:
                self._data = tablefile.decode(self.path.read_bytes())
            except tablefile.OlderFormat:
                self._data = tablefile.Tables()
            except (OSError, tablefile.TableFileError) as e:
                raise StoreError(f"cannot read {self.path}: {e}") from None
        return self._data

    def write(self, data: MutableMapping[str, Any]) -> None:
        atomic_write(self.path, tablefile.encode_parts(data))
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
    documents: list[dict[str, Any]]
    skipped: list[Skipped]
    seconds: float
    records: dict[str, list[Any]] = field(default_factory=dict)  # what scan_cache keeps of each file


def _stats(found: list[Found]) -> dict[str, list[int]]:
    out = {}
    for f in found:
        try:
            st = f.path.stat()
            out[f.rel] = [st.st_size, st.st_mtime_ns]
        except OSError:
            out[f.rel] = [-1, -1]
    return out


def current_files(found: list[Found], known: dict[str, Any]) -> dict[str, list[Any]]:
    """Each file's [size, mtime_ns, sha1]: the ``known`` entry when size and time are unchanged,
    else hashed anew (stat taken before the read, so a file changed meanwhile reads as stale)."""
    stats = _stats(found)
    out = {}
    for f in found:
        prev = known.get(f.rel)
        if prev and prev[:2] == stats[f.rel]:
            out[f.rel] = prev
            continue
        try:
            digest = hashlib.sha1(f.path.read_bytes()).hexdigest()
        except OSError:
            digest = "unreadable"
        out[f.rel] = stats[f.rel] + [digest]
    return out


def build(
    root: Path, found: list[Found], problems: list[tuple[str, str]], progress: Progress | None = None,
    previous: scan_cache.Previous | None = None,
) -> BuildResult:
    """Ingest every file (those ``previous`` holds as they are, from there) and lay out the store's
    tables (not yet written)."""
    with collector.paused():
        return _build(root, found, problems, progress, previous)


def _build(
    root: Path, found: list[Found], problems: list[tuple[str, str]], progress: Progress | None,
    previous: scan_cache.Previous | None,
) -> BuildResult:
    # a warm start needs neither the pipeline (segmenter, rules) nor the entity linker
    from qualitytui.core.copies import copied_passages, find_copies
    from qualitytui.core.entities import link
    from qualitytui.core.ingest import assign_ids
    from qualitytui.core.mention_table import table_rows
    from qualitytui.core.pipeline import Workers, index_in_background, jobs_wanted, process

    t0 = time.perf_counter()
    total = len(found)
    if progress:
        progress(0, total, found[0].rel if found else "")
    docs: list[dict[str, Any]] = []
    skipped = [Skipped(p, r) for p, r in problems]
    stats = _stats(found)  # before reading: a file changed during the build then reads as stale
    ids = assign_ids(found)
    reused = _reused(found, ids, previous) if previous else {}
    todo = [(f, i) for f, i in zip(found, ids) if f.rel not in reused]
    hashes: dict[str, str] = {}
    rows: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    scanned = []
    records: dict[str, list[Any]] = {}
    jobs = jobs_wanted(len(found))
    with Workers(jobs) as workers:
        fresh = process([f for f, _ in todo], None, jobs, workers, [i for _, i in todo])
        for done, f in enumerate(found, 1):
            r = reused.get(f.rel) or next(fresh)
            if progress:
                progress(done, total, r.rel)
            hashes[r.rel] = r.hash
            if r.skipped:
                skipped.append(r.skipped)
                continue
            docs.append(r.doc)
            rows += r.passages
            events += r.events
            scanned.append((r.doc["id"], r.rows))
            records[r.rel] = [r.hash, r.doc["id"], orjson.Fragment(r.scan) if isinstance(r.scan, bytes) else r.scan]
        copies = find_copies([d["id"] for d in docs], rows)
        copied = copied_passages(copies, rows) if copies else set()
        for d in docs:  # (a reused document's rows too: what it copies may have changed)
            d["copy_of"] = copies.get(d["id"])
        for p in rows:
            p.pop("copied", None)  # (a reused passage may carry the last build's mark)
            if p["id"] in copied:
                p["copied"] = True  # its text is its document's original's: counted there
        if copied:  # (a copied passage's dated items are stored, for a rebuild, but not shown)
            scanned = [(d, [r for r in rs if r[0]["id"] not in copied] if d in copies else rs) for d, rs in scanned]
        if progress:
            progress(total, total, "linking entities")
        # the index in a worker while entities are linked here: the two halves of the corpus-wide work
        index = index_in_background([p["text"] for p in rows], workers)
        events.sort(key=lambda e: (e["start"] or "", e["doc"], e["offset"][0]))
        entities = link(scanned)
        del scanned  # the tokens and candidates: let them go before the tables are laid out and encoded
        search = index()
    if progress:
        progress(total, total, "")
    meta = {
        "schema": SCHEMA_VERSION,
        "version": analysis_version(),
        "root": str(root),
        "fingerprint": fingerprint(hashes),
        "files": {rel: stats[rel] + [hashes[rel]] for rel in hashes},
        "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "reused": len(reused),  # files taken from the last build as they were (scan_cache), not read
        "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
    }
    from qualitytui.core.search_index import to_rows

    data = {
        "meta": {"1": meta},
        "documents": _table(docs),
        "passages": _table(rows),
        "entities": _table([e.to_dict() for e in entities]),
        "mentions": _table(table_rows(entities, rows)),
        "events": _table(events),
        "search": _table(to_rows(search)),
    }
    return BuildResult(data, docs, skipped, time.perf_counter() - t0, records)


def _reused(found: list[Found], ids: list[str], previous: scan_cache.Previous) -> dict[str, Any]:
    """rel → FileResult, for the files whose contents ``previous`` holds."""
    from qualitytui.core.normalize import passage_norms
    from qualitytui.core.pipeline import FileResult

    known = current_files([f for f in found if f.rel in previous.records], previous.files)
    out = {}
    for f, doc_id in zip(found, ids):
        digest = known[f.rel][2] if f.rel in known else None
        record = previous.reusable(f.rel, digest, doc_id) if digest else None
        if record is None:
            continue
        passages = previous.passages.get(doc_id, [])
        rows = scan_cache.rows_of(passages, passage_norms(passages), record)
        if rows is not None:
            out[f.rel] = FileResult(f.rel, digest, previous.documents[doc_id], None, passages,
                                    previous.events.get(doc_id, []), rows, record)
    return out


def _this_schema(meta: dict[str, Any]) -> bool:
    """Whether a store's meta row is of this schema and this version of the package."""
    return meta.get("schema") == SCHEMA_VERSION and meta.get("version") == analysis_version()


def fresh_files(meta: dict[str, Any], found: list[Found]) -> dict[str, Any] | None:
    """The store's files table brought up to date when the schema and the files' contents are the
    same as the store's, else None. Checked by stat first, hashing only files whose size or time
    changed."""
    if not _this_schema(meta):
        return None
    known = meta.get("files")
    if not isinstance(known, dict) or set(known) != {f.rel for f in found}:
        return None
    stats = _stats(found)
    if all(known[rel][:2] == stats[rel] for rel in known):
        return known
    files = current_files(found, known)
    return files if fingerprint({rel: v[2] for rel, v in files.items()}) == meta.get("fingerprint") else None


class Builder(Protocol):
    """Builds and saves a store somewhere other than in this call (build_process.SeparateBuild)."""

    def wanted(self, files: int) -> bool: ...

    def build(
        self, root: Path, store_path: Path, progress: Progress | None, reuse: bool = True
    ) -> tuple[MutableMapping[str, Any], list[str]] | None:
        """The saved store's tables and the notes for the user; None when it cannot start.
        ``reuse``: as build_and_save's."""


def open_store(
    root: Path, store_path: Path, force: bool = False, progress: Progress | None = None, builder: Builder | None = None
) -> tuple[TinyDB, bool, list[str]]:
    """The corpus store for ``root``: loaded when fresh, else built and saved (by ``builder`` when
    given and it wants this many files, else here).

    Returns (db, built, messages): messages are one-line notes for the user (why it was rebuilt,
    which files were skipped, why it could not be saved).
    """
    if not root.is_dir():
        raise CorpusMissing(missing_corpus(root))
    found, problems = discover(root)
    messages: list[str] = []
    if not force:
        try:
            opened = _open_fresh(store_path, found)
            if opened:
                return opened[0], False, opened[1]
        except (StoreError, tablefile.TableFileError) as e:
            messages.append(f"corpus store was unreadable and has been rebuilt ({e})")
    wanted = builder is not None and builder.wanted(len(found))
    built = builder.build(root, store_path, progress, reuse=not force) if wanted else None  # type: ignore[union-attr]
    if built is None:
        data, notes, _ = build_and_save(root, found, problems, store_path, progress, reuse=not force)
    else:
        data, notes = built
    return TinyDB(storage=JSONStorage, path=store_path, data=data), True, messages + notes


def build_and_save(
    root: Path, found: list[Found], problems: list[tuple[str, str]], store_path: Path, progress: Progress | None = None,
    reuse: bool = True,
) -> tuple[dict[str, Any], list[str], bool]:
    """Build the store and write it to ``store_path``, with what scan_cache keeps beside it; returns
    its tables, the notes for the user (why it could not be saved, which files were skipped) and
    whether it was saved. ``reuse``: take the files the last build read as they are now from it."""
    result = build(root, found, problems, progress, _previous(store_path) if reuse else None)
    notes, saved = [], True
    try:
        JSONStorage(store_path).write(result.data)
    except OSError as e:
        notes.append(f"could not save the corpus store to {store_path}: {why_not_written(e, store_path.parent, 'cache')}; "
                     "using it in memory")
        saved = False
    if saved:  # (after the store: with the store of before, it could be taken for its own)
        try:
            scan_cache.save(scan_cache.cache_path(store_path), analysis_version(), result.records)
        except OSError:
            pass  # the next build then reads every file: nothing is lost
    return result.data, notes + skip_notes(result.data["meta"]["1"]), saved


def _previous(store_path: Path) -> scan_cache.Previous | None:
    """The last build of this store, when it and what scan_cache kept of it are there and of this version."""
    saved = _usable_saved(store_path)
    if saved is None:
        return None
    _, data, meta = saved
    return scan_cache.load(data, meta, scan_cache.cache_path(store_path), analysis_version())


@dataclass
class Saved:
    """A saved store as found: its tables, its messages, and what changed in the folder since it was
    built (None: nothing, as far as sizes and times tell)."""

    db: TinyDB
    notes: list[str]
    changes: str | None


def open_saved(root: Path, store_path: Path) -> Saved | None:
    """The saved store for ``root`` when it is there, readable and of this schema and version; None
    otherwise. Nothing is built or hashed here, so it is quick enough for a UI thread: a store whose
    files' sizes or times changed comes with what changed, for the caller to show the last build
    while ``open_store`` (in the background) hashes what changed and rebuilds."""
    if not root.is_dir():
        return None
    saved = _usable_saved(store_path)
    if saved is None:
        return None
    _, data, meta = saved
    db = TinyDB(storage=JSONStorage, path=store_path, data=data)
    return Saved(db, skip_notes(meta), folder_changes(root, meta.get("files")))


def folder_changes(root: Path, known: Any) -> str | None:
    """What changed in the folder ``root`` since the build whose files table is ``known``, in a
    phrase (2 new files, 1 file changed); None when nothing did. Only sizes and times are read."""
    if not root.is_dir():
        return "the folder is gone"
    return _what_changed(known, _stats(discover(root)[0]))


def _what_changed(known: Any, stats: dict[str, list[int]]) -> str | None:
    """The files added, changed (by size or time) and gone since a build, in a phrase; None when
    there are none (``known``: the store's files table)."""
    if not isinstance(known, dict):
        return "files changed"
    new = sum(rel not in known for rel in stats)
    changed = sum(rel in known and known[rel][:2] != stat for rel, stat in stats.items())
    gone = sum(rel not in stats for rel in known)
    parts = [f"{counted(new, 'new file')}" if new else "", f"{counted(changed, 'file')} changed" if changed else "",
             f"{counted(gone, 'file')} gone" if gone else ""]
    return ", ".join(p for p in parts if p) or None


def _usable_saved(store_path: Path) -> tuple[JSONStorage, dict[str, Any], dict[str, Any]] | None:
    """_read_saved's, with a store that cannot be read as None too."""
    try:
        return _read_saved(store_path)
    except (StoreError, tablefile.TableFileError):
        return None


def _read_saved(store_path: Path) -> tuple[JSONStorage, dict[str, Any], dict[str, Any]] | None:
    """The saved store's storage, tables and meta row when it is there, whole and of this schema and
    version; None otherwise."""
    if not store_path.exists():
        return None
    storage = JSONStorage(store_path)
    data = storage.read() or {}
    meta = (data.get("meta") or {}).get("1") or {}
    if not all(t in data for t in TABLES) or not _this_schema(meta):
        return None
    return storage, data, meta


def _open_fresh(store_path: Path, found: list[Found]) -> tuple[TinyDB, list[str]] | None:
    saved = _read_saved(store_path)
    if saved is None:
        return None
    storage, data, meta = saved
    files = fresh_files(meta, found)
    if files is None:
        return None
    if files is not meta.get("files"):  # touched but unchanged: remember the new times, so the
        data["meta"] = {"1": dict(meta, files=files)}  # next start need not hash them again
        try:
            storage.write(data)
        except OSError:
            pass  # a read-only cache: hashed again next time, nothing lost
    return TinyDB(storage=JSONStorage, path=store_path, data=data), skip_notes(meta)


def missing_corpus(root: Path) -> str:
    """Why ``root`` cannot be opened as a corpus, in one line."""
    if root.exists():
        return f"the corpus is a folder of articles, not one file: {root} (its folder: {root.parent})"
    return f"corpus folder not found: {root}"


def skip_notes(meta: dict[str, Any]) -> list[str]:
    """One line per file the store's build skipped, with why."""
    return [f"skipped {s['path']}: {s['reason']}" for s in meta.get("skipped", [])]
