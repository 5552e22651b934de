"""The app's bookmark keys: toggle (b), note and tags (m), the list (B), export, copy with citation (c)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from qualitytui.core.atomic import atomic_write
from qualitytui.core.bookmarks import Bookmarks, citation, export, export_file
from qualitytui.core.models import passage_index
from qualitytui.core.user_store import UserStore, UserStoreError
from qualitytui.core.wording import counted
from qualitytui.paths import BUILTIN_FOLDER
from qualitytui.ui.widgets.passages import PassageList

if TYPE_CHECKING:
    from qualitytui.core.corpus import Corpus
    from qualitytui.core.search import Result
    from qualitytui.paths import Paths
    from qualitytui.ui.screens.bookmarks import BookmarksScreen


def clipboard_reachable() -> bool:
    """False where the terminal is known not to accept OSC 52 copies (macOS Terminal, the Linux console)."""
    return os.environ.get("TERM_PROGRAM") != "Apple_Terminal" and os.environ.get("TERM") != "linux"


class BookmarkActions:
    """Mixed into the app (QualityApp), whose corpus, user store and screens these use."""

    corpus: Corpus | None
    bookmarks: Bookmarks
    user: UserStore
    paths: Paths
    marked: set[str]
    hits: Result | None  # the last search

    def _refresh_marks(self) -> None:
        self.marked = self.bookmarks.passages()
        self.query_one(PassageList).set_bookmarked(self.marked)

    def _add_bookmark(self, p: dict[str, Any], note: str = "", tags: list[str] | tuple[str, ...] = ()) -> None:
        """Bookmark ``p`` with its document's citation as it is now (Bookmarks.add)."""
        self.bookmarks.add(p, note, tags, doc=self.corpus.document(p["doc"]) if self.corpus else None)

    def action_toggle_bookmark(self) -> None:
        p = self.query_one(PassageList).current
        if p is None:
            return
        try:
            existing = self.bookmarks.for_passage(p["id"])
            if existing:
                self.bookmarks.remove(existing["id"])
                self.notify("Bookmark removed.", timeout=3)
            else:
                self._add_bookmark(p)
                self.notify("Bookmarked. m adds a note and tags; B lists your bookmarks.", timeout=4)
        except UserStoreError as e:
            self.notify(str(e), severity="error", timeout=8)
        self._refresh_marks()

    def action_edit_note(self) -> None:
        p = self.query_one(PassageList).current
        if p is None:
            return
        b = self.bookmarks.for_passage(p["id"])

        def saved(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            note, tags = result
            try:
                if b:
                    self.bookmarks.update(b["id"], note=note, tags=[tags])
                else:
                    self._add_bookmark(p, note, [tags])
                self.notify("Note saved.", timeout=3)
            except UserStoreError as e:
                self.notify(str(e), severity="error", timeout=8)
            self._refresh_marks()

        from qualitytui.ui.screens.bookmarks import NoteScreen

        self.push_screen(NoteScreen(p["text"], b["note"] if b else "", b["tags"] if b else ()), saved)

    def action_bookmarks(self) -> None:
        if self.corpus is None:
            self.notify("The corpus is still opening.", timeout=3)
            return
        self.user.reload()  # another instance may have added some
        docs = {d["id"]: d for d in self.corpus.documents()}
        from qualitytui.ui.screens.bookmarks import BookmarksScreen

        self.push_screen(BookmarksScreen(self.bookmarks.listed(), docs), self._bookmark_chosen)

    def _bookmark_chosen(self, b: dict[str, Any] | None) -> None:
        if b is None:
            return
        if b.get("elsewhere"):
            how = "qualitytui" if b["elsewhere"] == BUILTIN_FOLDER else f"qualitytui --corpus {b['elsewhere']}"
            self.notify(f"This bookmark was made in another folder, {b['elsewhere']}; it is read there ({how}).",
                        severity="warning", timeout=8)
            return
        if not b.get("anchored", True) or self.corpus is None or not self.corpus.exact_document(b["doc"]):
            self.notify("This bookmark's passage is no longer in the corpus; its quote is kept in the list.",
                        severity="warning", timeout=6)
            return
        self.open_document(b["doc"], passage_index(b["passage"]))

    def remove_bookmark(self, bookmark_id: str, screen: BookmarksScreen) -> None:
        try:
            self.bookmarks.remove(bookmark_id)
        except (UserStoreError, KeyError) as e:
            self.notify(str(e), severity="error", timeout=8)
        screen.show(self.bookmarks.listed())
        self._refresh_marks()

    def _write_export(self, stem: str, fmt: str, text: str, what: str) -> None:
        """``text`` to a new file DATA/exports/STEM-….EXT, saying where (or why not)."""
        target = export_file(self.paths.data_dir / "exports", fmt, stem)
        try:
            atomic_write(target, text.encode())
        except OSError as e:
            self.notify(f"Could not write {target}: {e.strerror or e}", severity="error", timeout=8)
            return
        self.notify(f"{what} exported to {target}", timeout=8)

    def export_bookmarks(self, bookmarks: list[dict[str, Any]], fmt: str) -> None:
        assert self.corpus is not None
        self._write_export("bookmarks", fmt, export(bookmarks, fmt, self.corpus.exact_document),
                           counted(len(bookmarks), "bookmark"))

    def action_export_search(self) -> None:
        """Every passage the last search found, cited (as ctrl+s in the search box does)."""
        from qualitytui.ui.screens.bookmarks import ExportScreen

        if self.corpus is None or not self.hits or not self.hits.total:
            self.notify("Nothing found to export: search first (/).", timeout=4)
            return
        query = self.hits.query
        self.push_screen(ExportScreen(f"the {counted(self.hits.total, 'passage')} found by {query!r}"),
                         lambda fmt: fmt and self.export_search(query, fmt))

    def export_search(self, query: str, fmt: str) -> None:
        """Every hit of ``query`` (not only those the live list shows), in its order, cited in ``fmt``."""
        assert self.corpus is not None
        result = self.corpus.search(query, None)
        self._write_export("search", fmt, self.corpus.cite(result, fmt), counted(len(result.hits), "passage"))

    def export_timeline(self, items: list[dict[str, Any]], heading: str, fmt: str) -> None:
        """Dated items, as the timeline shows them, as a chronology with their sources in ``fmt``."""
        assert self.corpus is not None
        self._write_export("timeline", fmt, self.corpus.chronology(items, fmt, heading), counted(len(items), "dated item"))

    def action_copy_passage(self) -> None:
        p = self.query_one(PassageList).current
        if p is None or self.corpus is None:
            return
        text = citation(p, self.corpus.document(p["doc"]))
        if not clipboard_reachable():
            target = self.paths.data_dir / "clipboard.txt"
            try:
                atomic_write(target, text.encode())
                self.notify(f"This terminal cannot take a copy (no OSC 52); the citation was written to {target}",
                            severity="warning", timeout=8)
            except OSError as e:
                self.notify(f"This terminal cannot take a copy, and {target} cannot be written: {e.strerror}",
                            severity="error", timeout=8)
            return
        self.copy_to_clipboard(text)
        self.notify("Passage and citation copied to the clipboard (OSC 52).", timeout=3)
