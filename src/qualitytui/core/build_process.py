"""A store build in a child process, for the app: the app reads the store once it is saved.

Built in a thread of the app's own process, a build held the interpreter lock while it linked
entities: on 2 000 articles the screen froze for up to 0.59 s (0.18 s with the child), and an app
told to quit waited for the build to end, on a blank screen (up to 20 s on 10 000 articles). The
child starts with one thread, so it forks its workers (pipeline._pool), and ``cancel()`` stops it
and its workers at once. A store that could not be saved comes over the pipe instead.

Small corpora build in the calling process: starting the child costs more than their build.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

from qualitytui.core import tablefile
from qualitytui.core.atomic import temp_prefix
from qualitytui.core.pipeline import tracker_ready
from qualitytui.core.store import JSONStorage, Progress, build_and_save

CHILD_MIN_FILES = 200  # as pipeline.PARALLEL_MIN_FILES: below it the child's start-up (≈0.3 s) is the larger cost


class BuildFailed(RuntimeError):
    """The child process stopped without a store; the message is one line for the user."""


class BuildCancelled(BuildFailed):
    """``cancel()`` stopped the build."""


class SeparateBuild:
    """Builds corpus stores in a child process (store.Builder), one at a time."""

    def __init__(self, min_files: int | None = None, before_read: Callable[[], None] | None = None) -> None:
        """``before_read``: called once the child has saved the store, before it is read here (the
        app lets go of the corpus it showed meanwhile, so that two are never held at once)."""
        self.min_files = CHILD_MIN_FILES if min_files is None else min_files
        self.before_read = before_read
        self._proc: Any = None
        self._store_path: Path | None = None
        self._cancelled = False
        self._lock = threading.Lock()

    def wanted(self, files: int) -> bool:
        return files >= self.min_files

    def build(
        self, root: Path, store_path: Path, progress: Progress | None, reuse: bool = True
    ) -> tuple[MutableMapping[str, Any], list[str]] | None:
        """The built store's tables and notes; None when no process can start (the caller then
        builds). ``reuse``: as store.build_and_save's. Raises BuildFailed, or BuildCancelled."""
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")  # this process has threads (the app's): never fork it
        with self._lock:
            if self._cancelled:
                raise BuildCancelled("the build was cancelled")
            ours, theirs = ctx.Pipe(duplex=False)
            self._store_path = store_path
            try:
                tracker_ready()
                self._proc = ctx.Process(target=_child, args=(theirs, str(root), str(store_path), reuse), name="qualitytui-build")
                self._proc.start()
            except (OSError, ValueError, RuntimeError):  # no process to be had
                self._proc = None
                ours.close()
                return None
            finally:
                theirs.close()  # the child's own end: once the child is gone, a read here ends
        try:
            return self._receive(ours, store_path, progress)
        finally:
            ours.close()  # the child, done, is left to exit on its own (its heap takes a moment to free)

    def _receive(self, conn: Any, store_path: Path, progress: Progress | None) -> tuple[MutableMapping[str, Any], list[str]]:
        unsaved: bytes | None = None
        while True:
            try:
                kind, *body = conn.recv()
            except (EOFError, OSError):
                if self._cancelled:
                    raise BuildCancelled("the build was cancelled") from None
                self._proc.join(5)
                raise BuildFailed(f"the build process stopped unexpectedly (exit code {self._proc.exitcode})") from None
            if kind == "progress":
                if progress:
                    progress(*body)
            elif kind == "unsaved":  # the tables' bytes: the child could not write them
                unsaved = conn.recv_bytes()
            elif kind == "error":
                raise BuildFailed(body[0])
            else:  # "done"
                notes = body[0]
                if self.before_read is not None:
                    self.before_read()
                try:
                    data = tablefile.decode(unsaved) if unsaved is not None else JSONStorage(store_path).read()
                except (OSError, tablefile.TableFileError) as e:
                    raise BuildFailed(f"cannot read the store just built: {e}") from None
                if data is None:
                    raise BuildFailed(f"the store just built is gone: {store_path}")
                return data, notes

    def cancel(self) -> None:
        """Stop the build in progress, if any, with its workers; no later build starts."""
        with self._lock:
            self._cancelled = True
            proc = self._proc
        if proc is None or proc.exitcode is not None or proc.pid is None:
            return
        try:
            if hasattr(os, "killpg"):
                try:
                    os.killpg(proc.pid, signal.SIGKILL)  # the child leads its own group, workers included
                except ProcessLookupError:  # not leading it yet, so it has no workers yet either
                    proc.kill()
            else:
                proc.kill()
        except OSError:  # gone already
            return
        proc.join(5)
        if self._store_path is not None:  # killed while it wrote the store: its temp file stays behind
            for tmp in self._store_path.parent.glob(f"{temp_prefix(self._store_path, proc.pid)}*.tmp"):
                try:
                    tmp.unlink()
                except OSError:
                    pass


def _child(conn: Any, root: str, store_path: str, reuse: bool) -> None:
    """The child's work: build, save, and send back the notes (or the tables, when unsaved)."""
    from qualitytui.core.files import discover
    from qualitytui.core.pipeline import quiet

    quiet()  # the app draws on this terminal
    if hasattr(os, "setpgrp"):
        os.setpgrp()  # a group of its own, which its workers join: cancel() stops them all
    try:
        found, problems = discover(Path(root))
        data, notes, saved = build_and_save(
            Path(root), found, problems, Path(store_path), lambda done, total, name: conn.send(("progress", done, total, name)),
            reuse,
        )
        if not saved:
            conn.send(("unsaved",))
            conn.send_bytes(tablefile.encode(data))
        conn.send(("done", notes))
    except (BrokenPipeError, EOFError):  # the app has gone
        pass
    except BaseException as e:  # told to the app in one line, as an in-process build would raise it
        try:
            conn.send(("error", f"{type(e).__name__}: {e}"))
        except OSError:
            pass
    finally:
        conn.close()
