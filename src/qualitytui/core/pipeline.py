"""A build's per-file work (read, repair, dates, entity candidates) and how it is spread over cores.

Each file is read and analysed on its own, so files go to worker processes in chunks and come back
in file order; what needs the whole corpus (merging entities, mentions) is left to the caller, and
the search index can be built in a worker meanwhile (``index_in_background``). Small corpora,
one-core machines and ``QUALITYTUI_JOBS=1`` run in this process; a machine that cannot start
processes falls back to that too. Serial and parallel give the same result.
"""

from __future__ import annotations

import os
import signal
import sys
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from qualitytui.core import collector, scan_cache, search_index
from qualitytui.core.dates import extract_dates
from qualitytui.core.entities import Row, Tagger, scan_document
from qualitytui.core.files import Found
from qualitytui.core.ingest import assign_ids, read_document
from qualitytui.core.models import Skipped
from qualitytui.core.normalize import passage_norms

JOBS_ENV = "QUALITYTUI_JOBS"
PARALLEL_MIN_FILES = 200  # below this, starting the workers (≈0.4 s) costs more than they save
CHUNK = 40


@dataclass
class FileResult:
    rel: str
    hash: str
    doc: dict[str, Any] | None = None  # the documents row; None when skipped
    skipped: Skipped | None = None
    passages: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    scan: Any = None  # the rows as scan_cache keeps them: JSON bytes from a worker, or as read back


def process_files(items: list[tuple[Found, str]], tagger: Tagger) -> list[FileResult]:
    """Read, repair and analyse these (file, document id) pairs; a file that cannot be used comes back
    as skipped. The files go through each step together — all read, then all dated, then all
    scanned — so that one step's code and data stay in the processor's caches: file by file, each
    step evicted the last one's, and a chunk took 15% longer."""
    results: list[FileResult] = []
    read = []
    for found, doc_id in items:
        digest, doc = read_document(found, doc_id)
        if isinstance(doc, Skipped):
            results.append(FileResult(found.rel, digest, skipped=doc))
        else:
            results.append(FileResult(found.rel, digest))
            read.append((results[-1], doc))
    dated = []
    for r, doc in read:
        passages = [p.to_dict() for p in doc.passages]
        for p in passages:
            if p["original"] == p["text"]:
                del p["original"]  # stored only where it differs (Corpus puts it back): 24% of a store's bytes
        norms = passage_norms(passages)
        doc_date, dated_items = extract_dates(passages, norms=norms, path=r.rel)
        doc.date = doc_date.to_dict()
        doc.byline = doc.byline or doc_date.issuer  # an official document is by the body that signs it
        r.doc, r.passages, r.events = doc.to_dict(), passages, [i.to_dict(doc.id) for i in dated_items]
        dated.append((r, norms))
    for r, norms in dated:
        r.rows = scan_document(r.passages, tagger, norms)
        r.scan = scan_cache.encode(r.rows)
    return results


def _process_chunk(items: list[tuple[Found, str]]) -> list[FileResult]:
    from qualitytui.core.segment import get_segmenter

    tagger = get_segmenter().tag
    with collector.paused():
        return process_files(items, tagger)


def jobs_wanted(files: int) -> int:
    """How many processes to use for ``files`` files: the usable cores, or QUALITYTUI_JOBS."""
    try:
        jobs = int(os.environ.get(JOBS_ENV, "0"))
    except ValueError:
        jobs = 0
    if jobs <= 0:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        if files < PARALLEL_MIN_FILES:
            jobs = 1
    return max(1, min(jobs, files))


class Workers:
    """A build's worker processes, started once for the files and then given the search index
    (a fresh worker costs ≈0.3 s of imports and the segmenter's dictionary before it does anything).
    ``pool`` is None for one job, or when no process can start."""

    def __init__(self, jobs: int) -> None:
        self.pool = _pool(jobs) if jobs > 1 else None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers once their tasks in hand are done; tasks not yet started are dropped.
        (Even on Ctrl-C: a worker stopped while it sends a result leaves the pool waiting for the rest.)"""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def process(
    found: list[Found], on_done: Callable[[int, str], None] | None = None, jobs: int | None = None,
    workers: Workers | None = None, ids: list[str] | None = None,
) -> Iterator[FileResult]:
    """FileResults in file order, computed in ``jobs`` processes (default: ``jobs_wanted``), or by
    ``workers`` when given (the caller then closes them). ``ids``: the files' document ids, when
    they are some of a corpus's files (ingest.assign_ids of them all)."""
    items = list(zip(found, assign_ids(found) if ids is None else ids))
    jobs = jobs_wanted(len(items)) if jobs is None else jobs
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    own = workers is None
    if workers is None:
        workers = Workers(jobs if len(chunks) > 1 else 1)
    done = 0
    try:
        for results in _map_chunks(chunks, workers.pool):
            for r in results:
                done += 1
                if on_done:
                    on_done(done, r.rel)
                yield r
    finally:
        if own:
            workers.close()


def _map_chunks(chunks: list[list[tuple[Found, str]]], pool: Executor | None) -> Iterator[list[FileResult]]:
    if pool is None or len(chunks) < 2:
        yield from map(_process_chunk, chunks)
        return
    from concurrent.futures.process import BrokenProcessPool

    futures = []
    try:
        futures = [pool.submit(_process_chunk, c) for c in chunks]
        for chunk, fut in zip(chunks, futures):
            try:
                yield fut.result()
            except (BrokenProcessPool, OSError):  # a worker died or could not start: do it here
                yield _process_chunk(chunk)
    finally:  # also when the caller stops early: chunks not yet started are dropped, not waited for
        for fut in futures:
            fut.cancel()


def build_index(texts: list[str]) -> dict[str, Any]:
    """The stored search index of these passage texts (in store order)."""
    with collector.paused():
        return search_index.build(texts)


def index_in_background(texts: list[str], workers: Workers) -> Callable[[], dict[str, Any]]:
    """Start ``build_index(texts)`` in one of ``workers`` (their files are done by now, and the caller
    links entities on the other core); returns the function that waits for the index. Without a
    worker (one job, or none could start) the index is built when that function is called."""
    pool, future = workers.pool, None
    if pool is not None:
        try:
            future = pool.submit(build_index, texts)
        except (OSError, RuntimeError):  # (a broken pool raises a RuntimeError)
            pass

    def result() -> dict[str, Any]:
        if future is None:
            return build_index(texts)
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except (BrokenProcessPool, OSError):  # the worker died or could not start: do it here
            return build_index(texts)

    return result


def quiet() -> None:
    """A worker never writes to the terminal the app draws on (its errors come back as exceptions),
    and leaves Ctrl-C to the main process, which stops it: a worker that Ctrl-C interrupted while
    it sent a result back left the main process waiting for the rest of it, for ever."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def tracker_ready() -> None:
    """Start multiprocessing's resource tracker (which a spawned process needs) with its output on
    /dev/null. It is handed the caller's stderr, and under Textual that is a capture whose fileno()
    is -1: every process start then failed with "bad value(s) in fds_to_keep", and the app built
    in one process. Nor may the tracker's warnings reach the screen the app draws on."""
    if sys.platform == "win32":
        return  # no tracker there
    from multiprocessing import resource_tracker

    with open(os.devnull, "w") as null:
        stderr, sys.stderr = sys.stderr, null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = stderr


def _pool(jobs: int) -> Executor | None:
    """Worker processes: forked when nothing but this thread runs on Linux (a copy of this process
    needs no start-up: ≈0.3 s of imports and bootstrapping saved per worker), else started fresh
    (``spawn``), as forking a process with other threads (the app's, a progress bar's) is not safe."""
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"
    try:
        if method == "spawn":
            tracker_ready()
        return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method), initializer=quiet)
    except (OSError, ValueError, ImportError, NotImplementedError):
        return None
