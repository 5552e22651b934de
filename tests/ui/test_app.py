"""The reader app, driven by keys through Textual's Pilot."""

import asyncio
import io
import json
import os
import time
from pathlib import Path

import pytest
from apphelp import app_paths, filtered, group_starts, make_app, open_timeline, ready, search_for, settled, write_folder
from rich.console import Console
from textual.widgets import Static
from conftest import seed_copies
from markdown_items import list_items

from qualitytui.ui.app import QualityApp
from qualitytui.core.query_help import SYNTAX
from qualitytui.core.user_store import UserStore
from qualitytui.ui.screens.help import KEYS, HelpScreen, _two_columns
from qualitytui.ui.screens.repairs import RepairsScreen
from qualitytui.ui.widgets.doc_list import DocList
from qualitytui.ui.widgets.entities import EntityList
from qualitytui.ui.widgets.footer import KeysFooter
from qualitytui.ui.widgets.passages import PassageList

async def test_opens_first_document_and_moves_between_passages(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        passages = app.query_one(PassageList)
        assert app.doc_id == "000_dd8c9580cc043703"
        assert passages.current["kind"] == "title"
        await pilot.press("j", "j")
        assert passages.highlighted == 2
        await pilot.press("k")
        assert passages.highlighted == 1
        await pilot.press("down")
        assert passages.highlighted == 2
        await pilot.press("G")
        assert passages.highlighted == len(passages.passages) - 1
        n = len(passages.passages)
        header = str(app.query_one("#doc-header").render())
        assert f"¶ {n}/{n} · " in header and header.startswith("从“省级标杆”")  # where the reader is
        await pilot.press("g")
        assert passages.highlighted == 0
        assert f"¶ 1/{n} · " in str(app.query_one("#doc-header").render())


async def test_a_document_opens_where_it_was_left_and_the_list_marks_those_read(tmp_path):
    from qualitytui.ui.widgets.doc_list import DocList

    def marked(app) -> list[bool]:
        listing = app.query_one(DocList)
        on_screen = [listing.render_line(2 * i + 1).text.strip() for i in range(listing.option_count)]  # (as drawn)
        rows = [listing.row_text(i) for i in range(listing.option_count)]
        assert [line.startswith("✓ ") for line in on_screen] == [str(r).splitlines()[1].startswith("✓ ") for r in rows]
        assert all(str(r).splitlines()[1].startswith("✓ ") != ("bold" in str(r.style) or any(
            "bold" in str(x.style) and x.start == 0 for x in r.spans)) for r in rows)  # unread: bold titles
        return [str(r).splitlines()[1].startswith("✓ ") for r in rows]

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        ids = app.corpus.doc_ids()
        assert marked(app) == [True, False, False, False, False]  # the one open
        await pilot.press("right_square_bracket", "j", "j", "j", "right_square_bracket")
        assert app.doc_id == ids[2] and app.query_one(PassageList).highlighted == 0  # never read: its start
        await pilot.press("left_square_bracket")
        assert app.doc_id == ids[1] and app.query_one(PassageList).highlighted == 3  # where it was left
        assert marked(app) == [True, True, True, False, False]
        app.reading.clear()  # as on a first start: nothing read, the rows drawn so
        app.query_one(DocList).show_documents(app.corpus.documents(), app._was_read)
        assert marked(app) == [False] * 5
        await pilot.press("right_square_bracket")  # the one left, and the one opened, marked on screen
        assert marked(app) == [False, True, True, False, False]
        await pilot.press("left_square_bracket", "j", "q")
    copy = tmp_path / "elsewhere"  # the same articles in another folder: known by their files' hashes
    copy.mkdir()
    for f in sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt")):
        (copy / f.name).write_bytes(f.read_bytes())
    again = make_app(tmp_path, copy)
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(again, pilot)
        assert marked(again) == [False, True, True, False, False]
        assert again.doc_id == ids[1] and again.query_one(PassageList).highlighted == 4  # the reading position
        await pilot.press("right_square_bracket", "j", "j")
        assert again.doc_id == ids[2] and again.query_one(PassageList).highlighted == 2
        await pilot.press("d")
        listing = again.query_one(DocList)
        listing.highlighted = 1
        await pilot.press("enter")
        assert again.doc_id == ids[1] and again.query_one(PassageList).highlighted == 4  # left there at the quit


async def test_next_and_previous_document(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("right_square_bracket")
        assert app.doc_id == "001_8b5557aee29fe76b"
        assert app.query_one(PassageList).current["text"] == "这是一场城与质更热烈的双向奔赴"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.doc_id == "004_e0fac6992d39068e"


async def test_documents_list_opens_the_chosen_document(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("d")
        assert app.query_one(DocList).has_focus
        await pilot.press("down", "down", "enter")
        assert app.doc_id == "002_07e271edaf675502"
        assert app.query_one(PassageList).has_focus


def _rendered(width: int, *renderables) -> str:
    """What Rich prints of ``renderables`` at ``width`` cells, as plain text."""
    console = Console(record=True, width=width, file=io.StringIO())
    for r in renderables:
        console.print(r)
    return console.export_text()


def test_help_wraps_every_line_whole_at_any_width():
    """A narrow help box wraps its lines; it never cuts one short with an ellipsis (崂山, 青岛优品 showed as 崂山…)."""
    for width, rows in ((w, rows) for w in range(34, 81) for rows in (KEYS, SYNTAX)):
        shown = _rendered(width, _two_columns(rows))
        typed = "".join(a + b for a, b in rows)
        assert shown.count("…") == typed.count("…")
        assert "".join(shown.split()) and sorted("".join(shown.split())) == sorted("".join(typed.split()))


async def test_help_and_repairs_screens_open_and_close(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = _rendered(120, *(static.content for static in app.screen.query(Static)))
        assert "query language" in shown and "青岛 OR 济南" in shown and "year:2025" in shown
        box = app.screen.query_one("#help-box")
        assert box.scroll_y == 0 and box.max_scroll_y > 5
        await pilot.press("j", "j", "j")
        assert box.scroll_y == 3
        await pilot.press("k", "space")
        assert box.scroll_y > 3
        await pilot.press("G")
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("g")
        assert box.scroll_y == 0
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("left_square_bracket", "r")
        assert isinstance(app.screen, RepairsScreen)
        assert app.screen.doc["id"] == "004_e0fac6992d39068e"
        assert app.screen.passage["original"].strip().startswith("省省市市")
        box = app.screen.query_one("#repairs-box")
        await pilot.press("G")
        assert box.max_scroll_y > 0 and box.scroll_y == box.max_scroll_y  # j / k, g / G as in the help
        await pilot.press("g", "j")
        assert box.scroll_y == 1
        await pilot.press("escape")
        assert not isinstance(app.screen, RepairsScreen)


async def test_q_quits(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_warm_start_shows_the_document_in_its_first_frame_and_fills_the_sidebar_next(tmp_path):
    async with make_app(tmp_path).run_test() as pilot:  # builds the store
        await ready(pilot.app, pilot)

    frames = []

    class Clocked(QualityApp):
        def _display(self, screen, renderable):
            super()._display(screen, renderable)
            frames.append((self.doc_id, self.sidebar_ready, len(self.query(KeysFooter).first().children)))

    app = Clocked(app_paths(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert frames[0] == ("000_dd8c9580cc043703", False, 0)  # the document, no sidebar lists or keys yet
        assert app.query_one(DocList).doc_ids[0] == "000_dd8c9580cc043703" and app.query_one(EntityList).rows
        assert len(app.query_one(KeysFooter).children) > 6
        await pilot.press("d")
        assert app.focused is app.query_one(DocList)


async def test_a_build_shows_its_progress_and_the_step_under_way(tmp_path):
    from qualitytui.ui.app import BuildProgress

    app = make_app(tmp_path)  # a cold start: the store is built, and the progress bar mounted for it
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        app.on_build_progress(BuildProgress(5, 5, "linking entities"))
        await pilot.pause()
        bar = app.query_one("#build-progress")
        assert bar.display and bar.progress == 5 and bar.total == 5
        status = app.query_one("#status").render()
        assert "Building the corpus store" in str(status) and "linking entities" in str(status)


async def test_a_large_corpus_is_built_in_a_child_process_with_its_progress(tmp_path, monkeypatch):
    from qualitytui.core import build_process

    monkeypatch.setattr(build_process, "CHILD_MIN_FILES", 10)
    seen = []

    class Watched(QualityApp):
        def on_build_progress(self, message):
            seen.append((message.done, message.total))
            super().on_build_progress(message)

    app = Watched(app_paths(tmp_path, seed_copies(tmp_path / "many", 4)))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        # started under Textual, whose stderr capture has no file descriptor (pipeline.tracker_ready)
        assert app._build._proc is not None and app._build._proc.pid != os.getpid()
        assert len(app.corpus.documents()) == 20 and app.corpus.built
        assert seen[0] == (0, 20) and seen[-1] == (20, 20)
        assert not app.query_one("#build-progress").display
        assert app.query_one(DocList).doc_ids[0] == "00-000_dd8c9580cc043703"


class Recording(QualityApp):
    """Records each corpus shown: its documents, and whether it was just built."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.shown: list[tuple[int, bool]] = []

    def show_corpus(self, corpus) -> None:
        self.shown.append((len(corpus.documents()), corpus.built))
        super().show_corpus(corpus)


async def test_a_changed_folder_shows_its_last_build_while_the_store_is_rebuilt(tmp_path):
    from qualitytui.core.corpus import Corpus

    folder = seed_copies(tmp_path / "folder", 1)
    paths = app_paths(tmp_path, folder)
    Corpus.open(paths)  # the last build
    (folder / "zz_new.txt").write_text("崂山茶文化节开幕\n\n本报讯 崂山茶文化节昨日在青岛开幕。\n", encoding="utf-8")
    first = sorted(p.stem for p in folder.iterdir())[2]
    app = Recording(paths)
    app.user.set("position", {"doc": first, "passage": 3})
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for _ in range(200):
            if len(app.shown) == 2:
                break
            await pilot.pause()
        assert app.shown == [(5, False), (6, True)]  # the last build at once, then the new one
        assert app.doc_id == first and app.query_one(PassageList).highlighted == 3  # read on where they were
        assert not app.query_one("#status").display and not app.query_one("#build-progress").display
        told = [str(n.message) for n in app._notifications]
        assert "The store is rebuilt: 6 documents; only 1 file read, 5 as the last build had them." in told
        assert app.corpus.search("崂山茶文化节").total >= 1
        app.open_document("no_such_document")  # a hit from before a rebuild: told, not raised
        await pilot.pause()
        assert app.doc_id == first and any("no longer" in str(n.message) for n in app._notifications)


async def test_ctrl_r_reads_the_folder_again_and_the_periodic_check_says_when_it_changed(tmp_path):
    import os

    folder = seed_copies(tmp_path / "folder", 1)
    app = make_app(tmp_path, folder)

    def told() -> list[str]:
        return [str(n.message) for n in app._notifications]

    async def rebuilt(documents: int) -> None:
        for _ in range(400):
            if app._stale is None and app.corpus is not None and len(app.corpus.documents()) == documents:
                break
            await pilot.pause()
        await settled(app)
        await pilot.pause()

    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("right_square_bracket", "j", "j")
        doc, at = app.doc_id, app.query_one(PassageList).highlighted
        await pilot.press("ctrl+r")
        await settled(app)
        await pilot.pause()
        assert told()[-1] == "Nothing changed in the folder since the articles shown were read."
        (folder / "zz_new.txt").write_text("崂山茶文化节开幕\n\n本报讯 崂山茶文化节昨日在青岛开幕。\n", encoding="utf-8")
        app.check_folder()  # as every 30 s
        await settled(app)
        await pilot.pause()
        assert told()[-1] == "The folder changed since the articles shown were read (1 new file): ctrl+r reads it again."
        app.check_folder()  # said once
        await settled(app)
        await pilot.pause()
        assert sum("ctrl+r reads it again" in t for t in told()) == 1
        await pilot.press("t")
        app.action_reload()  # not from a window over the reader (its keys do not reach the app's)
        await pilot.pause()
        assert "Close this window first" in told()[-1] and app._stale is None
        await pilot.press("escape", "ctrl+r")
        await rebuilt(6)
        assert app.corpus.search("崂山茶文化节").total >= 1 and "zz_new" in app.corpus.doc_ids()
        assert app.doc_id == doc and app.query_one(PassageList).highlighted == at  # read on where they were
        assert "The store is rebuilt: 6 documents; only 1 file read, 5 as the last build had them." in told()
        os.utime(folder / "zz_new.txt", ns=(1, 1))  # touched only: read again, nothing rebuilt
        await pilot.press("ctrl+r")
        await rebuilt(6)
        await pilot.press("ctrl+r")  # the files as they are now are the ones compared with
        await settled(app)
        await pilot.pause()
        assert told()[-1] == "Nothing changed in the folder since the articles shown were read."


async def test_ctrl_r_on_a_folder_gone_keeps_the_articles_shown_and_says_why(tmp_path):
    import shutil

    folder = seed_copies(tmp_path / "folder", 1)
    app = make_app(tmp_path, folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        shown = app.doc_id
        shutil.rmtree(folder)
        await pilot.press("ctrl+r")
        for _ in range(200):
            if any("Could not rebuild" in str(n.message) for n in app._notifications):
                break
            await pilot.pause()
        told = [str(n.message) for n in app._notifications]
        assert f"Could not rebuild the corpus store (corpus folder not found: {folder}); showing the last build." in told
        assert app.doc_id == shown and app.corpus is not None and app._stale is None
        await pilot.press("j")
        assert app.query_one(PassageList).highlighted == 1  # still reading


async def test_a_large_last_build_is_let_go_of_before_the_rebuilt_store_is_read(tmp_path, monkeypatch):
    import weakref

    from qualitytui.core import build_process
    from qualitytui.core.corpus import Corpus
    from qualitytui.ui import app as app_module

    monkeypatch.setattr(build_process, "CHILD_MIN_FILES", 1)  # built in a child process, as a large corpus is
    monkeypatch.setattr(app_module, "LET_GO_MIN_DOCUMENTS", 1)
    folder = seed_copies(tmp_path / "folder", 1)
    paths = app_paths(tmp_path, folder)
    Corpus.open(paths)
    (folder / "zz_new.txt").write_text("崂山茶文化节开幕\n\n本报讯 崂山茶文化节昨日在青岛开幕。\n", encoding="utf-8")
    first = sorted(p.stem for p in folder.iterdir())[1]
    let_go = []

    class Watched(Recording):
        def _let_go_of_last_build(self):
            let_go.append(self.corpus is not None and self.corpus.built)
            super()._let_go_of_last_build()

    app = Watched(paths)
    app.user.set("position", {"doc": first, "passage": 2})
    async with app.run_test(size=(120, 40)) as pilot:
        while app.corpus is None:
            await pilot.pause()
        last_build = weakref.ref(app.corpus)
        for _ in range(400):
            if len(app.shown) == 2:
                break
            await asyncio.sleep(0.02)
        await ready(app, pilot)
        assert let_go == [False] and app.shown == [(5, False), (6, True)]
        assert app.doc_id == first and app.query_one(PassageList).highlighted == 2
        assert last_build() is None  # freed: nothing of the app holds on to it
        assert len(app.query_one(DocList).doc_ids) == 6 and app.entities


async def test_a_folder_only_touched_keeps_what_is_shown(tmp_path):
    from qualitytui.core.corpus import Corpus

    folder = seed_copies(tmp_path / "folder", 1)
    paths = app_paths(tmp_path, folder)
    Corpus.open(paths)
    for f in folder.iterdir():
        os.utime(f, (1, 1))
    app = Recording(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for _ in range(100):
            if app._stale is None:
                break
            await pilot.pause()
        assert app.shown == [(5, False)] and app._stale is None and not app.query_one("#status").display


async def test_quitting_during_a_build_stops_it_at_once(tmp_path, monkeypatch):
    from qualitytui.core import build_process

    monkeypatch.setattr(build_process, "CHILD_MIN_FILES", 10)
    app = make_app(tmp_path, seed_copies(tmp_path / "many", 80))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):
            if app.query("#build-progress") and app.query_one("#build-progress").progress:
                break
            await asyncio.sleep(0.05)
        assert app.corpus is None  # still building
        t0 = time.monotonic()
        await pilot.press("q")
    proc = app._build._proc
    proc.join(5)
    assert proc.exitcode == -9 and time.monotonic() - t0 < 5
    assert not list((tmp_path / "c").glob("corpus-*.json"))


async def test_closing_before_the_sidebar_is_filled_is_quiet(tmp_path):
    async with make_app(tmp_path).run_test() as pilot:
        await ready(pilot.app, pilot)

    class Hasty(QualityApp):
        def _display(self, screen, renderable):
            super()._display(screen, renderable)
            self.exit()  # from the first frame: the sidebar is still being mounted

    app = Hasty(app_paths(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    assert app.return_code == 0 and app.corpus is not None and not app.sidebar_ready


async def test_hostile_text_is_shown_literally(tmp_path):
    corpus = write_folder(tmp_path, "hostile", {
        "x.txt": "[b]标题[/b] [link=x]点我[/link]\n\n正文[/里有\x1b[31m红色\x1b[0m和[bold red]标记[/]。\n"})
    app = make_app(tmp_path, corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        passages = app.query_one(PassageList)
        rendered = [str(passages.passage_text(i)) for i in range(len(passages.passages))]
        assert rendered[0].startswith("[b]标题[/b] [link=x]点我[/link]")
        assert "正文[/里有␛[31m红色␛[0m和[bold red]标记[/]。" in rendered[1]
        assert "\x1b" not in "".join(rendered)
        await pilot.press("j", "r")  # the repairs screen renders the same text without a crash
        assert isinstance(app.screen, RepairsScreen)


async def test_skipped_files_come_in_one_toast_with_their_names_as_written(tmp_path):
    from textual.widgets._toast import Toast

    corpus = tmp_path / "odd"
    corpus.mkdir()
    (corpus / "a.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
    names = ["[@click=app.quit]x.txt", "[b]y.txt", "z[.txt", "w.txt"]
    for name in names:
        (corpus / name).write_bytes(b"")
    app = make_app(tmp_path, corpus)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(app, pilot)
        await pilot.pause()
        toasts = list(app.screen.query(Toast))
        assert len(toasts) == 1
        shown = toasts[0].render().plain
        for name in sorted(names)[:3]:
            assert f"skipped {name}: empty file" in shown
        assert "… and 1 more" in shown
        assert app.return_code is None  # the [@click] name was shown, not made into an action


async def test_empty_corpus_says_so(tmp_path):
    corpus = tmp_path / "empty"
    corpus.mkdir()
    app = make_app(tmp_path, corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert "No .txt, .md, .html, .mht, .docx, .doc, .wps or .pdf articles" in str(app.query_one("#status").render())
        await pilot.press("j", "right_square_bracket", "r", "d")  # nothing to act on: no exception


async def test_sidebar_narrows_then_hides_on_small_terminals(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        sidebar = app.query_one("#sidebar")
        assert sidebar.outer_size.width == 32
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert sidebar.outer_size.width == 24
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        assert not sidebar.display or sidebar.outer_size.width == 0
        assert app.query_one(PassageList).size.width > 50


async def test_search_live_results_open_and_step_through_hits(tmp_path):
    from textual.widgets import Input

    from qualitytui.ui.screens.search import SearchScreen
    from qualitytui.ui.widgets.lazy_list import LazyList

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"qdyp")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        results = app.screen.query_one("#search-results", LazyList)
        assert app.screen.query_one(Input).value == "qdyp" and results.option_count == app.screen.result.total > 1
        first = app.screen.result.hits[0]
        await pilot.press("enter")
        assert not isinstance(app.screen, SearchScreen)
        passages = app.query_one(PassageList)
        assert app.doc_id == first.doc and passages.current["id"] == first.passage
        assert "青岛优品" in passages.current["text"] and "1/" in app.sub_title
        await pilot.press("n")
        assert passages.current["id"] == app.hits.hits[1].passage and "2/" in app.sub_title
        await pilot.press("N", "N")
        assert passages.current["id"] == app.hits.hits[-1].passage  # wraps around
        await pilot.press("slash")
        assert app.screen.query_one(Input).value == "qdyp"  # the last query comes back
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_f_searches_the_document_being_read(tmp_path):
    from textual.widgets import Input

    from qualitytui.ui.screens.search import SearchScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("right_square_bracket", "f")
        assert isinstance(app.screen, SearchScreen)
        doc = app.doc_id
        box = app.screen.query_one(Input)
        assert box.value == f"doc:{doc} "
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.result.total == len(app.corpus.passages(doc))  # the filter alone: all its passages
        await pilot.press(*"zhiliang")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        hits = app.screen.result.hits
        everywhere = app.corpus.search("zhiliang", limit=None).hits
        assert box.value == f"doc:{doc} zhiliang" and hits and {h.doc for h in hits} == {doc}
        assert {h.passage for h in hits} == {h.passage for h in everywhere if h.doc == doc}
        await pilot.press("enter")
        assert app.doc_id == doc and app.query_one(PassageList).current["id"] == hits[0].passage


async def test_ctrl_o_orders_the_hits_by_date_and_n_follows_that_order(tmp_path):
    from textual.widgets import Input

    from qualitytui.ui.screens.search import SearchScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", "ctrl+o")  # nothing typed: it says what to do
        box = app.screen.query_one(Input)
        assert box.value == ""
        await pilot.press(*"zhiliang")
        seen = []
        for want in ("newest", "oldest", "best"):
            await pilot.press("ctrl+o")
            await app.screen.workers.wait_for_complete()
            await pilot.pause()
            r = app.screen.result
            assert r.order == want and box.value == ("zhiliang" if want == "best" else f"zhiliang sort:{want}")
            status = str(app.screen.query_one("#search-status").render())
            assert (f"{want} first" in status) == (want != "best")
            seen.append([h.passage for h in r.hits])
        expected = app.corpus.search("zhiliang sort:newest", limit=200).hits
        assert seen[0] == [h.passage for h in expected] and seen[0] != seen[2] and seen[1] != seen[0]
        await pilot.press("ctrl+o")  # newest first again: the first hit opens, n goes on to the second
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        assert not isinstance(app.screen, SearchScreen)
        assert app.query_one(PassageList).current["id"] == expected[0].passage
        await pilot.press("n")
        assert app.query_one(PassageList).current["id"] == expected[1].passage


async def test_ctrl_s_exports_every_passage_a_search_found(tmp_path):
    from qualitytui.ui.screens.bookmarks import ExportScreen
    from qualitytui.ui.screens.search import SearchScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", "ctrl+s")  # nothing typed: nothing to export
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"zhiliang")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        total = app.screen.result.total
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("down", "enter")  # JSON, the second choice
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)  # the search stays open
        [out] = (tmp_path / "d" / "exports").glob("search-*.json")
        rows = json.loads(out.read_text(encoding="utf-8"))
        hits = app.corpus.search("zhiliang", limit=None).hits
        assert total > 20 and [r["passage"] for r in rows] == [h.passage for h in hits] and len(rows) == total
        await pilot.press("ctrl+s", "down", "down", "down", "enter")  # the GB/T 7714 reference list, the last
        await pilot.pause()
        [ref] = (tmp_path / "d" / "exports").glob("search-*.txt")
        lines = ref.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "Search: zhiliang" and lines[2].startswith("[1] ")
        assert app.corpus.document(hits[0].doc)["title"] + "[" in lines[2]  # the best hit's article, by its title
        assert sum(line.startswith("[") for line in lines) == total


async def test_the_palettes_export_search_hits_takes_the_last_search(tmp_path):
    from qualitytui.ui.screens.bookmarks import ExportScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await app.run_action("export_search")  # no search yet: it says so
        assert not isinstance(app.screen, ExportScreen)
        await search_for(app, pilot, "qdyp")
        await pilot.press("enter")
        await app.run_action("export_search")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")  # Markdown
        await pilot.pause()
        [out] = (tmp_path / "d" / "exports").glob("search-*.md")
        text = out.read_text(encoding="utf-8")
        assert text.startswith("# Search: qdyp\n") and len(list_items(text)[0]) == app.hits.total


async def test_search_with_a_bad_query_says_why(tmp_path):
    from textual.widgets import Input, Static

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash")
        app.screen.query_one(Input).value = "kind:nope"  # (typed: "k", "ki" … find passages by pinyin)
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        status = app.screen.query_one("#search-status", Static)
        assert str(status.render()).startswith("unknown passage kind 'nope'")
        await pilot.press("enter", "escape")
        assert app.doc_id == "000_dd8c9580cc043703"


async def test_a_half_typed_query_keeps_the_last_results_on_screen(tmp_path):
    from textual.widgets import Input, Static

    from qualitytui.ui.widgets.lazy_list import LazyList

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await search_for(app, pilot, "质量月")
        screen = app.screen
        box, status = screen.query_one(Input), screen.query_one("#search-status", Static)
        results = screen.query_one("#search-results", LazyList)
        shown = results.option_count
        assert shown > 1 and screen.result.query == "质量月"

        async def typed(query):
            box.value = query
            await screen.workers.wait_for_complete()
            await pilot.pause()
            return str(status.render())

        # half typed: each says what it lacks, and the hits of 质量月 stay to read on
        assert "NOT needs a word" in await typed("质量月 NOT ")
        assert "OR needs a word" in await typed("质量月 OR")
        assert "unknown passage kind 'h'" in await typed("质量月 kind:h")
        assert "sort: cannot be left out" in await typed("质量月 -sort:newest")
        assert "below: 质量月" in str(status.render()) and results.option_count == shown
        assert screen.result.query == "质量月"
        assert "below" not in await typed("质量月 NOT 城阳")
        assert screen.result.query == "质量月 NOT 城阳" and 0 < results.option_count < shown
        await typed("")
        assert "nothing to search for" not in await typed("kind:")  # no hits to keep: says why
        assert "kind: needs a value" in str(status.render()) and results.option_count == 0
        await typed("")
        await pilot.press(*"质量 kind:h")  # typed key by key: 质量 kin finds nothing, 质量 kind: is half typed
        await screen.workers.wait_for_complete()
        await pilot.pause()
        kept = screen.found
        assert "below: " + kept.query in str(status.render()) and results.option_count == len(kept.hits) > 0
        await pilot.press("enter")  # opens the hit on screen
        assert app.doc_id == kept.hits[0].doc and app.query_one(PassageList).current["id"] == kept.hits[0].passage


async def test_entity_sidebar_filter_panel_and_stepping_through_mentions(tmp_path):
    from textual.widgets import Input

    from qualitytui.ui.widgets.entities import EntityList, EntityPanel
    from qualitytui.ui.widgets.lazy_list import LazyList

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("e")
        entities = app.query_one(EntityList)
        assert entities.has_focus and entities.option_count > 100
        await pilot.press("e")  # e again: type to filter
        box = app.query_one("#entity-filter", Input)
        assert box.has_focus
        await pilot.press(*"qingpi")  # pinyin finds 青岛啤酒 / 青啤
        await pilot.pause()
        names = [e["name"] for e in entities.rows if isinstance(e, dict)]
        assert names == ["青岛啤酒"] and box.value == "qingpi"
        await pilot.press("enter")  # back to the list
        assert entities.has_focus
        await pilot.press("f")
        assert box.has_focus
        await pilot.press("enter")
        await pilot.press("escape")  # (back to the reader)
        app.action_focus_entities()
        app.action_focus_entities()  # e e typed faster than the focus arrives: still the filter box
        await pilot.pause()
        assert box.has_focus
        await pilot.press("enter", "enter")
        panel = app.query_one(EntityPanel)
        ent, ms = app.entity, app.entity_mentions
        assert panel.display and ent["name"] == "青岛啤酒" and len(ms) >= 2
        assert all(m["text"] in {ent["name"], *ent["aliases"]} for m in ms) and len(ms) == ent["count"]
        mentions = panel.query_one("#entity-mentions", LazyList)
        assert mentions.has_focus and mentions.option_count == len(ms)
        assert all(m["text"] in str(mentions.row_text(i)) for i, m in enumerate(ms))
        seen = []
        for _ in ms:
            await pilot.press("enter")
            current = app.query_one(PassageList).current
            m = ms[len(seen)]
            assert current["id"] == m["passage"] and current["text"][m["start"]:m["end"]] == m["text"]
            seen.append(current["id"])
        assert f"mention {len(seen)}/{len(seen)}" in app.sub_title
        related = app.corpus.mentioned_with(ent["id"])
        head = str(panel.query_one("#entity-head").render())
        assert len(related) == 5 and all(f"{k} {r['name']} {n}" in head for k, (r, n) in enumerate(related, 1))
        await pilot.press("2")  # an entity it is mentioned with
        assert app.entity == related[1][0] and mentions.option_count == related[1][0]["count"]
        await pilot.press("escape")
        assert not panel.display and app.query_one(PassageList).has_focus


async def test_shift_f_in_an_entitys_panel_adds_it_to_the_last_search(tmp_path):
    from textual.widgets import Input

    from qualitytui.ui.screens.search import SearchScreen

    def naming(e):
        return {m["passage"] for m in e["mentions"]}

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        gao = next(e for e in app.corpus.entities("person") if e["name"] == "高善武")
        qingdao = next(e for e in app.corpus.entities("place") if e["name"] == "青岛市")
        app.show_entity(gao)
        await pilot.pause()
        await pilot.press("f")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")  # a hit opened: the search is the last one
        assert app.user.get("searches")[0].strip() == "entity:高善武"
        app.show_entity(qingdao)
        await pilot.pause()
        await pilot.press("F")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "entity:高善武 entity:青岛市 "
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        both = {h.passage for h in app.screen.result.hits}
        assert both and both == naming(gao) & naming(qingdao) and naming(gao) - both  # both, not either
        await pilot.press("enter")
        app.show_entity(qingdao)
        await pilot.pause()
        await pilot.press("F")  # already in it: not twice
        assert app.screen.query_one(Input).value == "entity:高善武 entity:青岛市 "


async def test_f_in_an_entitys_panel_searches_the_passages_naming_it(tmp_path):
    from textual.widgets import Input

    from qualitytui.ui.screens.search import SearchScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        entity = next(e for e in app.corpus.entities("company") if "青啤" in e["aliases"])
        app.show_entity(entity)
        await pilot.pause()
        await pilot.press("f")
        assert isinstance(app.screen, SearchScreen)
        box = app.screen.query_one(Input)
        assert box.value == f"entity:{entity['name']} "
        await pilot.press(*"qingdao")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        found = {h.passage for h in app.screen.result.hits}
        assert found and found == {h.passage for h in app.corpus.search(f"entity:{entity['name']} qingdao", limit=None).hits}
        assert found <= {m["passage"] for m in entity["mentions"]}
        await pilot.press("escape", "escape", "f")  # the panel closed: this document's passages again
        assert app.screen.query_one(Input).value.startswith("doc:")


async def test_an_entitys_panel_counts_its_documents_by_year(tmp_path):
    from qualitytui.ui.widgets.entities import EntityPanel

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        when = {d["id"]: d["date"]["value"][:4] for d in app.corpus.documents()}
        widest = max(app.corpus.entities(), key=lambda e: (len({when[d] for d in e["docs"]}), e["count"]))
        years = sorted({when[d] for d in widest["docs"]})
        assert len(years) >= 3  # (the seeds: 2022, 2023 and 2025)
        app.show_entity(widest)
        await pilot.pause()
        head = str(app.query_one(EntityPanel).query_one("#entity-head").render())
        line = next(x for x in head.splitlines() if x.startswith("by year: "))
        bars = line.removeprefix("by year: ").split(" · ")[0]
        assert bars.startswith(years[0] + " ") and bars.split(" ")[-1] == years[-1]
        per_year = [sum(when[d] == str(y) for d in widest["docs"]) for y in range(int(years[0]), int(years[-1]) + 1)]
        drawn = bars[len(years[0]) + 1:-len(years[-1]) - 1]
        assert len(drawn) == len(per_year) and [c == " " for c in drawn] == [n == 0 for n in per_year]
        top = max(per_year)
        peaks = [str(int(years[0]) + i) for i, n in enumerate(per_year) if n == top]
        assert (f"most in {', '.join(peaks)} ({top})" in line) == (len(peaks) < len(years))
        qingdao = next(e for e in app.corpus.entity_rows("place") if e["name"] == "青岛市")
        app.show_entity(qingdao)
        await pilot.pause()
        head = str(app.query_one(EntityPanel).query_one("#entity-head").render())
        within = app.corpus.named_within(qingdao)
        assert len(within) > 3 and f"in names: {within[0]['name']} {within[0]['count']} · " in head
        assert f" · {len(within) - 3} more" in head
        panel = app.query_one(EntityPanel)
        assert "t timeline · f/F search" in str(panel.border_title) and "timeline" not in head  # its keys: in the border
        single = next(e for e in app.corpus.entities() if len(e["docs"]) == 1)
        app.show_entity(single)
        await pilot.pause()
        assert "by year" not in str(app.query_one(EntityPanel).query_one("#entity-head").render())


async def test_full_stop_keeps_the_entities_of_the_document_read(tmp_path):
    from qualitytui.ui.widgets.entities import EntityList

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("e")
        listing = app.query_one(EntityList)
        every = [r["id"] for r in listing.rows if isinstance(r, dict)]
        await pilot.press("full_stop")
        doc = app.doc_id
        mentioned = {e["id"] for e in app.corpus.entities() if any(m["doc"] == doc for m in e["mentions"])}
        here = [r["id"] for r in listing.rows if isinstance(r, dict)]
        assert set(here) == mentioned and 0 < len(here) < len(every)
        assert "this doc" in str(app.query_one("#entities-title").render())
        await pilot.press("escape", "right_square_bracket")  # another document: its entities
        await pilot.pause()
        other = {e["id"] for e in app.corpus.entities() if any(m["doc"] == app.doc_id for m in e["mentions"])}
        assert app.doc_id != doc and {r["id"] for r in listing.rows if isinstance(r, dict)} == other
        listing.focus()  # (e again at once would open the filter box)
        await pilot.press("full_stop")
        assert [r["id"] for r in listing.rows if isinstance(r, dict)] == every


async def test_curly_brackets_go_to_the_next_and_previous_type_of_entities(tmp_path):
    from qualitytui.ui.widgets.entities import EntityList

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("e")
        listing = app.query_one(EntityList)
        listing.focus()
        types = [r[0] for r in listing.rows if not isinstance(r, dict)]
        first_of = {t: next(i for i, r in enumerate(listing.rows) if isinstance(r, dict) and r["type"] == t) for t in types}

        def at() -> str:
            return listing.rows[listing.highlighted]["type"]

        assert at() == types[0] and listing.highlighted == first_of[types[0]]
        for t in types[1:]:
            await pilot.press("right_curly_bracket")
            assert (at(), listing.highlighted) == (t, first_of[t])
            top = round(listing.scroll_offset.y)
            assert top == first_of[t] - 1 or top == listing.max_scroll_y  # its heading on top, where the list reaches
        await pilot.press("right_curly_bracket")  # the last type: stays
        assert at() == types[-1]
        await pilot.press("j", "left_curly_bracket")  # inside a type: its first entity
        assert listing.highlighted == first_of[types[-1]]
        await pilot.press("left_curly_bracket")  # there already: the type before
        assert listing.highlighted == first_of[types[-2]]
        await pilot.press("home", "left_curly_bracket")
        assert listing.highlighted == first_of[types[0]]  # the first type: stays
        await pilot.press("ctrl+p", *"Next group in the list")  # the palette: in the list focused
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert listing.highlighted == first_of[types[1]]
        app.query_one(PassageList).focus()
        await pilot.pause()
        await app.run_action("next_group")  # no list focused: it says where the keys work
        await pilot.pause()
        assert listing.highlighted == first_of[types[1]] and any("move in a list" in str(n.message) for n in app._notifications)


async def test_h_marks_entity_mentions_in_the_text(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        passages = app.query_one(PassageList)
        before = passages.passage_text(1)
        await pilot.press("h")
        after = passages.passage_text(1)
        assert app.show_mentions and len(after.spans) > len(before.spans)
        assert any("underline" in str(s.style) for s in after.spans)
        from qualitytui.ui.widgets.entities import TYPE_STYLE, EntityList

        listing = app.query_one(EntityList)
        headings = {r[0]: listing.row_text(i) for i, r in enumerate(listing.rows) if isinstance(r, tuple)}
        mention_styles = {str(s.style) for s in after.spans}
        assert headings and all(TYPE_STYLE[t] in str(h.style) for t, h in headings.items())  # the key to the colours
        assert {str(h.style).removeprefix("bold ") for h in headings.values()} & mention_styles
        await pilot.press("h")
        assert len(passages.passage_text(1).spans) == len(before.spans)


async def test_h_marks_the_dates_and_the_header_says_what_a_relative_one_was_read_as(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("left_square_bracket")  # 省市场监管局…: dated ≈2023, its 去年底 is 2022-12
        passages = app.query_one(PassageList)
        items = {e["passage"]: e for e in app.corpus.timeline() if e["doc"] == app.doc_id and e["date_text"] == "去年底"}
        [(pid, item)] = items.items()
        index = int(pid.split("#")[1])
        assert item["inferred"] and item["start"] == "2022-12"

        def header() -> str:
            return str(app.query_one("#doc-header").render())

        assert "→" not in header()
        await pilot.press(*["j"] * index)
        assert passages.current["id"] == pid and f"¶ {index + 1}/" in header() and "去年底→2022-12 · " in header()
        explicit = next(e for e in app.corpus.timeline() if e["doc"] == app.doc_id and not e["inferred"])
        await pilot.press("g", *["j"] * int(explicit["passage"].split("#")[1]))
        assert not any(f"{e['date_text']}→" in header() for e in app.corpus.dates_in(explicit["passage"])
                       if not e["inferred"])  # a printed date needs no working out
        s, e = item["offset"]

        def marked() -> list[tuple[int, int]]:
            return [(x.start, x.end) for x in passages.passage_text(index).spans if "italic" in str(x.style)]

        assert (s, e) not in marked()
        await pilot.press("h")
        assert (s, e) in marked()


async def test_ctrl_s_in_the_timeline_exports_the_items_shown_as_a_chronology(tmp_path):
    from qualitytui.ui.screens.bookmarks import ExportScreen
    from qualitytui.ui.screens.timeline import TimelineScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("t", "slash", *"2026..2030", "enter")
        await filtered(app.screen, pilot)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("down", "enter")  # JSON
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)  # the timeline stays open
        [out] = (tmp_path / "d" / "exports").glob("timeline-*.json")
        rows = json.loads(out.read_text(encoding="utf-8"))
        want = [i for i in app.corpus.timeline() if int((i["end"] or i["start"])[:4]) >= 2026]
        assert want and [(r["passage"], r["what"]) for r in rows] == [(i["passage"], i["title"]) for i in want]
        await pilot.press("full_stop")
        await filtered(app.screen, pilot)
        await pilot.press("ctrl+s", "enter")  # the document read's only, as Markdown
        await pilot.pause()
        [md] = (tmp_path / "d" / "exports").glob("timeline-*.md")
        text = md.read_text(encoding="utf-8")
        mine = [i for i in want if i["doc"] == app.doc_id]
        assert mine and len(mine) < len(want) and text.startswith("# Timeline: 2026..2030 (one document)\n")
        assert [line.split(". ", 1)[0] for line in text.splitlines() if line[:1].isdigit()] == [str(n) for n in range(1, len(mine) + 1)]
        box = app.screen.query_one("#timeline-filter")
        box.value = "1999"
        await filtered(app.screen, pilot)
        await pilot.press("ctrl+s")  # nothing shown: said, nothing to choose
        assert isinstance(app.screen, TimelineScreen) and not app.screen.shown


async def test_timeline_draws_items_on_an_axis_and_opens_their_passage(tmp_path):
    from qualitytui.ui.screens.timeline import TimelineScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen, items = await open_timeline(app, pilot)
        assert items.option_count == len(screen.items) > 20
        await settled(app)
        assert screen.all._text is not None  # the items' text folded as it opened, before a word is typed
        starts = [i["start"] for i in screen.items]
        assert starts == sorted(starts)
        rows = [str(items.row_text(k)) for k in range(items.option_count)]
        plans = [r for r, i in zip(rows, screen.items) if i["kind"] == "plan_period" and not i["inferred"]]
        assert plans and all("━━" in r for r in plans)  # periods are bars
        assert any("○" in r for r, i in zip(rows, screen.items) if i["inferred"])  # inferred dates look hollow
        await pilot.press("G", "enter")
        item = screen.items[-1]
        assert not isinstance(app.screen, TimelineScreen)
        current = app.query_one(PassageList).current
        s, e = item["offset"]
        assert current["id"] == item["passage"] and current["text"][s:e] == item["date_text"]


async def test_the_documents_list_and_search_hits_show_each_documents_date_and_id(tmp_path):
    from qualitytui.ui.screens.search import SearchScreen
    from qualitytui.ui.widgets.doc_list import DocList
    from qualitytui.ui.widgets.lazy_list import LazyList

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        docs = app.corpus.documents()
        listing = app.query_one(DocList)
        for i, d in enumerate(docs):
            read = "✓ " if d["id"] == app.doc_id else ""  # (the one open)
            assert str(listing.row_text(i)).splitlines()[1] == f"{read}≈{d['date']['value']} · {d['id']}"
        await pilot.press("slash", *"laoshan")
        await pilot.pause(0.3)
        assert isinstance(app.screen, SearchScreen)
        hits = app.screen.query_one("#search-results", LazyList)
        dates = {d["id"]: d["date"]["value"] for d in docs}
        first = app.screen.result.hits[0]
        # the passage's id, document and all: two articles of one title are told apart
        assert str(hits.row_text(0)).splitlines()[0].endswith(f"≈{dates[first.doc]} · {first.doc}#{first.passage.rsplit('#', 1)[1]}")


async def test_s_sorts_the_documents_by_date_and_the_order_is_kept(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        first = app.doc_id
        listing = app.query_one(DocList)
        assert listing.doc_ids == [d["id"] for d in app.corpus.documents()]
        await pilot.press("d", "s")
        newest = [d["id"] for d in app.corpus.documents("newest")]
        assert newest != [d["id"] for d in app.corpus.documents()]
        assert listing.doc_ids == newest and str(app.query_one("#docs-title", Static).render()) == "Documents · newest"
        assert listing.doc_ids[listing.highlighted] == first  # the cursor stays on the document read
        await pilot.press("right_square_bracket")  # ] follows the list's order
        assert app.doc_id == newest[(newest.index(first) + 1) % len(newest)]
        await pilot.press("s")  # (from the reader too)
        assert listing.doc_ids == [d["id"] for d in app.corpus.documents("oldest")]
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(again, pilot)
        assert again.query_one(DocList).doc_ids == [d["id"] for d in again.corpus.documents("oldest")]
        assert str(again.query_one("#docs-title", Static).render()) == "Documents · oldest"


async def test_d_again_filters_the_documents_list_and_brackets_follow_what_it_keeps(tmp_path):
    from textual.widgets import Input

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        listing = app.query_one(DocList)
        everything = list(listing.doc_ids)
        await pilot.press("d", "d")  # d again: type to filter
        box = app.query_one("#doc-filter", Input)
        assert box.has_focus
        await pilot.press(*"laoshan")  # pinyin: the titles and subtitles with 崂山
        await pilot.pause()
        titles = {d["id"]: d["title"] + (d.get("subtitle") or "") for d in app.corpus.documents()}
        want = [i for i in everything if "崂山" in titles[i]]
        assert 1 < len(want) < len(everything) and listing.doc_ids == want
        assert str(app.query_one("#docs-title", Static).render()) == f"Documents {len(want)}/{len(everything)}"
        await pilot.press("enter")  # to the list
        assert listing.has_focus
        await pilot.press("home", "enter", "right_square_bracket")  # ] goes on through the documents kept
        assert app.doc_id == want[1]
        await pilot.press("d", "f", "ctrl+u", *"2022")  # f in the list: the filter box too
        await pilot.pause()
        dated = {d["id"]: (d.get("date") or {}).get("value") or "" for d in app.corpus.documents()}
        assert listing.doc_ids == [i for i in everything if dated[i].startswith("2022")] != []
        assert app.doc_id not in listing.doc_ids and listing.highlighted == 0  # the one read left out: the first
        await pilot.press("enter", "enter")  # to the list, and open it
        assert app.doc_id == listing.doc_ids[0]
        await pilot.press("d", "f", "ctrl+u")
        await pilot.pause()
        assert listing.doc_ids == everything and str(app.query_one("#docs-title", Static).render()) == "Documents"


async def test_curly_brackets_in_the_documents_list_go_by_folder_and_by_year(tmp_path):
    folder = write_folder(tmp_path, "folder", {
        f"{name}.txt": f"{title}\n\n本市召开质量工作会议，部署全年工作。\n"
        for name, title in (("2023-05-05_e", "戊文"), ("a/2021-01-05_a", "甲文"), ("a/2023-02-01_b", "乙文"),
                            ("b/2021-06-01_c", "丙文"), ("b/2022-01-01_d", "丁文"))})
    app = make_app(tmp_path, folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        listing = app.query_one(DocList)
        await pilot.press("d", "home")
        assert listing.doc_ids == ["2023-05-05_e", "a/2021-01-05_a", "a/2023-02-01_b", "b/2021-06-01_c", "b/2022-01-01_d"]
        steps = []
        for key in ("right_curly_bracket", "right_curly_bracket", "right_curly_bracket", "j", "left_curly_bracket",
                    "left_curly_bracket"):
            await pilot.press(key)
            steps.append(listing.doc_ids[listing.highlighted])
        # folders: the top one, a/, b/ (stays there), then back: b/'s first, a/'s first
        assert steps == ["a/2021-01-05_a", "b/2021-06-01_c", "b/2021-06-01_c", "b/2022-01-01_d", "b/2021-06-01_c",
                         "a/2021-01-05_a"]
        await pilot.press("s")  # newest first: by year (the file names' days date the articles)
        years = [d.rpartition("/")[2][:4] for d in listing.doc_ids]
        assert years == ["2023", "2023", "2022", "2021", "2021"]
        await pilot.press("home", "right_curly_bracket")
        assert listing.highlighted == 2
        await pilot.press("right_curly_bracket")
        assert listing.highlighted == 3
        await pilot.press("left_curly_bracket")
        assert listing.highlighted == 2
        await pilot.press("left_curly_bracket")
        assert listing.highlighted == 0


async def test_curly_brackets_step_an_entitys_mentions_and_the_search_hits_by_document(tmp_path):
    from qualitytui.ui.widgets.lazy_list import LazyList

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        entity = max(app.corpus.entities(), key=lambda e: len(e["docs"]))
        app.show_entity(entity)
        await pilot.pause()
        mentions = app.query_one("#entity-mentions", LazyList)
        docs = [m["doc"] for m in app.entity_mentions]
        starts = group_starts(docs)
        assert len(starts) >= 3 and mentions.has_focus
        for k in starts[1:]:
            await pilot.press("right_curly_bracket")
            assert mentions.highlighted == k
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        assert mentions.highlighted == starts[-3]
        await pilot.press("escape")
        await search_for(app, pilot, "质量强县")
        results = app.screen.query_one("#search-results", LazyList)
        hits = [h.doc for h in app.screen.result.hits]
        assert len(group_starts(hits)) >= 2
        results.focus()
        await pilot.press("right_curly_bracket")
        assert results.highlighted == group_starts(hits)[1]


async def test_keys_typed_while_a_search_runs_are_searched_once_it_ends_only_the_last(tmp_path):
    from textual.widgets import Input

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        searched = []
        real = app.corpus.search

        def slow(query, limit=20):  # as on a corpus of thousands of articles
            searched.append(query)
            time.sleep(0.2)
            return real(query, limit)

        app.corpus.search = slow
        await pilot.press("slash")
        box = app.screen.query_one("#search-input", Input)
        for k in range(1, 5):
            box.value = "质量强链"[:k]
            await pilot.pause(0.02)
        for _ in range(200):  # (bounded) until the last typed is shown
            await settled(app)
            await pilot.pause(0.02)
            if app.screen.result is not None and app.screen.result.query == "质量强链":
                break
        assert searched == ["质", "质量强链"]  # the first, then the last typed while it ran
        assert app.screen.result.query == "质量强链" and app.screen.result.total > 0


async def test_curly_brackets_in_the_timeline_go_to_the_next_and_previous_year(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen, items = await open_timeline(app, pilot)
        years = [i["start"][:4] for i in screen.items]
        firsts = group_starts(years)  # each year's first item
        assert len(firsts) > 3
        await pilot.press("g")
        for k in firsts[1:]:
            await pilot.press("right_curly_bracket")
            assert items.highlighted == k and round(items.scroll_offset.y) in (k, items.max_scroll_y)
        await pilot.press("right_curly_bracket")  # in the last year: stays
        assert items.highlighted == firsts[-1]
        await pilot.press("G", "left_curly_bracket")  # the last year's first item (the year before's, if it is)
        expected = firsts[-1] if firsts[-1] != len(years) - 1 else firsts[-2]
        assert items.highlighted == expected
        await pilot.press("left_curly_bracket")  # there already: the year before's
        assert items.highlighted == firsts[firsts.index(expected) - 1]


async def test_t_in_the_entity_panel_shows_the_entitys_timeline(tmp_path):
    from textual.widgets import Input

    from qualitytui.ui.screens.timeline import TimelineScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        entity = next(e for e in app.corpus.entity_rows() if e["name"] == "高善武")
        app.show_entity(entity)
        await pilot.pause()
        await pilot.press("t")
        assert isinstance(app.screen, TimelineScreen)
        screen = app.screen
        await filtered(screen, pilot)
        passages = {m["passage"] for m in app.corpus.entity_mentions(entity["id"])}
        shown = [screen.items[i] for i in screen.shown]
        assert screen.query_one("#timeline-filter", Input).value == "entity:高善武"
        assert shown and shown == [i for i in screen.items if i["passage"] in passages]
        await pilot.press("slash", *" 2022")  # the filter goes on from the entity
        await filtered(screen, pilot)
        assert {i["start"][:4] for i in (screen.items[k] for k in screen.shown)} == {"2022"}
        await pilot.press("enter", "enter")  # to the items, then open the first
        assert not isinstance(app.screen, TimelineScreen)
        assert app.query_one(PassageList).current["id"] in passages


async def test_the_timeline_starts_at_the_document_read_and_filters_as_typed(tmp_path):
    from textual.widgets import Input

    from qualitytui.ui.screens.timeline import TimelineScreen
    from qualitytui.ui.widgets.lazy_list import LazyList

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("]", "]", "t")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        doc = app.doc_id
        listing = screen.query_one("#timeline-items", LazyList)
        assert screen.items[listing.highlighted]["doc"] == doc  # the cursor on the document's first item
        assert all(i["doc"] != doc for i in screen.items[: listing.highlighted])
        await pilot.pause()
        top = round(listing.scroll_offset.y)
        assert listing.highlighted > listing.size.height and top <= listing.highlighted < top + listing.size.height
        await pilot.press("/", *"2025")
        await filtered(screen, pilot)
        assert screen.query_one("#timeline-filter", Input).value == "2025"
        in_2025 = [i for i in screen.items if int(i["start"][:4]) <= 2025 <= int((i["end"] or i["start"])[:4])]
        assert 0 < listing.option_count == len(in_2025) < len(screen.items)
        assert f"{len(in_2025)} of {len(screen.items)} dated items" in str(screen.query_one("#timeline-head").render())
        await pilot.press("enter")  # from the box to the items
        assert listing.has_focus and listing.highlighted == 0
        await pilot.press("slash", "down")  # down does it too
        assert listing.has_focus
        await pilot.press("full_stop")
        await filtered(screen, pilot)
        ours = [i for i in in_2025 if i["doc"] == doc]
        assert listing.option_count == len(ours)
        await pilot.press("full_stop")
        await filtered(screen, pilot)
        assert listing.option_count == len(in_2025)
        await pilot.press("full_stop", "enter")
        assert not isinstance(app.screen, TimelineScreen)
        current = app.query_one(PassageList).current
        assert current["id"] == ours[0]["passage"]


async def test_the_loaded_corpus_is_kept_out_of_later_collections_while_the_app_runs(tmp_path):
    import gc

    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        await ready(app, pilot)  # the search index and mention tables are built, then the heap frozen
        assert gc.get_freeze_count() > 10_000
    assert gc.get_freeze_count() == 0  # given back when the app ends


@pytest.fixture
def freeze_counts_at_resume(monkeypatch):
    """gc.get_freeze_count() at each end of a pause of the collector: its first run after a pause
    walks everything made during it, so what stays should be frozen by then. (Only the resumes that
    let the collector run again: the seeds' build, in a thread, ends a pause nested in the app's,
    sometimes before the first frame.)"""
    import gc

    from qualitytui.core import collector

    counts = []
    resume = collector.resume

    def watched() -> None:
        if collector._pauses == 1:
            counts.append(gc.get_freeze_count())
        resume()

    monkeypatch.setattr(collector, "resume", watched)
    return counts


async def test_the_loaded_corpus_is_frozen_before_the_collector_runs_again(tmp_path, freeze_counts_at_resume):
    from qualitytui.core import collector

    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        await ready(app, pilot)
        collector.unsettle()
        app.prepare_corpus()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert freeze_counts_at_resume[-1] > 10_000


async def test_what_the_first_frame_needed_is_frozen_before_the_collector_runs_again(tmp_path, freeze_counts_at_resume):
    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        await ready(app, pilot)
    assert freeze_counts_at_resume and freeze_counts_at_resume[0] > 1_000  # the first frame's resume came first


async def test_j_and_k_read_through_a_passage_taller_than_the_screen(tmp_path):
    long = "质量强链，" * 390 + "最后一句。"  # 1 955 characters (kept whole): far more than an 80x24 screen holds
    corpus = write_folder(tmp_path, "long", {"a.txt": f"标题\n\n{long}\n\n下一段。\n"})
    app = make_app(tmp_path, corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        passages = app.query_one(PassageList)
        await pilot.press("j")
        assert passages.current["text"] == long
        ys = [passages.scroll_y]
        for _ in range(200):  # j scrolls on through it, never skipping a line, until its end shows
            await pilot.press("j")
            if passages.current["text"] != long:
                break
            assert 0 < passages.scroll_y - ys[-1] < passages.scrollable_content_region.height
            ys.append(passages.scroll_y)
        assert passages.current["text"] == "下一段。" and len(ys) >= 4
        await pilot.press("k")
        assert passages.current["text"] == long  # back on it, then k reads it backwards to its start
        for _ in range(200):
            before = passages.scroll_y
            await pilot.press("k")
            if passages.current["text"] != long:
                break
            assert passages.scroll_y < before
        assert passages.current["kind"] == "title"


async def test_the_repairs_screen_breaks_the_repaired_text_by_the_chinese_rules(tmp_path):
    from qualitytui.core.linebreak import CLOSING, OPENING, display_width
    from qualitytui.ui.widgets.chinese_text import ChineseText

    for size in ((80, 24), (101, 30), (120, 40)):
        app = make_app(tmp_path / f"{size[0]}")  # (its own data dir: the app reopens where it was left)
        async with app.run_test(size=size) as pilot:
            await ready(app, pilot)
            await pilot.press("right_square_bracket", *"jjj", "r")  # 001 #3: 显然，“质量第一”…
            await pilot.pause()
            shown = app.screen.query_one(ChineseText)
            lines = shown.render().plain.split("\n")
            assert "".join(lines) == app.screen.passage["text"] and len(lines) > 2
            assert all(display_width(line) <= shown.content_size.width for line in lines), size
            assert all(line[:1] not in CLOSING for line in lines[1:]), (size, lines)
            assert all(line[-1:] not in OPENING for line in lines[:-1]), (size, lines)
            assert shown.size.height == len(lines)  # laid out as tall as its lines, none cut off


async def test_on_a_narrow_screen_d_and_e_show_the_lists_in_the_reader_s_place(tmp_path):
    from qualitytui.ui.widgets.doc_list import DocList

    app = make_app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(app, pilot)
        sidebar, reader = app.query_one("#sidebar"), app.query_one("#reader")
        assert not sidebar.display and reader.size.width == 60
        await pilot.press("e")
        await pilot.pause()
        entities = app.query_one(EntityList)
        assert sidebar.display and sidebar.size.width == 60 and not reader.display
        assert entities.has_focus and entities.size.height > 0
        await pilot.press("enter")  # the first entity: its panel, in the reader again
        await pilot.pause()
        assert not sidebar.display and reader.display and app.entity and app.query_one("#entity-panel").display
        await pilot.press("escape", "escape", "d")
        await pilot.pause()
        docs = app.query_one(DocList)
        assert docs.has_focus and sidebar.display and sidebar.size.width == 60
        await pilot.press("escape")  # back to the document, as it was
        await pilot.pause()
        assert not sidebar.display and app.query_one(PassageList).has_focus
        await pilot.press("d", "down", "enter")  # another document opens, in the reader's place
        await pilot.pause()
        assert app.doc_id == "001_8b5557aee29fe76b" and reader.display and not sidebar.display


async def test_entities_are_read_off_the_screens_thread_and_a_filter_typed_before_is_kept(tmp_path, monkeypatch):
    import threading

    from textual.widgets import Input

    from qualitytui.core.corpus import Corpus

    readers = []
    loaded = threading.Event()
    real = Corpus.entity_rows

    def slow_rows(self):
        readers.append(threading.current_thread() is threading.main_thread())
        loaded.wait(5)  # held until the filter is typed
        return real(self)

    monkeypatch.setattr(Corpus, "entity_rows", slow_rows)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            if app.sidebar_ready and readers:
                break
            await pilot.pause()
        assert readers == [False] and app.query_one(EntityList).option_count == 0
        app.query_one("#entity-filter", Input).value = "qingpi"
        await pilot.pause()
        loaded.set()
        await ready(app, pilot)
        names = [e["name"] for e in app.query_one(EntityList).rows if isinstance(e, dict)]
        assert names == ["青岛啤酒"] and len(app.entities) > 100


async def test_search_snippets_and_entity_mentions_fill_the_width_they_have(tmp_path):
    from rich.cells import cell_len

    from qualitytui.ui.screens.search import SearchScreen
    from qualitytui.ui.widgets.lazy_list import LazyList

    app = make_app(tmp_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(app, pilot)
        await search_for(app, pilot, "zhiliangyue")
        assert isinstance(app.screen, SearchScreen)
        results = app.screen.query_one("#search-results", LazyList)
        hits = app.screen.result.hits
        k = next(i for i, h in enumerate(hits) if len(app.corpus.passage(h.passage)["text"]) > 200)
        line = str(results.row_text(k)).splitlines()[1]
        assert "质量月" in line and cell_len(line) >= results.row_width - 6 > 100  # not the 60 cells a hit carries
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        narrow = str(results.row_text(k)).splitlines()[1]
        assert "质量月" in narrow and cell_len(narrow) <= results.row_width < 80
        await pilot.press("escape")
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        entity = max(app.corpus.entities(), key=lambda e: len(e["docs"]))
        app.show_entity(entity)
        await pilot.pause()
        mentions = app.query_one("#entity-mentions", LazyList)
        widths = [cell_len(str(mentions.row_text(i))) for i in range(mentions.option_count)]
        assert max(widths) >= mentions.row_width - 6 > 100  # (the snippets were 50 cells)
        assert all(w <= mentions.row_width for w in widths)


async def test_the_timeline_axis_leaves_the_titles_room_on_a_narrow_terminal(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        _, items = await open_timeline(app, pilot)
        row = str(items.row_text(0))
        axis = len(row) - len(row.lstrip("·●○━┄◆▪"))
        assert 16 <= axis <= items.row_width // 3  # the axis a third of the row at most (it was 32 of 68)


async def test_a_copy_is_marked_as_one_and_reads_with_the_first_ones_names(tmp_path):
    import shutil

    from qualitytui.ui.screens.timeline import TimelineScreen
    from conftest import SEEDS

    folder = tmp_path / "folder"
    shutil.copytree(SEEDS, folder)
    shutil.copy(SEEDS / "004_e0fac6992d39068e.txt", folder / "005_again.txt")
    app = make_app(tmp_path, folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        listing = app.query_one(DocList)
        assert str(listing.row_text(5)).splitlines()[1] == "≈2023 · copy · 005_again"
        assert "copy" not in str(listing.row_text(4))
        for _ in range(5):
            await pilot.press("right_square_bracket")
        assert app.doc_id == "005_again"
        assert "copy of 004_e0fac6992d39068e" in str(app.query_one("#doc-header").render())
        passages = app.query_one(PassageList)
        before = len(passages.passage_text(1).spans)
        await pilot.press("h")  # the first one's mentions, marked in the copy's passages
        assert len(passages.passage_text(1).spans) > before
        await pilot.press("h", "e", "full_stop")
        here = {r["id"] for r in app.query_one(EntityList).rows if isinstance(r, dict)}
        assert here and here == {e["id"] for e in app.corpus.entity_rows(doc="004_e0fac6992d39068e")}
        await pilot.press("escape", "t", "full_stop")
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.shown and {app.screen.items[i]["doc"] for i in app.screen.shown} == {"004_e0fac6992d39068e"}
        await pilot.press("escape")
        await search_for(app, pilot, "质量强链")
        status = str(app.screen.query_one("#search-status").render())
        assert status.splitlines()[0].endswith(" more in copies")  # (then the line of years)
        from qualitytui.ui.commands import DocumentCommands

        found = [h async for h in DocumentCommands(app.screen).search("Open: 省市场监管局坚持")]
        assert sorted(str(h.help) for h in found) == ["004_e0fac6992d39068e", "005_again · copy of 004_e0fac6992d39068e"]


async def test_the_reading_state_keeps_the_documents_read_last(tmp_path, monkeypatch):
    from qualitytui.ui import reading_state

    monkeypatch.setattr(reading_state, "READ_KEPT", 3)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        ids = app.corpus.doc_ids()
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket", "j")
        assert [app._was_read(d) for d in ids] == [False, True, True, True, False]  # the first read, let go
        await pilot.press("left_square_bracket", "right_square_bracket", "right_square_bracket")
        assert [app._was_read(d) for d in ids] == [False, False, True, True, True]
        assert app.reading[app._read_key(ids[3])] == 1  # (where it was left)
        await pilot.press("q")
    assert list(UserStore(tmp_path / "d" / "user.json").get("read")) == [app._read_key(d) for d in ids[2:]]


async def test_the_timeline_filters_in_a_thread_and_once_for_keys_typed_fast(tmp_path, monkeypatch):
    import threading
    import time

    from qualitytui.core.timeline_filter import TimelineItems

    app = make_app(tmp_path)
    keep, ran = TimelineItems.keep, []

    def clocked(self, flt):  # as slow as on a large corpus
        ran.append((flt, threading.current_thread() is threading.main_thread()))
        time.sleep(0.5)
        return keep(self, flt)

    monkeypatch.setattr(TimelineItems, "keep", clocked)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        screen, listing = await open_timeline(app, pilot)
        box = screen.query_one("#timeline-filter")
        for k in range(1, len("2025 plan") + 1):  # typed fast
            box.value = "2025 plan"[:k]
        await pilot.pause(0.3)
        head = screen.query_one("#timeline-head")
        assert "filtering…" in str(head.render())  # the items shown are not taken for its result
        await filtered(screen, pilot)
        assert "filtering…" not in str(head.render())
        assert ran and not any(main for _, main in ran)  # never on the thread that draws and reads keys
        assert len(ran) == 1  # what the box holds when a run starts: not once for each key typed
        assert ran[-1][0].years == ((2025, 2025),) and ran[-1][0].kinds == {"plan_period"}
        assert listing.option_count == len(screen.shown) == len(keep(screen.all, ran[-1][0])) > 0


async def test_a_timeline_with_nothing_to_show_says_so_without_an_axis(tmp_path):
    folder = write_folder(tmp_path, "undated", {"a.txt": "质量工作要点\n\n全市上下要抓好质量工作，推动品牌建设。\n"})
    app = make_app(tmp_path, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        screen, _ = await open_timeline(app, pilot)
        assert screen.items == []
        head = str(app.screen.query_one("#timeline-head").render())
        assert "No dated items in these articles." in head and "┼" not in head
    app = make_app(tmp_path / "seeds")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("t", "/", *"qqqq")
        await filtered(app.screen, pilot)
        head = str(app.screen.query_one("#timeline-head").render())
        assert "0 of" in head and "No item passes the filter." in head and "┼" not in head


async def test_each_folder_reopens_where_it_was_left(tmp_path):
    seeds = make_app(tmp_path)
    async with seeds.run_test(size=(120, 40)) as pilot:
        await ready(seeds, pilot)
        ids = seeds.corpus.doc_ids()
        await pilot.press("right_square_bracket", "j", "j", "j", "q")
    other = write_folder(tmp_path, "other", {  # a file named as a seed's, with other text: not the document left
        f"{ids[1]}.txt": "别的标题\n\n第一段。\n\n第二段。\n\n第三段。\n\n第四段。\n", "b.txt": "乙文\n\n第一段。\n"})
    for expected in ((ids[1], 0), None):
        app = make_app(tmp_path, other)
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(app, pilot)
            if expected:
                assert (app.doc_id, app.query_one(PassageList).highlighted) == (app.corpus.doc_ids()[0], 0)
                await pilot.press("right_square_bracket", "q")
            else:
                assert (app.doc_id, app.query_one(PassageList).highlighted) == ("b", 0)
        again = make_app(tmp_path)
        async with again.run_test(size=(120, 40)) as pilot:
            await ready(again, pilot)
            assert (again.doc_id, again.query_one(PassageList).highlighted) == (ids[1], 3)
            await pilot.press("q")


async def test_the_search_box_says_when_the_documents_found_were_written(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await search_for(app, pilot, "质量强链")
        status = str(app.screen.query_one("#search-status").render())
        years = app.corpus.years_found(app.corpus.search("质量强链"))
        assert years.startswith("2023 ") and f"\nby year: {years}" in status
        await pilot.press(*"|济南")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        assert "by year:" in str(app.screen.query_one("#search-status").render())
        from textual.widgets import Input

        app.screen.query_one(Input).value = "好品山东 doc:004"  # one document: no line of years
        await pilot.pause()
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#search-status").render())
        assert status.startswith(f"{app.corpus.search('好品山东 doc:004').total} passages") and "by year" not in status


async def test_a_moved_folder_reopens_where_it_was_left_though_another_was_read_since(tmp_path):
    mine = seed_copies(tmp_path / "mine", 1)
    first = make_app(tmp_path, mine)
    async with first.run_test(size=(120, 40)) as pilot:
        await ready(first, pilot)
        ids = first.corpus.doc_ids()
        await pilot.press("right_square_bracket", "right_square_bracket", "j", "j", "q")
    other = write_folder(tmp_path, "other", {"b.txt": "乙文\n\n第一段。\n\n第二段。\n"})
    between = make_app(tmp_path, other)
    async with between.run_test(size=(120, 40)) as pilot:
        await ready(between, pilot)
        await pilot.press("j", "q")  # the last position saved is this folder's
    moved = mine.rename(tmp_path / "renamed")
    app = make_app(tmp_path, moved)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert (app.doc_id, app.query_one(PassageList).highlighted) == (ids[2], 2)
