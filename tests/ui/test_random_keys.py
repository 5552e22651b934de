"""2 000 random keys and terminal resizes through Pilot: the app never raises and keeps its layout."""

import random
import unicodedata

from apphelp import make_app, ready
from textual import events
from textual.keys import _character_to_key, _get_unicode_name_from_key

from qualitytui.ui.widgets.passages import PassageList

# every binding except quit (and the palette, whose typed-in commands include Quit), plus typing keys
KEYS = ["j", "k", "g", "G", "d", "e", "t", "h", "n", "N", "b", "m", "B", "c", "r", "x", "y", "slash",
        "question_mark", "right_square_bracket", "left_square_bracket", "escape", "escape", "enter", "tab",
        "shift+tab", "up", "down", "pageup", "pagedown", "home", "end", "delete", "backspace", "space",
        "a", "l", "s", "质", "量", "青", "1", "2"]
SIZES = [(120, 40), (80, 24), (60, 18), (40, 12), (100, 30), (200, 60)]


def key_event(key: str) -> events.Key:
    """The event Pilot would send for ``key`` (as App._press_keys builds it)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def burst(app, pilot, keys) -> None:
    """Send ``keys`` as fast as a quick typist would (Pilot.press waits a frame after every key)."""
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()


async def test_random_keys_and_resizes_never_break_the_app(tmp_path):
    rng = random.Random(2026)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        pressed = 0
        while pressed < 2000:
            batch = [rng.choice(KEYS) for _ in range(25)]
            await burst(app, pilot, batch)
            pressed += len(batch)
            if pressed % 200 == 0:
                await pilot.resize_terminal(*rng.choice(SIZES))
                await pilot.pause()
        await pilot.resize_terminal(80, 24)
        for _ in range(8):  # close whatever is open
            await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.query_one(PassageList).passages  # a document is still open
