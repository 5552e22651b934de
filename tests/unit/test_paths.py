"""Paths: the built-in corpus ships with the package; dirs come from options, env, or the platform."""

from pathlib import Path

from qualitytui.paths import Paths, builtin_corpus_dir

SEED_NAMES = sorted(p.name for p in (Path(__file__).resolve().parents[2] / "seeds").iterdir())


def test_builtin_corpus_holds_the_five_seeds():
    assert len(SEED_NAMES) == 5
    assert sorted(p.name for p in builtin_corpus_dir().iterdir()) == SEED_NAMES


def test_options_beat_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("QUALITYTUI_CACHE_DIR", str(tmp_path / "env-cache"))
    p = Paths.resolve(cache_dir=tmp_path / "opt-cache")
    assert p.cache_dir == tmp_path / "opt-cache"
    assert Paths.resolve().cache_dir == tmp_path / "env-cache"


def test_platform_dirs_when_nothing_is_set(monkeypatch, tmp_path):
    monkeypatch.delenv("QUALITYTUI_CACHE_DIR")
    monkeypatch.delenv("QUALITYTUI_DATA_DIR")
    p = Paths.resolve()
    assert p.cache_dir == tmp_path / "xdg-cache" / "qualitytui"
    assert p.data_dir == tmp_path / "xdg-data" / "qualitytui"


def test_resolving_creates_nothing(tmp_path):
    p = Paths.resolve(cache_dir=tmp_path / "c", data_dir=tmp_path / "d")
    _ = p.corpus_store, p.user_store
    assert not (tmp_path / "c").exists() and not (tmp_path / "d").exists()
