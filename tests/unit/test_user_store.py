"""The user store never loses a bookmark: atomic writes, locked merges, corrupt files set aside."""

import errno
import json
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from qualitytui.core import user_store
from qualitytui.core.bookmarks import Bookmarks
from qualitytui.core.user_store import UserStore, UserStoreError

PASSAGE = {"doc": "d", "id": "d#0", "text": "青岛市2022年“质量月”主题活动昨日举行。"}

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from qualitytui.core.bookmarks import Bookmarks
    from qualitytui.core.user_store import UserStore
    marks = Bookmarks(UserStore(Path(sys.argv[1])))
    for i in range(int(sys.argv[2])):
        b = marks.add({"doc": "d", "id": f"d#{i}", "text": f"第{i}段" * 20}, note=sys.argv[3])
        print(b["id"], flush=True)  # printed only once the write has landed
    """
)


def writer(path, count, note):
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(count), note], stdout=subprocess.PIPE, text=True)


def test_changes_are_saved_and_reread(tmp_path):
    path = tmp_path / "user.json"
    store = UserStore(path)
    store.set("theme", "nord")
    b = Bookmarks(store).add(PASSAGE, "开幕", ["质量月"])
    again = UserStore(path)
    assert again.get("theme") == "nord"
    assert [x["id"] for x in Bookmarks(again).all()] == [b["id"]]
    assert json.loads(path.read_text())["bookmarks"]  # a plain TinyDB JSON file


def test_a_corrupt_file_is_moved_aside_and_the_user_told(tmp_path):
    path = tmp_path / "user.json"
    path.write_text('{"bookmarks": {"1": {"id": "bm-1"')  # cut off mid-write by some other tool
    store = UserStore(path)
    assert len(store.messages) == 1 and "moved to" in store.messages[0]
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("user.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_text().startswith('{"bookmarks"')  # kept, not deleted
    assert Bookmarks(store).all() == []
    Bookmarks(store).add(PASSAGE)
    assert len(Bookmarks(UserStore(path)).all()) == 1


def test_a_valid_json_file_of_the_wrong_shape_is_also_set_aside(tmp_path):
    path = tmp_path / "user.json"
    path.write_text("[1, 2, 3]")
    store = UserStore(path)
    assert store.messages and not path.exists()


def test_a_data_dir_that_cannot_be_created_keeps_browsing_and_says_why(tmp_path):
    (tmp_path / "blocked").write_text("a file where the data folder should be")
    store = UserStore(tmp_path / "blocked" / "user.json")
    assert Bookmarks(store).all() == []
    with pytest.raises(UserStoreError, match="cannot be created"):
        Bookmarks(store).add(PASSAGE)
    assert store.read_only


def test_a_read_only_data_dir_loses_nothing_and_says_why(tmp_path, monkeypatch):
    path = tmp_path / "user.json"
    kept = Bookmarks(UserStore(path)).add(PASSAGE, "first")
    before = path.read_bytes()

    def refuse(*_a, **_k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(user_store, "atomic_write", refuse)
    store = UserStore(path)
    with pytest.raises(UserStoreError, match="read-only"):
        Bookmarks(store).add(PASSAGE, "second")
    assert path.read_bytes() == before
    assert [b["id"] for b in Bookmarks(store).all()] == [kept["id"]]


def test_writers_killed_at_random_moments_leave_a_valid_file_with_every_completed_bookmark(tmp_path):
    path = tmp_path / "user.json"
    rng = random.Random(11)
    completed: set[str] = set()
    deadline = time.monotonic() + 25
    rounds = 0
    while rounds < 25 and time.monotonic() < deadline:
        proc = writer(path, 1000, f"round {rounds}")
        time.sleep(rng.uniform(0.15, 0.6))  # interpreter start-up is ~0.1 s; kill mid-stream
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        completed.update(out.split())
        rounds += 1
        store = UserStore(path)
        assert store.messages == []  # never corrupt
        assert completed <= {b["id"] for b in Bookmarks(store).all()}
    assert rounds >= 10 and len(completed) > 20  # the kills really landed between many writes
    Bookmarks(UserStore(path)).add(PASSAGE)
    assert not list(tmp_path.glob(".user.json.*.tmp"))  # a killed writer's temp file is cleared


def test_two_processes_adding_at_once_keep_all_bookmarks(tmp_path):
    path = tmp_path / "user.json"
    procs = [writer(path, 40, "a"), writer(path, 40, "b")]
    ids = set()
    for p in procs:
        out, _ = p.communicate(timeout=60)
        assert p.returncode == 0
        ids.update(out.split())
    stored = Bookmarks(UserStore(path)).all()
    assert len(ids) == 80 and {b["id"] for b in stored} == ids
    assert sorted(b["note"] for b in stored).count("a") == 40
