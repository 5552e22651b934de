"""The headless commands: docs, show, build; exit codes and messages."""

import json
import re
import subprocess
import sys

import pytest

from qualitytui import __version__
from qualitytui.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_docs_json_lists_the_five_seeds_with_their_titles(capsys):
    code, out, err = run(capsys, "docs", "--json")
    assert code == 0
    docs = json.loads(out)
    assert len(docs) == 5
    assert set(docs[0]) >= {"id", "path", "title", "subtitle", "byline", "date", "passages", "chars", "warnings"}
    by_id = {d["id"]: d for d in docs}
    assert by_id["004_e0fac6992d39068e"]["title"] == "省市场监管局坚持标准引领和质量支撑，全力推进质量强省建设"
    assert "\\u" not in out  # UTF-8, not ASCII-escaped


def test_docs_table_is_readable(capsys):
    code, out, _ = run(capsys, "docs")
    assert code == 0 and "000_dd8c9580cc043703" in out and "title" in out
    _, js, _ = run(capsys, "docs", "--json")
    row = next(line for line in out.splitlines() if line.startswith("001_"))
    assert "≈" + json.loads(js)[1]["date"]["value"] in row  # each document's inferred date, marked as inferred


def test_docs_keeps_the_documents_matching_every_word_as_the_apps_list_does(capsys):
    from qualitytui.core.corpus import Corpus
    from qualitytui.core.user_store import UserStore
    from qualitytui.paths import Paths

    def ids(*words):
        code, out, _ = run(capsys, "docs", "--json", *words)
        assert code == 0
        return [d["id"][:3] for d in json.loads(out)]

    assert ids("2025") == ["000", "002"] and ids("2022..2023") == ["001", "003", "004"]
    assert ids("laoshan") == ["000", "002"] and ids("嶗山", "2025") == ["000", "002"]  # pinyin, traditional
    assert ids("质量强链") == ["004"] and ids("nothing-like-this") == []
    assert ids("unread") == ["000", "001", "002", "003", "004"]
    paths = Paths.resolve(None, None, None)  # the test's own dirs (conftest)
    corpus = Corpus.open(paths)
    UserStore(paths.user_store).set("read", {corpus.file_hash("001_8b5557aee29fe76b"): 3})  # opened in the app
    assert ids("unread") == ["000", "002", "003", "004"] and ids("unread", "2022") == []
    assert ids("-unread") == ["001"] and ids("-laoshan", "NOT", "2022") == ["003", "004"]  # (-laoshan: no option)


def test_docs_sorted_by_date_newest_or_oldest_first(capsys):
    _, out, _ = run(capsys, "docs", "--json", "--sort", "newest")
    # the seeds' dates: 002 of 2025-03-20, 000 of 2025 (a year alone comes after that year's days), 003 and
    # 004 of 2023 (in file order), 001 of 2022-09-29 (the years are a reader's: bench/eval/timeline_years.tsv)
    assert [d["id"][:3] for d in json.loads(out)] == ["002", "000", "003", "004", "001"]
    _, out, _ = run(capsys, "docs", "--json", "--sort", "oldest")
    assert [d["id"][:3] for d in json.loads(out)] == ["001", "003", "004", "000", "002"]
    with pytest.raises(SystemExit) as e:
        main(["docs", "--sort", "sideways"])
    assert e.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_undated_documents_come_last_in_either_date_order():
    from qualitytui.core.corpus import in_order

    docs = [{"id": "a", "date": {"value": "2024-05"}}, {"id": "b", "date": None}, {"id": "c", "date": {"value": "2021"}},
            {"id": "d", "date": {"value": "2024-05"}}, {"id": "e"}]
    assert [d["id"] for d in in_order(docs, "newest")] == ["a", "d", "c", "b", "e"]
    assert [d["id"] for d in in_order(docs, "oldest")] == ["c", "a", "d", "b", "e"]
    assert in_order(docs, "file") == docs


def test_show_one_several_and_all(capsys):
    code, out, _ = run(capsys, "show", "004", "--json")
    one = json.loads(out)
    assert code == 0 and isinstance(one, dict) and one["id"] == "004_e0fac6992d39068e"
    p = one["passages"][0]
    assert set(p) == {"id", "index", "kind", "text", "original"} and p["id"] == "004_e0fac6992d39068e#0"
    code, out, _ = run(capsys, "show", "000", "003", "--json")
    assert [d["id"][:3] for d in json.loads(out)] == ["000", "003"]
    code, out, _ = run(capsys, "--json", "show", "--all")  # global option before the command
    assert len(json.loads(out)) == 5


def test_show_all_body_passages_are_whole_sentences(capsys):
    from qualitytui.core.repair import is_terminated

    _, out, _ = run(capsys, "show", "--all", "--json")
    body = [p for d in json.loads(out) for p in d["passages"] if p["kind"] == "body"]
    assert body and all(is_terminated(p["text"]) and "\n" not in p["text"] for p in body)


def test_show_text_output(capsys):
    code, out, _ = run(capsys, "show", "002")
    assert code == 0 and out.startswith("# 解锁崂山区高质量发展的创新密码") and "[3 body]" in out
    # when and by whom, under the title
    assert "\n  ≈2025-03-20 · 青岛早报/观海新闻记者 姜丹宁 通讯员 张绪霞 赵子健\n" in out.split("[0 ")[0]


def test_unknown_document_exits_1_with_suggestions(capsys):
    code, out, err = run(capsys, "show", "004_e0fac6992d39068x")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "did you mean 004_e0fac6992d39068e" in err


def test_show_without_ids_is_a_usage_error(capsys):
    code, _, err = run(capsys, "show")
    assert code == 2 and "--all" in err


def test_a_folder_with_no_articles_says_so(capsys, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF")
    code, out, err = run(capsys, "--corpus", str(empty), "--cache-dir", str(tmp_path / "c"), "docs", "--json")
    assert code == 0 and out.strip() == "[]"
    assert f"no articles (.txt, .md, .html, .mht, .docx, .doc, .wps or .pdf) to read in {empty}" in err


def test_missing_corpus_folder_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "--corpus", str(tmp_path / "nope"), "docs")
    assert code == 2 and "corpus folder not found" in err and "Traceback" not in err


def test_a_corpus_given_as_one_file_says_to_give_its_folder(capsys, tmp_path):
    article = tmp_path / "one.txt"
    article.write_text("标题\n\n正文。\n", encoding="utf-8")
    for command in (["docs"], []):  # a command, and the app (which says so before it starts)
        code, _, err = run(capsys, "--corpus", str(article), *command)
        assert code == 2 and err.strip() == f"qualitytui: the corpus is a folder of articles, not one file: {article} (its folder: {tmp_path})"


def test_bad_option_exits_2(capsys):
    with pytest.raises(SystemExit) as e:
        main(["docs", "--bogus"])
    assert e.value.code == 2


def test_build_json_summary(capsys):
    code, out, _ = run(capsys, "build", "--json")
    summary = json.loads(out)
    assert code == 0
    assert summary["documents"] == 5 and summary["passages"] > 100
    assert set(summary) == {"documents", "passages", "entities", "events", "copies", "seconds"}


def test_user_corpus_with_bad_files_warns_per_file(capsys, tmp_path):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("我的标题\n\n我的正文。\n", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\x00\xff\x00")
    (corpus / "empty.md").write_bytes(b"")
    code, out, err = run(capsys, "--corpus", str(corpus), "docs", "--json")
    assert code == 0 and [d["id"] for d in json.loads(out)] == ["ok"]
    assert "skipped bad.txt" in err and "skipped empty.md" in err


def test_cache_dir_option_is_used(capsys, tmp_path):
    cache = tmp_path / "mycache"
    run(capsys, "--cache-dir", str(cache), "build")
    assert list(cache.glob("corpus-*.json"))


def test_console_script_runs_from_another_directory(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "qualitytui", "--version"], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0
    assert re.fullmatch(rf"qualitytui {re.escape(__version__)} \((pure Python|\d+ of \d+ build modules compiled)\)",
                        out.stdout.strip())
    out = subprocess.run(
        [sys.executable, "-m", "qualitytui", "docs", "--json"], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0 and len(json.loads(out.stdout)) == 5
    assert out.stderr == ""  # no segmenter log lines, no warnings


def test_a_command_runs_without_the_cycle_collector_and_gives_it_back(capsys, monkeypatch):
    import gc

    from qualitytui import cli

    seen = []
    monkeypatch.setitem(cli.COMMANDS, "docs", lambda args: seen.append(gc.isenabled()) or 0)
    assert gc.isenabled()
    assert run(capsys, "docs")[0] == 0 and seen == [False]
    assert gc.isenabled()
    monkeypatch.setitem(cli.COMMANDS, "docs", lambda args: 1 / 0)  # also after an error
    assert run(capsys, "docs")[0] != 0 and gc.isenabled()


def test_build_draws_its_bar_on_a_terminal_with_file_names_as_written(capsys, tmp_path, monkeypatch):
    import shutil

    from qualitytui.paths import builtin_corpus_dir

    corpus = tmp_path / "odd"
    (corpus / "[").mkdir(parents=True)  # the file's path, [/x].txt, reads as a closing markup tag
    shutil.copy(next(builtin_corpus_dir().glob("*.txt")), corpus / "[" / "x].txt")
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich takes stderr for a terminal
    code, out, err = run(capsys, "--corpus", str(corpus), "build")
    assert code == 0 and out.startswith("built 1 document, "), err
    assert "building corpus store" in err and "[/x].txt" in err


def test_any_command_that_builds_draws_the_bar_and_one_that_does_not_draws_nothing(capsys, tmp_path, monkeypatch):
    # a first `search` on a folder of thousands of articles is a build: it was silent for as long
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich takes stderr for a terminal
    cache = str(tmp_path / "c")
    code, out, err = run(capsys, "--cache-dir", cache, "search", "质量月", "--limit", "1")
    assert code == 0 and "质量月" in out and "building corpus store" in err
    code, out, err = run(capsys, "--cache-dir", cache, "search", "质量月", "--limit", "1")
    assert code == 0 and "质量月" in out and err == ""


@pytest.mark.skipif(sys.platform != "linux", reason="sets the pipe's size with a Linux fcntl")
@pytest.mark.parametrize("argv", [["search", "质量", "--limit", "0"], ["show", "--all"], ["entities"], ["timeline", "--json"]])
def test_a_reader_that_stops_early_is_not_an_error(tmp_path, argv):
    """`qualitytui search 质量 | head -1`: the pipe closes under the command, which exits 0, quietly."""
    import fcntl
    import os

    env = dict(os.environ, QUALITYTUI_CACHE_DIR=str(tmp_path / "c"), QUALITYTUI_DATA_DIR=str(tmp_path / "d"))
    subprocess.run([sys.executable, "-m", "qualitytui", "build"], env=env, check=True, capture_output=True)
    read, write = os.pipe()
    fcntl.fcntl(write, 1031, 4096)  # F_SETPIPE_SZ: a small pipe, so the output outruns the reader
    proc = subprocess.Popen([sys.executable, "-m", "qualitytui", *argv], env=env, stdout=write, stderr=subprocess.PIPE)
    os.close(write)
    assert os.read(read, 200)
    os.close(read)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and not err, err.decode()


def test_skipped_files_are_listed_by_a_build_and_by_docs_and_counted_by_the_rest(capsys, tmp_path):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("我的标题\n\n我的正文。\n", encoding="utf-8")
    for name in ("bad.txt", "worse.txt", "empty.md"):
        (corpus / name).write_bytes(b"\x00\xff\x00" if name != "empty.md" else b"")
    _, _, err = run(capsys, "--corpus", str(corpus), "search", "正文")  # this one builds the store
    assert err.count("skipped ") == 3
    code, out, err = run(capsys, "--corpus", str(corpus), "search", "正文")  # warm: one line
    assert code == 0 and "我的正文" in out
    assert err.strip().splitlines() == ["qualitytui: warning: 3 files skipped (`qualitytui docs` lists them)"]
    _, _, err = run(capsys, "--corpus", str(corpus), "docs")
    assert all(f"warning: skipped {name}: " in err for name in ("bad.txt", "worse.txt", "empty.md"))
