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


def test_numpy_loads_only_to_build_an_index(tmp_path):
    """A warm open and a search stay clear of numpy (its import would cost a start ≈0.1 s)."""
    code = f"""
import sys
from qualitytui.core.corpus import Corpus
from qualitytui.paths import Paths
paths = Paths.resolve(None, {str(tmp_path / 'd')!r}, {str(tmp_path / 'c')!r})
Corpus.open(paths)  # built: numpy is imported for the index
built = 'numpy' in sys.modules
for name in [n for n in sys.modules if n.split('.')[0] == 'numpy']:
    del sys.modules[name]
corpus = Corpus.open(paths)
corpus.search('质量 zhiliang')
print(built, corpus.built, 'numpy' in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "False"]
