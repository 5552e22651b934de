"""Corpus files → Documents: discover, decode, repair, classify."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Iterator

from qualitytui.core.assemble import assemble
from qualitytui.core.files import (HTML_SUFFIXES, MHT_SUFFIXES, OLD_WORD_SUFFIXES, OLE_MAGIC, PDF_SUFFIX, WORD_SUFFIX, Found,
                                  SkipFile, decode, discover, is_web_archive, read_bytes)
from qualitytui.core.html_text import html_to_text, looks_like_html
from qualitytui.core.models import Document, Passage, Skipped
from qualitytui.core.shapes import lead_byline, line_url, web_credit


def doc_id(rel: str) -> str:
    """A document's id: its path relative to the corpus root, without the extension."""
    return rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel


def assign_ids(files: list[Found]) -> list[str]:
    """Each file's document id; of a.txt and a.md the second keeps its extension in its id."""
    seen: set[str] = set()
    out = []
    for f in files:
        i = doc_id(f.rel)
        if i in seen:
            i = f.rel
        seen.add(i)
        out.append(i)
    return out


def build_document(found: Found, text: str, encoding: str, id_: str | None = None, notes: tuple[str, ...] = (),
                   word: bool = False, page: bool = False) -> Document:
    """The Document of a file's text; ``notes`` say what was done to it before (read out of a PDF …);
    ``word``: the text came from docx_text or doc_text, in Markdown's form; ``page``: it is a web
    page's HTML whatever the file's name (out of a web archive)."""
    suffix = found.path.suffix.lower()
    page = page or not word and suffix != PDF_SUFFIX and (suffix in HTML_SUFFIXES or looks_like_html(text))
    if page:
        text = html_to_text(text)
    a = assemble(text, markdown=page or word or suffix == ".md")
    doc = Document(
        id=id_ or doc_id(found.rel),
        path=found.rel,
        title=a.title,
        subtitle=a.subtitle,
        byline=a.byline,
        encoding=encoding,
        warnings=[*notes, *a.warnings],
    )
    if page:
        doc.warnings.insert(0, "text taken from a saved web page (HTML)")
    if encoding not in ("utf-8", "utf-8-sig"):
        doc.warnings.insert(0, f"decoded as {encoding}")
    if doc.id != doc_id(found.rel):
        doc.warnings.insert(0, f"id {doc_id(found.rel)!r} already taken; using {doc.id!r}")
    doc.passages = [
        Passage(doc.id, i, item.kind, item.text, item.original, item.line) for i, item in enumerate(a.items)
    ]
    doc.url = next((u for x in a.items if x.kind == "furniture" for u in [line_url(x.text)] if u), None)
    if doc.byline is None:  # a news lead's bracketed byline: 本报讯（记者 王伟 通讯员 刘洋）近日，…
        lead = next((x for x in a.items[:8] if x.kind == "body"), None)
        doc.byline = lead_byline(lead.text) if lead else None
    if doc.byline is None:  # a web page credits its author or outlet on its line about the article
        doc.byline = next((c for x in a.items[:8] if x.kind == "furniture" for c in [web_credit(x.text)] if c), None)
    return doc


def read_document(found: Found, id_: str) -> tuple[str, Document | Skipped]:
    """(sha1 of the file's bytes, its Document) from one read; a file that cannot be used is Skipped."""
    try:
        data = read_bytes(found.path)
    except SkipFile as e:
        return "unreadable", Skipped(found.rel, str(e))
    digest = hashlib.sha1(data).hexdigest()
    notes: tuple[str, ...] = ()
    word = page = False
    try:
        suffix = found.path.suffix.lower()
        if suffix in (*MHT_SUFFIXES, *OLD_WORD_SUFFIXES, *HTML_SUFFIXES) and is_web_archive(data):
            from qualitytui.core.mht_text import mht_to_html

            text, encoding, notes = mht_to_html(data), "utf-8", ("page taken from a web archive (.mht)",)
            page = True
        elif suffix in (WORD_SUFFIX, *OLD_WORD_SUFFIXES) and data.startswith(OLE_MAGIC):
            from qualitytui.core.doc_text import doc_to_text  # (olefile: only a folder of .doc files needs it)

            text, encoding, notes = doc_to_text(data), "utf-8", ("text taken from an old-format Word document (.doc)",)
            word = True
        elif suffix == WORD_SUFFIX:
            from qualitytui.core.docx_text import docx_to_text  # (only a folder of Word files needs it)

            text, encoding, notes = docx_to_text(data), "utf-8", ("text taken from a Word document (.docx)",)
            word = True
        elif suffix in OLD_WORD_SUFFIXES and data.lstrip()[:5] == b"{\\rtf":
            raise SkipFile("an RTF document under a Word name: save it as .docx")
        elif suffix == PDF_SUFFIX:
            from qualitytui.core.pdf_text import pdf_to_text  # (pypdf: only a folder of PDFs needs it)

            text, pdf_notes = pdf_to_text(data)
            encoding, notes = "utf-8", tuple(pdf_notes)
        else:  # (a .doc that is a web page or plain text, as sites serve them, is read as such)
            text, encoding = decode(data)
    except SkipFile as e:
        return digest, Skipped(found.rel, str(e))
    doc = build_document(found, text, encoding, id_, notes, word, page)
    return digest, doc if doc.passages else Skipped(found.rel, "no text after repair")


def ingest_files(
    files: list[Found],
    on_file: Callable[[Found], None] | None = None,
    hashes: dict[str, str] | None = None,
) -> Iterator[Document | Skipped]:
    """Documents in file order, and a Skipped for each file that cannot be used.

    ``hashes``, when given, receives the sha1 of each file's bytes (from the same single read).
    """
    for found, id_ in zip(files, assign_ids(files)):
        if on_file:
            on_file(found)
        digest, result = read_document(found, id_)
        if hashes is not None:
            hashes[found.rel] = digest
        yield result


def ingest(root: Path) -> tuple[list[Document], list[Skipped]]:
    """Read every article file below ``root``; never raises for a bad file."""
    found, problems = discover(root)
    docs: list[Document] = []
    skipped = [Skipped(p, r) for p, r in problems]
    for result in ingest_files(found):
        (docs if isinstance(result, Document) else skipped).append(result)
    return docs, skipped
