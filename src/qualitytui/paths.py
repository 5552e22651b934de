"""Every path the app uses, in one place. Nothing is created at import time."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "qualitytui"
DATA_ENV = "QUALITYTUI_DATA_DIR"
CACHE_ENV = "QUALITYTUI_CACHE_DIR"


def builtin_corpus_dir() -> Path:
    """The five shipped articles: inside the wheel, or at the repo root in a checkout."""
    packaged = Path(__file__).resolve().parent / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


BUILTIN_FOLDER = "the built-in articles"  # (a folder is an absolute path: no clash)


@dataclass(frozen=True)
class Paths:
    """Resolved locations for one run: the corpus, the data dir and the cache dir."""

    corpus: Path
    data_dir: Path
    cache_dir: Path
    builtin: bool

    @classmethod
    def resolve(
        cls,
        corpus: str | os.PathLike[str] | None = None,
        data_dir: str | os.PathLike[str] | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
    ) -> "Paths":
        from platformdirs import user_cache_dir, user_data_dir

        data = data_dir or os.environ.get(DATA_ENV) or user_data_dir(APP_NAME, appauthor=False)
        cache = cache_dir or os.environ.get(CACHE_ENV) or user_cache_dir(APP_NAME, appauthor=False)
        root = Path(corpus).expanduser() if corpus else builtin_corpus_dir()
        return cls(
            corpus=root.resolve() if root.exists() else root,
            data_dir=Path(data).expanduser(),
            cache_dir=Path(cache).expanduser(),
            builtin=corpus is None,
        )

    @property
    def corpus_store(self) -> Path:
        """The corpus store file: one per corpus folder, so two corpora never overwrite each other."""
        import hashlib

        key = "builtin" if self.builtin else hashlib.sha1(str(self.corpus).encode()).hexdigest()[:12]
        return self.cache_dir / f"corpus-{key}.json"

    @property
    def folder(self) -> str:
        """The corpus folder as bookmarks record it: its path, or BUILTIN_FOLDER (wherever the package is)."""
        return BUILTIN_FOLDER if self.builtin else str(self.corpus)

    @property
    def user_store(self) -> Path:
        return self.data_dir / "user.json"
