"""Passages exported with where they come from: Markdown citations to paste into a report, a
reference list in the GB/T 7714—2015 style of Chinese papers, JSON, CSV.

Bookmarks (with their notes and tags) and a search's hits are written through ``table``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date as Date
from typing import Any, Callable, Iterable

FORMATS = ("md", "json", "csv", "gbt")
SUFFIX = {"md": "md", "gbt": "txt", "json": "json", "csv": "csv"}  # an export file's, by format
Docs = Callable[[str], "dict[str, Any] | None"]  # doc id → its documents row (None when it is gone)


def source_fields(doc_id: str, docs: Docs) -> dict[str, Any]:
    """The document's part of a citation: title, date (and whether inferred), source, file."""
    d = docs(doc_id) or {}
    date = d.get("date") or {}
    return {"title": d.get("title") or doc_id, "date": date.get("value") or "", "date_inferred": bool(date.get("inferred")),
            "source": d.get("byline") or "", "path": d.get("path") or "", "url": d.get("url") or ""}


def table(rows: list[dict[str, Any]], fmt: str, heading: str, columns: Iterable[str], today: Date | None = None) -> str:
    """``rows`` (source_fields plus passage and quote, and maybe note, tags, anchored) in ``fmt``:
    JSON as they are, CSV in ``columns``, Markdown as a numbered list of citations under ``heading``,
    GB/T 7714 as a numbered reference list (``today`` is the day a web page is cited on)."""
    if fmt == "gbt":
        return _reference_list(rows, heading, today or Date.today())
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
        where = r["passage"] + ("" if r.get("anchored", True) else ", unanchored: the passage changed")
        parts = ["> " + " ".join(str(r["quote"]).split())]
        if r.get("note"):
            parts.append("Note: " + " ".join(r["note"].split()))
        if r.get("tags"):
            parts.append("Tags: " + ", ".join(r["tags"]))
        lines += _md_item(n, reference(r, where), parts)
    return "\n".join(lines)


def _md_item(n: int, head: str, parts: list[str]) -> list[str]:
    """A numbered Markdown list item: its head, then each part a block of its own, indented to the
    item's text (4 spaces from item 10 on) and apart from the next, so that a reader keeps it in the
    item and a note after a quote is not read as more of the quote."""
    pad = " " * len(f"{n}. ")
    lines = [f"{n}. {head}"]
    for part in parts:
        lines += ["", pad + part]
    return lines + [""]


def reference(r: dict[str, Any], where: str) -> str:
    """《title》, source, date. file, passage ``where``. <address> — from ``source_fields``."""
    date = (r["date"] + " (inferred)" if r["date_inferred"] else r["date"]) or "n.d."
    head = f"《{r['title']}》, " + (f"{r['source']}, " if r["source"] else "") + date
    head += "" if head.endswith(".") else "."  # (n.d. has its own)
    return (head + (f" {r['path']}, passage {where}." if r["path"] else f" Passage {where}.")
            + (f" <{r['url']}>" if r.get("url") else ""))


def passages(found: list[dict[str, Any]], fmt: str, docs: Docs, heading: str) -> str:
    """Passages (as stored: doc, id, text) cited in ``fmt``, in the order given."""
    rows = [{"rank": n, **source_fields(p["doc"], docs), "passage": p["id"], "quote": p["text"]} for n, p in enumerate(found, 1)]
    return table(rows, fmt, heading, ["rank", "title", "date", "source", "path", "url", "passage", "quote"])


# a byline's roles, with what may stand before them (首席记者, 青报全媒体 记者), and what may open it
_ROLES = re.compile(r"\s*(?:首席|特约|全媒体|融媒体|见习|实习)?(?:记者|通讯员|实习生|撰稿人?|摄影|编辑)\s*")
_BYLINE_LEAD = re.compile(r"^(?:本版撰稿|本版编辑|文/|文：|文:)\s*")
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,5}")


def byline_parts(byline: str) -> tuple[str, list[str]]:
    """(the outlet, the people) a byline names: 青岛早报/观海新闻记者 姜丹宁 通讯员 张绪霞 →
    ("青岛早报/观海新闻", ["姜丹宁", "张绪霞"]); 王蕊 董京南 → ("", ["王蕊", "董京南"])."""
    text = _BYLINE_LEAD.sub("", " ".join(byline.split()))
    first = _ROLES.search(text)
    outlet = text[: first.start()].strip() if first else ""
    rest = _ROLES.sub(" ", text[first.start():] if first else text)
    people = [w for w in rest.split() if _NAME.fullmatch(w)]
    return outlet, people


def gbt_reference(r: dict[str, Any], today: Date) -> str:
    """One document's entry in a GB/T 7714 reference list, from ``source_fields`` (see _reference_list)."""
    outlet, people = byline_parts(r["source"])
    authors = ", ".join(people[:3]) + (", 等" if len(people) > 3 else "")
    if not people and not outlet and r["source"]:
        authors = r["source"]  # a body, as an official document's issuer is
    date = (r["date"] + "(推断)" if r["date_inferred"] else r["date"]) if r["date"] else ""
    if r.get("url"):
        where = (f"{outlet}, " if outlet else "") + (f"({date})" if date else "")
        ref = f"{r['title']}[EB/OL]. {where}[{today.isoformat()}]. {r['url']}."
    else:
        ref = f"{r['title']}[{'N' if outlet else 'Z'}]. " + (", ".join(x for x in (outlet, date) if x) or "出版日期不详") + "."
    return (f"{authors}. " if authors else "") + ref


def _reference_list(rows: list[dict[str, Any]], heading: str, today: Date) -> str:
    """GB/T 7714—2015: 作者. 题名[N]. 报纸名, 日期. for a newspaper's article; 作者. 题名[EB/OL]. 来源,
    (日期)[引用日期]. 网址. for a web page; [Z] for a document of neither kind, such as an official
    document, whose author is the body that signs it. A date the text only suggests is marked 推断."""
    lines = [heading, ""]
    for n, r in enumerate(rows, 1):
        lines.append(f"[{n}] " + gbt_reference(r, today))
        lines.append(f"    “{' '.join(str(r['quote']).split())}”（{r['passage']}）")
        if r.get("note"):
            lines.append(f"    注：{' '.join(r['note'].split())}")
        if r.get("tags"):
            lines.append(f"    标签：{'、'.join(r['tags'])}")
    return "\n".join(lines) + "\n"


_KIND_ZH = {"event": "事件", "plan_period": "规划期", "target": "目标", "statistic_period": "统计期"}


def chronology(items: list[dict[str, Any]], fmt: str, docs: Docs, text_of: Callable[[str], str], heading: str,
               today: Date | None = None) -> str:
    """Dated items (as the timeline gives them) as a chronology in ``fmt``, each with where it is
    from: Markdown (when, as printed, kind, what, then the citation and the passage quoted), JSON and
    CSV (a row per item), or GB/T 7714 (the items, each with the number of its document in a
    reference list after them). ``text_of(passage id)`` is the passage's text."""
    rows = [{"n": n, "start": i["start"], "end": i.get("end") or "", "kind": i["kind"], "when": i["date_text"],
             "what": i["title"], "inferred": bool(i.get("inferred")), "inference_note": i.get("inference_note") or "",
             **source_fields(i["doc"], docs), "passage": i["passage"], "quote": text_of(i["passage"])}
            for n, i in enumerate(items, 1)]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return table(rows, fmt, heading, ["n", "start", "end", "kind", "when", "what", "inferred", "inference_note",
                                          "title", "date", "source", "path", "url", "passage", "quote"])
    if fmt == "gbt":
        return _numbered_chronology(rows, heading, today or Date.today())
    if fmt != "md":
        raise ValueError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
    lines = [f"# {heading}", ""]
    for r in rows:
        span = r["start"] + (f" – {r['end']}" if r["end"] else "")
        how = f"; inferred: {r['inference_note']}" if r["inferred"] and r["inference_note"] else ""
        head = f"**{span}** {r['when']} ({r['kind'].replace('_', ' ')}{how}): {' '.join(r['what'].split())}"
        lines += _md_item(r["n"], head, [reference(r, r["passage"]), "> " + " ".join(str(r["quote"]).split())])
    return "\n".join(lines)


def _numbered_chronology(rows: list[dict[str, Any]], heading: str, today: Date) -> str:
    """The items, each ending in its document's number ([1]), then those documents as GB/T 7714 references."""
    numbers: dict[str, int] = {}  # a document's path (or title) → its number, in the order first cited
    refs: list[str] = []
    lines = [heading, ""]
    for r in rows:
        key = r["path"] or r["title"]
        if key not in numbers:
            numbers[key] = len(numbers) + 1
            refs.append(f"[{numbers[key]}] " + gbt_reference(r, today))
        span = r["start"] + (f"—{r['end']}" if r["end"] else "")
        kind = _KIND_ZH.get(r["kind"], r["kind"]) + ("，推断" if r["inferred"] else "")
        lines.append(f"{span}（{r['when']}，{kind}）：{' '.join(r['what'].split())}[{numbers[key]}]")
    return "\n".join([*lines, "", "参考文献", "", *refs]) + "\n"
