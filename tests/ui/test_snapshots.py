"""Snapshots of the key screens at 120×40 and 80×24 (pytest-textual-snapshot).

Update after an intended change with `pytest tests/ui/test_snapshots.py --snapshot-update`, then look
at the SVGs in tests/ui/__snapshots__ before committing them.
"""

import pytest
from apphelp import make_app, ready

SIZES = [(120, 40), (80, 24)]


async def opened(pilot):
    await ready(pilot.app, pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, tmp_path, size):
    async def before(pilot):
        await opened(pilot)
        await pilot.press("j", "j", "b")  # a bookmarked passage shows its star
        pilot.app.clear_notifications()

    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_timeline(snap_compare, tmp_path, size):
    async def before(pilot):
        await opened(pilot)
        await pilot.press("t", "j", "j", "j")

    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_results(snap_compare, tmp_path, size, monkeypatch):
    monkeypatch.setattr("qualitytui.core.search._ms", lambda t0: 1.0)  # the one figure that varies
    async def before(pilot):
        await opened(pilot)
        await pilot.press("slash", *"质量强链")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=before)
