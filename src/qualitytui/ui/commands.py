"""Command palette entries: jump to any document by title."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider


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
                yield Hit(score, matcher.highlight(label), partial(app.open_document, doc["id"]), help=doc["id"])
