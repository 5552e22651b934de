"""The entity sidebar list (grouped by type, with counts) and the entity panel (its mentions in context)."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from qualitytui.core.models import ENTITY_TYPES
from qualitytui.core.normalize import printable
from qualitytui.ui.widgets.lazy_list import LazyList

TYPE_LABEL = {"person": "People", "place": "Places", "organization": "Bodies", "company": "Companies",
              "policy_document": "Policy documents", "program_or_brand": "Programmes & brands",
              "award": "Awards", "event": "Events"}
TYPE_STYLE = {"person": "underline", "place": "underline green", "organization": "underline cyan",
              "company": "underline magenta", "policy_document": "underline yellow",
              "program_or_brand": "underline blue", "award": "underline bright_yellow", "event": "underline red"}


class EntityList(OptionList):
    """Entities by type, most mentioned first; each option's id is the entity's id."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, **kwargs)
        self.by_id: dict[str, dict[str, Any]] = {}

    def show_entities(self, entities: list[dict[str, Any]]) -> None:
        self.by_id = {e["id"]: e for e in entities}
        options: list[Option] = []
        for t in ENTITY_TYPES:
            group = [e for e in entities if e["type"] == t]
            if not group:
                continue
            options.append(Option(Text(f"{TYPE_LABEL[t]} ({len(group)})", style="bold"), disabled=True))
            for e in group:
                prompt = Text(printable(e["name"]), overflow="ellipsis", no_wrap=True)
                prompt.append(f" {e['count']}", style="dim")
                options.append(Option(prompt, id=e["id"]))
        self.clear_options()
        self.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        self.highlighted = first


class EntityPanel(Vertical):
    """One entity: type, aliases, documents, and its mentions in context (``enter`` opens the next)."""

    def compose(self) -> ComposeResult:
        yield Static(id="entity-head")
        yield LazyList(id="entity-mentions")

    def show_entity(self, entity: dict[str, Any], count: int, row: Callable[[int], Text]) -> None:
        head = Text(printable(entity["name"]), style="bold")
        head.append(f"  {entity['type']} · {entity['count']} mentions in {len(entity['docs'])} documents", style="dim")
        if entity["aliases"]:
            head.append("\nalso: ", style="dim")
            head.append(printable("、".join(entity["aliases"])))
        head.append("\nenter: next mention · escape: close", style="dim italic")
        self.query_one("#entity-head", Static).update(head)
        self.query_one("#entity-mentions", LazyList).show(count, row)


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
