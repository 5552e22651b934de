"""Save the README screenshot: the app on the built-in corpus at 120x40, as SVG.

    python scripts/screenshot.py [OUT.svg]
"""

import argparse
import asyncio
import tempfile
from pathlib import Path

from qualitytui.paths import Paths
from qualitytui.ui.app import QualityApp


async def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = QualityApp(Paths.resolve(data_dir=Path(tmp) / "d", cache_dir=Path(tmp) / "c"))
        async with app.run_test(size=(120, 40)) as pilot:
            while app.corpus is None or not app.sidebar_ready:  # built, then the sidebar filled
                await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("right_square_bracket", "j", "j", "b", "k", "h")  # marks on, a date worked out in the header
            app.clear_notifications()
            await pilot.pause()
            app.save_screenshot(filename=out.name, path=str(out.parent))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default="docs/screenshot.svg", type=Path)
    target = ap.parse_args().out.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    asyncio.run(main(target))
    print(target)
