"""The qualitytui app: documents in the sidebar, the cleaned text in the reader pane."""

from __future__ import annotations

import time
from pathlib import Path
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import MountError
from textual.widgets import Header, Input, ProgressBar, Static

from qualitytui.core import collector
from qualitytui.core.bookmarks import Bookmarks
from qualitytui.core.corpus import Corpus, UnknownDocument
from qualitytui.core.doc_filter import DocumentFilter
from qualitytui.core.entity_filter import EntityFilter
from qualitytui.core.models import DOC_ORDERS, passage_index
from qualitytui.core.store import CorpusMissing, StoreError, throttled
from qualitytui.core.normalize import printable
from qualitytui.core.user_store import UserStore, UserStoreError
from qualitytui.core.wording import by_year, counted, dated, kinds_read, rebuilt_note, resolved
from qualitytui.paths import Paths
from qualitytui.ui.bookmark_actions import BookmarkActions
from qualitytui.ui.reading_state import ReadingState
from qualitytui.ui.search_actions import SearchActions
from qualitytui.ui.commands import DocumentCommands, EntityCommands, action_commands
from qualitytui.ui.widgets.doc_list import DocList
from qualitytui.ui.widgets.footer import KeysFooter
from qualitytui.ui.widgets.entities import DATE_STYLE, TYPE_STYLE, EntityList, EntityPanel, context_prompt
from qualitytui.ui.widgets.lazy_list import LazyList
from qualitytui.ui.widgets.passages import PassageList

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from qualitytui.core.build_process import SeparateBuild
    from qualitytui.core.search import Result

# The screens are imported where they open: a warm start draws its first frame without them.


@dataclass
class CorpusLoaded(Message):
    corpus: Corpus


@dataclass
class CorpusFailed(Message):
    error: str


@dataclass
class FolderChecked(Message):
    changes: str | None  # what changed since the build shown (store.folder_changes), None: nothing
    reload: bool  # asked for by ctrl+r, not by the periodic check


@dataclass
class EntitiesLoaded(Message):
    rows: list[dict[str, Any]]
    names: EntityFilter


@dataclass
class CorpusPrepared(Message):
    """Everything loaded that is otherwise loaded on first use (Corpus.prepare), for the corpus shown
    ``shown``-th (a rebuilt corpus may be shown while the last one's thread is still at it)."""

    shown: int


@dataclass
class BuildProgress(Message):
    done: int
    total: int
    step: str  # the file just read, or the corpus-wide step under way ("linking entities")


# a last build this large is let go of before the rebuilt store is read (10 000 articles held twice
# took the app to 1 GB); a smaller one stays in view throughout
LET_GO_MIN_DOCUMENTS = 3000
FOLDER_CHECK_SECONDS = 30  # how often the folder is looked at (its files' sizes and times) for changes


class QualityApp(SearchActions, ReadingState, BookmarkActions, App[None]):
    TITLE = "qualitytui"
    CSS_PATH = Path(__file__).resolve().parent / "app.tcss"  # absolute: subclasses elsewhere find it too
    COMMANDS = App.COMMANDS | {DocumentCommands, EntityCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-medium"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # a short screen gives the entity panel more of it
    # in the footer's order, most wanted first: an 80-column footer shows the first seven or so
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("slash", "search", "Search", key_display="/", id="app.search"),
        Binding("f", "find_in_document", "Find in doc", show=False, id="app.find"),
        Binding("d", "focus_documents", "Documents", id="app.documents"),
        # the list shows s in the footer; here too, for d s typed before the list has its focus
        Binding("s", "sort_documents", "Sort documents", show=False, id="app.sort_documents"),
        Binding("e", "focus_entities", "Entities", id="app.entities"),
        Binding("t", "timeline", "Timeline", id="app.timeline"),
        Binding("b", "toggle_bookmark", "Bookmark", id="app.bookmark"),
        Binding("B", "bookmarks", "Bookmarks", id="app.bookmarks"),
        Binding("right_square_bracket", "next_document", "Next doc", key_display="]", id="app.next_document"),
        Binding("left_square_bracket", "previous_document", "Prev doc", key_display="[", id="app.previous_document"),
        Binding("n", "next_hit", "Next hit", id="app.next_hit"),
        Binding("N", "previous_hit", "Prev hit", id="app.previous_hit"),
        Binding("h", "toggle_mentions", "Marks", id="app.toggle_mentions"),
        Binding("m", "edit_note", "Note", id="app.note"),
        Binding("c", "copy_passage", "Copy", id="app.copy"),
        Binding("r", "show_repairs", "Repairs", id="app.repairs"),
        Binding("escape", "back", "Back", show=False, id="app.back"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="app.reload"),
    ]

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """As App.notify, but plain text unless asked: messages here carry file names, paths and
        error text, which are data (a file named ``[@click=app.quit]x.txt`` must not make a button)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def __init__(self, paths: Paths, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        collector.pause()  # until the first frame (collector.py)
        self._collector_paused = True
        self.paths = paths
        self.corpus: Corpus | None = None
        self.doc_id: str | None = None
        self.hits: Result | None = None  # the last search, for n / N
        self.hit_index = 0
        self.last_query = ""
        self.entities: list[dict[str, Any]] = []
        self._entity_filter = EntityFilter([])  # (its names folded on the first key typed)
        self.corpora_shown = 0
        self.prepared = False  # the corpus shown is all loaded (Corpus.prepare)
        self.entity: dict[str, Any] | None = None  # the entity in the panel
        self.entity_mentions: list[dict[str, Any]] = []
        self.related: list[tuple[dict[str, Any], int]] = []  # what the panel's entity is mentioned with
        self.entities_here = False  # the sidebar lists only the document read's entities (.)
        self.doc_order = "file"  # the documents list's order (s), remembered: core.models.DOC_ORDERS
        self._asked: dict[str, float] = {}  # filter box → when e or d last asked for its list's focus (it comes a moment later)
        self._doc_filter = DocumentFilter([])  # the corpus shown's (its titles folded on the first key typed)
        self.show_mentions = False
        self.user = UserStore(paths.user_store)
        self.bookmarks = Bookmarks(self.user, self.paths.folder)
        self.marked: set[str] = set()  # bookmarked passage ids
        self.sidebar_ready = False  # its lists are mounted just after the first frame
        self._build: SeparateBuild | None = None  # a build in a child process, stopped when the app ends
        self._ending = False
        self._stale: str | None = None  # what changed since the build shown, while the store is rebuilt
        self._told: str | None = None  # the folder's changes last told of by the periodic check
        self.reading: dict[str, int] = {}  # each document opened, by its file's hash: the passage it was left at ("read")
        self._header: tuple[Text, Text] | None = None  # the open document's title line, and what its second line says after the passage's place

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield Vertical(id="sidebar")  # filled after the first frame: _after_first_frame
            with Vertical(id="reader"):
                yield Static(id="doc-header")
                yield Static(Text("Opening the corpus…"), id="status")
                yield PassageList(id="passages")
        yield KeysFooter(compact=True)  # one space between keys: more of them fit

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        self.watch(self.query_one(PassageList), "highlighted", self._passage_moved, init=False)
        theme = self.user.get("theme")
        if theme in self.available_themes:
            self.theme = theme
        if self.user.get("doc_order") in DOC_ORDERS:
            self.doc_order = self.user.get("doc_order")
        read = self.user.get("read")
        if isinstance(read, dict):
            self.reading = {d: n for d, n in read.items() if isinstance(n, int) and n >= 0}
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        for note in self.user.messages:
            self.notify(note, severity="warning", timeout=15)
        if self.user.read_only:
            self.notify(f"Bookmarks cannot be saved: {self.user.read_only}.", severity="warning", timeout=15)
        try:  # a warm start opens the saved store here, so that the first frame shows the document
            saved = Corpus.open_saved(self.paths)
        except Exception:  # left to load_corpus, which reports it
            saved = None
        if saved is None or saved[1] is not None:  # a build: in a thread, with a progress bar
            self._mount_progress_bar()
            if saved is not None:  # the folder changed: its last build is read meanwhile
                self._stale = saved[1]
                self._reanchor(saved[0])
                self.show_corpus(saved[0])
            self.load_corpus()
        else:
            self._reanchor(saved[0])
            self.show_corpus(saved[0])

    def _mount_progress_bar(self) -> None:
        if not self.query("#build-progress"):
            bar = ProgressBar(id="build-progress", show_eta=False)
            bar.display = False  # until the build reports
            self.query_one("#reader").mount(bar, after="#status")

    def action_reload(self) -> None:
        """Read the folder again: rebuild the store from the files that changed since the build shown
        (ctrl+r), which stays on screen meanwhile."""
        if self.corpus is None or self._stale is not None:
            self.notify("The corpus is being built; it is shown when it is ready.", timeout=4)
        elif len(self.screen_stack) > 1:
            self.notify("Close this window first (escape), then ctrl+r reloads the folder.", timeout=4)
        else:
            self.check_folder(reload=True)

    @work(thread=True, exclusive=True, group="check")
    def check_folder(self, reload: bool = False) -> None:
        """Whether the folder changed since the build shown (sizes and times only: 10 000 files'
        in a moment); every FOLDER_CHECK_SECONDS, and for ctrl+r."""
        corpus = self.corpus
        if corpus is None or self._stale is not None:
            return
        try:
            changes = corpus.folder_changes(self.paths)
        except OSError as e:
            changes = f"the folder cannot be read: {e.strerror or e}"
        self.post_message(FolderChecked(changes, reload))

    def on_folder_checked(self, message: FolderChecked) -> None:
        if self._stale is not None or self.corpus is None:
            return  # a build began meanwhile
        if not message.reload:
            if message.changes and message.changes != self._told:  # said once for each state of the folder
                self._told = message.changes
                self.notify(f"The folder changed since the articles shown were read ({message.changes}): "
                            "ctrl+r reads it again.", timeout=10)
            return
        if message.changes is None:
            self.notify("Nothing changed in the folder since the articles shown were read.", timeout=4)
            return
        self._stale, self._told = message.changes, None
        panel = self._entity_panel()
        if panel is not None and panel.display:  # its entity may be gone from the rebuilt store
            panel.display = False
            self.query_one(PassageList).focus()
        self._mount_progress_bar()
        self.load_corpus()

    async def _after_first_frame(self) -> None:
        """What the first frame does without: the sidebar's lists, the footer's keys, the entities and
        the search index. The first frame is the document (on a warm start) with header and footer."""
        self._resume_collector()
        sidebar = self.query_one("#sidebar")
        panel = EntityPanel(id="entity-panel")
        panel.display = False
        try:
            await self.query_one("#reader").mount(panel)
            await sidebar.mount_all([
                Static(self._documents_title(), classes="pane-title", id="docs-title"),
                Input(placeholder="filter: words, 2024, unread", id="doc-filter"),
                DocList(id="docs"),
                Static(Text("Entities", style="bold"), classes="pane-title", id="entities-title"),
                Input(placeholder="filter entities", id="entity-filter"),
                EntityList(id="entities"),
            ])
        except MountError:  # the app is closing (q pressed at once)
            return
        if not sidebar.is_attached:
            return
        self.sidebar_ready = True
        self.set_interval(FOLDER_CHECK_SECONDS, self.check_folder)
        self.query_one(KeysFooter).release()
        if self.corpus is not None:
            self._fill_sidebar(self.corpus)

    def _entity_panel(self) -> EntityPanel | None:
        """The entity panel; None in the moment before it is mounted, just after the first frame."""
        panels = list(self.query(EntityPanel))
        return panels[0] if panels else None

    def _fill_sidebar(self, corpus: Corpus) -> None:
        """The documents in the sidebar; the entities, the search index and the mention tables
        are read in a thread (prepare_corpus)."""
        self._list_documents(corpus)
        # once the sidebar is drawn: a thread reading the tables meanwhile slowed its drawing (the
        # interpreter's lock shared), which held the screen for 150 ms on 2 000 articles
        self.call_after_refresh(self.prepare_corpus)

    def _documents_title(self, shown: int | None = None) -> Text:
        """``Documents``, with the order when not the folder's and how many of them the filter keeps."""
        title = Text("Documents", style="bold")
        if shown is not None and self.corpus is not None:
            title.append(f" {shown}/{len(self.corpus.documents())}")
        if self.doc_order != "file":
            title.append(f" · {self.doc_order}")  # (newest, oldest: first; a narrow sidebar has room for little more)
        return title

    def action_sort_documents(self) -> None:
        """The documents list in its next order: as in the folder, newest first, oldest first (s);
        ] and [ follow it."""
        self.doc_order = DOC_ORDERS[(DOC_ORDERS.index(self.doc_order) + 1) % len(DOC_ORDERS)]
        self._save("doc_order", self.doc_order)
        if self.corpus is not None:
            self._list_documents(self.corpus)

    def _list_documents(self, corpus: Corpus) -> None:
        """The documents list in the order chosen (} and { by year when by date), those its filter
        keeps, the one read highlighted."""
        typed = "".join(box.value for box in self.query("#doc-filter").results(Input))
        docs = self._doc_filter.keep(typed, corpus.documents(self.doc_order), self._was_read)
        for doc_list in self.query(DocList):
            doc_list.show_documents(docs, self._was_read, self.doc_order != "file")
        for title in self.query("#docs-title").results(Static):
            title.update(self._documents_title(len(docs) if typed.strip() else None))
        self._highlight_in_doc_list(self.doc_id)

    def _highlight_in_doc_list(self, doc_id: str | None) -> None:
        """The documents list's cursor on ``doc_id`` (the list is there once the sidebar is filled);
        on its first document when its filter leaves ``doc_id`` out (enter opens it)."""
        for doc_list in self.query(DocList):
            if doc_id in doc_list.doc_ids:
                doc_list.highlighted = doc_list.doc_ids.index(doc_id)
            elif doc_list.doc_ids and doc_id is not None:
                doc_list.highlighted = 0

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            # what the first frame needed (the widgets, the documents and their passages) stays: its
            # first run after the pause would walk it all (50 + 37 ms on 10 000 articles)
            collector.settle()
            collector.resume()

    def on_unmount(self) -> None:
        self._ending = True
        if self._build is not None:  # a build still running would keep the process from ending
            self._build.cancel()
        self._resume_collector()  # an app that stops before its first frame
        collector.unsettle()  # what this app leaves behind can be collected (tests run many apps)

    def get_system_commands(self, screen: Any) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for title, help, callback in action_commands(self):
            yield SystemCommand(title, help, callback)

    def action_first_passage(self) -> None:
        self.query_one(PassageList).action_first()

    def action_last_passage(self) -> None:
        self.query_one(PassageList).action_last()

    def _theme_changed(self, theme: Any) -> None:
        if self.user.get("theme") != theme.name:
            self._save("theme", theme.name)

    def _save(self, key: str, value: Any) -> None:
        """Remember a piece of reading state; a failure is told once, never raised."""
        self._save_many({key: value})

    def _save_many(self, values: dict[str, Any]) -> None:
        if self.user.read_only:
            return
        try:
            self.user.set_many(values)
        except UserStoreError as e:
            self.notify(str(e), severity="warning", timeout=8)

    @work(thread=True, exclusive=True, group="corpus")
    def load_corpus(self) -> None:
        from qualitytui.core.build_process import BuildCancelled, BuildFailed, SeparateBuild

        self._build = SeparateBuild(before_read=self._before_new_store)
        if self._ending:  # unmounted meanwhile: set, then read, here as there, so one of us cancels
            self._build.cancel()
        progress = throttled(lambda done, total, step: self.post_message(BuildProgress(done, total, step)))
        try:
            corpus = Corpus.open(self.paths, progress=progress, builder=self._build)
        except BuildCancelled:  # the app is ending
            return
        except (BuildFailed, CorpusMissing, StoreError) as e:  # their messages say it all
            self.post_message(CorpusFailed(str(e)))
            return
        except Exception as e:  # shown as one line in the app, never a traceback
            self.post_message(CorpusFailed(f"{type(e).__name__}: {e}"))
            return
        self._reanchor(corpus)
        self.post_message(CorpusLoaded(corpus))

    def _before_new_store(self) -> None:
        """(In the build's thread.) The rebuilt store is about to be read: a large last build shown
        meanwhile is let go of first, so that two large corpora are never held at once."""
        if self._stale is not None and self.corpus is not None and len(self.corpus.documents()) >= LET_GO_MIN_DOCUMENTS:
            self.call_from_thread(self._let_go_of_last_build)

    def _let_go_of_last_build(self) -> None:
        """Drop the last build's corpus and its lists; the open document stays on screen until the
        rebuilt one replaces it."""
        self._save_position()
        if self.corpus is not None:
            self.corpus.close()
        self.corpus, self.entities, self.entity, self.related = None, [], None, []
        self._entity_filter, self._doc_filter = EntityFilter([]), DocumentFilter([])
        for doc_list in self.query(DocList):
            doc_list.show_documents([])
        self._show_entities("")
        panel = self._entity_panel()
        if panel is not None and panel.display:
            panel.display = False
            self.query_one(PassageList).focus()
        for bar in self.query("#build-progress"):
            bar.display = False
        status = self.query_one("#status", Static)
        status.display = True
        status.update(Text("Reading the rebuilt store…"))

    def _reanchor(self, corpus: Corpus) -> None:
        try:
            self.bookmarks.reanchor(corpus.exact_passages, corpus.passages_starting)
        except UserStoreError:
            pass  # read-only: the bookmarks are still shown, re-anchored in memory next time

    @work(thread=True, exclusive=True, group="prepare")
    def prepare_corpus(self) -> None:
        # the corpus is no argument: Textual keeps a finished worker (and so its arguments) referred
        # to from a context, which kept a replaced corpus, 450 MB on 10 000 articles, in memory
        corpus, shown = self.corpus, self.corpora_shown
        if corpus is None:
            return
        # the collector paused: a full collection, set off by what is read here, held the app's
        # screen for up to 0.15 s on 10 000 articles
        with collector.paused():
            # read here, not where the screen is drawn: 0.13 s on 10 000 articles
            names = EntityFilter(corpus.entity_rows())
            self.post_message(EntitiesLoaded(names.entities, names))
            corpus.prepare()
            names.prepare()  # (its names folded: 74 ms on 10 000 articles' 45 000 entities)
            self.post_message(CorpusPrepared(shown))
            # the corpus is all loaded: no collection walks it again. Frozen before the collector runs
            # again, as its first run walks everything made while it was paused: that held the app's
            # screen for 95–214 ms on 10 000 articles, after the first frame
            collector.settle()

    def on_corpus_prepared(self, message: CorpusPrepared) -> None:
        self.prepared = message.shown == self.corpora_shown
        self._draw_header(layout=False)  # (now with the passage's dates)

    def on_entities_loaded(self, message: EntitiesLoaded) -> None:
        self.entities = message.rows
        self._entity_filter = message.names
        self._refilter_entities()  # (typed, maybe, before the list was there)

    def _show_entities(self, typed: str) -> None:
        """The sidebar's entities whose name or alias matches what is typed in its filter box (and that
        the document read mentions, after ``.``)."""
        here = self.corpus.counted_in(self.doc_id) if self.entities_here and self.corpus and self.doc_id else None
        for entity_list in self.query(EntityList):
            entity_list.show_entities(self._entity_filter.keep(typed, here))
        for title in self.query("#entities-title").results(Static):
            title.update(Text("Entities · this doc" if self.entities_here else "Entities", style="bold"))

    def action_entities_here(self) -> None:
        """The entity sidebar: only the document read's entities, or all again (``.``)."""
        self.entities_here = not self.entities_here
        self._refilter_entities()

    def _refilter_entities(self) -> None:
        for box in self.query("#entity-filter").results(Input):
            self._show_entities(box.value)

    def on_build_progress(self, message: BuildProgress) -> None:
        bar = self.query_one("#build-progress", ProgressBar)
        bar.display = True
        if self._stale:  # the last build is shown meanwhile: say so
            status = Text(f"The folder changed since the last build ({self._stale}): rebuilding; "
                          "the articles shown are as they were. ")
        else:
            status = Text("Building the corpus store… ")
        status.append(printable(message.step), style="dim")
        widget = self.query_one("#status", Static)
        widget.display = True
        widget.update(status)
        bar.update(total=message.total or None, progress=message.done)

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        stale, self._stale = self._stale, None
        if stale is not None:  # the last build was shown meanwhile (and maybe let go of)
            if not message.corpus.built and self.corpus is not None:  # the files were only touched
                self.corpus.same_articles_as(message.corpus)
                message.corpus.close()
                for widget in (*self.query("#build-progress"), self.query_one("#status")):
                    widget.display = False
                return
            if self.corpus is not None:
                self._save_position()  # the rebuilt store replaces it; the reader stays where they are
            meta = message.corpus.meta
            self.notify(rebuilt_note(len(message.corpus.documents()), len(meta.get("files") or ()), meta.get("reused", 0)),
                        timeout=6)
        self.show_corpus(message.corpus)

    def show_corpus(self, corpus: Corpus) -> None:
        if self.corpus is not None and self.corpus is not corpus:  # a rebuilt store replaces the last build
            self.corpus.close()
        self.corpus = corpus
        self._doc_filter = DocumentFilter(corpus.documents())
        self.corpora_shown += 1
        self.prepared = False
        for bar in self.query("#build-progress"):
            bar.display = False
        self.query_one("#status").display = False
        notes = corpus.messages
        if notes:  # one toast: four of them covered half of a small terminal
            shown = notes[:3] + ([f"… and {len(notes) - 3} more (qualitytui docs prints them all)"] if len(notes) > 3 else [])
            self.notify("\n".join(shown), severity="warning", timeout=10)
        docs = corpus.documents(self.doc_order)  # with no position kept, the list's first is opened
        self.marked = self.bookmarks.passages()
        where = self._position_here() or self._position_elsewhere(corpus)
        if docs and not corpus.exact_document(where.get("doc", "")) and where.get("file"):
            where = dict(where, doc=corpus.document_of_file(where["file"]) or "")  # its file renamed or moved
        if docs and corpus.exact_document(where.get("doc", "")):
            self.open_document(where["doc"], where.get("passage", 0))
        elif docs:
            self.open_where_left(docs[0]["id"])
        else:
            status = self.query_one("#status", Static)
            status.display = True
            status.update(Text(f"No {kinds_read()} articles in this folder."))
        if self.sidebar_ready:  # after a build; on a warm start the sidebar is filled once it is mounted
            self._fill_sidebar(corpus)

    def on_corpus_failed(self, message: CorpusFailed) -> None:
        self._stale = None  # (ctrl+r may try again)
        for bar in self.query("#build-progress"):
            bar.display = False
        if self.corpus is not None:  # the last build stays in view
            self.query_one("#status").display = False
            self.notify(f"Could not rebuild the corpus store ({message.error}); showing the last build.",
                        severity="warning", timeout=15)
            return
        self.query_one("#status", Static).update(Text(f"Could not open the corpus: {message.error}"))

    def open_document(self, doc_id: str, at: int = 0, marks: dict[str, list[tuple[int, int, str]]] | None = None) -> None:
        if self.corpus is None:
            return
        try:
            doc = self.corpus.document(doc_id)
        except UnknownDocument:  # a search hit or mention found before a rebuild took its file away
            self.notify(f"{doc_id} is no longer in the corpus.", severity="warning", timeout=5)
            return
        if self.doc_id and doc["id"] != self.doc_id:
            self._leave_document()
        moved, self.doc_id = doc["id"] != self.doc_id, doc["id"]
        if moved and self.entities_here:
            self._refilter_entities()
        self._show_sidebar(False)
        title = Text(printable(doc["title"]), style="bold")
        if doc.get("subtitle"):
            title.append("  ")
            title.append(printable(doc["subtitle"]), style="italic")
        about = Text()
        if when := dated(doc.get("date"), gap=" "):
            about.append(when, style="bold")
            about.append(" · ", style="dim")
        meta = [f"copy of {doc['copy_of']}"] if doc.get("copy_of") else []  # copies.py: what they share is counted there
        meta += [doc["byline"]] if doc.get("byline") else []
        meta += [f"{counted(len(doc['warnings']), 'repair')} (r)", doc["path"]]
        about.append(printable(" · ".join(meta)), style="dim")
        self._header = (title, about)
        passages = self.query_one(PassageList)
        passages.show_passages(self.corpus.passages(doc["id"]), at, marks if marks is not None else self._marks(doc["id"]),
                               self.marked)
        self._draw_header(layout=True)  # (its first drawing may change its height)
        self._note_read(doc["id"], max(0, min(at, len(self.corpus.passages(doc["id"])) - 1)))
        self._save_position()
        self._highlight_in_doc_list(doc["id"])
        panel = self._entity_panel()
        if not (panel and panel.display):
            passages.focus()

    def _passage_moved(self, index: int | None) -> None:
        # watched, not told by a message: drawn in the same frame as the move (a message's round trip
        # made each j 15 ms slower), and without a layout: the same two lines, cut to the width (app.tcss)
        if index is not None:
            self._draw_header(layout=False)

    def _draw_header(self, layout: bool) -> None:
        """The open document's header: title, then where the reader is (¶ 12/40), date, byline, repairs, file."""
        if self._header is None:
            return
        title, about = self._header
        header = title.copy()
        header.append("\n")
        passages = self.query_one(PassageList)
        if passages.highlighted is not None:
            header.append(f"¶ {passages.highlighted + 1}/{len(passages.passages)} · ", style="dim")
            current = passages.current
            # the dates this passage leaves to be worked out (once the corpus is prepared: not on the first frame)
            if current is not None and self.corpus is not None and self.corpus.dates_ready:
                for item in self.corpus.dates_in(current["id"]):
                    if item.get("inferred"):
                        header.append(printable(resolved(item)), style="italic")
                        header.append(" · ", style="dim")
        header.append_text(about)
        self.query_one("#doc-header", Static).update(header, layout=layout)

    def _marks(self, doc_id: str) -> dict[str, list[tuple[int, int, str]]]:
        """Search matches, and entity mentions and dates when they are switched on (h), by passage."""
        marks = self._hit_marks(doc_id)
        if self.show_mentions and self.corpus:
            for pid, ms in self.corpus.mentions_in(doc_id).items():
                marks.setdefault(pid, []).extend((s, e, TYPE_STYLE.get(t, "underline")) for s, e, t in ms)
            for p in self.corpus.passages(doc_id):
                for item in self.corpus.dates_in(p["id"]):
                    marks.setdefault(p["id"], []).append((*item["offset"], DATE_STYLE))
        return marks

    # -- entities -------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "entity-filter":
            self._show_entities(event.value)
        elif event.input.id == "doc-filter" and self.corpus is not None:
            self._list_documents(self.corpus)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "entity-filter":
            self.query_one(EntityList).focus()
        elif event.input.id == "doc-filter":
            self.query_one(DocList).focus()

    def show_entity(self, entity: dict[str, Any]) -> None:
        panel = self._entity_panel()
        if self.corpus is None or panel is None:
            return
        corpus = self.corpus
        self.entity = entity
        self.entity_mentions = mentions = corpus.entity_mentions(entity["id"], self.doc_order)  # (as the list)
        titles = corpus.titles()

        self._show_sidebar(False)  # (the panel is in the reader)
        panel.display = True
        listed = panel.query_one("#entity-mentions", LazyList)

        def row(i: int) -> Text:  # made only for the mentions that come into view, as wide as the list
            m = mentions[i]
            where = f"{titles.get(m['doc'], m['doc'])[:8]} #{m['passage'].rsplit('#', 1)[1]}"
            snip = corpus.mention_snippet(m, max(20, listed.row_width - cell_len(where) - 4))
            return context_prompt(where, snip.text, snip.spans([(m["start"], m["end"])]))

        self.related = corpus.mentioned_with(entity["id"])
        panel.show_entity(entity, len(mentions), row, self.related, by_year(*corpus.years_of(entity["docs"])),
                          corpus.named_within(entity), group=lambda i: mentions[i]["doc"])
        panel.query_one("#entity-mentions").focus()

    def action_open_related(self, k: int) -> None:
        """Show the ``k``-th entity the panel's entity is most often mentioned with."""
        if k < len(self.related):
            self.show_entity(self.related[k][0])

    def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        if isinstance(event.lazy_list, DocList):
            self.open_where_left(event.lazy_list.doc_ids[event.index])
        elif isinstance(event.lazy_list, EntityList):
            entity = event.lazy_list.entity_at(event.index)
            if entity:
                self.show_entity(entity)
        elif event.lazy_list.id == "entity-mentions" and self.entity:
            self.open_mention(event.index)

    def open_mention(self, i: int) -> None:
        """Open mention ``i`` of the panel's entity, and make the next one the one ``enter`` opens."""
        assert self.entity is not None
        mentions = self.entity_mentions
        m = mentions[i]
        marks = self._marks(m["doc"])
        marks.setdefault(m["passage"], []).append((m["start"], m["end"], "reverse"))
        self.open_document(m["doc"], passage_index(m["passage"]), marks)
        self.sub_title = f"{printable(self.entity['name'])} · mention {i + 1}/{len(mentions)}"
        self.query_one("#entity-mentions", LazyList).highlighted = (i + 1) % len(mentions)

    def action_timeline(self) -> None:
        """The timeline; from the entity panel, that entity's (a binding of the panel's own would
        change the footer's keys, which costs the panel's opening 50 ms of footer rebuilding)."""
        if self.corpus is None:
            self.notify("The corpus is still opening.", timeout=3)
            return
        panel = self._entity_panel()
        if panel is not None and panel.display and panel.has_focus_within and self.entity is not None:
            self.action_show_entity_timeline()
        else:
            self._push_timeline(self.corpus)

    def action_show_entity_timeline(self) -> None:
        """The timeline of the entity in the panel: the items whose passage names it."""
        if self.corpus is None or self.entity is None:
            self.notify("Open an entity first (e, then enter).", timeout=3)
            return
        from qualitytui.core.timeline_filter import entity_term

        self._push_timeline(self.corpus, entity_term(self.entity["name"]))

    def _push_timeline(self, corpus: Corpus, typed: str = "") -> None:
        from qualitytui.ui.screens.timeline import TimelineScreen

        doc = corpus.counted_as(self.doc_id) if self.doc_id else None  # (a copy's: its original's items)
        screen = TimelineScreen(corpus.timeline(), corpus.titles(), doc, corpus.passages_naming, typed)
        self.push_screen(screen, self._timeline_closed)

    def _timeline_closed(self, item: dict[str, Any] | None) -> None:
        if item is None:
            return
        s, e = item["offset"]
        marks = self._marks(item["doc"])
        marks.setdefault(item["passage"], []).append((s, e, "reverse"))
        self.open_document(item["doc"], passage_index(item["passage"]), marks)
        self.sub_title = f"{printable(item['date_text'])} · {item['kind'].replace('_', ' ')}"

    def action_focus_entities(self) -> None:
        self._list_or_its_filter(EntityList, "#entity-filter")

    def action_filter_entities(self) -> None:
        self._filter_box("#entity-filter")

    def _list_or_its_filter(self, kind: type[LazyList], box_id: str) -> None:
        """The sidebar's list of ``kind`` focused; its key pressed once more (also before the focus
        asked for a moment ago has arrived), its filter box: type to filter."""
        for listing in self.query(kind):
            self._show_sidebar(True)
            if listing.has_focus or time.monotonic() - self._asked.get(box_id, -1.0) < 0.5:
                self._asked.pop(box_id, None)
                self._filter_box(box_id)
            else:
                self._asked[box_id] = time.monotonic()
                listing.focus()

    def _filter_box(self, box_id: str) -> None:
        for box in self.query(box_id).results(Input):
            self._show_sidebar(True)
            box.focus()

    def _show_sidebar(self, shown: bool) -> None:
        """Below 70 columns the sidebar is hidden; d and e show it in the reader's place until a
        document or an entity is opened, or escape (app.tcss: .-narrow.-sidebar-shown)."""
        self.screen_stack[0].set_class(shown, "-sidebar-shown")  # the main screen, under any dialog

    def action_toggle_mentions(self) -> None:
        self.show_mentions = not self.show_mentions
        if self.doc_id:
            current = self.query_one(PassageList).highlighted or 0
            self.open_document(self.doc_id, current)
        self.notify("Entity mentions and dates marked." if self.show_mentions else "Entity and date marks off.", timeout=2)

    def action_focus_documents(self) -> None:
        self._list_or_its_filter(DocList, "#doc-filter")

    def action_filter_documents(self) -> None:
        self._filter_box("#doc-filter")

    def action_next_group(self) -> None:
        self._in_focused_list("action_next_group")

    def action_previous_group(self) -> None:
        self._in_focused_list("action_previous_group")

    def _in_focused_list(self, action: str) -> None:
        """} / { from the palette: in the list that has the focus, if one has (each list's own keys
        do it there)."""
        focused = self.screen.focused
        if isinstance(focused, LazyList) and focused.grouped:
            getattr(focused, action)()
        else:
            self.notify("} and { move in a list: the entities, documents, timeline, an entity's mentions, search hits.",
                        timeout=4)

    def action_help(self) -> None:
        from qualitytui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_show_repairs(self) -> None:
        if self.corpus and self.doc_id:
            from qualitytui.ui.screens.repairs import RepairsScreen

            self.push_screen(RepairsScreen(self.corpus.document(self.doc_id), self.query_one(PassageList).current))

    async def action_quit(self) -> None:
        self._save_position()
        self.exit()

    def action_back(self) -> None:
        self._asked.clear()  # (e or d next is a first press again)
        panel = self._entity_panel()
        if self.screen_stack[0].has_class("-sidebar-shown"):
            self._show_sidebar(False)
            self.query_one(PassageList).focus()
        elif panel and panel.display:
            panel.display = False
            self.entity, self.related = None, []
            self.query_one(PassageList).focus()
        elif not self.query_one(PassageList).has_focus:
            self.query_one(PassageList).focus()
