"""Bookmarks, notes, copy, and the state the app remembers (theme, position, searches), by key."""

import json

from textual.widgets import Input, OptionList

from qualitytui.core.bookmarks import citation
from qualitytui.core.linebreak import CLOSING, OPENING
from qualitytui.ui.screens.bookmarks import BookmarksScreen, ConfirmScreen, ExportScreen, NoteScreen
from qualitytui.ui.screens.search import SearchScreen
from qualitytui.ui.screens.timeline import TimelineScreen
from qualitytui.ui.widgets.lazy_list import LazyList
from qualitytui.ui.widgets.passages import PassageList

from apphelp import SEEDS, make_app, ready, write_folder


async def test_b_toggles_a_bookmark_and_the_pane_stars_it(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "j", "b")
        passages = app.query_one(PassageList)
        pid = passages.current["id"]
        [b] = app.bookmarks.all()
        assert b["passage"] == pid and pid in app.marked
        assert passages.passage_text(2).plain.startswith("★")
        assert not passages.passage_text(1).plain.startswith("★")
        await pilot.press("b")
        assert app.bookmarks.all() == [] and not passages.passage_text(2).plain.startswith("★")


async def test_a_note_and_tags_typed_in_one_burst_land_in_their_fields(tmp_path):
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "b", "m")
        screen = app.screen
        # as a terminal delivers a fast typist or a paste: every key reaches the app before any is handled
        for key, ch in [("崂", "崂"), ("山", "山"), ("tab", None), ("t", "t"), ("e", "e"), ("shift+tab", None), ("茶", "茶")]:
            app.post_message(events.Key(key, ch))
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one("#note-input", Input).value == "崂山茶"
        assert screen.query_one("#tags-input", Input).value == "te"


async def test_editing_a_note_adds_to_it_instead_of_replacing_it(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "b", "m", *"ab", "tab", "t", "enter")
        await pilot.press("m")
        await pilot.press("c", "tab", "u", "enter")  # focusing a field selects nothing for a key to replace
        await pilot.pause()
        [b] = app.bookmarks.all()
        assert (b["note"], b["tags"]) == ("abc", ["tu"])


async def test_m_edits_note_and_tags_in_chinese(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "j", "m")
        assert isinstance(app.screen, NoteScreen)
        app.screen.query_one("#note-input", Input).value = "崂山区入选试点"
        await pilot.press("tab", *"lao", "space", *"shan", "enter")
        await pilot.pause()
        [b] = app.bookmarks.all()
        assert b["note"] == "崂山区入选试点" and b["tags"] == ["lao", "shan"]
        await pilot.press("m")
        assert app.screen.query_one("#note-input", Input).value == "崂山区入选试点"
        await pilot.press("escape")
        assert not isinstance(app.screen, NoteScreen) and app.bookmarks.all()[0]["note"] == "崂山区入选试点"
    stored = json.loads((tmp_path / "d" / "user.json").read_text(encoding="utf-8"))
    assert [x["note"] for x in stored["bookmarks"].values()] == ["崂山区入选试点"]


async def test_bookmarks_list_filters_opens_removes_and_exports(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "j", "b", "right_square_bracket", "j", "j", "j", "b")
        first_doc = "000_dd8c9580cc043703"
        app.bookmarks.update(app.bookmarks.all()[0]["id"], tags=["崂山"])
        await pilot.press("B")
        screen = app.screen
        assert isinstance(screen, BookmarksScreen) and len(screen.shown) == 2
        rows = screen.query_one("#bookmarks-list", OptionList)
        assert sorted(str(rows.get_option_at_index(i).prompt).splitlines()[1].split()[-1] for i in range(2)) == sorted(
            b["passage"] for b in app.bookmarks.all())  # where each one is: its passage id
        dates = sorted(str(rows.get_option_at_index(i).prompt).splitlines()[1].split()[-2] for i in range(2))
        assert dates == sorted("≈" + app.corpus.document(b["doc"])["date"]["value"] for b in app.bookmarks.all())  # inferred: ≈
        await pilot.press("slash", *"崂山", "enter")
        await pilot.pause()
        assert [b["doc"] for b in screen.shown] == [first_doc]
        await pilot.press("enter")
        assert not isinstance(app.screen, BookmarksScreen)
        assert app.doc_id == first_doc and app.query_one(PassageList).highlighted == 2
        await pilot.press("B", "x")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")  # Markdown, the first choice
        await pilot.pause()
        [md] = (tmp_path / "d" / "exports").glob("bookmarks-*.md")
        text = md.read_text(encoding="utf-8")
        assert text.count("《") >= 2 and "从“省级标杆”跨越到“全国试点”" in text
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(app.bookmarks.all()) == 2
        await pilot.press("delete", "y")
        await pilot.pause()
        assert len(app.bookmarks.all()) == 1 and len(app.screen.shown) == 1


async def test_a_bookmark_made_in_another_folder_is_listed_as_there_and_not_starred_here(tmp_path):
    first_doc = "000_dd8c9580cc043703"
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "j", "b", "q")
    # a file of the same name, so the same document id, with other text
    other = write_folder(tmp_path, "other", {f"{first_doc}.txt": "别的标题\n\n第一段。\n\n第二段。\n\n第三段。\n"})
    app = make_app(tmp_path, other)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert app.doc_id == first_doc and not app.marked
        assert not app.query_one(PassageList).passage_text(2).plain.startswith("★")
        await pilot.press("g")  # (the reading position, saved by passage, put the cursor on passage 2)
        await pilot.press("B")
        rows = app.screen.query_one("#bookmarks-list", OptionList)
        prompt = str(rows.get_option_at_index(0).prompt)
        assert prompt.startswith("in another folder ") and "从“省级标杆”跨越到“全国试点”" in prompt  # its title, kept
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(PassageList).highlighted == 0  # not opened here
        assert any("made in another folder" in str(n.message) for n in app._notifications)
        [b] = app.bookmarks.all()
        assert b["anchored"] and b["passage"] == f"{first_doc}#2"  # left as it is


async def test_c_copies_the_passage_with_its_citation(tmp_path, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("TERM_PROGRAM", raising=False)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "j", "c")
        p = app.query_one(PassageList).current
        assert app.clipboard == citation(p, app.corpus.document(p["doc"]))
        assert p["text"][:10] in app.clipboard and "《从“省级标杆”跨越到“全国试点”》" in app.clipboard


async def test_c_says_so_where_the_terminal_cannot_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "c")
        saved = tmp_path / "d" / "clipboard.txt"
        assert app.clipboard == "" and saved.read_text(encoding="utf-8").startswith("“")
        assert any("cannot take a copy" in str(n.message) for n in app._notifications)


async def test_reopens_where_the_reader_left_off_with_theme_and_recent_searches(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        app.theme = "nord"
        await pilot.press("right_square_bracket", "j", "j", "j")
        await pilot.press("slash", *"质量月", "enter")
        await pilot.pause()
        where = (app.doc_id, app.query_one(PassageList).highlighted)
        await pilot.press("q")
    again = make_app(tmp_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(again, pilot)
        assert again.theme == "nord"
        assert (again.doc_id, again.query_one(PassageList).highlighted) == where and where[1] > 0
        await pilot.press("slash")
        await pilot.pause()
        recent = again.screen.query_one("#search-results", LazyList)
        assert isinstance(again.screen, SearchScreen) and recent.row_text(0).plain == "质量月"
        await pilot.press("enter")  # runs the recent search again
        await pilot.pause(0.3)
        assert again.screen.query_one("#search-input", Input).value == "质量月"


async def test_a_corrupt_user_file_is_set_aside_and_the_user_told(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "user.json").write_text("{not json", encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert any("moved to" in str(n.message) for n in app._notifications)
        await pilot.press("b")
        assert len(app.bookmarks.all()) == 1
    assert list((tmp_path / "d").glob("user.json.corrupt-*"))


async def test_a_read_only_data_dir_still_browses_and_says_why(tmp_path):
    (tmp_path / "d").write_text("a file where the data folder should be")
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "b")
        assert app.bookmarks.all() == []
        assert any("cannot be created" in str(n.message) for n in app._notifications)
        await pilot.press("j", "right_square_bracket")
        assert app.doc_id == "001_8b5557aee29fe76b"  # browsing goes on


async def test_lines_follow_chinese_breaking_rules_at_every_size(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for size in ((120, 40), (80, 24), (60, 18), (47, 20)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            passages = app.query_one(PassageList)
            for k in range(len(passages.passages)):
                lines = passages.passage_text(k).plain.rstrip("\n").split("\n")
                assert all(line[:1] not in CLOSING for line in lines[1:]), (size, lines)
                assert all(line[-1:] not in OPENING for line in lines[:-1]), (size, lines)
            assert k > 10


async def test_palette_has_a_command_for_every_key_and_jumps_to_entities(tmp_path):
    from qualitytui.ui.commands import ACTIONS

    app = make_app(tmp_path)
    actions = {a for *_, a in ACTIONS} | {"quit", "back"}
    assert {b.action for b in app.BINDINGS} <= actions
    assert all(callable(getattr(app, f"action_{a}", None)) for *_, a in ACTIONS)  # each entry does something
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+p", *"Timeline")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("escape", "ctrl+p", *"Entity: 高善武")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.entity and app.entity["name"] == "高善武"
        from qualitytui.ui.commands import EntityCommands

        found = [h.match_display.plain async for h in EntityCommands(app.screen).search("qingpi")]
        assert found == ["Entity: 青岛啤酒  青啤"]  # found by its alias: the name, then the alias
        assert [h.match_display.plain async for h in EntityCommands(app.screen).search("qīngpí")] == found  # tones
        # the letters of "Entity:" in every label do not make every entity a hit for "e" (as in
        # "Edit note"): on 45 000 entities that cost the palette a second a key
        with_e = [h.text.removeprefix("Entity: ") async for h in EntityCommands(app.screen).search("e")]
        assert len(with_e) < 5 and all("e" in name.lower() for name in with_e)
        named = [h.match_display.plain async for h in EntityCommands(app.screen).search("崂山")]
        assert "Entity: 崂山区" in named and all("崂山" in n for n in named)


async def test_palette_shows_a_document_id_that_reads_as_markup_as_written(tmp_path):
    import shutil

    from textual.command import CommandPalette

    corpus = tmp_path / "odd"
    (corpus / "[").mkdir(parents=True)  # the document's id, [/x], reads as a closing markup tag
    shutil.copy(SEEDS / "001_8b5557aee29fe76b.txt", corpus / "[" / "x].txt")
    app = make_app(tmp_path, corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+p", *"Open: 这是")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette) and app.return_code is None
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.doc_id == "[/x]" and app.return_code is None


async def test_palette_shows_a_title_that_reads_as_markup_as_written_and_reads_pinyin(tmp_path):
    from textual.command import CommandPalette

    from qualitytui.ui.commands import DocumentCommands, EntityCommands

    corpus = write_folder(tmp_path, "odd", {"a.txt": "[@click=app.quit]质量[/]大会召开\n\n崂山区召开质量大会，局长高善武出席。\n"})
    app = make_app(tmp_path, corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen

        async def hits(provider, query):
            p = provider(screen)
            return [h async for h in p.search(query)]

        [doc] = await hits(DocumentCommands, "Open: 质量")
        assert doc.match_display.plain == "Open: [@click=app.quit]质量[/]大会召开"  # data, not markup
        [doc] = await hits(DocumentCommands, "zhiliang dahui")  # pinyin
        assert doc.match_display.plain.endswith("大会召开")
        names = [h.match_display.plain for h in await hits(EntityCommands, "gaoshanwu")]
        assert names == ["Entity: 高善武"]
        await pilot.press("ctrl+p", *"zhiliang")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette) and app.return_code is None
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.return_code is None and app.doc_id == "a"


async def test_the_reading_position_follows_its_file_when_it_is_renamed(tmp_path):
    import shutil

    folder = tmp_path / "folder"
    shutil.copytree(SEEDS, folder)
    app = make_app(tmp_path, folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "j", "j", "j")
        where = (app.doc_id, app.query_one(PassageList).highlighted)
        await pilot.press("q")
    (folder / f"{where[0]}.txt").rename(folder / "改名后的文章.txt")
    again = make_app(tmp_path, folder)
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(again, pilot)
        assert (again.doc_id, again.query_one(PassageList).highlighted) == ("改名后的文章", where[1]) and where[1] == 3
