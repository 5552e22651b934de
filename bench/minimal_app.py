"""The yardstick: a minimal Textual app (Header and Footer) that exits after its first frame."""

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header

sys.path.insert(0, str(Path(__file__).resolve().parent))
from frame_clock import stamp  # noqa: E402


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.first_idle)

    def _display(self, screen, renderable) -> None:
        super()._display(screen, renderable)
        stamp("frame")

    def first_idle(self) -> None:
        stamp("idle")
        self.exit()


if __name__ == "__main__":
    Minimal().run(headless=True, size=(120, 40))
