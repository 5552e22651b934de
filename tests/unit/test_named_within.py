"""The longer names that hold an entity's name (its panel's "in names"), against a plain scan."""

import pytest

from qualitytui.core.corpus import Corpus
from qualitytui.paths import Paths


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return Corpus.open(Paths.resolve(None, str(tmp_path_factory.mktemp("d")), str(tmp_path_factory.mktemp("c"))))


def plain(corpus, entity):
    return plain_of(corpus.entity_rows(), entity)


def test_every_entitys_longer_names_are_found_most_mentioned_first(seeds):
    some = 0
    for entity in seeds.entity_rows():
        within = seeds.named_within(entity)
        assert {e["id"] for e in within} == plain(seeds, entity), entity["name"]
        assert [e["count"] for e in within] == sorted((e["count"] for e in within), reverse=True)
        some += bool(within)
    assert some >= 10


def test_a_place_holds_its_bodies_and_a_name_is_not_within_itself(seeds):
    qingdao = next(e for e in seeds.entity_rows("place") if e["name"] == "青岛市")
    names = [e["name"] for e in seeds.named_within(qingdao)]
    assert "青岛市市场监督管理局" in names and "青岛市政府" in names and "青岛市" not in names
    person = next(e for e in seeds.entity_rows("person") if e["name"] == "高善武")
    assert seeds.named_within(person) == []


def test_a_name_equal_to_its_own_is_not_a_longer_one_wherever_it_stands(seeds, monkeypatch):
    rows = [{"id": "a", "name": "青岛市", "aliases": ["青岛"], "count": 5},
            {"id": "b", "name": "青岛市政府", "aliases": [], "count": 2},
            {"id": "c", "name": "岛城", "aliases": ["青岛"], "count": 1}]  # (its alias the last name of all)
    corpus = Corpus(seeds.db)
    monkeypatch.setattr(corpus, "entity_rows", lambda *a: rows)
    assert [e["id"] for e in corpus.named_within(rows[0])] == ["b"]
    assert {e["id"] for e in corpus.named_within(rows[0])} == plain_of(rows, rows[0])


def plain_of(rows, entity):
    own = {n for n in (entity["name"], *entity["aliases"]) if len(n) >= 2}
    return {e["id"] for e in rows if e["id"] != entity["id"]
            and any(n in other and n != other for other in (e["name"], *e["aliases"]) for n in own)}
