"""The entity sidebar's filter: names and aliases in any character form, or pinyin, in the list's order."""

from qualitytui.core.entity_filter import EntityFilter


def entity(name, aliases=(), docs=("a",)):
    return {"name": name, "aliases": list(aliases), "docs": list(docs)}


ENTITIES = [
    entity("青岛啤酒", ["青啤", "青啤集团"], docs=("a", "b")),
    entity("青岛市", ["青岛"], docs=("b",)),
    entity("高善武", docs=("a",)),
    entity("中国质量大会", docs=("c",)),
    entity("ＮＱＩ总部基地", docs=("c",)),
    entity("崂山区", ["崂山"], docs=("a",)),
]


def names(typed, docs=None):
    return [e["name"] for e in EntityFilter(ENTITIES).keep(typed, docs)]


def test_names_and_aliases_in_any_character_form():
    assert names("") == [e["name"] for e in ENTITIES]
    assert names("青岛") == ["青岛啤酒", "青岛市"] and names("青啤") == ["青岛啤酒"]  # by an alias, in order
    assert names("青島") == ["青岛啤酒", "青岛市"] and names("nqi") == ["ＮＱＩ总部基地"]  # traditional, full width
    assert names("市崂") == []  # no match runs from one entity's names into the next one's


def test_pinyin_whole_initials_spaced_and_being_typed():
    assert names("qingpi") == ["青岛啤酒"] and names("gsw") == ["高善武"]
    assert names("zhiliang dahui") == ["中国质量大会"]  # (spaces optional)
    assert names("laosha") == ["崂山区"]  # a syllable being typed
    assert names("qīngpí") == names("qing1pi2") == ["青岛啤酒"]  # with its tones
    assert names("zhili") == ["中国质量大会"] and names("zhili ") == []  # zhi-li+ while typed; zhi-li when ended


def test_only_the_entities_of_some_documents():
    assert names("", docs={"c"}) == ["中国质量大会", "ＮＱＩ总部基地"]
    assert names("青岛", docs={"a"}) == ["青岛啤酒"]
