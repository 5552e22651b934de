"""Passages exported with where they come from: Markdown citations to paste into a report, JSON, CSV.

Bookmarks (with their notes and tags) and a search's hits are written through ``table``.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Callable, Iterable

FORMATS = ("md", "json", "csv")
Docs = Callable[[str], "dict[str, Any] | None"]  # doc id → its documents row (None when it is gone)


def source_fields(doc_id: str, docs: Docs) -> dict[str, Any]:
    """The document's part of a citation: title, date (and whether inferred), source, file."""
    d = docs(doc_id) or {}
    date = d.get("date") or {}
    return {"title": d.get("title") or doc_id, "date": date.get("value") or "", "date_inferred": bool(date.get("inferred")),
            "source": d.get("byline") or "", "path": d.get("path") or ""}


def table(rows: list[dict[str, Any]], fmt: str, heading: str, columns: Iterable[str]) -> str:
    """``rows`` (source_fields plus passage and quote, and maybe note, tags, anchored) in ``fmt``:
    JSON as they are, CSV in ``columns``, Markdown as a numbered list of citations under ``heading``."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        w = csv.DictWriter(out, list(columns), extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({**r, "tags": "; ".join(r.get("tags") or [])})
        return out.getvalue()
    if fmt != "md":
        raise ValueError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
    lines = [f"# {heading}", ""]
    for n, r in enumerate(rows, 1):
        date = (r["date"] + " (inferred)" if r["date_inferred"] else r["date"]) or "n.d."
        source = f"{r['source']}, " if r["source"] else ""
        where = r["passage"] + ("" if r.get("anchored", True) else ", unanchored: the passage changed")
        head = f"{n}. 《{r['title']}》, {source}{date}"
        head += "" if head.endswith(".") else "."  # (n.d. has its own)
        lines.append(head + (f" {r['path']}, passage {where}." if r["path"] else f" Passage {where}."))
        lines.append(f"   > {' '.join(str(r['quote']).split())}")
        if r.get("note"):
            lines.append(f"   Note: {' '.join(r['note'].split())}")
        if r.get("tags"):
            lines.append(f"   Tags: {', '.join(r['tags'])}")
        lines.append("")
    return "\n".join(lines)


def passages(found: list[dict[str, Any]], fmt: str, docs: Docs, heading: str) -> str:
    """Passages (as stored: doc, id, text) cited in ``fmt``, in the order given."""
    rows = [{"rank": n, **source_fields(p["doc"], docs), "passage": p["id"], "quote": p["text"]} for n, p in enumerate(found, 1)]
    return table(rows, fmt, heading, ["rank", "title", "date", "source", "path", "passage", "quote"])
