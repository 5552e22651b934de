"""The compiled build modules (setup.py, Cython) give exactly what the pure Python ones give."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import qualitytui
from qualitytui.core import compiled
from qualitytui.core.files import discover
from qualitytui.core.store import build

from conftest import SEEDS

PACKAGE = Path(qualitytui.__file__).resolve().parent

BUILD_TABLES = """
import json, sys
from pathlib import Path
from qualitytui.core.compiled import compiled_modules
from qualitytui.core.files import discover
from qualitytui.core.store import build
root = Path(sys.argv[1])
data = build(root, *discover(root)).data
data.pop("meta")
print(json.dumps({"compiled": compiled_modules(), "tables": data}, ensure_ascii=False, sort_keys=True))
"""


def pure_copy(dest: Path) -> Path:
    """This install's package with its .py files only: what an install without Cython runs."""
    shutil.copytree(PACKAGE, dest / "qualitytui", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))
    return dest


def test_every_listed_module_exists_and_is_reported():
    found = compiled.compiled_modules()
    assert list(found) == list(compiled.MODULES)
    for name in compiled.MODULES:  # the .py ships beside the compiled module, or a stand-in for a .pyx
        assert (PACKAGE / "core" / f"{compiled.CYTHON_ONLY.get(name, name)}.py").is_file()


def test_describe_says_how_much_is_compiled(monkeypatch):
    monkeypatch.setattr(compiled, "compiled_modules", lambda: dict.fromkeys(compiled.MODULES, False))
    assert compiled.describe() == "pure Python"
    monkeypatch.setattr(compiled, "compiled_modules", lambda: {m: i < 3 for i, m in enumerate(compiled.MODULES)})
    assert compiled.describe() == f"3 of {len(compiled.MODULES)} build modules compiled"


def test_pure_python_copy_builds_the_same_store_as_this_install(tmp_path):
    src = pure_copy(tmp_path / "pure")
    env = dict(os.environ, PYTHONPATH=str(src), QUALITYTUI_JOBS="1")
    out = subprocess.run([sys.executable, "-c", BUILD_TABLES, str(SEEDS)], capture_output=True, text=True,
                         env=env, cwd=tmp_path, check=True)
    pure = json.loads(out.stdout)
    assert not any(pure["compiled"].values())  # the copy really ran from .py files
    ours = build(SEEDS, *discover(SEEDS)).data
    ours.pop("meta")
    ours = json.loads(json.dumps(ours, ensure_ascii=False, sort_keys=True))
    assert ours.keys() == pure["tables"].keys()
    for table in ours:
        assert ours[table] == pure["tables"][table], table
