"""The build's per-file pipeline: the same result in one process or several, and how many it uses."""

import subprocess
import sys

import pytest

from qualitytui.core import pipeline
from qualitytui.core.files import discover
from qualitytui.paths import builtin_corpus_dir

from conftest import seed_copies


def _corpus(tmp_path, copies=3):
    seed_copies(tmp_path, copies)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8" * 3)  # UTF-16 BOM, then an unpaired surrogate
    return discover(tmp_path)[0]


def _plain(results):
    """The results to compare, with the token starts as lists."""
    return [(r.rel, r.hash, r.doc, r.skipped, r.passages, r.events,
             [(p, n, list(s), cs, ls) for p, n, s, cs, ls in r.rows]) for r in results]


def test_worker_processes_give_the_same_result_as_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK", 4)  # several chunks, so both workers get some
    found = _corpus(tmp_path)
    done = []
    serial = list(pipeline.process(found, jobs=1))
    parallel = list(pipeline.process(found, lambda n, rel: done.append((n, rel)), jobs=2))
    assert _plain(parallel) == _plain(serial)
    assert [r.rel for r in serial] == [f.rel for f in found]
    assert done == [(i, f.rel) for i, f in enumerate(found, 1)]
    assert sum(r.skipped is not None for r in serial) == 2
    assert all(r.rows for r in serial if r.doc)
    # the starts are the tokens' offsets, ending at the text's end, as an array for the alias walk
    assert all(type(starts).__name__ == "array" and starts[0] == 0 and starts[-1] == len(norm) and list(starts) == sorted(starts)
               for r in serial for _, norm, starts, *_ in r.rows)


def test_a_pool_that_cannot_start_means_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK", 4)
    monkeypatch.setattr(pipeline, "_pool", lambda jobs: None)
    found = _corpus(tmp_path, copies=1)
    assert _plain(pipeline.process(found, jobs=2)) == _plain(pipeline.process(found, jobs=1))


def test_jobs_follow_the_corpus_size_and_the_environment(monkeypatch):
    monkeypatch.delenv(pipeline.JOBS_ENV, raising=False)
    assert pipeline.jobs_wanted(5) == 1  # a few files: workers would cost more than they save
    monkeypatch.setattr(pipeline.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert pipeline.jobs_wanted(pipeline.PARALLEL_MIN_FILES) == 2
    monkeypatch.setenv(pipeline.JOBS_ENV, "1")
    assert pipeline.jobs_wanted(5000) == 1
    monkeypatch.setenv(pipeline.JOBS_ENV, "3")
    assert pipeline.jobs_wanted(2) == 2  # never more processes than files
    monkeypatch.setenv(pipeline.JOBS_ENV, "many")
    assert pipeline.jobs_wanted(5) == 1


def test_stopping_early_drops_the_chunks_not_started(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK", 1)
    found = _corpus(tmp_path, copies=4)
    results = pipeline.process(found, jobs=2)
    first = next(results)
    results.close()  # the generator's finally shuts the pool down without running the rest
    assert first.rel == found[0].rel and first.doc


def test_the_index_built_in_a_worker_is_the_one_built_here(monkeypatch):
    texts = ["青岛市2022年质量月活动", "质量强链 Quality", "", "质量强链"] * 50
    here = pipeline.index_in_background(texts, pipeline.Workers(1))()
    with pipeline.Workers(2) as workers:
        assert workers.pool is not None and pipeline.index_in_background(texts, workers)() == here
    assert here == pipeline.build_index(texts) and "质量" in here["postings"]
    monkeypatch.setattr(pipeline, "_pool", lambda jobs: None)  # no worker can start: built here
    with pipeline.Workers(2) as workers:
        assert pipeline.index_in_background(texts, workers)() == here


def test_the_index_is_built_by_the_workers_that_read_the_files(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK", 4)
    started = []
    real_pool = pipeline._pool
    monkeypatch.setattr(pipeline, "_pool", lambda jobs: started.append(jobs) or real_pool(jobs))
    found = _corpus(tmp_path, copies=1)
    with pipeline.Workers(2) as workers:
        results = list(pipeline.process(found, jobs=2, workers=workers))
        texts = [p["text"] for r in results for p in r.passages]
        index = pipeline.index_in_background(texts, workers)()
    assert started == [2]  # one pool for both, started once
    assert workers.pool is None  # closed on leaving the block
    assert _plain(results) == _plain(pipeline.process(found, jobs=1))
    assert index == pipeline.build_index(texts)



def _start_method() -> str:
    pool = pipeline._pool(1)
    try:
        return pool._mp_context.get_start_method()
    finally:
        pool.shutdown()


def test_workers_are_forked_on_linux_only_while_no_other_thread_runs():
    import threading

    alone = threading.active_count() == 1
    assert _start_method() == ("fork" if sys.platform == "linux" and alone else "spawn")
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert _start_method() == "spawn"
    finally:
        stop.set()
        thread.join()


def test_forked_and_spawned_workers_give_the_same_results(tmp_path, monkeypatch):
    import threading

    monkeypatch.setattr(pipeline, "CHUNK", 4)
    found = _corpus(tmp_path, copies=2)
    results = {}
    for threads in (1, 2):  # as if this thread ran alone (forked on Linux), or not (spawned)
        monkeypatch.setattr(threading, "active_count", lambda: threads)
        results[_start_method()] = _plain(pipeline.process(found, jobs=2))
    assert set(results) == ({"fork", "spawn"} if sys.platform == "linux" else {"spawn"})
    assert len({repr(r) for r in results.values()}) == 1 and len(results["spawn"]) == len(found)


def test_workers_start_when_stderr_has_no_file_descriptor():
    # as under Textual, whose capture of stderr says fileno() -1: multiprocessing's resource tracker
    # was handed it and every spawned worker failed to start. A process of its own: the tracker
    # starts once per process, and this one's may be running already.
    script = """
import os, sys, threading
from qualitytui.core import pipeline

class Capture:
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1

real = sys.stdout
sys.stderr = Capture()
box = []
worker = threading.Thread(target=lambda: box.append(pipeline._pool(2)))  # another thread: spawn, not fork
worker.start()
worker.join()
pool = box[0]
print("pool", pool is not None, file=real)
if pool is not None:
    print("pid", pool.submit(os.getpid).result(timeout=60) != os.getpid(), file=real)
    pool.shutdown()
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["pool", "True", "pid", "True"], out.stderr


def test_workers_leave_ctrl_c_to_the_main_process():
    # a worker that Ctrl-C stopped while it sent a result back left the pool waiting for the rest
    import signal

    # (a shell starts a background job with SIGINT ignored: this process takes it here whatever it inherited)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        pool = pipeline._pool(2)
        try:
            assert pool.submit(signal.getsignal, signal.SIGINT).result(timeout=60) == signal.SIG_IGN
        finally:
            pool.shutdown()
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # this process still takes it
    finally:
        signal.signal(signal.SIGINT, before)


def test_linking_lets_ctrl_c_through_once_per_document(monkeypatch):
    # compiled loops never run the interpreter, where Python acts on signals; a call to the
    # interpreted signals.checkpoint does, so linking stops within one document of a Ctrl-C
    from qualitytui.core import compiled, entities
    from qualitytui.core.segment import get_segmenter
    from qualitytui.core.store import build

    assert "signals" not in compiled.MODULES
    root = builtin_corpus_dir()
    built = build(root, *discover(root))
    docs = [(d["id"], [p for p in built.data["passages"].values() if p["doc"] == d["id"]]) for d in built.documents]
    scanned = [(doc_id, entities.scan_document(ps, get_segmenter().tag)) for doc_id, ps in docs]
    calls = []

    def interrupted():
        calls.append(1)
        if len(calls) == 7:  # in the second loop: five documents, then two more calls
            raise KeyboardInterrupt

    monkeypatch.setattr(entities, "checkpoint", interrupted)
    with pytest.raises(KeyboardInterrupt):
        entities.link(scanned)
    assert len(calls) == 7  # nothing ran on to the next checkpoint


def test_an_official_document_is_by_the_body_that_signs_it(tmp_path):
    (tmp_path / "通知.txt").write_text("关于印发质量提升行动方案的通知\n\n各区、市人民政府：\n\n现将方案印发给你们，请认真贯彻执行。\n\n"
                                     "青岛市人民政府办公厅\n2025年3月5日\n", encoding="utf-8")
    (tmp_path / "报道.txt").write_text("质量月活动启动\n\n青岛早报记者 姜丹宁\n\n昨日，质量月活动启动。\n", encoding="utf-8")
    docs = {r.rel: r.doc for r in pipeline.process(discover(tmp_path)[0], jobs=1)}
    assert docs["通知.txt"]["byline"] == "青岛市人民政府办公厅"
    assert docs["通知.txt"]["date"]["evidence"] == ["signed: 2025年3月5日"]
    assert docs["报道.txt"]["byline"] == "青岛早报记者 姜丹宁"  # a byline of its own stays
