"""The segmenter: rjieba or the jieba fallback, loaded lazily and silently."""

import json
import os
import subprocess
import sys

import pytest

from qualitytui.core import segment


@pytest.mark.parametrize("prefer", ["rjieba", "jieba"])
def test_both_backends_cut_tag_and_look_up(prefer, capfd):
    seg = segment._load(prefer)
    if prefer == "rjieba" and seg.name != "rjieba":
        pytest.fail("rjieba is a dependency on this platform and should load")
    assert seg.name == prefer
    assert "".join(seg.cut("青岛市崂山区质量强县")) == "青岛市崂山区质量强县"
    tags = dict(seg.tag("局长高善武发布了工作"))
    assert tags.get("发布", "").startswith("v")
    assert seg.has_word("底气") and not seg.has_word("底气还要有")
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # jieba's "Building prefix dict" lines never reach the terminal


def test_jieba_build_prints_nothing_and_keeps_its_cache_in_our_cache_dir(tmp_path):
    env = dict(os.environ, QUALITYTUI_SEGMENTER="jieba", QUALITYTUI_CACHE_DIR=str(tmp_path / "c"))
    out = subprocess.run(
        [sys.executable, "-m", "qualitytui", "build", "--json"], capture_output=True, text=True, env=env, check=True
    )
    assert out.stderr == ""
    assert json.loads(out.stdout)["documents"] == 5
    assert list((tmp_path / "c").glob("jieba*.cache"))
