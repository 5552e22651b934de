"""An article a folder holds twice is counted once: its copies stay documents of their own, but their
names, dates and search hits are the first one's."""

import json
import shutil

import pytest

from qualitytui.cli import main
from qualitytui.core.copies import MIN_CHARS, copied_passages, find_copies
from qualitytui.core.corpus import Corpus
from qualitytui.paths import Paths

from conftest import SEEDS

BODY = "青岛市市场监管局召开全市质量工作会议，部署质量强市建设的重点任务。" * 4


def _p(doc, kind, text):
    return {"doc": doc, "kind": kind, "text": text}


def test_the_same_body_under_other_headlines_and_bylines_is_a_copy_of_the_first():
    passages = [
        _p("a", "title", "质量强市"), _p("a", "body", BODY[:60]), _p("a", "heading", "一、目标"), _p("a", "body", BODY[60:]),
        _p("b", "heading", "转载：质量强市"), _p("b", "byline", "记者 王伟"), _p("b", "body", BODY[:30]),
        _p("b", "body", BODY[30:60] + "\n"), _p("b", "heading", "一、 工作目标"), _p("b", "body", BODY[60:]),
        _p("b", "furniture", "责任编辑：刘洋"),
        _p("c", "body", BODY),
        _p("d", "body", BODY.replace("，", ",").replace("。", ". ")),  # another site's punctuation
        _p("e", "body", "本报青岛3月5日讯（记者 王伟 通讯员 刘洋）" + BODY[:60]), _p("e", "body", BODY[60:]),  # the lead's
        _p("f", "body", "大众网讯 " + BODY),  # dateline and byline, printed or not
    ]
    assert find_copies(["a", "b", "c", "d", "e", "f"], passages) == {"b": "a", "c": "a", "d": "a", "e": "a", "f": "a"}
    assert find_copies(["c", "b", "a"], passages) == {"b": "c", "a": "c"}  # the first in the corpus's order


def test_other_text_short_text_and_no_text_are_no_copies():
    short = "会议通知。" * 3
    assert len(short) < MIN_CHARS
    passages = [
        _p("a", "body", BODY), _p("b", "body", BODY[:60] + "另据了解，会议还通报了去年的质量工作。" + BODY[60:]),
        _p("c", "body", short), _p("d", "body", short),
        _p("e", "caption", BODY), _p("f", "furniture", BODY),  # no body: captions and furniture alone are no article
    ]
    assert find_copies(["a", "b", "c", "d", "e", "f", "g"], passages) == {}
    # brackets opening a paragraph that are no byline are its text: 以下简称 … is not left out
    aside = [_p("a", "body", "（以下简称“大会”）" + BODY), _p("b", "body", BODY + "另据了解，会议还通报了去年的质量工作。")]
    assert find_copies(["a", "b"], aside) == {}


@pytest.fixture
def folder(tmp_path):
    """The seeds, with 004 saved again under two other names: as it is, and with a headline, a
    byline and credits of its own and its lines spaced otherwise."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    original = (SEEDS / "004_e0fac6992d39068e.txt").read_text(encoding="utf-8")
    (corpus / "005_again.txt").write_text(original, encoding="utf-8")
    reposted = "转载：全力推进质量强省建设\n\n记者 王伟\n\n" + original.replace("\n\n", "\n\n\n") + "\n\n责任编辑：刘洋\n"
    (corpus / "006_reposted.txt").write_text(reposted, encoding="utf-8")
    return corpus


def _open(corpus, cache):
    return Corpus.open(Paths.resolve(corpus, cache_dir=cache))


def _entities(corpus):
    return sorted((e["type"], e["name"], e["count"], tuple(e["docs"]), tuple(e["aliases"])) for e in corpus.entity_rows())


def test_what_copies_share_with_the_first_is_counted_once_and_what_they_add_as_theirs(folder, tmp_path):
    with_copies = _open(folder, tmp_path / "a")
    seeds = _open(SEEDS, tmp_path / "b")
    assert with_copies.copies == {"005_again": "004_e0fac6992d39068e", "006_reposted": "004_e0fac6992d39068e"}
    assert {d["id"]: d["copy_of"] for d in with_copies.documents()}["000_dd8c9580cc043703"] is None
    # the repost's own byline names its reporter; all else is as the seeds alone make it
    assert set(_entities(with_copies)) - set(_entities(seeds)) == {("person", "王伟", 1, ("006_reposted",), ())}
    assert not set(_entities(seeds)) - set(_entities(with_copies))
    assert with_copies.timeline() == seeds.timeline()
    own = [p["text"] for p in with_copies.passages("006_reposted") if not p.get("copied")]
    assert own == ["转载：全力推进质量强省建设", "记者 王伟", "责任编辑：刘洋"]
    assert all(p.get("copied") for p in with_copies.passages("005_again"))  # the same file again: nothing of its own
    # each copy stays a document of its own, with its passages
    assert len(with_copies.passages("006_reposted")) > len(with_copies.passages("004_e0fac6992d39068e"))


def test_search_finds_a_copy_only_by_its_document(folder, tmp_path):
    corpus = _open(folder, tmp_path / "a")
    everywhere = corpus.search("质量强链", None)
    assert everywhere.total and not any(h.doc in corpus.copies for h in everywhere.hits)
    assert {h.doc for h in everywhere.hits} >= {"004_e0fac6992d39068e"}
    own = corpus.search("质量强链 doc:006", None)
    assert own.total and {h.doc for h in own.hits} == {"006_reposted"} and not own.in_copies
    both = corpus.search("质量强链 doc:005|006", None)
    assert everywhere.in_copies == both.total == 2 * own.total  # what was left out, said
    headings = corpus.search("kind:heading", None).hits  # a copy's own heading is found, not those it shares
    assert headings and {h.passage for h in headings if h.doc in corpus.copies} == {"006_reposted#0"}


def test_a_copy_shows_the_mentions_of_the_same_passages_in_the_first(folder, tmp_path):
    corpus = _open(folder, tmp_path / "a")
    first = {corpus.passage(pid)["text"]: marks for pid, marks in corpus.mentions_in("004_e0fac6992d39068e").items()}
    copy = {corpus.passage(pid)["text"]: marks for pid, marks in corpus.mentions_in("006_reposted").items()}
    assert first and copy == {**first, "记者 王伟": [(3, 5, "person")]}  # and its own byline's
    assert all(not pid.startswith("004") for pid in corpus.mentions_in("006_reposted"))
    assert corpus.counted_as("006_reposted") == "004_e0fac6992d39068e" and corpus.counted_as("000_dd8c9580cc043703") == "000_dd8c9580cc043703"


def test_when_the_first_goes_its_copy_counts_and_the_rebuild_equals_a_build_from_nothing(folder, tmp_path):
    _open(folder, tmp_path / "a")
    (folder / "004_e0fac6992d39068e.txt").unlink()
    rebuilt = _open(folder, tmp_path / "a")  # the others reused from the .scans file
    assert rebuilt.meta["reused"] == 6
    assert rebuilt.copies == {"006_reposted": "005_again"}
    cold = _open(folder, tmp_path / "b")
    data, fresh = rebuilt.db.storage.read(), cold.db.storage.read()
    for table in ("documents", "passages", "entities", "mentions", "events", "search"):
        assert data[table] == fresh[table], table
    assert "005_again" in {d for e in rebuilt.entity_rows() for d in e["docs"]}


def test_the_commands_say_which_documents_are_copies(folder, tmp_path, capsys):
    cache = str(tmp_path / "a")
    assert main(["--corpus", str(folder), "--cache-dir", cache, "docs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[-2:] == ["copy", "of"]
    assert lines[-1].split()[0] == "006_reposted" and lines[-1].split()[-1] == "004_e0fac6992d39068e"
    assert lines[1].split()[-1] == "0"  # the first document: its repairs, no copy
    assert main(["--corpus", str(folder), "--cache-dir", cache, "docs", "--json"]) == 0
    assert [d["copy_of"] for d in json.loads(capsys.readouterr().out)][-3:] == [None, "004_e0fac6992d39068e", "004_e0fac6992d39068e"]
    assert main(["--corpus", str(folder), "--cache-dir", cache, "entities", "--doc", "006", "--json"]) == 0
    out = capsys.readouterr()
    assert "006_reposted is a copy of 004_e0fac6992d39068e" in out.err
    assert main(["--corpus", str(folder), "--cache-dir", cache, "entities", "--doc", "004", "--json"]) == 0
    first = capsys.readouterr()
    listed = {e["name"] for e in json.loads(out.out)}  # the original's, and the repost's own reporter
    assert listed == {e["name"] for e in json.loads(first.out)} | {"王伟"} and len(listed) > 20 and not first.err
    assert main(["--corpus", str(folder), "--cache-dir", cache, "timeline", "--doc", "005", "--json"]) == 0
    out = capsys.readouterr()
    assert "005_again is a copy of" in out.err and {e["doc"] for e in json.loads(out.out)} == {"004_e0fac6992d39068e"}
    assert main(["--corpus", str(folder), "--cache-dir", cache, "search", "质量强链", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["in_copies"] > 0 and not any(h["doc"] in ("005_again", "006_reposted") for h in found["hits"])
    assert main(["--corpus", str(folder), "--cache-dir", cache, "search", "质量强链"]) == 0
    assert f"{found['in_copies']} more in copies (doc: shows" in capsys.readouterr().out.splitlines()[0]
    assert main(["--corpus", str(folder), "--cache-dir", cache, "build"]) == 0
    assert capsys.readouterr().out.startswith("built 7 documents (2 of them copies of others), ")
    assert main(["--corpus", str(folder), "--cache-dir", cache, "build", "--json"]) == 0
    built = json.loads(capsys.readouterr().out)
    assert built["copies"] == 2 and built["events"] == len(_open(SEEDS, tmp_path / "s").timeline())  # each once
    assert main(["--corpus", str(folder), "--cache-dir", cache, "show", "005"]) == 0
    assert "copy of 004_e0fac6992d39068e" in capsys.readouterr().out.splitlines()[2]


def test_a_repost_of_an_articles_first_paragraphs_is_a_copy_of_the_article_whichever_comes_first():
    more = "会议还通报了去年全市质量工作的进展，表彰了一批质量工作先进单位和个人，并对下一步工作作出部署。" * 2
    full = [_p("full", "body", BODY), _p("full", "body", more)]
    short = [_p("short", "body", BODY)]
    shorter = [_p("shorter", "body", BODY[: MIN_CHARS + 10])]
    assert find_copies(["short", "full"], short + full) == {"short": "full"}
    assert find_copies(["full", "short", "shorter"], full + short + shorter) == {"short": "full", "shorter": "full"}
    # an article that opens as another but goes on otherwise is its own, and so is one that opens otherwise
    other = [_p("other", "body", BODY), _p("other", "body", "另据了解，本次会议以视频形式召开，各区市设分会场。" * 3)]
    later = [_p("later", "body", "编者按：本文转自青岛日报。" + BODY)]
    assert find_copies(["full", "other", "later"], full + other + later) == {}
    # an article reposted under an editor's note is a copy too, and a copy's copy is the original's
    first = [_p("first", "body", BODY)]
    assert find_copies(["first", "later"], first + later) == {"first": "later"}
    assert find_copies(["short", "first", "later"], short + first + later) == {"short": "later", "first": "later"}
    noted_full = [_p("noted", "body", "编者按：本文转自青岛日报。" + BODY), _p("noted", "body", more)]
    assert find_copies(["short", "noted"], short + noted_full) == {}  # the article in the middle of another: its own


def test_a_copys_passages_are_copied_where_the_original_holds_their_text():
    def ps(doc, *items):
        return [{"id": f"{doc}#{i}", "doc": doc, "kind": k, "text": t} for i, (k, t) in enumerate(items)]

    lead = ps("lead", ("title", "质量大会召开"), ("body", "本报讯（记者 王伟）" + BODY))
    repost = ps("repost", ("heading", "转载：质量大会召开"), ("body", BODY[:60]), ("body", BODY[60:]), ("furniture", "责任编辑：刘洋"))
    assert find_copies(["lead", "repost"], lead + repost) == {"repost": "lead"}
    assert copied_passages({"repost": "lead"}, lead + repost) == {"repost#1", "repost#2"}  # its own: heading, credit
    # the lead that names the reporters, where the original (here the fuller repost) lacks it, is the copy's own
    fuller = ps("fuller", ("body", "编者按：转自青岛日报。" + BODY))
    assert find_copies(["lead", "fuller"], lead + fuller) == {"lead": "fuller"}
    assert copied_passages({"lead": "fuller"}, lead + fuller) == set()
    same = ps("same", *[(p["kind"], p["text"]) for p in lead])  # the same file again: all of it
    assert copied_passages({"same": "lead"}, lead + same) == {"same#0", "same#1"}
