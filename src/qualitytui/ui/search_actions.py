"""The app's search keys: the search box (/), find in this document (f), the last search with an
entity added (F in its panel), and stepping through the hits (n, N)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qualitytui.core.models import passage_index
from qualitytui.core.normalize import printable

if TYPE_CHECKING:
    from qualitytui.core.corpus import Corpus
    from qualitytui.core.search import Result
    from qualitytui.core.user_store import UserStore

RECENT_SEARCHES = 20


class SearchActions:
    """Mixed into the app (QualityApp), whose corpus, document shown and user store these use."""

    corpus: Corpus | None
    doc_id: str | None
    entity: dict[str, Any] | None
    user: UserStore
    hits: Result | None  # the last search
    hit_index: int
    last_query: str

    def action_search(self) -> None:
        if self.corpus is None:
            self.notify("The corpus is still opening.", timeout=3)
            return
        from qualitytui.ui.screens.search import SearchScreen

        self.push_screen(SearchScreen(self.corpus, self.last_query, self.user.get("searches", [])), self._search_closed)

    def action_find_in_document(self) -> None:
        """Search this document only: the search box opens with its doc: filter typed in; from the
        entity panel, the passages naming its entity: entity:NAME (as t there is its timeline)."""
        if self.corpus is None or self.doc_id is None:
            self.notify("The corpus is still opening.", timeout=3)
            return
        from qualitytui.core.query import doc_filter, filter_term
        from qualitytui.ui.screens.search import SearchScreen

        panel = self._entity_panel()
        if panel is not None and panel.display and panel.has_focus_within and self.entity is not None:
            typed = filter_term("entity", self.entity["name"]) + " "
        else:
            typed = doc_filter(self.doc_id) + " "
        self.push_screen(SearchScreen(self.corpus, typed, self.user.get("searches", []), select=False), self._search_closed)

    def action_search_with_entity(self) -> None:
        """From the entity panel: the last search with entity:NAME added, the passages naming this
        entity among those it found (entity:高善武 then F on 青岛市: the passages naming both)."""
        if self.corpus is None or self.entity is None:
            return
        from qualitytui.core.query import filter_term
        from qualitytui.ui.screens.search import SearchScreen

        recent = self.user.get("searches", [])
        last = recent[0].strip() if recent else ""
        term = filter_term("entity", self.entity["name"])
        typed = last if term in last.split() else f"{last} {term}".strip()
        self.push_screen(SearchScreen(self.corpus, typed + " ", recent, select=False), self._search_closed)

    def _search_closed(self, chosen: tuple[Result, int] | None) -> None:
        if chosen is None:
            return
        self.hits, self.hit_index = chosen
        self.last_query = self.hits.query
        recent = [self.last_query] + [q for q in self.user.get("searches", []) if q != self.last_query]
        self._save("searches", recent[:RECENT_SEARCHES])
        self._show_hit()

    def _hit_marks(self, doc_id: str) -> dict[str, list[tuple[int, int, str]]]:
        """Every search match in this document, for the pane's highlighting."""
        marks: dict[str, list[tuple[int, int, str]]] = {}
        for h in self.hits.hits if self.hits else ():
            if h.doc == doc_id:
                marks.setdefault(h.passage, []).extend((s, e, "reverse") for s, e in h.matches)
        return marks

    def _show_hit(self) -> None:
        if not self.hits or not self.hits.hits:
            return
        hit = self.hits.hits[self.hit_index]
        self.open_document(hit.doc, passage_index(hit.passage))
        shown = len(self.hits.hits)
        of = f" of {self.hits.total}" if self.hits.total > shown else ""
        self.sub_title = f"search {printable(self.hits.query)} · hit {self.hit_index + 1}/{shown}{of} (n / N)"

    def _step_hit(self, delta: int) -> None:
        if not self.hits or not self.hits.hits:
            self.notify("No search yet: press / to search.", timeout=3)
            return
        self.hit_index = (self.hit_index + delta) % len(self.hits.hits)
        self._show_hit()

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)
