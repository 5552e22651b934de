"""A PDF's text layer as the print-layout text the repairs read, without its page furniture.

Official documents and newspaper pages are published as PDFs: their text comes out as the printed
lines, broken where the column ends, which the repairs rejoin as they do any print layout. What
only the page itself holds is taken off here, where the pages are still apart: the page numbers
(— 1 —, -2-, 第3页 共5页, 4/5) and a running header or footer, the same line (numbers aside) at the
top or the bottom of most pages, set apart from the text by a gap or its type size. The layout
also tells what a plain dump of the text loses (``_laid_out``). Read with pypdf (pure Python), its
warnings kept off the terminal. A scan with no text layer, text in fonts that map their glyphs to no
characters, a password-protected or a damaged file is skipped with the reason.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass
from typing import Any

from qualitytui.core.files import SkipFile
from qualitytui.core.shapes import is_document_note
from qualitytui.core.wording import counted

_PAGE_NUMBER = re.compile(r"[-—－–~\s]*(?:第\s*)?\d{1,4}\s*页?(?:\s*[/／]\s*\d{1,4}|[\s，,]*共\s*\d{1,4}\s*页)?[-—－–~\s]*")
_DIGITS = re.compile(r"\d+")


def _quiet() -> None:
    """pypdf logs what it finds odd in a file ("incorrect startxref pointer", …): never on the terminal."""
    log = logging.getLogger("pypdf")
    log.setLevel(logging.CRITICAL + 1)
    log.propagate = False


@dataclass
class _Line:
    text: str
    x: float  # where it starts on the page, and its baseline
    y: float
    size: float  # the font size, in the page's units


def _page_lines(page: Any) -> list[_Line]:
    """The page's lines in the order its text is drawn (a column after a column), each with where it
    starts: a new line wherever the baseline moves."""
    lines: list[_Line] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        text = text.replace("\n", "")
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = abs(size * (tm[3] or 1) * (cm[3] or 1)) or 10.0
        last = lines[-1] if lines else None
        if last and abs(last.y - y) < 0.5 * max(size, last.size) and x >= last.x:
            last.text += text
            last.size = max(last.size, size)
        else:
            lines.append(_Line(text, x, y, size))

    page.extract_text(visitor_text=visit)
    for line in lines:
        line.text = " ".join(line.text.split())
    return [line for line in lines if line.text]


def pdf_pages(data: bytes) -> list[list[_Line]]:
    """Each page's lines of text; SkipFile says why there are none."""
    _quiet()
    try:
        from pypdf import PdfReader
    except ImportError:  # (a dependency; only a broken install lacks it)
        raise SkipFile("PDF files need the pypdf package") from None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise SkipFile("password-protected PDF")
            pages = [_page_lines(page) for page in reader.pages]
        except SkipFile:
            raise
        except Exception as e:  # a damaged file can fail anywhere in the parser, with any error
            if "encrypt" in str(e).lower() or "password" in str(e).lower():
                raise SkipFile("password-protected PDF") from None
            raise SkipFile(f"damaged PDF ({type(e).__name__})") from None
    if not any(pages):
        raise SkipFile("no text in the PDF (a scanned image?)")
    sample = "".join(x.text for lines in pages for x in lines)[:20000].replace(" ", "")
    odd = sum(1 for c in sample if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cn", "Cs", "Cc"))
    if odd * 10 > len(sample):  # glyph codes the fonts map to no character: nothing to read, nothing to find
        raise SkipFile("the PDF's text cannot be read (its fonts map their glyphs to no characters)")
    return pages


def pdf_to_text(data: bytes) -> tuple[str, list[str]]:
    """The PDF's text, its pages' furniture taken off, and notes saying what was taken off."""
    pages = pdf_pages(data)
    notes = [f"text taken from a PDF ({counted(len(pages), 'page')})"]
    numbered = 0
    for lines in pages:
        before = len(lines)
        while lines and _is_page_number(lines[-1].text):
            lines.pop()
        while lines and _is_page_number(lines[0].text):
            lines.pop(0)
        numbered += len(lines) < before
    if numbered:
        notes.append(f"page numbers left out ({counted(numbered, 'page')})")
    spacing = _spacing([x for lines in pages for x in lines])
    for top in (True, False):
        edges = [_edge(lines, top, spacing) for lines in pages]
        keys = [_DIGITS.sub("#", x.text) if x else None for x in edges]
        line, count = (Counter(k for k in keys if k).most_common(1) or [(None, 0)])[0]
        if line and count >= 3 and count * 2 > len(pages):
            for lines, key in zip(pages, keys):
                if key == line:
                    lines.pop(0 if top else -1)
            notes.append(f"running {'header' if top else 'footer'} left out: {line.replace('#', '…')!r} ({count} pages)")
    return "\n".join(_laid_out([x for lines in pages for x in lines])) + "\n", notes


def _is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(text)) and any(c.isdigit() for c in text)


def _laid_out(lines: list[_Line]) -> list[str]:
    """The lines as the repairs read a print layout: a blank line where the page leaves a gap wider
    than its lines' spacing; 　　 where a line is indented from its column's margin (a paragraph
    opens); a line set well in (centred, or to the right: an issuer and its day) a block of its own.
    A heading — lines in a larger type than the text's, or set in at the head of the document — is
    one line however many it was printed on, marked as a heading (it may be as long as a line of
    text), unless it is an official document's banner or number (青岛市人民政府办公厅文件)."""
    if not lines:
        return []
    spacing = _spacing(lines)
    text_size = Counter(round(x.size) for x in lines).most_common(1)[0][0]
    margins = _margins(lines)
    out: list[str] = []
    apart = False  # the last line stands apart (set in, or larger)
    at_head = True  # no line of text yet
    run: _Line | None = None  # the last line of the heading being joined
    for i, line in enumerate(lines):
        margin = max((m for m in margins if m <= line.x + 1), default=margins[0])
        inset = (line.x - margin) / line.size
        large = line.size >= 1.15 * text_size
        stands = inset >= 3.5 or large
        gap = i and spacing and lines[i - 1].y - line.y - spacing >= 0.75 * min(line.size, lines[i - 1].size)
        heading = (large or at_head and stands) and not is_document_note(line.text)
        if heading and run is not None and not gap and abs(line.size - run.size) < 0.5 and not line.text.startswith(
                ("—", "-")):  # the heading's next line (a subtitle opens on a dash, or is in another size)
            out[-1] += line.text
            run = line
            continue
        if out and out[-1] and (gap or stands != apart or heading):
            out.append("")
        if heading:
            out.append("# " + line.text)
        else:
            out.append(("\u3000\u3000" if 0.8 <= inset < 3.5 and not large else "") + line.text)
            at_head = at_head and stands
        run = line if heading else None
        apart = stands
    return out


def _margins(lines: list[_Line]) -> list[float]:
    """The left edges of the page's columns: where most lines start, not a few characters right of
    another such edge (that is an indent)."""
    counts = Counter(round(x.x / 2) * 2 for x in lines)
    size = sorted(x.size for x in lines)[len(lines) // 2]
    margins: list[float] = []
    for m in sorted(counts, key=lambda m: (-counts[m], m)):
        if counts[m] * 5 >= len(lines) and not any(0 < m - a < 4 * size for a in margins):
            margins.append(m)
    return sorted(margins) or [min(counts)]


def _edge(lines: list[_Line], top: bool, spacing: float) -> _Line | None:
    """The page's first (or last) line when it stands apart from the text next to it, as a running
    header or footer does: a gap wider than the lines' spacing between them, or another type size."""
    if len(lines) < 2:
        return None
    edge, next_ = (lines[0], lines[1]) if top else (lines[-1], lines[-2])
    apart = abs(edge.y - next_.y) - spacing >= 0.75 * min(edge.size, next_.size)
    return edge if apart or abs(edge.size - next_.size) >= 0.5 else None


def _spacing(lines: list[_Line]) -> float:
    """The usual distance from a line's baseline to the next one's."""
    steps = Counter(round(a.y - b.y) for a, b in zip(lines, lines[1:]) if a.y - b.y > 0)
    return steps.most_common(1)[0][0] if steps else 0
