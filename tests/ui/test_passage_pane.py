"""The passage pane: passages made only as they come into view, measured at the pane's width, and a
view that stays put while estimates of heights are corrected."""

from textual.app import App, ComposeResult

from qualitytui.ui.widgets import passages as passages_module
from qualitytui.ui.widgets.passages import PassageList

PASSAGES = [{"id": f"d#{i}", "kind": "body", "text": "质量强链" * (10 + i)} for i in range(40)]


class Host(App[None]):
    def __init__(self, passages, at: int = 0) -> None:
        super().__init__()
        self.passages, self.at = passages, at

    def compose(self) -> ComposeResult:
        yield PassageList(id="pane")

    def on_mount(self) -> None:  # before the first layout: the pane has no size yet
        pane = self.query_one(PassageList)
        assert not pane.size.width
        pane.show_passages(self.passages, at=self.at)


def screen_lines(app) -> list[str]:
    pane = app.query_one(PassageList)
    return [pane.render_line(y).text.rstrip() for y in range(pane.scrollable_content_region.height)]


def spy_on_prompts(monkeypatch) -> list:
    made = []
    real = passages_module.passage_prompt

    def spy(p, marks=(), width=None, bookmarked=False):
        made.append((p["id"], width))
        return real(p, marks, width, bookmarked)

    monkeypatch.setattr(passages_module, "passage_prompt", spy)
    return made


async def test_a_document_shown_before_layout_is_made_only_where_it_shows_and_at_its_width(monkeypatch):
    made = spy_on_prompts(monkeypatch)
    app = Host(PASSAGES, at=7)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(PassageList)
        assert pane.highlighted == 7 and pane.current["id"] == "d#7"
        widths = {w for _, w in made}
        assert widths == {pane._width} and pane._width and pane._width <= 60
        ids = [i for i, _ in made]
        assert len(ids) == len(set(ids)) < len(PASSAGES) // 2  # each made once; most never
        assert "d#7" in ids and "d#39" not in ids


async def test_a_large_document_opens_making_a_screenful_and_moves_to_its_end(monkeypatch):
    made = spy_on_prompts(monkeypatch)
    big = [{"id": f"d#{i}", "kind": "body", "text": f"第{i}段。" + "质量强国建设" * (i % 37 + 1)} for i in range(20000)]
    app = Host(big)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.query_one(PassageList)
        assert len(made) < 60
        assert screen_lines(app)[0].startswith("第0段。")
        pane.focus()
        await pilot.press("G")
        assert pane.current["id"] == "d#19999"
        shown = "\n".join(screen_lines(app))
        assert "第19999段。" in shown and "第19998段。" in shown
        assert len(made) < 120
        await pilot.press("k")
        assert pane.current["id"] == "d#19998"


async def test_the_view_shows_the_passages_in_order_at_any_scroll(monkeypatch):
    # heights are estimated from UTF-8 lengths, wrongly for Cyrillic (two bytes, one cell) and for
    # Latin words carried whole to the next line: the screen must not care
    mixed = [{"id": f"d#{i}", "kind": "body", "text": f"P{i:03d} " + ("качество " * (i % 9 + 1)) + "quality " * (i % 7) + "质量" * (i % 5)}
             for i in range(300)]
    app = Host(mixed)
    async with app.run_test(size=(50, 16)) as pilot:
        await pilot.pause()
        pane = app.query_one(PassageList)
        whole = [line.rstrip() for i in range(len(mixed)) for line in pane.passage_text(i).plain.split("\n")]
        for y in (0, 137, 500, 333, 2000, 10):
            pane.scroll_to(y=y, animate=False)
            await pilot.pause()
            shown = screen_lines(app)
            first = pane._index_at(round(pane.scroll_y))
            at = round(pane.scroll_y) - pane._tops[first]
            start = sum(len(pane.passage_text(i).plain.split("\n")) for i in range(first)) + at
            assert shown == whole[start:start + len(shown)], y  # every line, in order, none cut or doubled
            assert all(pane._measured[first:pane._index_at(round(pane.scroll_y) + len(shown) - 1) + 1])


async def test_j_and_k_read_a_passage_taller_than_the_view_without_skipping_lines():
    tall = [{"id": "d#0", "kind": "title", "text": "标题"},
            {"id": "d#1", "kind": "body", "text": "".join(f"第{k:02d}句质量强链。" for k in range(90))},
            {"id": "d#2", "kind": "body", "text": "末段。"}]
    app = Host(tall)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        pane = app.query_one(PassageList)
        pane.focus()
        await pilot.press("j")
        seen: list[str] = []
        while pane.current["id"] == "d#1":
            seen += [line for line in screen_lines(app) if line]
            await pilot.press("j")
        assert pane.current["id"] == "d#2"
        text = "".join(seen)
        assert all(f"第{k:02d}句" in text for k in range(90))


async def test_starring_a_passage_redraws_it_and_keeps_the_view():
    app = Host(PASSAGES, at=12)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(PassageList)
        y = pane.scroll_y
        pane.set_bookmarked({"d#12"})
        await pilot.pause()
        assert pane.passage_text(12).plain.startswith("★") and not pane.passage_text(11).plain.startswith("★")
        assert any(line.lstrip().startswith("★") for line in screen_lines(app))
        assert pane.scroll_y == y and pane.highlighted == 12


async def test_a_passage_opened_deep_in_a_document_shows_with_what_leads_to_it():
    numbered = [{"id": f"d#{i}", "kind": "body", "text": f"第{i}段。" + "质量强链" * (i % 7 + 3)} for i in range(200)]
    app = Host(numbered, at=120)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(PassageList)
        lines = screen_lines(app)
        row = next(k for k, line in enumerate(lines) if line.startswith("第120段。"))
        assert pane.highlighted == 120 and 2 <= row <= len(lines) // 3
        assert any(line.startswith("第119段。") for line in lines[:row])
        pane.show_passages(numbered, at=1)  # near the top: the document's start stays in view
        await pilot.pause()
        assert screen_lines(app)[0].startswith("第0段。")
