"""Shared fixtures: every test gets its own data and cache dirs, never the user's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def seed_copies(dest: Path, copies: int) -> Path:
    """``dest`` filled with ``copies`` copies of the five seed articles (00-000_….txt, 01-000_….txt, …):
    a corpus large enough for worker processes."""
    dest.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        for f in sorted(SEEDS.glob("*.txt")):
            shutil.copy(f, dest / f"{k:02d}-{f.name}")
    return dest


@pytest.fixture(autouse=True)
def hermetic_dirs(tmp_path, monkeypatch):
    """Point the app's data and cache dirs into the test's temp folder."""
    data, cache = tmp_path / "data", tmp_path / "cache"
    monkeypatch.setenv("QUALITYTUI_DATA_DIR", str(data))
    monkeypatch.setenv("QUALITYTUI_CACHE_DIR", str(cache))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return data, cache


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A writable copy of the five seed articles."""
    dest = tmp_path / "corpus"
    shutil.copytree(SEEDS, dest)
    return dest


@pytest.fixture(scope="session")
def seed_docs():
    """The five seeds ingested once for the whole session (read-only use)."""
    from qualitytui.core.ingest import ingest

    docs, skipped = ingest(SEEDS)
    assert not skipped
    return {d.id[:3]: d for d in docs}
