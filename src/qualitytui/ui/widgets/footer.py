"""The footer: Textual's, redrawn only when the keys it shows change, and empty in the first frame."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer rebuilds its key widgets whenever the screen's bindings are refreshed, which
    is on every focus change (seven times before the first frame). It is rebuilt here only when
    what it would show differs from what it shows. Its keys are left out of the app's first frame
    (a dozen widgets to style and lay out) and come with the next, on ``release()``."""

    _shown: tuple[Any, ...] | None = None
    held = True

    def release(self) -> None:
        self.held = False
        self.refresh_bindings()  # the signal comes back to bindings_changed, in this widget's context

    def compose(self) -> ComposeResult:
        if not self.held:
            yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if self.held or not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        shown = tuple(
            (binding.key, binding.key_display, binding.description, binding.action, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )
        if shown != self._shown:
            self._shown = shown
            self.call_after_refresh(self.recompose)
