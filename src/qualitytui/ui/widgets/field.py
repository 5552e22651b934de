"""A text field that hands on what is typed after focus has left it."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class Field(Input):
    """An Input that passes on typing meant for the field focus has moved to.

    Keys typed in one burst (a fast typist, a pasted "note<tab>tags", an input method committing
    several characters) all reach the field focused when they arrive, before the tab among them
    moves focus on: the characters after the tab then landed in the field it left. Here the tab
    moves focus at once, and the keys this field receives after it are posted to the field focused,
    behind its focus event, so they act there as if typed after the move.
    """

    async def _on_key(self, event: events.Key) -> None:
        focused = self.screen.focused
        if focused is not self and isinstance(focused, Field):
            event.stop()
            event.prevent_default()
            focused.post_message(events.Key(event.key, event.character))
            return
        if event.key in ("tab", "shift+tab") and isinstance(focused, Field):
            # moved here and now, not once the key has bubbled up to the app's binding: the keys
            # behind it in this field's queue then see where focus went
            event.stop()
            event.prevent_default()
            (self.screen.focus_next if event.key == "tab" else self.screen.focus_previous)()
            return
        await super()._on_key(event)
