"""The corpus store: built when missing or stale, loaded as is when fresh, never a crash."""

import json
import os

import pytest

from qualitytui.core import store, tablefile
from qualitytui.core.corpus import Corpus, UnknownDocument
from qualitytui.paths import Paths


def open_corpus(corpus_dir, cache_dir, **kw):
    return Corpus.open(Paths.resolve(corpus_dir, cache_dir=cache_dir), **kw)


def test_first_open_builds_then_loads_as_is(seeds_copy, tmp_path):
    cache = tmp_path / "c"
    first = open_corpus(seeds_copy, cache)
    assert first.built and len(first.documents()) == 5
    second = open_corpus(seeds_copy, cache)
    assert not second.built
    assert second.documents() == first.documents()
    assert second.passages("004") == first.passages("004")


def test_store_file_is_a_header_then_one_utf8_json_line_per_table(seeds_copy, tmp_path):
    c = open_corpus(seeds_copy, tmp_path / "c")
    path = Paths.resolve(seeds_copy, cache_dir=tmp_path / "c").corpus_store
    raw = path.read_bytes()
    assert "质量强链".encode() in raw and b"\\u" not in raw
    header, *lines = raw.decode("utf-8").rstrip("\n").split("\n")
    layout = json.loads(header)["tables"]
    assert [name for name, _size, _crc in layout] == list(store.TABLES)
    assert [size for _name, size, _crc in layout] == [len(line.encode()) for line in lines]
    data = dict(zip(store.TABLES, map(json.loads, lines)))
    assert data["meta"]["1"]["schema"] == store.SCHEMA_VERSION
    assert len(data["passages"]) == sum(d["passages"] for d in c.documents())
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def stored_meta(path):
    return tablefile.decode(path.read_bytes())["meta"]["1"]


def test_changed_content_triggers_a_rebuild(seeds_copy, tmp_path):
    cache = tmp_path / "c"
    open_corpus(seeds_copy, cache)
    f = seeds_copy / "000_dd8c9580cc043703.txt"
    f.write_text("新的标题\n\n全新的正文内容。\n", encoding="utf-8")
    c = open_corpus(seeds_copy, cache)
    assert c.built and c.document("000")["title"] == "新的标题"


def test_touched_but_unchanged_files_do_not_rebuild(seeds_copy, tmp_path):
    cache = tmp_path / "c"
    open_corpus(seeds_copy, cache)
    for f in seeds_copy.iterdir():
        os.utime(f, (1, 1))  # new mtime, same bytes
    assert not open_corpus(seeds_copy, cache).built


def fresh(paths):
    """The corpus when its saved store is fresh by its files' sizes and times (an app's warm start
    shows it as it is), else None."""
    opened = Corpus.open_saved(paths)
    return opened[0] if opened and opened[1] is None else None


def test_the_quick_warm_open_only_compares_sizes_and_times(seeds_copy, tmp_path, monkeypatch):
    cache = tmp_path / "c"
    paths = Paths.resolve(seeds_copy, cache_dir=cache)
    assert Corpus.open_saved(paths) is None  # no store yet: nothing is built here
    assert not paths.corpus_store.exists()
    open_corpus(seeds_copy, cache)
    assert len(fresh(paths).documents()) == 5
    for f in seeds_copy.iterdir():
        os.utime(f, (1, 1))
    hashed = []
    real = store.current_files
    monkeypatch.setattr(store, "current_files", lambda *a: hashed.append(1) or real(*a))
    assert fresh(paths) is None and hashed == []  # touched: left to the full open
    assert not open_corpus(seeds_copy, cache).built and hashed == [1]  # which hashes, and finds them unchanged
    assert len(fresh(paths).documents()) == 5 and hashed == [1]  # and remembers the new times


def test_the_last_build_is_there_to_read_while_a_changed_folder_is_rebuilt(seeds_copy, tmp_path):
    paths = Paths.resolve(seeds_copy, cache_dir=tmp_path / "c")
    assert Corpus.open_saved(paths) is None  # nothing built yet
    open_corpus(seeds_copy, tmp_path / "c")
    corpus, changes = Corpus.open_saved(paths)
    assert changes is None and len(corpus.documents()) == 5
    files = sorted(seeds_copy.iterdir())
    (seeds_copy / "new.md").write_text("# 新文章\n\n一句话。\n", encoding="utf-8")
    files[0].unlink()
    with files[1].open("a", encoding="utf-8") as f:
        f.write("\n补充一段。\n")
    corpus, changes = Corpus.open_saved(paths)
    assert len(corpus.documents()) == 5 and not corpus.built  # as it was built
    assert changes == "1 new file, 1 file changed, 1 file gone"
    assert fresh(paths) is None


def test_added_or_removed_file_triggers_a_rebuild(seeds_copy, tmp_path):
    cache = tmp_path / "c"
    open_corpus(seeds_copy, cache)
    (seeds_copy / "new.md").write_text("# 新文章\n\n一句话。\n", encoding="utf-8")
    c = open_corpus(seeds_copy, cache)
    assert c.built and len(c.documents()) == 6
    (seeds_copy / "new.md").unlink()
    c = open_corpus(seeds_copy, cache)
    assert c.built and len(c.documents()) == 5


def test_schema_change_triggers_a_rebuild(seeds_copy, tmp_path, monkeypatch):
    cache = tmp_path / "c"
    open_corpus(seeds_copy, cache)
    monkeypatch.setattr(store, "SCHEMA_VERSION", store.SCHEMA_VERSION + 1)
    assert open_corpus(seeds_copy, cache).built


def test_a_store_built_by_other_code_is_rebuilt(seeds_copy, tmp_path, monkeypatch):
    cache = tmp_path / "c"
    open_corpus(seeds_copy, cache)
    assert not open_corpus(seeds_copy, cache).built
    monkeypatch.setattr(store, "analysis_version", lambda: "0.1.0+other-rules")
    assert open_corpus(seeds_copy, cache).built


def test_the_code_digest_follows_the_core_modules_and_tables_only(tmp_path):
    pkg = tmp_path / "pkg"
    for rel, text in {"core/rules.py": "A = 1\n", "data/places.tsv": "青岛市\n", "ui/app.py": "X = 1\n"}.items():
        (pkg / rel).parent.mkdir(parents=True, exist_ok=True)
        (pkg / rel).write_text(text, encoding="utf-8")
    first = store.code_digest(pkg)
    assert store.code_digest(pkg) == first
    (pkg / "ui/app.py").write_text("X = 2\n", encoding="utf-8")
    assert store.code_digest(pkg) == first  # the UI builds nothing
    (pkg / "core/rules.py").write_text("A = 2\n", encoding="utf-8")
    second = store.code_digest(pkg)
    assert second != first
    (pkg / "data/places.tsv").write_text("济南市\n", encoding="utf-8")
    assert store.code_digest(pkg) not in (first, second)
    assert store.analysis_version().startswith(store.__version__ + "+")


@pytest.mark.parametrize("garbage", [b"{not json", b"[1, 2]", b"", b'{"meta": {}}'])
def test_unreadable_store_is_rebuilt_with_a_message(seeds_copy, tmp_path, garbage):
    cache = tmp_path / "c"
    path = Paths.resolve(seeds_copy, cache_dir=cache).corpus_store
    path.parent.mkdir(parents=True)
    path.write_bytes(garbage)
    c = open_corpus(seeds_copy, cache)
    assert c.built and len(c.documents()) == 5
    if garbage in (b"{not json", b"[1, 2]", b""):
        assert any("unreadable" in m for m in c.messages)
    assert stored_meta(path)["schema"] == store.SCHEMA_VERSION


@pytest.mark.parametrize("damage", ["cut", "changed byte"])
def test_a_damaged_store_is_found_at_open_and_rebuilt_with_a_message(seeds_copy, tmp_path, damage):
    cache = tmp_path / "c"
    first = open_corpus(seeds_copy, cache)
    path = Paths.resolve(seeds_copy, cache_dir=cache).corpus_store
    raw = path.read_bytes()
    if damage == "cut":
        path.write_bytes(raw[: len(raw) // 2])
    else:  # still valid JSON, in the last table, which a start never decodes
        at = raw.rindex(b'"') - 1
        path.write_bytes(raw[:at] + bytes([raw[at] ^ 1]) + raw[at + 1 :])
    c = open_corpus(seeds_copy, cache)
    assert c.built and any("unreadable" in m for m in c.messages)
    assert c.passages("004") == first.passages("004")
    assert not open_corpus(seeds_copy, cache).built


def test_a_store_in_the_older_single_object_format_is_rebuilt_quietly(seeds_copy, tmp_path):
    import orjson

    cache = tmp_path / "c"
    open_corpus(seeds_copy, cache)
    path = Paths.resolve(seeds_copy, cache_dir=cache).corpus_store
    path.write_bytes(orjson.dumps(dict(tablefile.decode(path.read_bytes()))))
    c = open_corpus(seeds_copy, cache)
    assert c.built and c.messages == [] and len(c.documents()) == 5
    assert stored_meta(path)["schema"] == store.SCHEMA_VERSION


def test_read_only_cache_dir_still_opens_the_corpus(seeds_copy, tmp_path, monkeypatch):
    def refuse(path, data):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(store, "atomic_write", refuse)
    c = open_corpus(seeds_copy, tmp_path / "c")
    assert len(c.documents()) == 5
    assert any("could not save the corpus store" in m and "the cache folder" in m and "is read-only" in m for m in c.messages)


def test_full_disk_leaves_the_old_store_whole(seeds_copy, tmp_path, monkeypatch):
    cache = tmp_path / "c"
    open_corpus(seeds_copy, cache)
    path = Paths.resolve(seeds_copy, cache_dir=cache).corpus_store
    before = path.read_bytes()
    import errno

    real_fdopen = os.fdopen

    class FullFile:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *a):
            self.f.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        writelines = write

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullFile(real_fdopen(fd, mode)))
    c = open_corpus(seeds_copy, cache, force=True)
    assert any("could not save the corpus store" in m and "is full" in m for m in c.messages)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]


def test_skipped_files_are_reported_on_every_open(seeds_copy, tmp_path):
    (seeds_copy / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    cache = tmp_path / "c"
    assert any("broken.txt" in m for m in open_corpus(seeds_copy, cache).messages)
    again = open_corpus(seeds_copy, cache)
    assert not again.built and any("broken.txt" in m for m in again.messages)


def test_missing_corpus_folder(tmp_path):
    with pytest.raises(store.CorpusMissing):
        open_corpus(tmp_path / "nope", tmp_path / "c")


def test_resolve_ids_by_prefix_and_suggest_near_ones(seeds_copy, tmp_path):
    c = open_corpus(seeds_copy, tmp_path / "c")
    assert c.resolve("004") == "004_e0fac6992d39068e"
    with pytest.raises(UnknownDocument, match="ambiguous.*000_dd8c9580cc043703"):
        c.resolve("00")
    with pytest.raises(UnknownDocument, match="did you mean 004_e0fac6992d39068e"):
        c.resolve("004_e0fac6992d39068x")


def test_two_corpora_keep_separate_stores(seeds_copy, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("另一个标题\n\n另一段正文。\n", encoding="utf-8")
    cache = tmp_path / "c"
    open_corpus(seeds_copy, cache)
    open_corpus(other, cache)
    assert not open_corpus(seeds_copy, cache).built
    assert not open_corpus(other, cache).built


def test_prepare_builds_in_one_go_what_first_use_would(seeds_copy, tmp_path):
    import threading

    cache = tmp_path / "c"
    open_corpus(seeds_copy, cache)
    lazy, ready = open_corpus(seeds_copy, cache), open_corpus(seeds_copy, cache)
    doc = lazy.resolve("004")
    worker = threading.Thread(target=ready.prepare)
    worker.start()
    during = [ready.mentions_in(doc) for _ in range(50)]  # the UI may ask while it builds
    worker.join()
    top = max(lazy.entity_rows(), key=lambda e: e["count"])
    assert ready.entity_mentions(top["id"]) == lazy.entity_mentions(top["id"]) and len(lazy.entity_mentions(top["id"])) > 10
    assert all(d == lazy.mentions_in(doc) for d in during) and lazy.mentions_in(doc)
    assert ready.search("质量强链").total == lazy.search("质量强链").total > 0


def test_a_passages_original_is_stored_only_where_the_repairs_changed_it(seeds_copy, tmp_path):
    (seeds_copy / "plain.txt").write_text("示范标题\n\n一段正文，没有经过修复。\n", encoding="utf-8")
    corpus = open_corpus(seeds_copy, tmp_path / "c")
    (saved,) = (tmp_path / "c").glob("corpus-*.json")
    stored = {p["id"]: p for p in tablefile.decode(saved.read_bytes())["passages"].values()}
    plain = [p for p in stored.values() if p["doc"] == "plain"]
    assert plain and all("original" not in p for p in plain)
    repaired = [p for p in stored.values() if "original" in p]
    assert repaired and all(p["original"] != p["text"] for p in repaired)  # the print columns' line breaks
    for doc in (corpus.show("plain"), corpus.show("004")):
        assert all(p["original"] == (stored[p["id"]].get("original") or p["text"]) for p in doc["passages"])
    assert corpus.show("plain")["passages"][1]["original"] == "一段正文，没有经过修复。"


def test_the_store_is_written_in_parts_that_make_the_whole_file(seeds_copy, tmp_path):
    c = open_corpus(seeds_copy, tmp_path / "c")
    path = Paths.resolve(seeds_copy, cache_dir=tmp_path / "c").corpus_store
    data = tablefile.decode(path.read_bytes())
    assert path.read_bytes() == tablefile.encode(data) == b"".join(tablefile.encode_parts(data))
    assert len(tablefile.encode_parts(data)) == 2 + 2 * len(store.TABLES) and c.documents()
