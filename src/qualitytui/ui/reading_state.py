"""The app's reading state: where each document was left, the documents read (a ✓ in the list), the
reading position of each folder, and ] / [ through the documents."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qualitytui.core.models import passage_index
from qualitytui.ui.widgets.doc_list import DocList
from qualitytui.ui.widgets.passages import PassageList

if TYPE_CHECKING:
    from qualitytui.core.corpus import Corpus
    from qualitytui.core.user_store import UserStore
    from qualitytui.paths import Paths

POSITIONS_KEPT = 50  # folders whose reading position is kept, the longest unopened go first
READ_KEPT = 10_000  # documents whose reading state is kept (about 0.5 MB of user.json); the longest unread go first


class ReadingState:
    """Mixed into the app (QualityApp), whose corpus, document shown and user store these use."""

    corpus: Corpus | None
    doc_id: str | None
    doc_order: str
    reading: dict[str, int]  # a document's key (_read_key) → the passage it was left at, last read last
    user: UserStore
    paths: Paths

    def _step_document(self, delta: int) -> None:
        if self.corpus is None or self.doc_id is None:
            return
        shown = next((d.doc_ids for d in self.query(DocList) if self.doc_id in d.doc_ids), None)
        ids = shown or self.corpus.doc_ids(self.doc_order)  # (as the list shows them: those its filter keeps)
        i = (ids.index(self.doc_id) + delta) % len(ids)
        self.open_where_left(ids[i])

    def _read_key(self, doc_id: str) -> str:
        """A document's key in ``reading``: its file's hash (the same when the file is renamed or
        moved, or read in another folder; another when it changes), else its id."""
        return (self.corpus.file_hash(doc_id) if self.corpus else None) or doc_id

    def _was_read(self, doc_id: str) -> bool:
        return self._read_key(doc_id) in self.reading

    def open_where_left(self, doc_id: str) -> None:
        """Open ``doc_id`` at the passage it was left at, if it was read before (else at its start)."""
        self.open_document(doc_id, self.reading.get(self._read_key(doc_id), 0))

    def _leave_document(self) -> None:
        """Note the passage the document read is left at (saved with the reading position)."""
        current = self.query_one(PassageList).highlighted
        if self.doc_id and current is not None:
            self._note_read(self.doc_id, current)

    def _note_read(self, doc_id: str, at: int) -> None:
        """``doc_id`` read up to passage ``at``; the documents list marks it, the first time. The map
        is kept in the order documents were last read, and to READ_KEPT of them."""
        key = self._read_key(doc_id)
        new = self.reading.pop(key, None) is None
        self.reading[key] = at
        while len(self.reading) > READ_KEPT:
            del self.reading[next(iter(self.reading))]
        if new:
            for doc_list in self.query(DocList):
                doc_list.was_read(doc_id)

    def action_next_document(self) -> None:
        self._step_document(1)

    def action_previous_document(self) -> None:
        self._step_document(-1)

    def _save_position(self) -> None:
        """The reading position, and where each document read was left (one write)."""
        current = self.query_one(PassageList).current if self.doc_id and self.corpus else None
        if not current:
            return
        at = passage_index(current["id"])
        self._note_read(self.doc_id, at)
        folder = self.paths.folder
        saved = self._position_here()
        if (saved.get("doc"), saved.get("passage")) != (self.doc_id, at) or self.user.get("read") != self.reading:
            # with the file's hash: a file renamed or moved is still found (document_of_file)
            here = {"doc": self.doc_id, "passage": at, "file": self.corpus.file_hash(self.doc_id), "folder": folder}
            kept = self.user.get("positions")
            positions = {f: w for f, w in (kept.items() if isinstance(kept, dict) else ()) if f != folder}
            positions[folder] = here  # (last, as the most recent)
            while len(positions) > POSITIONS_KEPT:
                del positions[next(iter(positions))]
            self._save_many({"position": here, "positions": positions, "read": dict(self.reading)})

    def _position_here(self) -> dict[str, Any]:
        """Where the reader was in this folder: its own position, else the last one saved if it was
        in this folder (or saved before positions named their folder), else nothing."""
        kept = self.user.get("positions")
        if isinstance(kept, dict) and isinstance(kept.get(self.paths.folder), dict):
            return kept[self.paths.folder]
        last = self.user.get("position")
        return last if isinstance(last, dict) and last.get("folder", self.paths.folder) == self.paths.folder else {}

    def _position_elsewhere(self, corpus: Corpus) -> dict[str, Any]:
        """For a folder with no position of its own (new, or moved or renamed since): the most recent
        position saved in any folder whose file this one holds, else nothing."""
        last = self.user.get("position")
        kept = self.user.get("positions")
        saved = [last] + list(reversed(kept.values() if isinstance(kept, dict) else ()))
        for where in saved:
            if isinstance(where, dict) and where.get("file") and corpus.document_of_file(where["file"]):
                return dict(where, doc="")
        return {}
