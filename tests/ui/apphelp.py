"""Shared by the UI tests: an app on the seeds (or another folder) with the test's own dirs."""

from pathlib import Path

from qualitytui.paths import Paths
from qualitytui.ui.app import QualityApp

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def app_paths(tmp_path, corpus=None) -> Paths:
    return Paths.resolve(corpus or SEEDS, data_dir=tmp_path / "d", cache_dir=tmp_path / "c")


def make_app(tmp_path, corpus=None) -> QualityApp:
    """An app to run (it pauses the cycle collector from its making until its first frame)."""
    return QualityApp(app_paths(tmp_path, corpus))


async def settled(app):
    """Every worker of the app done. One may end cancelled, as the app means it to: preparing the
    last build is an exclusive worker that preparing a rebuilt corpus replaces, when the rebuild
    ends first (a fast machine's timing); the others are then waited for."""
    from textual.worker import WorkerCancelled

    for _ in range(20):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


async def ready(app, pilot):
    """The corpus open, the sidebar filled (just after the first frame), the search index loaded."""
    await settled(app)
    for _ in range(500):  # bounded: a corpus that fails to open never gets there
        if app.corpus is not None and app.sidebar_ready:
            break
        await pilot.pause()
    for _ in range(500):  # (its thread starts after the sidebar's next refresh: settled may come first)
        await settled(app)
        if app.corpus is None or app.prepared:
            break
        await pilot.pause()
    await settled(app)
    await pilot.pause()


async def search_for(app, pilot, query: str):
    """Open the search box, type ``query`` and wait for its results to be shown."""
    await pilot.press("slash", *query)
    await app.screen.workers.wait_for_complete()
    await pilot.pause()


def write_folder(tmp_path, name: str, files: dict[str, str]) -> Path:
    """A corpus folder ``name`` under ``tmp_path`` holding ``files`` (path → text, UTF-8; subfolders made)."""
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


async def open_timeline(app, pilot):
    """``t``: the timeline screen, and its list of items."""
    from qualitytui.ui.screens.timeline import TimelineScreen
    from qualitytui.ui.widgets.lazy_list import LazyList

    await pilot.press("t")
    assert isinstance(app.screen, TimelineScreen)
    return app.screen, app.screen.query_one("#timeline-items", LazyList)


async def filtered(screen, pilot):
    """The timeline's filter, as typed, applied and drawn (it runs in a thread)."""
    for _ in range(500):  # bounded
        await settled(screen.app)
        await pilot.pause()
        if not screen.filtering.running:
            return
    raise AssertionError("the timeline's filter never ended")


def group_starts(keys: list) -> list[int]:
    """The index of each run's first item in ``keys`` (each year's, each document's)."""
    return [k for k, key in enumerate(keys) if k == 0 or keys[k - 1] != key]
