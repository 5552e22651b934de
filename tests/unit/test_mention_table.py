"""The packed mentions table gives back exactly the mentions the linker found, by entity and by document."""

import pytest

from qualitytui.core.entities import extract_entities
from qualitytui.core.mention_table import Mentions, table_rows
from qualitytui.core.segment import get_segmenter

KEYS = ("doc", "passage", "start", "end", "text")


@pytest.fixture(scope="module")
def linked(seed_docs):
    docs = [(d.id, [p.to_dict() for p in d.passages]) for d in seed_docs.values()]
    passages = [p for _, ps in docs for p in ps]  # store order: documents, then their passages
    entities, mentions = extract_entities(docs, get_segmenter().tag)
    table = Mentions(table_rows(entities, passages), passages, {e.id: e.type for e in entities})
    return entities, mentions, passages, table


def test_an_entitys_mentions_come_back_as_linked(linked):
    entities, _, _, table = linked
    assert sum(len(e.mentions) for e in entities) > 300
    for e in entities:
        assert table.of_entity(e.id) == [{k: m[k] for k in KEYS} for m in e.mention_dicts()]


def test_a_documents_marks_by_passage(linked):
    entities, mentions, passages, table = linked
    types = {e.id: e.type for e in entities}
    for doc in {p["doc"] for p in passages}:
        want: dict[str, list] = {}
        for m in mentions:
            if m["doc"] == doc:
                want.setdefault(m["passage"], []).append((m["start"], m["end"], types[m["entity"]]))
        assert want
        assert table.in_doc(doc) == {pid: sorted(marks) for pid, marks in want.items()}


def test_the_passages_that_mention_some_entities_with_the_mentions_spans(linked):
    entities, mentions, passages, table = linked
    number = {p["id"]: i for i, p in enumerate(passages)}
    people = {e.id for e in entities if e.type == "person"}
    want: dict[int, list] = {}
    for m in mentions:
        if m["entity"] in people:
            want.setdefault(number[m["passage"]], []).append((m["start"], m["end"]))
    got = table.in_passages(people)
    assert want and {k: sorted(v) for k, v in got.items()} == {k: sorted(v) for k, v in want.items()}


def test_the_entities_mentioned_with_one_by_the_passages_they_share(linked):
    entities, mentions, _, table = linked
    passages_of: dict[str, set] = {}
    for m in mentions:
        passages_of.setdefault(m["entity"], set()).add(m["passage"])
    checked = 0
    for e in entities:
        shared = sorted(((other, len(ps & passages_of[e.id])) for other, ps in passages_of.items()
                         if other != e.id and ps & passages_of[e.id]), key=lambda x: (-x[1], x[0]))
        assert table.mentioned_with(e.id, 5) == shared[:5]
        checked += bool(shared)
    assert checked > 100
    assert table.mentioned_with("person:无此人") == []


def test_unknown_entities_and_unmentioned_documents_give_nothing(linked):
    *_, table = linked
    assert table.of_entity("person:无此人") == []
    assert table.in_passages({"person:无此人"}) == {}
    assert table.in_doc("no-such-doc") == {}


def test_one_row_per_entity_in_the_store(seeds_copy, tmp_path):
    from qualitytui.core.corpus import Corpus
    from qualitytui.paths import Paths

    corpus = Corpus.open(Paths.resolve(str(seeds_copy), str(tmp_path / "d"), str(tmp_path / "c")))
    rows = corpus.db.storage.read()["mentions"].values()
    assert [r["entity"] for r in rows] == [e["id"] for e in corpus.entity_rows()]
    assert all(set(r) == {"entity", "spans"} for r in rows)
    assert all(len(corpus.entity_mentions(e["id"])) == e["count"] for e in corpus.entity_rows())


def test_an_entitys_mentions_follow_the_documents_order(seeds_copy, tmp_path):
    from qualitytui.core.corpus import Corpus
    from qualitytui.paths import Paths

    corpus = Corpus.open(Paths.resolve(str(seeds_copy), str(tmp_path / "d"), str(tmp_path / "c")))
    top = max(corpus.entity_rows(), key=lambda e: len(e["docs"]))
    in_files = corpus.entity_mentions(top["id"])
    assert len(top["docs"]) >= 3
    for order in ("newest", "oldest"):
        ranked = [d["id"] for d in corpus.documents(order)]
        got = corpus.entity_mentions(top["id"], order)
        assert sorted(map(repr, got)) == sorted(map(repr, in_files))  # the same mentions
        assert [ranked.index(m["doc"]) for m in got] == sorted(ranked.index(m["doc"]) for m in got)
        for doc in top["docs"]:  # within a document, in the text's order
            assert [m for m in got if m["doc"] == doc] == [m for m in in_files if m["doc"] == doc]
    assert corpus.entity_mentions(top["id"], "newest") != in_files  # (the seeds' files are not in date order)
