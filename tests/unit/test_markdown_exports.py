"""The Markdown exports read as a CommonMark reader reads them: one numbered item per citation, its
quote inside it (item 10 and on too), and a bookmark's note and tags apart from its quote."""

import sys
from datetime import date
from pathlib import Path

from qualitytui.core.bookmarks import export
from qualitytui.core.citations import chronology, passages

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from markdown_items import list_items  # noqa: E402

DOC = {"title": "甲文", "byline": "记者 孙晶", "path": "a.txt", "date": {"value": "2025-03-20", "inferred": True}}
QUOTES = [f"第{n}段讲青岛市质量月活动。" for n in range(12)]


def test_bookmarks_keep_quote_note_and_tags_apart_in_every_item():
    rows = [{"doc": "a", "passage": f"a#{n}", "quote": q, "note": f"笔记{n}", "tags": ["质量月", f"t{n}"],
             "anchored": True} for n, q in enumerate(QUOTES)]
    items, stray = list_items(export(rows, "md", lambda d: DOC))
    assert stray == [] and len(items) == 12
    for n, item in enumerate(items):
        assert item.quotes == [QUOTES[n]]
        assert item.paragraphs[0].startswith("《甲文》") and f"a#{n}" in item.paragraphs[0]
        assert item.paragraphs[1:] == [f"Note: 笔记{n}", f"Tags: 质量月, t{n}"]


def test_passages_found_keep_their_quotes_inside_their_items():
    found = [{"doc": "a", "id": f"a#{n}", "text": q} for n, q in enumerate(QUOTES)]
    items, stray = list_items(passages(found, "md", lambda d: DOC, "Search: 质量月"))
    assert stray == [] and [i.quotes for i in items] == [[q] for q in QUOTES]


def test_a_chronology_keeps_reference_and_quote_inside_each_item():
    dated = [{"doc": "a", "passage": f"a#{n}", "date_text": f"{2010 + n}年", "start": str(2010 + n), "end": None,
              "kind": "event", "title": QUOTES[n], "inferred": False, "inference_note": None} for n in range(12)]
    text = chronology(dated, "md", lambda d: DOC, lambda pid: QUOTES[int(pid[2:])], "Timeline", date(2026, 12, 3))
    items, stray = list_items(text)
    assert stray == [] and [i.quotes for i in items] == [[q] for q in QUOTES]
    assert all(i.paragraphs[0].startswith(f"**{2010 + n}**") and "a.txt" in i.paragraphs[1] for n, i in enumerate(items))
