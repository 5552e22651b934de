"""Finding corpus files and decoding them: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030, Big5."""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

HTML_SUFFIXES = (".html", ".htm")  # saved web pages, read by html_text
WORD_SUFFIX = ".docx"  # Word documents, read by docx_text
OLD_WORD_SUFFIXES = (".doc", ".wps")  # Word 97–2003 documents (and WPS files in their format), by doc_text
MHT_SUFFIXES = (".mht", ".mhtml")  # web archives (single-file pages), read by mht_text
PDF_SUFFIX = ".pdf"  # PDFs' text layers, read by pdf_text
SUFFIXES = (".txt", ".md", *HTML_SUFFIXES, *MHT_SUFFIXES, WORD_SUFFIX, *OLD_WORD_SUFFIXES, PDF_SUFFIX)
# the kinds of file a user is told the folder may hold (the others are spellings of these: .htm, .mhtml)
NAMED_SUFFIXES = (".txt", ".md", HTML_SUFFIXES[0], MHT_SUFFIXES[0], WORD_SUFFIX, *OLD_WORD_SUFFIXES, PDF_SUFFIX)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file's: old Word, or an encrypted .docx
MAX_BYTES = 50 * 1024 * 1024  # a "document" larger than this is not an article


def is_web_archive(data: bytes) -> bool:
    """Whether ``data`` is a web archive (.mht): a MIME message of a page and its parts."""
    head = data[:2048].lstrip().lower()
    return head.startswith((b"mime-version:", b"from:", b"subject:", b"date:", b"content-type:")) and (
        b"multipart/related" in head)


class SkipFile(Exception):
    """Raised when a file cannot be used; the message says why, for the user."""


@dataclass(frozen=True)
class Found:
    path: Path
    rel: str  # relative to the corpus root, with '/' separators


def discover(root: Path) -> tuple[list[Found], list[tuple[str, str]]]:
    """All files of the kinds read (``SUFFIXES``) below ``root`` (sorted), and (path, reason) for what was passed over.

    Follows symlinked folders but never the same folder twice, so a link loop ends with a warning.
    Hidden folders (``.git``, ``.venv``) are not searched, nor hidden files and Word's lock files (``~$…``).
    """
    found: list[Found] = []
    problems: list[tuple[str, str]] = []
    seen: set[tuple[int, int]] = set()

    def rel(p: Path) -> str:
        return p.relative_to(root).as_posix()

    def walk(folder: Path) -> None:
        try:
            st = folder.stat()
        except OSError as e:
            problems.append((rel(folder), f"cannot open folder ({e.strerror or e})"))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            problems.append((rel(folder), "symlink loop (folder already visited)"))
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            problems.append((rel(folder) or ".", f"cannot list folder ({e.strerror or e})"))
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith((".", "~$")):  # hidden, or the lock file Word keeps beside an open document
                continue
            try:
                is_dir = entry.is_dir()  # follows symlinks
                is_file = entry.is_file()
            except OSError as e:  # ELOOP on a self-referencing link
                problems.append((rel(path), f"unreadable link ({e.strerror or e})"))
                continue
            if entry.is_symlink() and not (is_dir or is_file):
                if path.suffix.lower() in SUFFIXES or not path.suffix:
                    problems.append((rel(path), "broken symlink"))
                continue
            if is_dir:
                walk(path)
            elif is_file and path.suffix.lower() in SUFFIXES:
                found.append(Found(path, rel(path)))

    walk(root)
    return found, problems


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes; returns (text, encoding name) or raises SkipFile with the reason."""
    if not data.strip():
        raise SkipFile("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as e:
                raise SkipFile(f"not valid {name} despite its byte-order mark (byte {e.start})") from None
            return _checked(text, name), name
    if b"\x00" in data:
        raise SkipFile("binary file (contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        gb: tuple[str, str] | SkipFile = _checked(data.decode("gb18030"), "gb18030"), "gb18030"
    except UnicodeDecodeError as e:
        gb = SkipFile(f"not UTF-8, UTF-16, GB18030 or Big5 text (undecodable byte at {e.start})")
    except SkipFile as e:
        gb = e
    gb_odd = _odd_share(gb[0]) if isinstance(gb, tuple) else 1.0
    if gb_odd <= 0.1:
        return gb  # (Big5 text read as GB18030 is full of kana, Greek and private-use characters)
    try:
        big5 = _checked(data.decode("big5hkscs"), "big5"), "big5"  # Traditional Chinese from Hong Kong, Taiwan
    except (UnicodeDecodeError, SkipFile):
        big5 = None
    if big5 and (not isinstance(gb, tuple) or _odd_share(big5[0]) < gb_odd):
        return big5
    if isinstance(gb, SkipFile):
        raise gb
    return gb


# what a Chinese text read in the wrong double-byte encoding is full of: kana, Greek, Cyrillic, box
# drawing, private-use characters
_ODD = re.compile("[\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\ue000-\uf8ff]")
_WIDE = re.compile("[^\x00-\u036f]")


def _odd_share(text: str) -> float:
    """The share of such characters among a text's characters beyond Latin (in its first 20 000)."""
    return len(_ODD.findall(text, 0, 20000)) / max(1, len(_WIDE.findall(text, 0, 20000)))


# Characters that are never control, private-use, unassigned or surrogate: printable ASCII, the
# allowed controls, CJK ideographs and punctuation, general punctuation, full-width forms.
_PLAIN = re.compile("[\x20-\x7e\n\r\t\f\x1b\u4e00-\u9fff\u3001-\u303f\u2010-\u2027\u2030-\u205e\uff01-\uff5e]+")


def _checked(text: str, encoding: str) -> str:
    """Reject text that decoded but is not prose: mostly control or private-use characters."""
    if not text.strip():
        raise SkipFile("empty file")
    sample = text[:20000]
    rest = _PLAIN.sub("", sample)  # the characters worth a look: prose is nearly all plain
    bad = sum(1 for ch in rest if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\n\r\t\f\x1b")
    if bad > max(2, len(sample) // 50):
        raise SkipFile(f"binary or garbled content ({bad} control characters as {encoding})")
    return text


def read_bytes(path: Path) -> bytes:
    """A file's bytes; SkipFile says why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SkipFile(f"too large for an article ({size // 1_048_576} MiB)")
        return path.read_bytes()
    except SkipFile:
        raise
    except IsADirectoryError:
        raise SkipFile("is a folder") from None
    except PermissionError:
        raise SkipFile("permission denied") from None
    except OSError as e:
        raise SkipFile(f"unreadable ({e.strerror or e})") from None
