"""A block of text broken into lines by the Chinese rules (core.linebreak) at the widget's width,
as the document pane breaks its passages, instead of by Rich's wrapping (which may end a line on “)."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from qualitytui.core.linebreak import wrap
from qualitytui.core.normalize import printable


class ChineseText(Widget):
    DEFAULT_CSS = "ChineseText { height: auto; }"

    def __init__(self, text: str, *, style: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = printable(text)  # corpus text is data: shown, never read as markup
        self._text_style = style

    def _lines(self, width: int) -> list[str]:
        return [self._text[s:e] for s, e in wrap(self._text, width)] if width > 0 else [self._text]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        return Text("\n".join(self._lines(self.content_size.width)), style=self._text_style, no_wrap=True)
