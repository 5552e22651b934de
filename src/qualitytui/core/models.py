"""The data model shared by every layer (see DESIGN.md: document, passage)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PASSAGE_KINDS = ("title", "subtitle", "heading", "body", "caption", "byline", "furniture")


def passage_index(passage_id: str) -> int:
    """N of a passage id ``DOC#N``."""
    return int(passage_id.rsplit("#", 1)[1])


ENTITY_TYPES = ("person", "place", "organization", "company", "policy_document", "program_or_brand", "award", "event")
# the orders of the documents list: as in the folder, or by each document's (inferred) date
DOC_ORDERS = ("file", "newest", "oldest")
HIT_ORDERS = ("best", "newest", "oldest")  # a search's: best first, or by its documents' dates (sort:)


@dataclass
class Passage:
    """One paragraph of cleaned text; ``original`` is the file's text it was made from."""

    doc: str
    index: int
    kind: str
    text: str
    original: str
    line: int = 0  # 1-based line in the source file where it starts

    @property
    def id(self) -> str:
        return f"{self.doc}#{self.index}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc": self.doc,
            "index": self.index,
            "kind": self.kind,
            "text": self.text,
            "original": self.original,
            "line": self.line,
        }


@dataclass
class Document:
    """One source file after repair."""

    id: str
    path: str
    title: str
    subtitle: str | None
    byline: str | None
    encoding: str
    passages: list[Passage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    date: dict[str, Any] | None = None
    url: str | None = None  # the page's address, where the file gives it (a saved page, 原文链接：…)

    @property
    def chars(self) -> int:
        return sum(len(p.text) for p in self.passages)

    def to_dict(self) -> dict[str, Any]:
        """The `docs` JSON object (DESIGN.md); passages are stored apart."""
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "date": self.date,
            "url": self.url,
            "encoding": self.encoding,
            "passages": len(self.passages),
            "chars": self.chars,
            "warnings": list(self.warnings),
            "copy_of": None,  # set by the build: the original whose text holds this one's (copies.py)
        }


@dataclass(frozen=True)
class Skipped:
    """A file that was not read, and why (shown to the user as a warning)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.path}: {self.reason}"
