"""Command palette entries: every action by name, and a jump to any document or entity by name."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content

from qualitytui.core.wording import counted

# (title, help, action) for the palette; the keys are in the footer and the help screen
ACTIONS = [
    ("Search", "search every passage: Chinese, pinyin, traditional (/)", "search"),
    ("Next search hit", "across documents (n)", "next_hit"),
    ("Previous search hit", "across documents (N)", "previous_hit"),
    ("Next document", "(])", "next_document"),
    ("Previous document", "([)", "previous_document"),
    ("First passage", "(g)", "first_passage"),
    ("Last passage", "(G)", "last_passage"),
    ("Documents list", "(d)", "focus_documents"),
    ("Entities", "the entity sidebar and its filter (e)", "focus_entities"),
    ("Timeline", "dated items on a year axis (t)", "timeline"),
    ("Mark entity mentions", "toggle the marks in the text (h)", "toggle_mentions"),
    ("Bookmark this passage", "toggle (b)", "toggle_bookmark"),
    ("Edit note and tags", "of this passage's bookmark (m)", "edit_note"),
    ("Bookmarks", "list, filter, open, remove, export (B)", "bookmarks"),
    ("Copy passage with citation", "to the clipboard (c)", "copy_passage"),
    ("Repairs", "what was repaired in this document (r)", "show_repairs"),
    ("Help", "every key (?)", "help"),
]


def action_commands(app) -> list[tuple[str, str, object]]:
    """(title, help, callback) for each action, for App.get_system_commands."""
    return [(title, help, partial(app.run_action, action)) for title, help, action in ACTIONS]


class DocumentCommands(Provider):
    async def search(self, query: str) -> Hits:
        app = self.app
        corpus = getattr(app, "corpus", None)
        if corpus is None:
            return
        matcher = self.matcher(query)
        for doc in corpus.documents():
            label = f"Open: {doc['title']}"
            score = max(matcher.match(label), matcher.match(doc["id"]))
            if score > 0:
                # help is read as markup unless it is Content already: an id comes from a file's path
                yield Hit(score, matcher.highlight(label), partial(app.open_document, doc["id"]), help=Content(doc["id"]))


class EntityCommands(Provider):
    async def search(self, query: str) -> Hits:
        app = self.app
        if getattr(app, "corpus", None) is None:
            return
        matcher = self.matcher(query)
        for ent in getattr(app, "entities", []):
            label = f"Entity: {ent['name']}"
            score = max([matcher.match(label)] + [matcher.match(a) for a in ent["aliases"]])
            if score > 0:
                help = f"{ent['type'].replace('_', ' ')} · {counted(ent['count'], 'mention')}"
                yield Hit(score, matcher.highlight(label), partial(app.show_entity, ent), help=help)
