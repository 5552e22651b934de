"""The user store: bookmarks, reading state and settings, in a TinyDB file that is never lost.

Every change runs under an exclusive lock on a side file, re-reads the file, applies the change and
writes the whole file atomically (temp file, fsync, rename). Two processes adding bookmarks at once
therefore keep each other's work, and a process killed mid-write leaves the old file or the new
one. A file that cannot be parsed is moved aside with a timestamp and the store starts empty; a
folder that cannot be written keeps the store readable and says why nothing can be saved.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from qualitytui.core.atomic import atomic_write, why_not_written

TABLES = ("bookmarks", "state")


class UserStoreError(Exception):
    """A change could not be saved; the message is one line for the user."""


class CorruptStore(Exception):
    """The file exists but is not a TinyDB document."""


class _AtomicJSON(Storage):
    """TinyDB storage: strict parse on read, atomic replace on write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.last: dict[str, Any] = {}  # what was last read or written: the store's cache, no re-read

    def read(self) -> dict[str, Any] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self.last = {}
            return None
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as e:
            raise CorruptStore(f"not JSON ({e})") from None
        if not isinstance(data, dict) or not all(
            isinstance(t, dict) and all(isinstance(d, dict) for d in t.values()) for t in data.values()
        ):
            raise CorruptStore("not a TinyDB document")
        self.last = data
        return data

    def write(self, data: dict[str, Any]) -> None:
        atomic_write(self.path, orjson.dumps(data, option=orjson.OPT_INDENT_2))
        self.last = data

    def close(self) -> None:
        pass


class UserStore:
    """The user's own data. ``messages`` holds what the user must be told (a file moved aside, …)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = path.with_name(path.name + ".lock")
        self.messages: list[str] = []
        self.read_only: str | None = None  # why changes cannot be saved, once known
        self._cache: dict[str, Any] | None = None
        try:
            self._cache = self._storage().read() or {}
        except CorruptStore as e:
            self._set_aside(str(e))
        except OSError as e:
            self.read_only = f"the user store {path} cannot be read: {e.strerror or e}"
            self._cache = {}

    def _storage(self) -> _AtomicJSON:
        return _AtomicJSON(self.path)

    def _set_aside(self, why: str) -> None:
        """Move an unreadable file aside (never delete it) and start empty."""
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        n = 1
        while aside.exists():
            n += 1
            aside = aside.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{n}")
        try:
            os.replace(self.path, aside)
            self.messages.append(f"The user store was unreadable ({why}); it was moved to {aside} and a new one started.")
        except OSError as e:
            self.read_only = f"the user store {self.path} is unreadable ({why}) and cannot be moved aside: {e.strerror}"
        self._cache = {}

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            self.read_only = why_not_written(e, self.path.parent, "data")
            raise UserStoreError(f"Cannot save: {self.read_only}.") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def change(self, fn: Callable[[TinyDB], Any]) -> Any:
        """Run ``fn`` on the freshest copy of the store under the lock; its writes land atomically."""
        with self._locked():
            for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):  # left by a killed writer
                stale.unlink(missing_ok=True)
            storage = self._storage()
            try:
                storage.read()
            except CorruptStore as e:
                self._set_aside(str(e))
            db = TinyDB(storage=lambda: storage)  # one storage: its ``last`` is the file as written
            try:
                result = fn(db)
            except OSError as e:
                self.read_only = why_not_written(e, self.path.parent, "data")
                raise UserStoreError(f"Cannot save: {self.read_only}.") from None
            self._cache = storage.last
            self.read_only = None
            return result

    def reload(self) -> None:
        """Re-read the file (another instance may have changed it)."""
        try:
            self._cache = self._storage().read() or {}
        except (CorruptStore, OSError):
            pass  # keep what we have; the next change deals with the file

    def rows(self, table: str) -> list[dict[str, Any]]:
        """The rows of ``table`` as last read, in insertion order."""
        data = (self._cache or {}).get(table, {})
        return [data[k] for k in sorted(data, key=int)]

    # -- small key/value state: theme, reading position, recent searches --------------------------

    def get(self, key: str, default: Any = None) -> Any:
        for row in self.rows("state"):
            if row.get("key") == key:
                return row.get("value", default)
        return default

    def set(self, key: str, value: Any) -> None:
        self.set_many({key: value})

    def set_many(self, values: dict[str, Any]) -> None:
        """Several keys in one write."""
        from tinydb import Query

        def put(db: TinyDB) -> None:
            for key, value in values.items():
                db.table("state").upsert({"key": key, "value": value}, Query().key == key)

        self.change(put)
