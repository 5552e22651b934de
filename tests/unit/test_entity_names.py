"""Which entities a typed name means (entity:NAME in a search or a timeline filter)."""

from qualitytui.core.entity_names import EntityNames

ENTITIES = [
    {"id": "place:崂山区", "name": "崂山区", "aliases": ["崂山"]},
    {"id": "company:青岛啤酒", "name": "青岛啤酒", "aliases": ["青啤", "青啤集团"]},
    {"id": "place:青岛市", "name": "青岛市", "aliases": ["青岛"]},
    {"id": "person:高善武", "name": "高善武", "aliases": []},
    {"id": "place:老山", "name": "老山", "aliases": []},  # la-o-shan as 崂山 is: both are read so
]


def named(value):
    return EntityNames(ENTITIES).named(value)


def test_a_name_or_alias_in_any_form_then_a_name_holding_it():
    assert named("崂山") == {"place:崂山区"} and named("嶗山區") == {"place:崂山区"}
    assert named("啤酒") == {"company:青岛啤酒"} and named("无此名") == set()


def test_failing_those_a_name_or_alias_read_whole_in_pinyin():
    assert named("laoshanqu") == named("lǎoshānqū") == {"place:崂山区"}
    assert named("qingpi") == {"company:青岛啤酒"} and named("gsw") == {"person:高善武"}  # an alias; initials
    assert named("laoshan") == {"place:崂山区", "place:老山"}  # every entity so read
    assert named("qingdaopi") == set() and named("laosha") == set()  # whole: no reading half typed
