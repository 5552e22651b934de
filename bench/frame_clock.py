"""Seconds from a benchmark's spawn of a process to that process's first frame.

The benchmark puts its clock reading in BENCH_T0 before starting the app. The app stamps two moments,
each once, into BENCH_OUT:
- ``frame``: the first frame handed to the terminal driver (from ``App._display``) with what the app
  is measured for on screen: a document for qualitytui, the Header and Footer for the minimal app;
- ``idle``: the app's first idle moment after that (``call_after_refresh``), when the callbacks the
  first frame queued have run (qualitytui mounts its sidebar lists and footer keys then).
Process teardown, and work the app schedules after these, are not counted.

Both apps start from compiled bytecode, as an installed package does (pip compiles it at install):
``compile_package()`` writes qualitytui's, which a checkout run with PYTHONDONTWRITEBYTECODE set
would otherwise compile from source on every start (≈25 ms here; Textual's is always compiled).
"""

import os
import subprocess
import time
from pathlib import Path

_stamped: set[str] = set()


def stamp(kind: str) -> None:
    if kind in _stamped:
        return
    _stamped.add(kind)
    t0, out = os.environ.get("BENCH_T0"), os.environ.get("BENCH_OUT")
    if t0 and out:
        with open(out, "a", encoding="utf-8") as f:
            f.write(f"{kind} {time.time() - float(t0)}\n")


def compile_package() -> None:
    """Bytecode for every qualitytui module, in its __pycache__ (as ``pip install`` leaves it)."""
    import compileall

    import qualitytui

    compileall.compile_dir(Path(qualitytui.__file__).parent, quiet=2)


def spawn_to_first_frame(cmd: list[str], env: dict[str, str], out: Path) -> dict[str, float]:
    """Run ``cmd`` (an app that calls ``stamp()``) to its end; seconds from spawn to each stamp."""
    out.unlink(missing_ok=True)
    subprocess.run(cmd, env=dict(env, BENCH_T0=repr(time.time()), BENCH_OUT=str(out)), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {kind: float(t) for kind, t in (line.split() for line in out.read_text().splitlines())}
