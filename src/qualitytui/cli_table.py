"""The command line's tables: one row per line, columns aligned by display width (a Chinese
character takes two cells), quick for tens of thousands of rows.

Rich's Table measured and wrapped every cell: listing the 12 871 entities of 2 000 articles took
3.1 s. On a terminal, the flexible columns (titles, names, aliases) are cut with … to fit its width;
into a pipe every value goes whole, a row to a line, for grep and cut.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size

from qualitytui.core.normalize import printable

GAP = "  "
MIN_FLEX = 8  # a flexible column is not cut narrower than this (nor than its heading)


def render(columns: Sequence[str], rows: Sequence[Sequence[object]], *, right: Sequence[str] = (),
           flexible: Sequence[str] = (), width: int | None = None) -> list[str]:
    """The table's lines, heading first; ``width`` (a terminal's) cuts the ``flexible`` columns to fit."""
    cells = [list(columns)] + [[_clean(c) for c in row] for row in rows]
    sizes = [list(map(cell_len, row)) for row in cells]  # measured once: the slow part for CJK text
    widths = [max(row[k] for row in sizes) for k in range(len(columns))]
    if width is not None:
        widths = _fit(columns, widths, flexible, width)
    at_right = [col in right for col in columns]
    return [_line(row, size, widths, at_right) for row, size in zip(cells, sizes)]


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]], *, right: Sequence[str] = (),
                flexible: Sequence[str] = ()) -> None:
    """Write the table to stdout: cut to the terminal's width with a bold heading on a terminal,
    whole and plain into a pipe."""
    terminal = sys.stdout.isatty()
    width = shutil.get_terminal_size().columns if terminal else None
    lines = render(columns, rows, right=right, flexible=flexible, width=width)
    if terminal and "NO_COLOR" not in os.environ:
        lines[0] = f"\x1b[1m{lines[0]}\x1b[0m"
    sys.stdout.write("\n".join(lines) + "\n")


def _clean(value: object) -> str:
    """A cell's text on one line, control characters shown as symbols (corpus text is data)."""
    return printable(str(value).replace("\r\n", " ").replace("\n", " "))


def _fit(columns: Sequence[str], widths: list[int], flexible: Sequence[str], width: int) -> list[int]:
    """Narrow the flexible columns, widest first, until the table fits ``width`` (or they are as
    narrow as they go: the terminal then wraps)."""
    widths = list(widths)
    excess = sum(widths) + len(GAP) * (len(widths) - 1) - width
    flex = [k for k, col in enumerate(columns) if col in flexible]
    floor = {k: max(MIN_FLEX, cell_len(columns[k])) for k in flex}
    while excess > 0:
        shrinkable = [k for k in flex if widths[k] > floor[k]]
        if not shrinkable:
            break
        k = max(shrinkable, key=lambda k: widths[k])
        others = [widths[j] for j in shrinkable if j != k]
        target = max(floor[k], max(others, default=floor[k]), widths[k] - excess)
        if target >= widths[k]:  # tied with the next widest: take one cell and go round again
            target = widths[k] - 1
        excess -= widths[k] - target
        widths[k] = target
    return widths


def _line(cells: Sequence[str], sizes: Sequence[int], widths: Sequence[int], at_right: Sequence[bool]) -> str:
    out = []
    last = len(cells) - 1  # no padding after the last cell: no trailing spaces
    for k, (text, size, w) in enumerate(zip(cells, sizes, widths)):
        if size > w:
            text, size = set_cell_size(text, w - 1) + "…", w
        pad = " " * (w - size)
        if at_right[k]:
            out.append(pad + text)
        else:
            out.append(text if k == last else text + pad)
    return GAP.join(out).rstrip()  # (an empty last cell leaves the gap before it)
