"""The app's builds in a child process: the same store as a build here, notes and errors carried
back, a store that cannot be saved handed over the pipe, and a build that can be stopped."""

import multiprocessing
import os
import threading
import time

import pytest

from qualitytui.core import build_process, pipeline
from qualitytui.core.atomic import temp_prefix
from qualitytui.core.build_process import BuildCancelled, BuildFailed, SeparateBuild
from qualitytui.core.corpus import Corpus
from qualitytui.paths import Paths

from conftest import seed_copies

TABLES = ("documents", "passages", "entities", "mentions", "events", "search")


def _paths(corpus, cache):
    return Paths.resolve(corpus, cache_dir=cache)


def _running_in_group(pgid):
    """Processes of the group not yet dead (a killed worker may linger as a zombie until reaped)."""
    out = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] not in "ZX":
            out.append(int(entry))
    return out


def _tables(corpus):
    data = corpus.db.storage.read()
    return {name: data[name] for name in TABLES}


def test_a_child_builds_the_same_store_as_this_process(seeds_copy, tmp_path):
    (seeds_copy / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    seen = []
    builder = SeparateBuild(min_files=1)
    child = Corpus.open(_paths(seeds_copy, tmp_path / "a"), progress=lambda *p: seen.append(p), builder=builder)
    here = Corpus.open(_paths(seeds_copy, tmp_path / "b"))
    assert builder._proc is not None and builder._proc.pid != os.getpid()  # it did run elsewhere
    assert child.built and _tables(child) == _tables(here)
    assert child.messages == here.messages and any("broken.txt" in m for m in child.messages)
    assert [p[:2] for p in seen[:6]] == [(0, 6)] + [(i, 6) for i in range(1, 6)]
    assert seen[-1][:2] == (6, 6)
    again = Corpus.open(_paths(seeds_copy, tmp_path / "a"), builder=SeparateBuild(min_files=1))
    assert not again.built and _tables(again) == _tables(here)  # saved by the child


def test_small_corpora_build_in_this_process(seeds_copy, tmp_path):
    builder = SeparateBuild()  # 5 files: below CHILD_MIN_FILES
    assert Corpus.open(_paths(seeds_copy, tmp_path / "c"), builder=builder).built
    assert builder._proc is None


def test_a_store_the_child_cannot_save_comes_over_the_pipe(seeds_copy, tmp_path):
    cache = tmp_path / "not-a-folder"
    cache.write_text("a file where the cache folder should be")
    corpus = Corpus.open(_paths(seeds_copy, cache), builder=SeparateBuild(min_files=1))
    assert len(corpus.documents()) == 5 and corpus.search("质量月").hits
    assert any("could not save the corpus store" in m and "(a file is in the way)" in m for m in corpus.messages)
    assert _tables(corpus) == _tables(Corpus.open(_paths(seeds_copy, tmp_path / "b")))


def test_an_error_in_the_child_comes_back_as_one_line(tmp_path, monkeypatch):
    # the child's function run here (its output and process group left alone), then the parent's side
    monkeypatch.setattr(pipeline, "quiet", lambda: None)
    monkeypatch.setattr(os, "setpgrp", lambda: None)

    def boom(*a):
        raise ValueError("boom")

    monkeypatch.setattr(build_process, "build_and_save", boom)
    ours, theirs = multiprocessing.Pipe(duplex=False)
    build_process._child(theirs, str(tmp_path), str(tmp_path / "store.json"), True)
    sent = ours.recv()
    assert sent == ("error", "ValueError: boom")

    class Conn:
        def recv(self):
            return sent

    with pytest.raises(BuildFailed, match="^ValueError: boom$"):
        SeparateBuild()._receive(Conn(), tmp_path / "store.json", None)


def test_a_child_that_dies_is_a_clear_failure(seeds_copy, tmp_path):
    builder = SeparateBuild(min_files=1)

    def kill(done, total, name):
        if done == 1:
            os.killpg(builder._proc.pid, 9)

    with pytest.raises(BuildFailed, match=r"stopped unexpectedly \(exit code -9\)"):
        Corpus.open(_paths(seeds_copy, tmp_path / "c"), progress=kill, builder=builder)


def test_cancel_stops_the_child_and_its_workers_at_once(tmp_path, monkeypatch):
    corpus = seed_copies(tmp_path / "many", 240)  # enough for the child to start two workers and be busy a while
    # (with 80 the build could end before the cancel came: a full run failed so once, 2026-12-02)
    builder = SeparateBuild(min_files=1)
    started = threading.Event()
    monkeypatch.setenv("QUALITYTUI_JOBS", "2")

    def progress(done, total, name):
        if done >= 1:
            started.set()

    failure = []

    def run():
        try:
            Corpus.open(_paths(corpus, tmp_path / "c"), progress=progress, builder=builder)
        except BaseException as e:  # noqa: BLE001 - the test looks at it
            failure.append(e)

    thread = threading.Thread(target=run)
    thread.start()
    assert started.wait(60)
    assert len(_running_in_group(builder._proc.pid)) >= 3  # the child and its two workers
    store = _paths(corpus, tmp_path / "c").corpus_store
    store.parent.mkdir(parents=True, exist_ok=True)
    theirs = store.parent / f"{temp_prefix(store, builder._proc.pid)}abc.tmp"  # as if killed while writing
    others = store.parent / f"{temp_prefix(store, 1)}abc.tmp"  # another process's, still writing
    theirs.write_bytes(b"half a store")
    others.write_bytes(b"half a store")
    t0 = time.monotonic()
    builder.cancel()
    thread.join(10)
    assert not thread.is_alive() and time.monotonic() - t0 < 5
    assert failure and isinstance(failure[0], BuildCancelled)
    builder._proc.join(5)
    assert builder._proc.exitcode == -9
    assert _running_in_group(builder._proc.pid) == []  # the whole group: the workers too
    assert not list((tmp_path / "c").glob("corpus-*.json"))
    assert not theirs.exists() and others.exists()
    with pytest.raises(BuildCancelled):  # and no later build starts
        builder.build(corpus, tmp_path / "c" / "x.json", None)


def test_cancel_right_after_the_start_stops_the_child_too(seeds_copy, tmp_path):
    # before the child has made its own process group there is no group to stop, only the child
    builder = SeparateBuild(min_files=1)
    failure = []
    thread = threading.Thread(target=lambda: _open_catching(builder, seeds_copy, tmp_path, failure))
    thread.start()
    while builder._proc is None and thread.is_alive():
        time.sleep(0.001)
    builder.cancel()
    thread.join(30)
    assert not thread.is_alive() and builder._proc is not None
    builder._proc.join(5)
    assert builder._proc.exitcode == -9
    assert len(failure) == 1 and isinstance(failure[0], BuildCancelled)


def _open_catching(builder, corpus, tmp_path, failure):
    try:
        Corpus.open(_paths(corpus, tmp_path / "c"), builder=builder)
    except BaseException as e:  # noqa: BLE001 - the test looks at it
        failure.append(e)
