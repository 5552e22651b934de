"""Build script: the package, plus its build-path modules compiled with Cython when that works.

The compiled modules are the same .py files (Cython's pure-Python mode): each one shadows its .py
when installed, and the .py files ship too. Without Cython or a C compiler, or with
QUALITYTUI_PURE=1 at install time, the package installs as pure Python and behaves the same. An
editable install stays pure too (an extension built next to its .py would hide later edits to it),
unless QUALITYTUI_COMPILE=1.
"""

from __future__ import annotations

import os
import runpy
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
COMPILED = runpy.run_path(str(HERE / "src" / "qualitytui" / "core" / "compiled.py"))["MODULES"]


def extensions() -> list:
    if os.environ.get("QUALITYTUI_PURE") == "1":
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("qualitytui: Cython not found, installing as pure Python", file=sys.stderr)
        return []
    # a module of plain Python compiled as it is, or one written for Cython (.pyx: typed C loops)
    sources = [next(path for ext in (".pyx", ".py") if (HERE / (path := f"src/qualitytui/core/{name}{ext}")).exists())
               for name in COMPILED]
    exts = []
    for source in sources:  # one by one: a module Cython cannot translate stays pure Python
        try:
            exts += cythonize([source], build_dir="build/cython", quiet=True,
                              compiler_directives={"language_level": 3, "annotation_typing": False, "binding": True})
        except Exception as err:
            print(f"qualitytui: {source} not compiled ({err}); it stays pure Python", file=sys.stderr)
    if sys.platform != "win32":
        for ext in exts:
            ext.extra_compile_args.append("-g0")  # no debug sections: a fifth of the size
    return exts


class OptionalBuildExt(build_ext):
    """A module that does not compile stays pure Python instead of failing the install."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        if self.inplace and os.environ.get("QUALITYTUI_COMPILE") != "1":
            print("qualitytui: editable install, modules left pure Python", file=sys.stderr)
            return
        try:
            super().run()
        except Exception as err:  # no compiler, no headers
            print(f"qualitytui: compiled modules skipped ({err}); installing as pure Python", file=sys.stderr)

    def build_extension(self, ext) -> None:
        try:
            super().build_extension(ext)
        except Exception as err:
            print(f"qualitytui: {ext.name} not compiled ({err}); it stays pure Python", file=sys.stderr)


class BuildPyWithSeeds(build_py):
    """The five built-in articles go inside the package (qualitytui/seeds)."""

    def run(self) -> None:
        super().run()
        seeds = HERE / "seeds"
        if seeds.is_dir():
            dest = Path(self.build_lib) / "qualitytui" / "seeds"
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(seeds, dest)


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt, "build_py": BuildPyWithSeeds})
