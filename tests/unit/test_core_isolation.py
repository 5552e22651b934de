"""The core never imports Textual or Rich (checked in a fresh interpreter)."""

import subprocess
import sys

CHECK = """
import sys, pkgutil, importlib
import qualitytui.core as core
for m in pkgutil.iter_modules(core.__path__):
    importlib.import_module("qualitytui.core." + m.name)
import qualitytui.paths
bad = sorted(n for n in sys.modules if n.split(".")[0] in ("textual", "rich"))
print(",".join(bad))
"""


def test_core_imports_no_textual_or_rich():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_core_import_loads_no_segmenter():
    code = "import qualitytui.core.store, sys; print(any(n.split('.')[0] in ('jieba', 'rjieba') for n in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
