"""The command line: parse, call the core, print. ``qualitytui`` alone opens the TUI."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Sequence

from qualitytui import __version__
from qualitytui.core.citations import FORMATS
from qualitytui.core.models import DOC_ORDERS, ENTITY_TYPES, HIT_ORDERS
from qualitytui.core.linebreak import display_width
from qualitytui.core.normalize import printable
from qualitytui.core.query_help import SYNTAX
from qualitytui.core.wording import counted, dated, first_shown, in_copies, in_documents, kinds_read

if TYPE_CHECKING:
    from qualitytui.core.corpus import Corpus

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_ERROR):
        super().__init__(message)
        self.code = code


class _Version(argparse.Action):
    """--version: the version, and whether the build's modules run compiled (a figure for bug reports)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from qualitytui.core.compiled import describe

        print(f"qualitytui {__version__} ({describe()})")
        parser.exit()


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    g = parser.add_argument_group("global options")
    g.add_argument("--corpus", metavar="DIR", default=default, help="your own folder of .txt/.md articles, saved web pages (.html, .mht), Word documents (.docx, .doc, .wps) or .pdf files (searched recursively); default: the five built-in articles")
    g.add_argument("--data-dir", metavar="DIR", default=default, help="where bookmarks and reading state live (env QUALITYTUI_DATA_DIR)")
    g.add_argument("--cache-dir", metavar="DIR", default=default, help="where the corpus store is kept (env QUALITYTUI_CACHE_DIR)")
    g.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False, help="print exactly one JSON value")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qualitytui",
        description="Read and investigate Chinese policy news in a terminal. With no command, opens the app.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and how it was built, and exit")
    _global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        _global_options(p, suppress=True)
        return p

    docs = add("docs", "list the documents: id, title, passages, repairs")
    docs.add_argument("filter", nargs="*", metavar="WORD",
                      help="only documents matching every word: words of the title, subtitle, byline or file path "
                           "(characters or pinyin), a year (2024) or years (2023..2025), unread (never opened in the app); "
                           "-WORD or NOT WORD leaves out what it would keep")
    docs.add_argument("--sort", choices=DOC_ORDERS, default="file",
                      help="file: as in the folder (default); newest, oldest: by each document's date, undated last")
    show = add("show", "print documents with their passages (one id, several, or --all)")
    show.add_argument("ids", nargs="*", metavar="DOC", help="document id, or a unique prefix of one (e.g. 004)")
    show.add_argument("--all", action="store_true", help="every document")
    ents = add("entities", "named entities: people, places, bodies, companies, documents, programmes, awards, events")
    ents.add_argument("name", nargs="*", metavar="NAME",
                      help="only the entities whose name or an alias holds it, as the app's entity filter reads it "
                           "(characters in any form, or pinyin: qingpi, zhiliang dahui)")
    ents.add_argument("--type", choices=ENTITY_TYPES, metavar="T", help=f"only this type: {', '.join(ENTITY_TYPES)}")
    ents.add_argument("--doc", metavar="DOC", help="only the entities this document mentions (id, or a unique prefix of one)")
    line = add("timeline", "dated items (events, plan periods, targets, statistics) in date order")
    line.add_argument("filter", nargs="*", metavar="WORD",
                      help="only items matching every word: a kind (event, plan, target, stat), a year (2025) or years (2023..2025), "
                           "entity:NAME (items whose passage names it), or words of the date, title or document "
                           "title (characters or pinyin); -WORD or NOT WORD leaves out what it would keep")
    line.add_argument("--doc", metavar="DOC", help="only this document's items (id, or a unique prefix of one)")
    line.add_argument("--cite", choices=FORMATS, metavar="FORMAT",
                      help="print the items as a chronology with their sources instead: md (each with its citation "
                           "and passage), gbt (each numbered to a GB/T 7714 reference list), json or csv")
    search = add("search", "ranked search of every passage (Chinese, pinyin, traditional characters)")
    search.epilog = QUERY_HELP
    search.formatter_class = argparse.RawDescriptionHelpFormatter
    search.add_argument("query", nargs="*", metavar="QUERY", help="words, \"a phrase\", -excluded, filters (below)")
    search.add_argument("--limit", type=_limit, default=20, metavar="N", help="show the best N hits (default 20; 0 for all)")
    search.add_argument("--sort", choices=HIT_ORDERS, help="best first (the default), or by the documents' dates: "
                                                       "newest or oldest first (as sort: in the query)")
    search.add_argument("--cite", choices=FORMATS, metavar="FORMAT",
                        help="print the passages found as citations instead: md (a list to paste into a report), "
                             "gbt (a GB/T 7714 reference list), json or csv; in the hits' order, as many as --limit")
    marks = add("bookmarks", "your bookmarks (list); add one, export them, or remove one")
    marks_sub = marks.add_subparsers(dest="action", metavar="ACTION")
    madd = marks_sub.add_parser("add", help="bookmark a passage", description="bookmark a passage")
    _global_options(madd, suppress=True)
    madd.add_argument("passage", metavar="PASSAGE", help="passage id DOC#N (a unique prefix of DOC will do: 004#3)")
    madd.add_argument("--note", default="", help="a note")
    madd.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeat for several)")
    mexp = marks_sub.add_parser("export", help="export as Markdown citations, a GB/T 7714 reference list, JSON or CSV",
                                description="export as Markdown citations (md), a GB/T 7714 reference list (gbt), JSON or CSV")
    _global_options(mexp, suppress=True)
    mexp.add_argument("--format", choices=FORMATS, default="md")
    mexp.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of printing")
    mrm = marks_sub.add_parser("remove", help="remove a bookmark", description="remove a bookmark")
    _global_options(mrm, suppress=True)
    mrm.add_argument("id", metavar="ID", help="bookmark id (bm-…), or a unique prefix of at least 4 characters")
    build = add("build", "rebuild the corpus store now, with a progress bar")
    build.set_defaults(force=True)
    return parser


QUERY_HELP = "query language:\n" + "\n".join(
    f"  {example}{' ' * (30 - display_width(example))}{what}" for example, what in SYNTAX)  # (CJK is two cells wide)


def _limit(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (all) or more")
    return n


class _BuildBar:
    """A build's progress bar on stderr, for any command that builds the store: drawn on a terminal
    only (nothing in a pipe or a log), from the build's own calls (no refresh thread: with no other
    thread running, the build can fork its workers, pipeline._pool), from the first call on. Give it
    the calls through store.throttled."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None
        self.wanted = True

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.wanted:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = Console(stderr=True)
            if not console.is_terminal:
                self.wanted = False
                return
            self.bar = Progress(
                TextColumn("building corpus store"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                TextColumn("{task.description}", markup=False), console=console, transient=True, auto_refresh=False,
            )
            self.bar.start()
            self.task = self.bar.add_task("", total=None)
        self.bar.update(self.task, completed=done, total=total, description=name[-40:], refresh=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _paths(args: argparse.Namespace):
    from qualitytui.paths import Paths

    return Paths.resolve(args.corpus, args.data_dir, args.cache_dir)


def _open(args: argparse.Namespace, force: bool = False, every_skip: bool = False):
    """The corpus, its notes on stderr. The files a build skipped are listed one by one when this
    command built the store, or ``every_skip`` (docs, build); otherwise counted in one line, so that
    a folder with hundreds of unusable files does not bury every search's output."""
    from qualitytui.core.corpus import Corpus
    from qualitytui.core.store import CorpusMissing, skip_notes, throttled

    bar = _BuildBar()
    try:
        corpus = Corpus.open(_paths(args), force=force, progress=throttled(bar))
    except CorpusMissing as e:
        raise CliError(str(e), EXIT_USAGE) from None
    finally:
        bar.close()
    skips = skip_notes(corpus.meta)
    listed = set(skips)
    for m in corpus.messages:
        if m not in listed:
            print(f"qualitytui: warning: {m}", file=sys.stderr)
    if every_skip or corpus.built or len(skips) == 1:
        for m in skips:
            print(f"qualitytui: warning: {m}", file=sys.stderr)
    elif skips:
        print(f"qualitytui: warning: {counted(len(skips), 'file')} skipped (`qualitytui docs` lists them)", file=sys.stderr)
    if not corpus.documents():
        print(f"qualitytui: warning: no articles ({kinds_read('or')}) to read in {_paths(args).corpus}", file=sys.stderr)
    return corpus


def _emit_json(value: Any) -> None:
    """``value`` as indented UTF-8 JSON (orjson: the json module's indenting encoder is pure Python,
    1.9 s for the entities of 2 000 articles); ASCII-escaped if it holds a lone surrogate (from a
    command-line argument), which UTF-8 cannot carry."""
    import orjson

    try:
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONEncodeError:
        text = json.dumps(value, indent=2)
    sys.stdout.write(text)
    sys.stdout.write("\n")


def cmd_docs(args: argparse.Namespace) -> int:
    corpus = _open(args, every_skip=True)
    docs = corpus.documents(args.sort)
    if args.filter:  # as the app's documents list filters
        from qualitytui.core.doc_filter import DocumentFilter

        opened = _user_store(args).get("read")
        opened = opened if isinstance(opened, dict) else {}
        docs = DocumentFilter(corpus.documents()).keep(" ".join(args.filter), docs,
                                                       lambda doc: (corpus.file_hash(doc) or doc) in opened)
    if args.json:
        _emit_json(docs)
        return EXIT_OK
    from qualitytui.cli_table import print_table

    heads = ["id", "date", "title", "passages", "chars", "repairs"]
    rows = [[d["id"], dated(d.get("date")), d["title"], d["passages"], d["chars"], len(d["warnings"])] for d in docs]
    if any(d.get("copy_of") for d in docs):  # (a column only a folder with copies needs)
        heads.append("copy of")
        for row, d in zip(rows, docs):
            row.append(d.get("copy_of") or "")
    print_table(heads, rows, right=["passages", "chars", "repairs"], flexible=["title"])
    return EXIT_OK


def _copy_note(corpus: Corpus, doc: str, what: str) -> None:
    """Say on stderr that ``doc`` is a copy, whose shared text is counted in its original."""
    if doc in corpus.copies:
        print(f"qualitytui: {doc} is a copy of {corpus.copies[doc]}, which holds its text: {what}", file=sys.stderr)


def cmd_show(args: argparse.Namespace) -> int:
    if not args.ids and not args.all:
        raise CliError("show needs a document id (or --all); `qualitytui docs` lists them", EXIT_USAGE)
    corpus = _open(args)
    ids = [d["id"] for d in corpus.documents()] if args.all else args.ids
    shown = [corpus.show(i) for i in ids]
    if args.json:
        _emit_json(shown if args.all or len(ids) > 1 else shown[0])
        return EXIT_OK
    out = []
    for doc in shown:
        out.append(f"# {doc['title']}  ({doc['id']})")
        if doc["subtitle"]:
            out.append(f"  {doc['subtitle']}")
        about = [x for x in (dated(doc.get("date")), doc.get("byline"), doc.get("url")) if x]
        if doc.get("copy_of"):
            about.append(f"copy of {doc['copy_of']}")
        if about:  # when and by whom, and where it was on the web
            out.append("  " + " · ".join(about))
        for p in doc["passages"]:
            out.append(f"\n[{p['index']} {p['kind']}] {p['text']}")
        if doc["warnings"]:
            out.append(f"\nrepairs ({len(doc['warnings'])}):")
            out += [f"  - {w}" for w in doc["warnings"]]
        out.append("")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_entities(args: argparse.Namespace) -> int:
    corpus = _open(args)
    doc = corpus.resolve(args.doc) if args.doc else None
    if doc:
        _copy_note(corpus, doc, "its entities are listed with the original's")
    # the table needs no mentions: their table (82 000 rows on 2 000 articles) stays on disk
    ents = corpus.entity_rows(args.type, doc)
    if args.name:
        from qualitytui.core.entity_filter import EntityFilter

        ents = EntityFilter(ents).keep(" ".join(args.name) + " ")  # (typed to its end)
    if args.json:
        wanted = {e["id"] for e in ents} if args.name else None
        _emit_json([e for e in corpus.entities(args.type, doc) if wanted is None or e["id"] in wanted])
        return EXIT_OK
    from qualitytui.cli_table import print_table


    print_table(["type", "name", "count", "docs", "aliases"],
                [[e["type"], e["name"], e["count"], len(e["docs"]), "、".join(e["aliases"])] for e in ents],
                right=["count", "docs"], flexible=["name", "aliases"])
    return EXIT_OK


def _entity_quoted(word: str, entity_term: Callable[[str], str]) -> str:
    """A word of the command line as the filter box would have it typed: entity:NAME (or -entity:NAME)
    with its name quoted again where it needs to be (the shell took its quotes)."""
    dash = "-" if word[:1] == "-" else ""
    return dash + entity_term(word[8:] if dash else word[7:]) if word[len(dash) : len(dash) + 7].lower() == "entity:" else word


def cmd_timeline(args: argparse.Namespace) -> int:
    if args.cite and args.json:
        raise CliError("--json and --cite each choose the output: give one of them", EXIT_USAGE)
    corpus = _open(args)
    items = corpus.timeline()
    if args.filter or args.doc:
        from qualitytui.core.timeline_filter import TimelineItems, entity_term, parse

        typed = " ".join(_entity_quoted(w, entity_term) for w in args.filter)
        doc = corpus.resolve(args.doc) if args.doc else None
        if doc:
            _copy_note(corpus, doc, "the original's dated items are listed")
        flt = parse(typed, corpus.counted_as(doc) if doc else None)
        timeline = TimelineItems(items, corpus.titles(), corpus.passages_naming)
        if unknown := timeline.unknown_entities(flt):
            raise CliError(f"no entity named {unknown[0]!r} (`qualitytui entities` lists them)")
        items = [items[i] for i in timeline.keep(flt)]
    if args.cite:
        what = " ".join([*args.filter, *(["--doc " + args.doc] if args.doc else [])])
        sys.stdout.write(corpus.chronology(items, args.cite, "Timeline" + (f": {what}" if what else "")))
        return EXIT_OK
    if args.json:
        _emit_json(items)
        return EXIT_OK
    from qualitytui.cli_table import print_table

    print_table(["start", "end", "kind", "date", "title", "doc"],
                [[e["start"], e["end"] or "", e["kind"], e["date_text"] + (" *" if e["inferred"] else ""), e["title"], e["doc"]]
                 for e in items],
                flexible=["date", "title"])
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    if args.cite and args.json:
        raise CliError("--json and --cite each choose the output: give one of them", EXIT_USAGE)
    if not args.query:  # (not required by argparse: a query may open on a dash, -kind:furniture)
        raise CliError("search needs a QUERY: words, pinyin or a filter (qualitytui search --help)", EXIT_USAGE)
    corpus = _open(args)
    from qualitytui.core.query import with_order

    query = " ".join(args.query)
    result = corpus.search(with_order(query, args.sort) if args.sort else query, args.limit or None)
    if args.cite and not result.message:
        sys.stdout.write(corpus.cite(result, args.cite))
    elif args.json:
        _emit_json(result.to_dict())
    elif not result.message:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        class _Console(Console):
            def on_broken_pipe(self) -> None:  # Rich exits 1; a reader that stopped early is no error
                self.quiet = True
                raise BrokenPipeError

        console = _Console()
        shown = f"; {first_shown(len(result.hits), result.order)}" if len(result.hits) < result.total else ""
        copies = f"; {in_copies(result.in_copies)}" if result.in_copies else ""
        console.print(Text(f"{counted(result.total, 'passage')}{in_documents(result)} for {printable(result.query)} ({result.took_ms:.1f} ms){shown}{copies}"))
        if years := corpus.years_found(result):
            console.print(Text(f"by year (documents): {years}"))
        table = Table(box=None, header_style="bold", pad_edge=False, show_header=False)
        table.add_column("score", justify="right")
        table.add_column("passage", no_wrap=True)
        by_date = result.order != "best"
        if by_date:  # what the hits are in the order of
            dates = {d["id"]: dated(d.get("date")) for d in corpus.documents()}
            table.add_column("date", no_wrap=True)
        table.add_column("snippet", overflow="fold")
        for h in result.hits:
            snip = Text(printable(h.snippet.text))
            for a, b in h.snippet.spans(h.matches):
                snip.stylize("bold reverse", a, b)
            table.add_row(f"{h.score:.2f}", Text(h.passage), *([dates.get(h.doc, "")] if by_date else []), snip)
        console.print(table)
    if result.message:
        print(f"qualitytui: {result.message}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    import time

    t0 = time.perf_counter()
    corpus = _open(args, force=True)
    summary = {
        "documents": len(corpus.documents()),
        "passages": sum(d["passages"] for d in corpus.documents()),
        "entities": len(corpus.db.table("entities")),
        "events": len(corpus.timeline()),  # (a copied passage's dated items are stored, not shown: copies.py)
        "copies": len(corpus.copies),
        "seconds": round(time.perf_counter() - t0, 3),
    }
    if args.json:
        _emit_json(summary)
    else:
        copies = f" ({summary['copies']} of them copies of others)" if summary["copies"] else ""
        print(
            f"built {counted(summary['documents'], 'document')}{copies}, {counted(summary['passages'], 'passage')} "
            f"in {summary['seconds']:.2f} s → {_paths(args).corpus_store}"
        )
    return EXIT_OK


def cmd_tui(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if not paths.corpus.is_dir():
        from qualitytui.core.store import missing_corpus

        raise CliError(missing_corpus(paths.corpus), EXIT_USAGE)
    from qualitytui.core import collector

    with collector.paused():  # the imports too; the app keeps it paused until its first frame
        from qualitytui.ui.app import QualityApp

        app = QualityApp(paths)
    app.run()
    return EXIT_OK


def _bookmarks(args: argparse.Namespace):
    from qualitytui.core.bookmarks import Bookmarks

    return Bookmarks(_user_store(args), _paths(args).folder)


def _user_store(args: argparse.Namespace):
    """The user store (bookmarks, reading state), its notes on stderr."""
    from qualitytui.core.user_store import UserStore

    store = UserStore(_paths(args).user_store)
    for m in store.messages:
        print(f"qualitytui: warning: {m}", file=sys.stderr)
    return store


def _passage(corpus, passage_id: str) -> dict[str, Any]:
    doc, sep, n = passage_id.rpartition("#")
    if not sep or not n.isdigit():
        raise CliError(f"not a passage id: {passage_id!r} (expected DOC#N, e.g. 004#3)", EXIT_USAGE)
    passages = corpus.passages(doc)
    if int(n) >= len(passages):
        raise CliError(f"no passage {passage_id}: {corpus.resolve(doc)} has {len(passages)} passages (0–{len(passages) - 1})")
    return passages[int(n)]


def cmd_bookmarks(args: argparse.Namespace) -> int:
    from qualitytui.core.bookmarks import export, public
    from qualitytui.core.user_store import UserStoreError

    marks = _bookmarks(args)
    action = getattr(args, "action", None)
    try:
        if action == "add":
            corpus = _open(args)
            passage = _passage(corpus, args.passage)
            b = marks.add(passage, args.note, args.tag, doc=corpus.document(passage["doc"]))
            if args.json:
                _emit_json(public(b))
            else:
                print(f"{b['id']}  {b['passage']}  {printable(b['quote'][:40])}")
            return EXIT_OK
        if action == "remove":
            try:
                b = marks.remove(args.id)
            except KeyError as e:
                raise CliError(e.args[0]) from None
            _emit_json(public(b)) if args.json else print(f"removed {b['id']}  {b['passage']}")
            return EXIT_OK
        corpus = _open(args)
        rows = marks.reanchor(corpus.exact_passages, corpus.passages_starting)
    except UserStoreError as e:
        raise CliError(str(e)) from None
    if action == "export":
        text = export(rows, args.format, corpus.exact_document)
        if args.output:
            from pathlib import Path

            from qualitytui.core.atomic import atomic_write, why_not_written

            target = Path(args.output)
            try:
                atomic_write(target, text.encode())
            except OSError as e:  # (named by the file asked for, not by the temp file written beside it)
                raise CliError(f"cannot write {target}: {why_not_written(e, target.parent, 'output')}") from None
            print(f"{counted(len(rows), 'bookmark')} written to {args.output}", file=sys.stderr)
        else:
            sys.stdout.write(text)
        return EXIT_OK
    if args.json:
        _emit_json([public(b) for b in rows])
        return EXIT_OK
    if not rows:
        print("No bookmarks yet: press b on a passage in the app, or run `qualitytui bookmarks add DOC#N`.")
        return EXIT_OK
    from qualitytui.cli_table import print_table

    print_table(["id", "passage", "tags", "note", "quote"],
                [[b["id"], b["passage"] + (f" (in {b['elsewhere']})" if b.get("elsewhere") else ""
                                           if b.get("anchored", True) else " (unanchored)"), ", ".join(b["tags"]),
                  b["note"], b["quote"]] for b in rows],
                flexible=["tags", "note", "quote"])
    return EXIT_OK


COMMANDS = {
    "docs": cmd_docs,
    "show": cmd_show,
    "entities": cmd_entities,
    "timeline": cmd_timeline,
    "search": cmd_search,
    "build": cmd_build,
    "bookmarks": cmd_bookmarks,
    None: cmd_tui,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command in ("search", "timeline", "docs") and all(x.startswith("-") and not x.startswith("--") for x in extra):
        words = args.query if args.command == "search" else args.filter
        words += extra  # -青岛, -target: a word left out, not an option
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    from qualitytui.core import collector
    from qualitytui.core.corpus import UnknownDocument

    # a command's objects (a store's are millions) live until it ends, and it makes no garbage cycles
    # worth collecting: the collector's first walk over a freshly built store alone took 0.08 s
    pause = args.command is not None  # (the app pauses it around its own bursts)
    if pause:
        collector.pause()
    try:
        return COMMANDS[args.command](args)
    except CliError as e:
        print(f"qualitytui: {e}", file=sys.stderr)
        return e.code
    except UnknownDocument as e:
        print(f"qualitytui: {e.args[0]}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`qualitytui show --all | head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as e:
        print(f"qualitytui: {e.strerror or e}: {e.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_ERROR
    except Exception as e:  # last resort: one line, never a traceback
        print(f"qualitytui: unexpected error: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if pause:
            collector.resume()
