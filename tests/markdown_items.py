"""What a CommonMark reader makes of an export: each item of its numbered list, with the text of its
paragraphs and of its quotes, and the quotes that stand outside the list (markdown-it-py, which
Textual uses for its Markdown widget)."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt


@dataclass
class Item:
    paragraphs: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)


def list_items(text: str) -> tuple[list[Item], list[str]]:
    """(the ordered list's items in order, the text of the quotes outside any item)."""
    items: list[Item] = []
    stray: list[str] = []
    depth_item = depth_quote = 0
    for tok in MarkdownIt("commonmark").parse(text):
        if tok.type == "list_item_open":
            depth_item += 1
            if depth_item == 1:
                items.append(Item())
        elif tok.type == "list_item_close":
            depth_item -= 1
        elif tok.type == "blockquote_open":
            depth_quote += 1
        elif tok.type == "blockquote_close":
            depth_quote -= 1
        elif tok.type == "inline":
            if depth_quote and not depth_item:
                stray.append(tok.content)
            elif depth_quote:
                items[-1].quotes.append(tok.content)
            elif depth_item:
                items[-1].paragraphs.append(tok.content)
    return items, stray
