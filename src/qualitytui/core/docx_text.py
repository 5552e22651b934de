"""A Word document (.docx) as the Markdown-like text the repairs read.

Official documents (通知, 方案, 意见) and their annexes often come as Word files. The text is the
document body's paragraphs in order: a paragraph styled as the title or a heading becomes a ``#`` /
``##`` line (Word's own styles and Chinese Word's numbered style ids alike, found by name or outline
level in styles.xml), a numbered or bulleted paragraph a list item, a table's rows list items of
their cells, a text box's paragraphs paragraphs of their own. Deleted tracked changes, field codes
and the fallback copy Word keeps of each drawing are left out; page headers and footers live in
other parts of the file and are never read. Standard library only (zipfile, xml.etree).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
import xml.etree.ElementTree as ET

from qualitytui.core.files import MAX_BYTES, SkipFile
from qualitytui.core.shapes import is_document_note

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_LEFT_OUT = {f"{_W}del", f"{_W}instrText", f"{_W}delText", _MC_FALLBACK, f"{_W}footnoteReference",
             f"{_W}endnoteReference", f"{_W}commentReference"}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


class _Styles:
    """From styles.xml: style id → heading level (0 for the document's title), and the list styles."""

    def __init__(self, xml: bytes | None) -> None:
        self.levels: dict[str, int] = {}
        self.lists: set[str] = set()  # styles of numbered or bulleted paragraphs (List Bullet, 列表段落 …)
        if not xml:
            return
        for style in ET.fromstring(xml).iter(f"{_W}style"):
            sid = style.get(f"{_W}styleId")
            name_el = style.find(f"{_W}name")
            name = (name_el.get(f"{_W}val") or "") if name_el is not None else ""
            ppr = style.find(f"{_W}pPr")
            level = _level_of(name, ppr)
            if sid and level is not None:
                self.levels[sid] = level
            elif sid and (ppr is not None and ppr.find(f"{_W}numPr") is not None or name.lower().startswith("list")):
                self.lists.add(sid)


def _level_of(name: str, ppr: ET.Element | None) -> int | None:
    if name.lower() in ("title", "标题"):
        return 0
    m = _HEADING_NAME.match(name.strip())
    if m:
        return int(m.group(1))
    outline = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    if outline is not None and (outline.get(f"{_W}val") or "").isdigit() and int(outline.get(f"{_W}val")) < 9:
        return int(outline.get(f"{_W}val")) + 1
    return None


def _paragraph(p: ET.Element, nested: list[ET.Element]) -> str:
    """A paragraph's text (a line break in it kept); paragraphs of text boxes inside it go to ``nested``."""
    out: list[str] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            tag = child.tag
            if tag in _LEFT_OUT:
                continue
            if tag == f"{_W}p":
                nested.append(child)  # a text box's paragraph
            elif tag == f"{_W}t":
                out.append(child.text or "")
            elif tag == f"{_W}tab":
                out.append(" ")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                out.append("-")
            else:
                walk(child)

    walk(p)
    return "\n".join(" ".join(line.split()) for line in "".join(out).split("\n")).strip("\n")


def _prefix(p: ET.Element, styles: _Styles) -> str:
    """The Markdown that marks the paragraph: "# " or "## " for the title and headings, "- " for the
    items of a list Word numbers itself (its numbers are not in the text), else nothing."""
    ppr = p.find(f"{_W}pPr")
    if ppr is None:
        return ""
    style = ppr.find(f"{_W}pStyle")
    sid = (style.get(f"{_W}val") or "") if style is not None else ""
    level = styles.levels.get(sid)
    if level is None:
        level = _level_of("", ppr)
    if level is not None:
        return "# " if level <= 1 else "## "
    return "- " if sid in styles.lists or ppr.find(f"{_W}numPr") is not None else ""


def _blocks(body: ET.Element, styles: _Styles) -> list[str]:
    blocks: list[str] = []

    def paragraph(p: ET.Element) -> None:
        nested: list[ET.Element] = []
        text = _paragraph(p, nested)
        if text:
            prefix = _prefix(p, styles)
            if prefix.startswith("#") and is_document_note(text):
                prefix = ""  # a banner in a title's style (青岛市人民政府办公厅文件) is no title
            blocks.append(prefix + text if prefix and "\n" not in text else text)
        for q in nested:
            paragraph(q)

    def walk(el: ET.Element) -> None:
        for child in el:
            if child.tag == f"{_W}p":
                paragraph(child)
            elif child.tag == f"{_W}tbl":  # one block, a row a list item: each row a passage, however short
                rows = []
                for row in child.findall(f"{_W}tr"):  # (a table inside a cell is read as the cell's text)
                    cells = []
                    for cell in row.findall(f"{_W}tc"):
                        nested: list[ET.Element] = []
                        texts = [_paragraph(p, nested) for p in cell.iter(f"{_W}p")]
                        cells.append(" ".join(t.replace("\n", " ") for t in texts if t))
                    if any(cells):
                        rows.append("- " + " | ".join(cells))
                if rows:
                    blocks.append("\n".join(rows))
            elif child.tag not in _LEFT_OUT:
                walk(child)  # content controls (w:sdt), custom XML, inserted text

    walk(body)
    return blocks


def docx_to_text(data: bytes) -> str:
    """The document's text, blocks apart by blank lines; SkipFile says why a file cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            try:
                info = z.getinfo("word/document.xml")
            except KeyError:
                raise SkipFile("not a Word document (no word/document.xml inside)") from None
            if info.file_size > MAX_BYTES:
                raise SkipFile(f"too large for an article ({info.file_size // 1_048_576} MiB of text unpacked)")
            document = z.read(info)
            styles = z.read("word/styles.xml") if "word/styles.xml" in z.namelist() else None
    except zipfile.BadZipFile:
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise SkipFile("password-protected or old-format Word file: save it as .docx without a password") from None
        raise SkipFile("not a Word document (damaged, or not a .docx)") from None
    except (OSError, RuntimeError, NotImplementedError, zipfile.LargeZipFile, zlib.error) as e:
        raise SkipFile(f"cannot unpack the Word document ({e})") from None
    try:
        root = ET.fromstring(document)
        body = root.find(f"{_W}body")
        blocks = _blocks(body if body is not None else root, _Styles(styles))
    except ET.ParseError as e:
        raise SkipFile(f"damaged Word document ({e})") from None
    if not blocks:
        raise SkipFile("no text in the Word document")
    return "\n\n".join(blocks) + "\n"
