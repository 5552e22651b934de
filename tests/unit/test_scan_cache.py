"""A rebuild after a few files changed reads only those files, and makes the store a build from
nothing makes; a missing, damaged or outdated scans file only means every file is read."""

import pytest

from qualitytui.core import pipeline, scan_cache, store, tablefile
from qualitytui.core.build_process import SeparateBuild
from qualitytui.core.corpus import Corpus
from qualitytui.paths import Paths

TABLES = ("documents", "passages", "entities", "mentions", "events", "search")
ADDED = "新增的文章\n\n2026年3月5日，青岛市市场监管局召开质量大会，局长王建国出席。\n"


def _paths(corpus, cache):
    return Paths.resolve(corpus, cache_dir=cache)


def _tables(corpus):
    data = corpus.db.storage.read()
    return {name: data[name] for name in TABLES}


@pytest.fixture
def reads(monkeypatch):
    """The files the build reads (in this process: five files take no workers)."""
    seen = []
    real = pipeline.read_document

    def spy(found, doc_id):
        seen.append(found.rel)
        return real(found, doc_id)

    monkeypatch.setattr(pipeline, "read_document", spy)
    return seen


def _change(folder):
    """Add a file, change one, remove one; the names of the two read anew."""
    files = sorted(folder.glob("*.txt"))
    (folder / "zz-added.txt").write_text(ADDED, encoding="utf-8")
    with files[1].open("a", encoding="utf-8") as f:
        f.write("\n\n2026年4月1日，崂山区发布《质量提升行动方案》。\n")
    files[2].unlink()
    return {"zz-added.txt", files[1].name}


def test_a_rebuild_reads_only_the_changed_files_and_equals_a_build_from_nothing(seeds_copy, tmp_path, reads):
    Corpus.open(_paths(seeds_copy, tmp_path / "a"))
    assert scan_cache.cache_path(_paths(seeds_copy, tmp_path / "a").corpus_store).exists()
    anew = _change(seeds_copy)
    reads.clear()
    rebuilt = Corpus.open(_paths(seeds_copy, tmp_path / "a"))
    assert rebuilt.built and set(reads) == anew
    reads.clear()
    cold = Corpus.open(_paths(seeds_copy, tmp_path / "b"))
    assert len(reads) == 5  # (a sanity check of the spy: a build from nothing reads them all)
    assert _tables(rebuilt) == _tables(cold)
    assert rebuilt.document("zz-added")["title"] == "新增的文章"
    assert any(e["name"] == "王建国" for e in rebuilt.entities(type="person"))
    meta = {k: v for k, v in rebuilt.meta.items() if k not in ("built", "reused")}
    assert meta == {k: v for k, v in cold.meta.items() if k not in ("built", "reused")}
    assert (rebuilt.meta["reused"], cold.meta["reused"]) == (3, 0)


def test_build_counts_the_files_it_took_from_the_last_build(seeds_copy, tmp_path):
    from qualitytui.core.files import discover

    path = tmp_path / "corpus.json"
    store.build_and_save(seeds_copy, *discover(seeds_copy), path, reuse=False)
    _change(seeds_copy)
    result = store.build(seeds_copy, *discover(seeds_copy), None, store._previous(path))
    assert result.data["meta"]["1"]["reused"] == 3 and len(result.documents) == 5


def test_a_forced_build_reads_every_file(seeds_copy, tmp_path, reads):
    Corpus.open(_paths(seeds_copy, tmp_path / "a"))
    reads.clear()
    assert Corpus.open(_paths(seeds_copy, tmp_path / "a"), force=True).built
    assert len(reads) == 5


@pytest.mark.parametrize("spoil", ["missing", "garbage", "damaged", "other-version", "other-format"])
def test_a_scans_file_that_cannot_be_used_means_every_file_is_read(seeds_copy, tmp_path, reads, spoil):
    paths = _paths(seeds_copy, tmp_path / "a")
    Corpus.open(paths)
    scans = scan_cache.cache_path(paths.corpus_store)
    raw = scans.read_bytes()
    if spoil == "missing":
        scans.unlink()
    elif spoil == "garbage":
        scans.write_bytes(b"\x00not a table file")
    elif spoil == "damaged":
        at = len(raw) // 2
        scans.write_bytes(raw[:at] + bytes([raw[at] ^ 0x55]) + raw[at + 1 :])
    else:
        tables = tablefile.decode(raw)
        head = {"format": scan_cache.FORMAT, "version": "0-other"} if spoil == "other-version" else {"format": 0, "version": store.analysis_version()}
        scans.write_bytes(tablefile.encode({"meta": head, "files": tables["files"]}))
    _change(seeds_copy)
    reads.clear()
    rebuilt = Corpus.open(paths)
    assert rebuilt.built and not rebuilt.messages and len(reads) == 5
    assert _tables(rebuilt) == _tables(Corpus.open(_paths(seeds_copy, tmp_path / "b")))


def test_a_record_that_does_not_fit_its_passages_is_not_used(seeds_copy, tmp_path, reads):
    paths = _paths(seeds_copy, tmp_path / "a")
    Corpus.open(paths)
    scans = scan_cache.cache_path(paths.corpus_store)
    tables = tablefile.decode(scans.read_bytes())
    files = dict(tables["files"])
    victim = sorted(files)[0]
    files[victim] = [files[victim][0], files[victim][1], files[victim][2][:-1]]  # one passage short
    scans.write_bytes(tablefile.encode({"meta": tables["meta"], "files": files}))
    (seeds_copy / "zz-added.txt").write_text(ADDED, encoding="utf-8")
    reads.clear()
    rebuilt = Corpus.open(paths)
    assert set(reads) == {victim, "zz-added.txt"}
    assert _tables(rebuilt) == _tables(Corpus.open(_paths(seeds_copy, tmp_path / "b")))


def test_a_scans_file_that_cannot_be_written_loses_nothing(seeds_copy, tmp_path, monkeypatch):
    def refuse(path, data):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(scan_cache, "atomic_write", refuse)
    paths = _paths(seeds_copy, tmp_path / "a")
    c = Corpus.open(paths)
    assert c.built and not c.messages and paths.corpus_store.exists()
    assert not scan_cache.cache_path(paths.corpus_store).exists()
    assert not Corpus.open(paths).built  # the store itself was saved


def _forget_names(paths, rel):
    """Drop every name found in ``rel`` from the scans file: a build that reuses the file's record
    then finds no names there, one that reads the file again finds them."""
    scans = scan_cache.cache_path(paths.corpus_store)
    tables = tablefile.decode(scans.read_bytes())
    files = dict(tables["files"])
    digest, doc_id, record = files[rel]
    files[rel] = [digest, doc_id, [[starts, [], lists] for starts, _, lists in record]]
    scans.write_bytes(tablefile.encode({"meta": tables["meta"], "files": files}))
    return doc_id


@pytest.mark.parametrize("child", [False, True], ids=["here", "child-process"])
def test_a_reused_file_is_taken_from_the_scans_file_not_read_again(seeds_copy, tmp_path, child):
    paths = _paths(seeds_copy, tmp_path / "a")
    builder = SeparateBuild(min_files=1) if child else None
    first = Corpus.open(paths, builder=builder)
    kept = sorted(f.name for f in seeds_copy.glob("*.txt"))[0]
    doc_id = _forget_names(paths, kept)
    assert first.entities(doc=doc_id)
    (seeds_copy / "zz-added.txt").write_text(ADDED, encoding="utf-8")
    rebuilt = Corpus.open(paths, builder=SeparateBuild(min_files=1) if child else None)
    # names only that file had are gone (the others are still found there by the corpus-wide linking)
    named = {e["id"] for e in rebuilt.entities(doc=doc_id)}
    assert rebuilt.built and named < {e["id"] for e in first.entities(doc=doc_id)}
    assert rebuilt.entities(doc="zz-added")
    assert named < {e["id"] for e in Corpus.open(paths, force=True).entities(doc=doc_id)}  # (forced: read again)


@pytest.mark.parametrize("starts", [[0, 2, 3, 7], [0, 300, 301], [5, 6, 9], [0], []], ids=["short", "long-token", "not-from-0", "one", "none"])
def test_token_boundaries_come_back_as_they_were(starts):
    from array import array

    text = scan_cache._starts_text(array("I", starts))
    assert list(scan_cache._starts(text)) == starts


def test_files_only_touched_are_hashed_and_reused(seeds_copy, tmp_path, reads):
    import os

    paths = _paths(seeds_copy, tmp_path / "a")
    Corpus.open(paths)
    for f in seeds_copy.iterdir():
        os.utime(f, (1, 1))  # as a sync tool that does not keep times leaves them
    (seeds_copy / "zz-added.txt").write_text(ADDED, encoding="utf-8")
    reads.clear()
    rebuilt = Corpus.open(paths)
    assert rebuilt.built and reads == ["zz-added.txt"]
    assert _tables(rebuilt) == _tables(Corpus.open(_paths(seeds_copy, tmp_path / "b")))
    reads.clear()
    assert not Corpus.open(paths).built and not reads  # the new times were recorded


def test_what_a_rebuild_did_is_said_in_words():
    from qualitytui.core.wording import rebuilt_note

    assert rebuilt_note(2001, 2001, 1998) == "The store is rebuilt: 2001 documents; only 3 files read, 1998 as the last build had them."
    assert rebuilt_note(6, 6, 5) == "The store is rebuilt: 6 documents; only 1 file read, 5 as the last build had them."
    assert rebuilt_note(4, 4, 4) == "The store is rebuilt: 4 documents; no file needed reading again."  # a file removed
    assert rebuilt_note(5, 5, 0) == "The store is rebuilt: 5 documents."
