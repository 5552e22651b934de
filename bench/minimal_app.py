"""The yardstick: a minimal Textual app (Header and Footer) that exits after its first frame."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    Minimal().run(headless=True)
