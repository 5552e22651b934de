"""LazyList: rows are made only when they come into view, whatever the count."""

from rich.text import Text
from textual.app import App, ComposeResult

from qualitytui.ui.widgets.lazy_list import LazyList


class Host(App[None]):
    def __init__(self, count: int, lines: int = 1, headings: frozenset[int] = frozenset()) -> None:
        super().__init__()
        self.count, self.lines, self.made, self.selected = count, lines, set(), []
        self.headings = headings

    def compose(self) -> ComposeResult:
        yield LazyList(lines=self.lines, id="list")

    def on_mount(self) -> None:
        def row(i: int) -> Text:
            self.made.add(i)
            return Text(f"{'heading' if i in self.headings else 'row'} {i}" + (f"\nsecond {i}" if self.lines == 2 else ""))

        self.query_one(LazyList).show(self.count, row, selectable=(lambda i: i not in self.headings) if self.headings else None)
        self.query_one(LazyList).focus()

    def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        self.selected.append(event.index)


async def test_ten_thousand_rows_make_only_the_visible_ones():
    app = Host(10_000)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        listing = app.query_one(LazyList)
        assert app.made == set(range(10))  # one screen of rows
        await pilot.press("end")
        await pilot.pause()
        assert listing.highlighted == 9_999 and listing.scroll_offset.y == 9_990
        assert "row 9999" in str(listing.render_line(9).text)
        assert len(app.made) <= 20
        await pilot.press("home", "pagedown", "down", "enter")
        assert app.selected == [10]
        await pilot.press("up", "up", "up", "k")
        assert listing.highlighted == 6


async def test_two_line_rows_scroll_and_click_by_row():
    app = Host(50, lines=2)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        listing = app.query_one(LazyList)
        assert [str(listing.render_line(y).text).strip() for y in range(4)] == ["row 0", "second 0", "row 1", "second 1"]
        await pilot.click(LazyList, offset=(3, 5))  # the second line of row 2
        assert app.selected == [2] and listing.highlighted == 2
        for _ in range(10):
            await pilot.press("down")
        await pilot.pause()
        top = listing.scroll_offset.y
        assert top <= 2 * 12 and 2 * 12 + 1 < top + 8  # both lines of row 12 in view
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        assert str(listing.render_line(0).text).strip()


async def test_empty_list_has_no_cursor_and_selects_nothing():
    app = Host(0)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.press("down", "end", "enter")
        assert app.query_one(LazyList).highlighted is None and app.selected == []


async def test_headings_are_drawn_but_passed_over():
    app = Host(10, headings=frozenset({0, 3, 4, 9}))  # 3 and 4: two headings in a row; 9: one at the end
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        listing = app.query_one(LazyList)
        assert listing.highlighted == 1 and "heading 0" in str(listing.render_line(0).text)
        await pilot.press("up")
        assert listing.highlighted == 1
        await pilot.press("down", "down")
        assert listing.highlighted == 5  # over both headings
        await pilot.press("up")
        assert listing.highlighted == 2
        await pilot.press("end")
        assert listing.highlighted == 8
        await pilot.press("home", "enter")
        assert app.selected == [1]
        await pilot.click(LazyList, offset=(3, 3))  # a heading: nothing happens
        assert listing.highlighted == 1 and app.selected == [1]


class Tailed(App[None]):
    def compose(self) -> ComposeResult:
        yield LazyList(id="list")

    def on_mount(self) -> None:
        names = ["《崂山区崂山质量奖管理办法》", "青岛", "a" * 40]
        self.query_one(LazyList).show(3, lambda i: Text(names[i]), tail=lambda i: Text(str(1000 + i)))


async def test_a_row_is_cut_to_keep_its_tail_in_view():
    app = Tailed()
    async with app.run_test(size=(24, 5)) as pilot:
        await pilot.pause()
        listing = app.query_one(LazyList)
        width = listing.scrollable_content_region.width
        lines = [str(listing.render_line(y).text).rstrip() for y in range(3)]
        assert lines[0].endswith("… 1000") and lines[0].startswith("《崂山区")
        assert lines[1] == "青岛 1001"  # short rows are not touched
        assert lines[2].endswith("… 1002")
        assert all(Text(line).cell_len <= width for line in lines)
        assert listing.row_text(0).plain == "《崂山区崂山质量奖管理办法》 1000"
