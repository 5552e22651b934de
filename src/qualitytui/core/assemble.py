"""From a file's lines to classified, repaired passages.

The pipeline, each step general (no rule knows a file or a sentence of the corpus):

1. lines: strip, undo doubled headlines, remove layout spaces inside numbers;
2. blocks (runs of non-blank lines) → items: furniture, byline, caption, heading, headline stack,
   or body paragraphs (print-column lines rejoined, headline lines over them kept apart);
3. sentences broken across blank lines (page or column breaks) are rejoined, lifting out photo
   captions that were inserted in the middle;
4. a byline glued to the end of a paragraph is split off; a truncated duplicate of a title is furniture;
5. a sentence fragment displaced to the end of the file is put back where its other half starts;
6. title and subtitle are chosen, and a headline block found after the body is moved to the top.

Every repair adds a line to ``warnings`` saying what was changed where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from qualitytui.core import shapes
from qualitytui.core.normalize import INVISIBLE
from qualitytui.core.repair import fix_spacing, is_terminated, join_lines, undouble

LONG_PARAGRAPH, PIECE = 2000, 500  # characters
_SENTENCE_END = re.compile(r"(?<=[。！？!?])(?![”’」』)）])|(?<=[。！？!?][”’」』)）])")
_CLAUSE_END = re.compile(r"(?<=[；;，,])")  # where a paragraph with no sentence end is cut
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]\s+|\d{1,3}[.)、]\s*)")
_INDENT = re.compile(r"^(?:\u3000|[ \xa0]{2,}|\t)")


@dataclass
class Line:
    no: int  # 1-based line number in the file
    raw: str
    text: str
    doubled: bool = False
    marker: bool = False


@dataclass
class Item:
    kind: str
    lines: list[Line]
    text: str
    stacked: bool = False  # a two-line headline block (headline over deck)
    extra_original: list[str] = field(default_factory=list)
    piece_of: str | None = None  # a piece of an over-long paragraph: the piece as the file had it

    @property
    def line(self) -> int:
        return self.lines[0].no if self.lines else 0

    @property
    def doubled(self) -> bool:
        return any(l.doubled for l in self.lines)

    @property
    def original(self) -> str:
        if self.piece_of is not None:
            return self.piece_of
        return "\n".join([l.raw for l in self.lines] + self.extra_original)


@dataclass
class Assembled:
    items: list[Item]
    title: str
    subtitle: str | None
    byline: str | None
    warnings: list[str]


def _pieces(parts: list[str]) -> list[str]:
    """``parts`` (sentences, clauses) joined again into pieces of about PIECE characters."""
    pieces, cur = [], ""
    for part in parts:
        if cur and len(cur) + len(part) > PIECE:
            pieces.append(cur)
            cur = ""
        cur += part
    if cur:
        pieces.append(cur)
    return pieces


def _span(lines: list[Line]) -> str:
    a, b = lines[0].no, lines[-1].no
    return f"line {a}" if a == b else f"lines {a}–{b}"


class _Assembler:
    def __init__(self, text: str, markdown: bool, has_word: Callable[[str], bool] | None):
        self.markdown = markdown
        self.has_word = has_word
        self.warnings: list[str] = []
        # a Markdown file's front matter (---, key: value lines, ---), as web clippers write it: one
        # passage of furniture; its title is the article's where no heading gives one
        front = shapes.FRONT_MATTER.match(text.lstrip("\ufeff")) if markdown else None
        self.front_lines = front.group(0).count("\n") if front else 0
        title = shapes.FRONT_TITLE.search(front.group(0)) if front else None
        self.front_title = title.group(1).strip().strip("\"'").strip() if title else None
        self.lines = self._read_lines(text)
        self.column = self._column_width()
        # paragraphs that open on an indent (　　), in a file whose other lines have none: each indented
        # line opens a paragraph (a file indented all through says nothing by it)
        indents = {bool(_INDENT.match(l.raw)) for l in self.lines if l.text}
        self.indents = not markdown and indents == {True, False}

    # 1. lines -----------------------------------------------------------------------------
    def _read_lines(self, text: str) -> list[Line]:
        out = []
        invisible = INVISIBLE.search(text) is not None
        for no, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
            t = raw.strip()
            line = Line(no, raw.rstrip(), t)
            if invisible and t:  # (first: a line of zero-width spaces alone is a blank line)
                self._amend(line, INVISIBLE.sub("", t).strip(), "invisible characters removed")
                t = line.text
            if not t or no <= self.front_lines:
                out.append(line)
                continue
            single = undouble(t)
            if single is not None:
                self.warnings.append(f"line {no}: doubled headline characters undone")
                line.text, line.doubled = single, True
            self._amend(line, shapes.web_text(line.text, self.markdown).strip(), "web markup removed")
            if "版" in line.text:
                self._amend(line, shapes.JUMP_MARK.sub("", line.text).strip(), "page jump removed")
            if line.text:  # (a line of markup or a page jump alone is now a blank line)
                stripped, marker = shapes.strip_marker(line.text)
                if marker:
                    line.text, line.marker = stripped, True
                self._amend(line, fix_spacing(line.text), "layout spaces removed")
            out.append(line)
        return out

    def _amend(self, line: Line, text: str, what: str) -> None:
        """Give ``line`` this text, listing the repair when it changes anything."""
        if text != line.text:
            self.warnings.append(f"line {line.no}: {what} ({line.text!r} → {text!r})")
            line.text = text

    def _column_width(self) -> int | None:
        """The print column's width in characters, when the file has one (else None: web layout)."""
        lengths = [len(l.text) for b in self._blocks() if len(b) >= 3 for l in b]
        if len(lengths) < 8 or self.markdown:
            return None
        lengths.sort()
        column = lengths[int(len(lengths) * 0.75)]
        if sum(column - 3 <= n <= column + 1 for n in lengths) * 2 < len(lengths):
            return None  # lines of all lengths, most of them not full: one paragraph a line, no column
        return column

    def _blocks(self) -> list[list[Line]]:
        blocks, cur = [], []
        if self.front_lines:
            blocks.append([l for l in self.lines[: self.front_lines] if l.text])
        for line in self.lines[self.front_lines :]:
            if not line.text:
                if cur:
                    blocks.append(cur)
                cur = []
            elif line.marker:  # a marked heading is a block of its own
                if cur:
                    blocks.append(cur)
                blocks.append([line])
                cur = []
            else:
                if cur and cur[-1].doubled != line.doubled:  # a doubled headline ends where the text goes on
                    blocks.append(cur)
                    cur = []
                cur.append(line)
        if cur:
            blocks.append(cur)
        return blocks

    def _lines_apart(self, block: list[Line]) -> list[list[Line]]:
        """``block`` cut around the lines that open a paragraph and are no text of it — a byline, the
        page's credits, a web page's line about the article, a photo credit, an end mark — so that each
        is classified as a block of its own would be (a file of one paragraph a line has no blank lines
        to set them apart). A file set in a print column keeps its blocks: its lines are a paragraph's,
        broken where the column ends."""
        if len(block) < 2 or self.column is not None:
            return [block]
        parts: list[list[Line]] = [[]]
        apart = None  # what the last part's lines are, when they stand apart (a byline of two lines stays one block)
        for i, line in enumerate(block):
            prev = block[i - 1].text if i else ""
            opens = not prev or apart or _ends_paragraph(prev) or shapes.is_heading_shape(prev)
            stands = _standing_apart(line.text) if opens or shapes.is_end_mark(line.text) else None
            if stands is None and opens and shapes.is_credit_caption(line.text):
                stands = "caption"
            if stands != apart and parts[-1]:
                parts.append([])
            parts[-1].append(line)
            apart = stands
        return parts

    def _gap_before(self, block: list[Line]) -> int:
        n, i = 0, block[0].no - 2
        while i >= 0 and not self.lines[i].text:
            if self.markdown and shapes.is_md_rule(self.lines[i].raw):
                break  # a rule (---) parts sections: no room left for a photo
            n, i = n + 1, i - 1
        return n if i >= 0 else 0

    # 2. blocks → items ----------------------------------------------------------------------
    def items(self) -> list[Item]:
        blocks = [part for block in self._blocks() for part in self._lines_apart(block)]
        items: list[Item] = []
        isolated: list[Item] = []  # captions by shape alone
        for bi, block in enumerate(blocks):
            texts = [l.text for l in block]
            joined = " ".join(texts)
            last = bi == len(blocks) - 1
            if block[0].no <= self.front_lines:
                items.append(Item("furniture", block, joined))
                continue
            if items and items[-1].kind == "caption" and items[-1].text[:1] in shapes.CIRCLED:
                # a numbered caption list broken by the layout: "③…互动" / "体验展区场景" / "④…"
                head = self._caption_continuation(block, blocks[bi + 1] if not last else None)
                if head:
                    prev = items[-1]
                    prev.lines += head
                    prev.text += "".join(l.text for l in head)
                    self.warnings.append(f"{_span(head)}: caption continued across a layout break")
                    block = block[len(head):]
                    if not block:
                        continue
                    texts = [l.text for l in block]
                    joined = " ".join(texts)
            if shapes.starts_circled(texts[0]):
                items += self._circled_captions(block)
            elif any(l.marker for l in block):
                items.append(Item("heading", block, joined))
            elif shapes.is_cohost_block(texts) or (len(block) == 1 and shapes.is_banner(joined)):
                items.append(Item("furniture", block, joined))
            elif shapes.is_promo_block(texts) or shapes.is_staff_block(texts) or all(map(shapes.is_document_note, texts)) or all(
                    map(shapes.is_site_line, texts)) or len(block) == 1 and _furniture_line(joined):
                items.append(Item("furniture", block, joined))
            elif self.markdown and any(_LIST_ITEM.match(l.raw) for l in block):
                items += self._paragraphs(block)  # a list's items are text, however short
            elif shapes.is_byline(joined):
                items.append(Item("byline", block, " ".join(joined.split())))
            elif shapes.is_credit_caption(joined) and not (len(block) > 1 and shapes.is_heading_shape(texts[0])):
                items.append(Item("caption", block, join_lines(texts)))
            elif len(block) == 1 and bi > 0 and shapes.is_isolated_caption(joined) and (
                self._gap_before(block) >= 2
                # a print page's last line set apart; a web page's or a Word file's last paragraph is text
                or (last and not self.markdown and not (items and items[-1].kind == "body" and not _ends_paragraph(items[-1].text)))
            ):
                isolated.append(Item("caption", block, joined))
                items.append(isolated[-1])
            elif all(l.doubled for l in block) or (
                len(block) == 1 and shapes.is_heading_shape(joined, self.column, any_script=bi == 0, first=bi == 0)
            ):
                items += [Item("heading", [l], l.text) for l in block]
            elif len(block) == 2 and any(x.kind == "body" for x in items) and shapes.is_signing_day(texts[1]) and (
                    shapes.is_heading_shape(texts[0])):
                items.append(Item("furniture", block, joined))  # an official document's issuer and day of signing
            elif len(block) == 2 and all(shapes.is_heading_shape(t, self.column) for t in texts):
                items += [Item("heading", [l], l.text, stacked=True) for l in block]
            else:
                items += self._paragraphs(block)
        if not any(x.kind == "body" for x in items):
            for x in isolated:  # a caption captions a body: with none, these sentences are the article
                x.kind = "body"
        for k in range(1, len(items) - 1):  # the issuer over its day of signing, after the text
            if items[k].kind == "heading" and items[k + 1].kind == "furniture" and shapes.is_signing_day(
                    items[k + 1].text) and any(x.kind == "body" for x in items[:k]):
                items[k].kind = "furniture"
        return items

    def _caption_continuation(self, block: list[Line], following: list[Line] | None) -> list[Line]:
        """Lines at the head of ``block`` that finish the previous numbered caption."""
        head = []
        for line in block:
            if shapes.starts_circled(line.text):
                return head
            head.append(line)
        # the block holds no numbered caption: it continues one only if the next block starts one
        if following and shapes.starts_circled(following[0].text) and len(head) == 1 and len(head[0].text) <= 12:
            return head
        return []

    def _circled_captions(self, block: list[Line]) -> list[Item]:
        out: list[Item] = []
        for line in block:
            if shapes.starts_circled(line.text) or not out:
                out.append(Item("caption", [line], line.text))
            else:
                out[-1].lines.append(line)
                out[-1].text += line.text
        return out

    def _paragraphs(self, block: list[Line]) -> list[Item]:
        """Rejoin the print-column lines of a body block; a short line that ends a sentence ends a paragraph.
        Headline lines over a paragraph with no blank line between (a title on a file's first line,
        then one paragraph a line) stay lines of their own (``_headings_over``)."""
        paras: list[list[Line]] = []
        cur: list[Line] = []
        heads: dict[int, bool] = {}  # line number in the file → a headline line (True: one of two)
        for i, line in enumerate(block):
            if cur and (self.markdown and _LIST_ITEM.match(line.raw) or self.indents and _INDENT.match(line.raw)):
                paras.append(cur)
                cur = []
            if not cur and line.no not in heads:
                run = self._headings_over(block[i:])
                heads.update((l.no, len(run) == 2) for l in run)
            if line.no in heads:
                if cur:
                    paras.append(cur)
                paras.append([line])
                cur = []
                continue
            cur.append(line)
            if i + 1 < len(block) and is_terminated(line.text) and (
                self.column is None or len(line.text) < self.column - 1
            ):
                paras.append(cur)
                cur = []
        if cur:
            paras.append(cur)
        out = []
        for p in paras:
            if p[0].no in heads:  # (no repair: the file's own line)
                out.append(Item("heading", p, p[0].text, stacked=heads[p[0].no]))  # (two: headline over deck)
                continue
            if len(p) > 1:
                self.warnings.append(f"{_span(p)}: {len(p)} lines broken by the print column rejoined")
            out.append(Item("body", p, fix_spacing(join_lines([l.text for l in p]))))
        return out

    def _headings_over(self, lines: list[Line]) -> list[Line]:
        """The headline lines (one or two) that open ``lines`` and stand over a paragraph: each short,
        with no sentence punctuation, and the paragraph's first line a good third longer than each.
        (A line of a paragraph wrapped at a print column is about as long as the line after it.)"""
        if len(lines) < 2 or len(lines[0].text) * 4 > max(len(l.text) for l in lines[1:3]) * 3:
            return []  # no line after it a third longer than it (most paragraphs' first lines)
        run: list[Line] = []
        for line in lines[:3]:
            if self.markdown and _LIST_ITEM.match(line.raw):
                return []  # a list's item, however short
            if not shapes.is_heading_shape(line.text, self.column):
                longest = max((len(l.text) for l in run), default=len(line.text))
                return run if len(line.text) * 3 >= longest * 4 else []
            if len(run) == 2:
                return []
            run.append(line)
        return []

    # 3. sentences across blank lines ----------------------------------------------------------
    def join_across_breaks(self, items: list[Item]) -> list[Item]:
        out: list[Item] = []
        i = 0
        while i < len(items):
            item, i = items[i], i + 1
            lifted_all: list[Item] = []
            while item.kind == "body" and not _ends_paragraph(item.text):
                j = i
                while j < len(items) and items[j].kind in ("caption", "furniture"):
                    j += 1
                if j >= len(items) or items[j].kind != "body":
                    break
                if self.markdown and (_LIST_ITEM.match(items[j].lines[0].raw) or _LIST_ITEM.match(item.lines[0].raw)):
                    break  # a list's next item, or the text after a list (a table's last row)
                if self.indents and items[j].lines and _INDENT.match(items[j].lines[0].raw):
                    break  # it opens a paragraph of its own
                lifted, nxt = items[i:j], items[j]
                if lifted:
                    where = ", ".join(_span(x.lines) for x in lifted)
                    self.warnings.append(
                        f"{where}: {lifted[0].kind} lifted out of a sentence (line {nxt.line} rejoined to line {item.lines[-1].no})"
                    )
                else:
                    self.warnings.append(f"line {nxt.line}: sentence broken by a page or column break rejoined")
                item.text = fix_spacing(join_lines([item.text, nxt.text]))
                item.lines = item.lines + nxt.lines
                lifted_all += lifted
                i = j + 1
            out.append(item)
            out += lifted_all
        return out

    # 4. bylines glued to paragraphs; truncated duplicates ---------------------------------------
    def split_bylines(self, items: list[Item]) -> list[Item]:
        out = []
        for item in items:
            split = shapes.split_trailing_byline(item.text) if item.kind == "body" else None
            if split:
                body, byline = split
                item.text = body
                out.append(item)
                out.append(Item("byline", [], byline, extra_original=[byline]))
                self.warnings.append(f"line {item.lines[-1].no}: byline split off the end of a paragraph")
            else:
                out.append(item)
        return out

    def mark_trailing_labels(self, items: list[Item]) -> None:
        """Headings with no text after them (a page label beside the last photo) are furniture."""
        for item in reversed(items):
            if item.kind == "body":
                return
            if item.kind == "heading" and not item.stacked:
                item.kind = "furniture"
                self.warnings.append(f"line {item.line}: heading with no text after it set aside as a page label")

    def mark_duplicates(self, items: list[Item]) -> None:
        """A heading that is a cut-off copy of text elsewhere (an unclosed 《title) is layout debris."""
        bodies = [x.text for x in items if x.kind == "body"]
        for item in items:
            t = item.text
            if item.kind != "heading" or len(t) < 10 or is_terminated(t):
                continue
            unbalanced = t.count("《") > t.count("》") or t.count("“") > t.count("”")
            if unbalanced and any(t in b for b in bodies):
                item.kind = "furniture"
                self.warnings.append(f"line {item.line}: truncated duplicate of a title in the text, set aside")

    # 5. a fragment displaced to the end of the file -------------------------------------------
    def restore_fragment(self, items: list[Item]) -> list[Item]:
        tail = [k for k, x in enumerate(items) if x.kind in ("body", "heading")]
        if not tail:
            return items
        fi = tail[-1]
        frag = items[fi]
        if is_terminated(frag.text) or frag.stacked or any(x.kind == "body" for x in items[fi + 1:]):
            return items
        candidates = []
        for k, x in enumerate(items[:fi]):
            if x.kind != "body":
                continue
            clause = shapes.first_clause(x.text)
            if len(clause) <= 2 and self._forms_word(frag.text, x.text):
                candidates.append((len(clause), k))
        if not candidates:
            return items
        _, bi = min(candidates)
        moved = [fi]
        if fi > 0 and items[fi - 1].kind == "heading" and not items[fi - 1].stacked:
            moved.insert(0, fi - 1)  # the section heading printed above the fragment goes with it
        target = items[bi]
        target.text = join_lines([frag.text, target.text])
        target.lines = frag.lines + target.lines
        self.warnings.append(
            f"line {frag.line}: sentence fragment at the end of the file rejoined to its other half (line {target.lines[len(frag.lines)].no})"
        )
        head = [items[k] for k in moved[:-1]]
        rest = [x for k, x in enumerate(items) if k not in moved]
        pos = rest.index(target)
        return rest[:pos] + head + rest[pos:]

    def _forms_word(self, left: str, right: str) -> bool:
        if self.has_word is None:
            from qualitytui.core.segment import has_word

            self.has_word = has_word
        for a in (1, 2):
            for b in (1, 2):
                if len(left) >= a and len(right) >= b and self.has_word(left[-a:] + right[:b]):
                    return True
        return False

    # 5b. paragraphs too long to read ---------------------------------------------------------
    def split_long(self, items: list[Item]) -> list[Item]:
        """A body paragraph of thousands of characters (a web page copied without its line breaks)
        is cut at sentence ends into paragraphs of a few hundred characters; one with no sentence end
        at clause ends (，；)."""
        out: list[Item] = []
        for item in items:
            if item.kind != "body" or len(item.text) <= LONG_PARAGRAPH:
                out.append(item)
                continue
            for where, ends in (("sentence", _SENTENCE_END), ("clause", _CLAUSE_END)):
                pieces = _pieces(ends.split(item.text))
                if len(pieces) >= 2:
                    self.warnings.append(f"{_span(item.lines)}: a paragraph of {len(item.text)} characters cut at "
                                         f"{where} ends into {len(pieces)}")
                    out += [Item("body", item.lines, piece, piece_of=piece) for piece in pieces]
                    break
            else:
                out.append(item)
        return out

    # 6. title and subtitle -------------------------------------------------------------------
    def choose_title(self, items: list[Item]) -> tuple[list[Item], str, str | None]:
        first_body = next((k for k, x in enumerate(items) if x.kind == "body"), len(items))
        lead = [k for k in range(first_body) if items[k].kind == "heading"]
        doubled = [k for k in lead if items[k].doubled]
        stacks = [k for k, x in enumerate(items) if x.stacked and k + 1 < len(items) and items[k + 1].stacked]
        if len(lead) >= 2 and any(l.marker for l in items[lead[1]].lines):
            lead = lead[:1]  # a marked heading (>>>, ##) is a section heading, never a subtitle
        if self.markdown and lead and lead[0] == 0 and items[0].lines[0].raw.lstrip().startswith("# "):
            stacks = []  # a Markdown file's "# heading" on top is its title, whatever comes later
        if doubled:
            picks = doubled[:2]
        elif len(lead) >= 2:
            picks = lead[:2]
        elif stacks and stacks[0] not in lead:
            k = stacks[0]
            end = next((j for j in range(k + 2, len(items)) if items[j].kind == "heading"), len(items))
            block = items[k:end]
            self.warnings.append(
                f"{_span(items[k].lines + items[k + 1].lines)}: headline found after the body; moved to the top with its lead"
            )
            items = block + items[:k] + items[end:]
            picks = [0, 1]
        elif lead:
            picks = lead[:1]
        elif stacks:
            picks = [stacks[0], stacks[0] + 1]
        else:
            picks = []
        if not picks and self.front_title:
            return items, self.front_title, None
        if not picks:
            first = next((x.text for x in items if x.kind == "body"), "")
            sentence = re.split(r"(?<=[。！？!?])", first, maxsplit=1)[0]
            return items, (sentence if len(sentence) <= 40 else sentence[:30] + "…"), None
        items[picks[0]].kind = "title"
        sub = None
        if len(picks) > 1:
            items[picks[1]].kind = "subtitle"
            sub = items[picks[1]].text
        return items, items[picks[0]].text, sub


def _standing_apart(text: str) -> str | None:
    """What a line is that is no text of the article around it: a byline, or one of the page's lines
    (``_furniture_line``); None for any other line."""
    return "byline" if shapes.is_byline(text) else _furniture_line(text)


def _furniture_line(text: str) -> str | None:
    """Which of the page's own lines ``text`` is, alone: credits, a web page's line about the article,
    an end mark, an official document's note, a line of the web site's, the page's address, the page's
    header; or None."""
    for kind, test in _FURNITURE_LINES:
        if test(text):
            return kind
    return None


_FURNITURE_LINES = (("credits", lambda t: shapes.is_staff_block([t])), ("web", shapes.is_web_meta),
                    ("end", shapes.is_end_mark), ("note", shapes.is_document_note), ("site", shapes.is_site_line),
                    ("address", shapes.line_url),
                    ("header", shapes.is_page_header))


def _ends_paragraph(text: str) -> bool:
    return is_terminated(text) or text.rstrip().endswith(("：", ":"))


def assemble(text: str, markdown: bool = False, has_word: Callable[[str], bool] | None = None) -> Assembled:
    """Repair and classify one document's text. ``has_word`` looks a word up in the segmenter's dictionary."""
    a = _Assembler(text, markdown, has_word)
    items = a.items()
    items = a.join_across_breaks(items)
    items = a.split_bylines(items)
    a.mark_duplicates(items)
    items = a.restore_fragment(items)
    items = a.split_long(items)
    items, title, subtitle = a.choose_title(items)
    a.mark_trailing_labels(items)
    bylines = [shapes.byline_credit(x.text) for x in items if x.kind == "byline"]  # (the passage keeps its □)
    return Assembled(items, title, subtitle, "；".join(bylines) or None, a.warnings)
