"""An old-format Word document (.doc, Word 97–2003; WPS files saved in that format) as text.

Government sites still publish notices and their annexes as .doc files. The file is an OLE compound
file (read with olefile); its text is the main document's characters, found through the piece
table in the table stream ([MS-DOC] 2.4.1: the FIB gives the table stream, the Clx's offset and the
main text's length; each piece is UTF-16 or, when marked compressed, one byte a character). Fields
keep their shown result (a hyperlink's words, a page number), not their code; paragraph marks,
table cells and page breaks end blocks, which come apart by blank lines as docx_text's do; a line
break stays a line break. Headers, footers, footnotes and text boxes are other parts of the text
and are not read, nor is styling (a title is found by the repairs, as in a plain text file). A
password-protected, damaged, pre-97 or non-Word file is skipped with the reason.
"""

from __future__ import annotations

import io
import re
import struct

from qualitytui.core.files import MAX_BYTES, SkipFile

_WORD_IDENT = 0xA5EC
_COMPRESSED = 0x40000000
# cp1252 bytes a compressed piece maps otherwise ([MS-DOC] 2.4.1, FcCompressed): none of them matter
# for Chinese text, which Word always writes as UTF-16, but 0x82… are punctuation in English text
_SPECIAL = {0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020", 0x87: "\u2021",
            0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160", 0x8B: "\u2039", 0x8C: "\u0152", 0x91: "\u2018",
            0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014",
            0x98: "\u02dc", 0x99: "\u2122", 0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153", 0x9F: "\u0178"}
_BLOCK_END = re.compile(r"[\r\x07\x0c]+")  # paragraph mark, table cell or row end, page or section break
_ROW_END = re.compile(r"\x07\x07(?!\x07)")  # a row's last cell mark, then the row's own mark
_DROPPED = re.compile(r"[\x00-\x08\x0e-\x12\x16-\x1d\x1f]")  # anchors of pictures, notes, comments; optional hyphen


def doc_to_text(data: bytes) -> str:
    """The document's text, blocks apart by blank lines; SkipFile says why a file cannot be read."""
    import olefile  # (only a folder of .doc files needs it)

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error, IndexError) as e:
        raise SkipFile(f"not a Word document (damaged, or not a .doc: {e})") from None
    try:
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise SkipFile("password-protected Word document: save it without a password")
        if not ole.exists("WordDocument"):
            raise SkipFile("not a Word document (no WordDocument stream: a WPS or other program's own format?)")
        try:
            word = ole.openstream("WordDocument").read()
            fib = _Fib(word)
            table = ole.openstream(fib.table).read() if ole.exists(fib.table) else b""
            chars = _main_text(word, table, fib)
        except (OSError, ValueError, struct.error, IndexError, UnicodeDecodeError) as e:
            raise SkipFile(f"damaged Word document ({e})") from None
    finally:
        ole.close()
    blocks = _blocks(_fields(chars))
    if not blocks:
        raise SkipFile("no text in the Word document")
    return "\n\n".join(blocks) + "\n"


class _Fib:
    """What the text needs of the File Information Block at the start of the WordDocument stream."""

    def __init__(self, word: bytes) -> None:
        if len(word) < 0x1AA:
            raise SkipFile("not a Word document (its header is cut short)")
        ident, n_fib = struct.unpack_from("<HH", word, 0)
        if ident != _WORD_IDENT:
            raise SkipFile("not a Word document (no Word header in its WordDocument stream)")
        if n_fib < 0x00C1:
            raise SkipFile("a Word 6 or Word 95 document: save it as .docx")
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & 0x0100:
            raise SkipFile("password-protected Word document: save it without a password")
        self.table = "1Table" if flags & 0x0200 else "0Table"
        self.ccp_text = struct.unpack_from("<i", word, 0x4C)[0]
        self.fc_clx, self.lcb_clx = struct.unpack_from("<II", word, 0x1A2)
        if self.ccp_text < 0 or self.ccp_text * 2 > MAX_BYTES:
            raise SkipFile("damaged Word document (its text length is out of range)")


def _main_text(word: bytes, table: bytes, fib: _Fib) -> str:
    """The main document's characters, piece by piece from the Clx's piece table."""
    clx = table[fib.fc_clx : fib.fc_clx + fib.lcb_clx]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers, skipped
        at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
    if at >= len(clx) or clx[at] != 0x02:
        raise ValueError("no piece table")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5 : at + 5 + size]
    pieces = (len(plc) - 4) // 12
    if pieces <= 0 or len(plc) != pieces * 12 + 4:
        raise ValueError("piece table of a wrong size")
    cps = struct.unpack_from(f"<{pieces + 1}i", plc, 0)
    out: list[str] = []
    for k in range(pieces):
        start, end = cps[k], min(cps[k + 1], fib.ccp_text)
        if end <= start:
            continue
        fc = struct.unpack_from("<I", plc, 4 * (pieces + 1) + 8 * k + 2)[0]
        n = end - start
        if fc & _COMPRESSED:
            offset = (fc & ~_COMPRESSED) // 2
            raw = word[offset : offset + n]
            out.append(raw.decode("latin-1").translate(_SPECIAL))  # (byte n is code point n, then Word's own)
        else:
            out.append(word[fc : fc + 2 * n].decode("utf-16-le", errors="replace"))
    return "".join(out)


def _fields(text: str) -> str:
    """``text`` with each field's code left out and its shown result kept: 0x13 code 0x14 result 0x15,
    nested (a hyperlink around a page reference)."""
    if "\x13" not in text:
        return text
    out: list[str] = []
    stack: list[bool] = []  # per open field: whether its result has begun
    for ch in text:
        if ch == "\x13":
            stack.append(False)
        elif ch == "\x14" and stack:
            stack[-1] = True
        elif ch == "\x15" and stack:
            stack.pop()
        elif not stack or all(stack):
            out.append(ch)
    return "".join(out)


def _blocks(text: str) -> list[str]:
    """The paragraphs, and each table as one block of its rows as list items, "- a | b", as docx_text
    writes them. A cell ends with 0x07 and a row with one more; without the paragraph properties a
    row starts after the last paragraph mark before its first cell (a first cell of several
    paragraphs then gives its first ones as paragraphs before the table)."""
    blocks: list[str] = []
    rows: list[str] = []

    def paragraphs(part: str) -> None:
        found = [b for b in map(_block, _BLOCK_END.split(part)) if b]
        if found and rows:
            blocks.append("\n".join(rows))
            rows.clear()
        blocks.extend(found)

    pos = 0
    for m in _ROW_END.finditer(text):
        stretch = text[pos : m.start() + 1]
        first = stretch.find("\x07")
        cut = max(stretch.rfind("\r", 0, first), stretch.rfind("\x0c", 0, first)) + 1
        paragraphs(stretch[:cut])
        cells = [" ".join(filter(None, map(_block, re.split(r"[\r\x0c]", cell)))).replace("\n", " ")
                 for cell in stretch[cut:].split("\x07")[:-1]]
        if any(cells):
            rows.append("- " + " | ".join(cells))
        pos = m.end()
    paragraphs(text[pos:])
    if rows:
        blocks.append("\n".join(rows))
    return blocks


def _block(text: str) -> str:
    """One block's text: its line breaks (vertical tab) kept, other marks left out."""
    lines = [_DROPPED.sub("", line).replace("\x1e", "-").strip() for line in text.split("\x0b")]
    return "\n".join(line for line in lines if line)
