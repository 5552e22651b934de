"""Entities, timeline and document dates on the five seeds: what a reader checks first."""

import json

import pytest

from qualitytui.cli import main


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """entities, timeline and docs JSON from one build in a temporary cache."""
    import os

    cache = tmp_path_factory.mktemp("cache")
    old = os.environ.get("QUALITYTUI_CACHE_DIR")
    os.environ["QUALITYTUI_CACHE_DIR"] = str(cache)
    try:
        import contextlib
        import io

        results = {}
        for cmd in ("entities", "timeline", "docs"):
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                assert main([cmd, "--json"]) == 0
            results[cmd] = json.loads(buf.getvalue())
        return results
    finally:
        if old is None:
            os.environ.pop("QUALITYTUI_CACHE_DIR", None)
        else:
            os.environ["QUALITYTUI_CACHE_DIR"] = old


def by_name(out):
    return {(e["type"], e["name"]): e for e in out["entities"]}


def test_entities_json_shape(out):
    e = out["entities"][0]
    assert set(e) == {"id", "name", "type", "aliases", "count", "docs", "mentions"}
    m = e["mentions"][0]
    assert set(m) == {"doc", "passage", "start", "end", "text"}
    assert e["count"] == len(e["mentions"])


def test_every_mention_points_at_its_text(out):
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main(["show", "--all", "--json"])
    texts = {p["id"]: p["text"] for d in json.loads(buf.getvalue()) for p in d["passages"]}
    for e in out["entities"]:
        for m in e["mentions"]:
            assert texts[m["passage"]][m["start"] : m["end"]] == m["text"]


def test_people_a_reader_expects(out):
    people = {n for t, n in by_name(out) if t == "person"}
    assert {"高善武", "袁瑛政", "李茂喜", "黄克兴", "张译心", "姜丹宁", "刘鹏", "王蕊", "于振"} <= people


def test_aliases_merge(out):
    ents = by_name(out)
    assert {"青岛"} <= set(ents[("place", "青岛市")]["aliases"])
    assert {"崂山"} <= set(ents[("place", "崂山区")]["aliases"])
    assert "省市场监管局" in ents[("organization", "山东省市场监管局")]["aliases"]
    beer = next(e for (t, n), e in ents.items() if t == "company" and ("青啤" in e["aliases"] or n == "青啤"))
    assert {"青啤", "青啤集团"} <= set(beer["aliases"]) | {beer["name"]}


def test_policy_documents_are_not_doubled_by_a_truncated_copy(out):
    docs = [n for t, n in by_name(out) if t == "policy_document" and "质造崂山" in n]
    assert len(docs) == 1 and docs[0].endswith("(2025—2027年)")


def test_programmes_awards_events(out):
    names = {n for _, n in by_name(out)}
    assert {"好品山东", "青岛优品", "中国质量奖", "山东省省长质量奖", "质量月", "青岛国际品质生活博览会"} <= names
    assert not {"四梁八柱", "牛鼻子", "崂山样本"} & names


def test_document_dates(out):
    dates = {d["id"][:3]: d["date"] for d in out["docs"]}
    assert dates["001"]["value"] == "2022-09-29" and dates["001"]["precision"] == "day"
    assert dates["002"]["value"] == "2025-03-20"
    assert {k: v["value"][:4] for k, v in dates.items()} == {"000": "2025", "001": "2022", "002": "2025", "003": "2023", "004": "2023"}
    assert all(d["inferred"] and d["evidence"] for d in dates.values())


def test_timeline_json_shape_and_order(out):
    items = out["timeline"]
    keys = {"id", "doc", "passage", "date_text", "start", "end", "precision", "kind", "title", "inferred", "inference_note"}
    assert all(keys <= set(i) for i in items)
    starts = [i["start"] for i in items]
    assert starts == sorted(starts)
    assert {i["kind"] for i in items} == {"event", "plan_period", "target", "statistic_period"}


def test_timeline_holds_the_plans_targets_and_the_quality_month(out):
    got = {(i["date_text"], i["start"], i["end"], i["kind"]) for i in out["timeline"]}
    assert ("2025-2027年", "2025", "2027", "plan_period") in got
    assert ("2025—2027年", "2025", "2027", "plan_period") in got
    assert ("2024—2028年", "2024", "2028", "plan_period") in got
    assert ("2025年底", "2025-12", None, "target") in got
    assert ("9月28日", "2022-09-28", None, "event") in got
    assert ("昨日", "2022-09-28", None, "event") in got


def test_entities_type_filter(capsys):
    assert main(["entities", "--type", "person", "--json"]) == 0
    ents = json.loads(capsys.readouterr().out)
    assert ents and {e["type"] for e in ents} == {"person"}
    with pytest.raises(SystemExit) as e:
        main(["entities", "--type", "animal"])
    assert e.value.code == 2
