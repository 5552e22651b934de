"""Which of the build's modules run compiled in this install.

A wheel built with Cython (setup.py) ships each of these modules twice: the .py file and the same
code compiled to an extension module, which Python imports in its place. Without a C compiler, in
an editable install, or with QUALITYTUI_PURE=1 at install time they stay pure Python; the results
are the same, the build slower.
"""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES

# the modules a build spends its time in (setup.py reads this list); the UI and the store's
# reader stay plain Python
MODULES = ("assemble", "dates", "entities", "entity_rules", "fold", "gazetteer", "normalize", "repair",
           "search_index", "shapes", "_alias_walk")
# modules written for Cython only (.pyx: typed C loops), and the module holding each one's Python stand-in
CYTHON_ONLY = {"_alias_walk": "alias_walk"}


def compiled_modules() -> dict[str, bool]:
    """module name → whether it was imported from a compiled extension."""
    out = {}
    for name in MODULES:
        try:
            module = importlib.import_module(f"qualitytui.core.{name}")
        except ImportError:
            if name not in CYTHON_ONLY:
                raise
            out[name] = False  # a pure-Python install has no module of it
            continue
        out[name] = str(getattr(module, "__file__", "")).endswith(tuple(EXTENSION_SUFFIXES))
    return out


def describe() -> str:
    """One line for --version: how much of the build runs compiled."""
    done = sum(compiled_modules().values())
    if done == 0:
        return "pure Python"
    return f"{done} of {len(MODULES)} build modules compiled"
