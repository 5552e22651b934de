"""The passage pane: a document shown before the pane is laid out is drawn once, at its width."""

from textual.app import App, ComposeResult

from qualitytui.ui.widgets import passages as passages_module
from qualitytui.ui.widgets.passages import PassageList

PASSAGES = [{"id": f"d#{i}", "kind": "body", "text": "质量强链" * (10 + i)} for i in range(40)]


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield PassageList(id="pane")

    def on_mount(self) -> None:  # before the first layout: the pane has no size yet
        pane = self.query_one(PassageList)
        assert not pane.size.width
        pane.show_passages(PASSAGES, at=7)


async def test_a_document_shown_before_layout_is_drawn_once_at_its_width(monkeypatch):
    made = []
    real = passages_module.passage_prompt
    monkeypatch.setattr(passages_module, "passage_prompt", lambda p, *a, **k: made.append(a[1] if len(a) > 1 else k.get("width")) or real(p, *a, **k))
    app = Host()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(PassageList)
        assert pane.option_count == len(PASSAGES) and pane.highlighted == 7 and pane.current["id"] == "d#7"
        assert len(made) == len(PASSAGES) and all(made)  # each passage made once, broken at the pane's width
