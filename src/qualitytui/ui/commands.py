"""Command palette entries: every action by name, and a jump to any document or entity by name."""

from __future__ import annotations

import asyncio
import re
from functools import partial
from typing import Any, AsyncIterator, Callable

from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from qualitytui.core import pinyin
from qualitytui.core.wording import counted

# (title, help, action) for the palette; the keys are in the footer and the help screen
ACTIONS = [
    ("Search", "search every passage: Chinese, pinyin, traditional (/)", "search"),
    ("Find in this document", "search this document's passages: doc:… typed in (f)", "find_in_document"),
    ("Export search hits", "every passage the last search found, as citations (ctrl+s in search)", "export_search"),
    ("Next search hit", "across documents (n)", "next_hit"),
    ("Previous search hit", "across documents (N)", "previous_hit"),
    ("Next document", "(])", "next_document"),
    ("Previous document", "([)", "previous_document"),
    ("First passage", "(g)", "first_passage"),
    ("Last passage", "(G)", "last_passage"),
    ("Documents list", "(d)", "focus_documents"),
    ("Sort documents", "as in the folder, newest first, oldest first (s)", "sort_documents"),
    ("Filter documents", "by words of the title, byline or file, pinyin, a year, unread (d again, or f in the list)", "filter_documents"),
    ("Entities", "the entity sidebar and its filter (e)", "focus_entities"),
    ("Timeline", "dated items on a year axis (t)", "timeline"),
    ("Timeline of this entity", "the dated items of the passages naming the entity shown (t in its panel)", "show_entity_timeline"),
    ("Mark entity mentions and dates", "toggle the marks in the text (h)", "toggle_mentions"),
    ("Bookmark this passage", "toggle (b)", "toggle_bookmark"),
    ("Edit note and tags", "of this passage's bookmark (m)", "edit_note"),
    ("Bookmarks", "list, filter, open, remove, export (B)", "bookmarks"),
    ("Copy passage with citation", "to the clipboard (c)", "copy_passage"),
    ("Repairs", "what was repaired in this document (r)", "show_repairs"),
    ("Reload the folder", "read the files added, changed or gone since the articles shown were read (ctrl+r)", "reload"),
    ("Next group in the list", "entities by type, documents by year or folder, the timeline by year, mentions and hits by document (})", "next_group"),
    ("Previous group in the list", "({)", "previous_group"),
    ("Help", "every key (?)", "help"),
]


def action_commands(app) -> list[tuple[str, str, object]]:
    """(title, help, callback) for each action, for App.get_system_commands."""
    return [(title, help, partial(app.run_action, action)) for title, help, action in ACTIONS]


def _shown(matcher: Matcher, label: str, reads: list[re.Pattern[str]]) -> tuple[float, Content]:
    """How well ``label`` matches what was typed (fuzzily, or read as pinyin word by word: qingdao
    youpin → 青岛优品), and the label with the match marked. The label is data: Matcher.highlight
    would read it as markup (a title ``[@click=app.quit]x`` made a button, one with ``[/]`` raised)."""
    score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    if score > 0:
        content = Content(label)
        for i in offsets:
            if not label[i].isspace():
                content = content.stylize(matcher.match_style, i, i + 1)
        return score, content
    found = [m for pattern in reads if (m := pattern.search(label))]
    if not reads or len(found) < len(reads):
        return 0.0, _NOTHING
    content = Content(label)
    for m in found:
        content = content.stylize(matcher.match_style, m.start(), m.end())
    return 0.5 + 0.5 * sum(m.end() - m.start() for m in found) / len(label), content


_NOTHING = Content("")


def _could_match(query: str, reads: list[re.Pattern[str]]) -> Callable[[str], bool]:
    """A quick test that a name may match ``query``: its letters in order, as the fuzzy matcher needs
    them (a regex, in C), or, read as pinyin, every word's characters. The fuzzy matcher itself is run
    only on the names that pass: name by name, it took 200–300 ms a key on 45 000 entities."""
    query = query.rpartition(":")[2].strip()  # (Entity: 高善武, as the label reads: the name is 高善武)
    in_order = re.compile(".*?".join(map(re.escape, query)), re.IGNORECASE | re.DOTALL).search
    return lambda label: in_order(label) is not None or bool(reads) and all(p.search(label) for p in reads)


async def _now_and_then(rows: list[Any]) -> AsyncIterator[Any]:
    """``rows`` one by one, letting the app in every 2 000 of them: a key typed meanwhile is read,
    and the palette drops this search for the next."""
    for k, row in enumerate(rows):
        if k % 2000 == 1999:
            await asyncio.sleep(0)
        yield row


def _reading(query: str) -> list[re.Pattern[str]]:
    """What each typed word stands for as pinyin; none when a word cannot be read so."""
    words = query.split()
    patterns = [pinyin.pattern(w) if pinyin.is_pinyin_word(w) else None for w in words]
    return patterns if words and all(patterns) else []  # type: ignore[return-value]


class DocumentCommands(Provider):
    async def search(self, query: str) -> Hits:
        app = self.app
        corpus = getattr(app, "corpus", None)
        if corpus is None:
            return
        matcher, reads = self.matcher(query), _reading(query)
        may = _could_match(query, reads)
        async for doc in _now_and_then(corpus.documents()):
            if not (may(doc["title"]) or may(doc["id"])):  # (not the label's "Open:": "t" is in every one)
                continue
            label = f"Open: {doc['title']}"
            score, shown = _shown(matcher, label, reads)
            by_id = matcher.match(doc["id"])
            if max(score, by_id) > 0:
                about = doc["id"] + (f" · copy of {doc['copy_of']}" if doc.get("copy_of") else "")
                yield Hit(max(score, by_id), shown, partial(app.open_where_left, doc["id"]), help=Content(about))


class EntityCommands(Provider):
    async def search(self, query: str) -> Hits:
        app = self.app
        if getattr(app, "corpus", None) is None:
            return
        matcher, reads = self.matcher(query), _reading(query)
        may = _could_match(query, reads)
        async for ent in _now_and_then(getattr(app, "entities", [])):
            if not (may(ent["name"]) or any(map(may, ent["aliases"]))):  # (not the label's "Entity:")
                continue
            label = f"Entity: {ent['name']}"
            score, shown = _shown(matcher, label, reads)
            if not score:  # found by an alias (青啤 for 青岛啤酒): the name, then the alias marked
                score, alias = max((_shown(matcher, a, reads) for a in ent["aliases"]), key=lambda x: x[0], default=(0.0, None))
                if score:
                    shown = Content.assemble(label, "  ", alias)
            if score > 0:
                help = f"{ent['type'].replace('_', ' ')} · {counted(ent['count'], 'mention')}"
                yield Hit(score, shown, partial(app.show_entity, ent), help=Content(help))
