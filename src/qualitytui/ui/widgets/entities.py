"""The entity sidebar list (grouped by type, with counts) and the entity panel (its mentions in context)."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from qualitytui.core.models import ENTITY_TYPES
from qualitytui.core.normalize import printable
from qualitytui.core.wording import counted
from qualitytui.ui.widgets.lazy_list import LazyList

TYPE_LABEL = {"person": "People", "place": "Places", "organization": "Bodies", "company": "Companies",
              "policy_document": "Policy documents", "program_or_brand": "Programmes & brands",
              "award": "Awards", "event": "Events"}
TYPE_STYLE = {"person": "underline", "place": "underline green", "organization": "underline cyan",
              "company": "underline magenta", "policy_document": "underline yellow",
              "program_or_brand": "underline blue", "award": "underline bright_yellow", "event": "underline red"}
DATE_STYLE = "bold italic"  # a date marked with the mentions (h): not underlined, as no entity is


class EntityList(LazyList):
    """Entities by type under a heading with the type's count, most mentioned first.

    Drawn lazily: a large corpus has tens of thousands of entities, and filtering redraws the list
    on every key typed in the filter box.
    """

    BINDINGS = [Binding("f", "app.filter_entities", "Filter", id="entities.filter"),
                Binding("full_stop", "app.entities_here", "This document", key_display=".", id="entities.here"),
                Binding("right_curly_bracket", "next_group", "Next type", key_display="}", id="entities.next_type")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows: list[dict[str, Any] | tuple[str, int]] = []  # an entity, or (type, count) for a heading

    def show_entities(self, entities: list[dict[str, Any]]) -> None:
        groups: dict[str, list[dict[str, Any]]] = {t: [] for t in ENTITY_TYPES}
        for e in entities:
            groups.setdefault(e["type"], []).append(e)
        rows: list[dict[str, Any] | tuple[str, int]] = []
        for t, group in groups.items():
            if group:
                rows.append((t, len(group)))
                rows.extend(group)
        self.rows = rows
        self.show(len(rows), self._prompt, 0, self.entity_at, self._count, group=self._type_at)

    def _type_at(self, i: int) -> str:
        row = self.rows[i]
        return row["type"] if isinstance(row, dict) else row[0]

    def entity_at(self, i: int) -> dict[str, Any] | None:
        row = self.rows[i]
        return row if isinstance(row, dict) else None

    def _prompt(self, i: int) -> Text:
        row = self.rows[i]
        if not isinstance(row, dict):
            t, n = row  # the heading in the type's marks (h) as well: their key
            return Text(f"{TYPE_LABEL.get(t, t)} ({n})", style="bold " + TYPE_STYLE.get(t, ""))
        return Text(printable(row["name"]))

    def _count(self, i: int) -> Text:
        """An entity's mention count, kept in view when its name is cut to the width."""
        row = self.rows[i]
        return Text(str(row["count"]), style="dim") if isinstance(row, dict) else Text()


WITHIN_SHOWN = 3  # of the longer names holding an entity's, in its panel


class EntityPanel(Vertical):
    """One entity: type, aliases, documents, the entities most often mentioned with it (``1``–``5``
    open one), and its mentions in context (``enter`` opens the next)."""

    BINDINGS = [Binding(str(k), f"app.open_related({k - 1})", f"Mentioned with {k}", show=False,
                        id=f"entity.with{k}") for k in range(1, 6)] + [
        Binding("F", "app.search_with_entity", "Add to the last search", show=False, id="entity.search_with"),
    ]  # (t, its timeline: QualityApp.action_timeline; f, a search of its passages: action_find_in_document)

    def compose(self) -> ComposeResult:
        # the keys in the panel's top border: a row of its own was cut from a small screen's panel
        self.border_title = "enter next · t timeline · f/F search · esc close"  # (whole at 80 columns)
        yield Static(id="entity-head")
        yield LazyList(id="entity-mentions")

    def show_entity(self, entity: dict[str, Any], count: int, row: Callable[[int], Text],
                    related: list[tuple[dict[str, Any], int]] = (), years: str = "",
                    within: list[dict[str, Any]] = (), group: Callable[[int], object] | None = None) -> None:
        """``years``: its documents by year (wording.by_year); ``within``: the entities whose names
        hold its name (Corpus.named_within); ``group(i)``: mention ``i``'s document (} and { step by it)."""
        head = Text(printable(entity["name"]), style="bold")
        head.append(f"  {entity['type']} · {counted(entity['count'], 'mention')} in {counted(len(entity['docs']), 'document')}", style="dim")
        if years and len(entity["docs"]) > 1:
            head.append("\nby year: ", style="dim")
            head.append(years)
        if entity["aliases"]:
            head.append("\nalso: ", style="dim")
            head.append(printable("、".join(entity["aliases"])))
        if related:
            head.append("\nwith (1–5): ", style="dim")
            for k, (other, shared) in enumerate(related, 1):
                head.append(f"{' · ' if k > 1 else ''}{k} ", style="bold")
                head.append(printable(other["name"]))
                head.append(f" {shared}", style="dim")
        if within:
            head.append("\nin names: ", style="dim")
            for k, other in enumerate(within[:WITHIN_SHOWN]):
                head.append(" · " if k else "", style="dim")
                head.append(printable(other["name"]))
                head.append(f" {other['count']}", style="dim")
            if len(within) > WITHIN_SHOWN:
                head.append(f" · {len(within) - WITHIN_SHOWN} more", style="dim")
        self.query_one("#entity-head", Static).update(head)
        self.query_one("#entity-mentions", LazyList).show(count, row, group=group)


def context_prompt(where: str, snippet_text: str, spans: list[tuple[int, int]]) -> Text:
    """``where`` then the mention in its words, the mention marked."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(printable(where), style="dim")
    text.append("  ")
    body = Text(printable(snippet_text))
    for a, b in spans:
        body.stylize("reverse", a, b)
    text.append_text(body)
    return text
