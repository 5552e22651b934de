"""qualitytui exiting right after its first frame with a document on screen (for the benchmarks).

    python bench/first_frame_app.py [CORPUS] [--settled]

With --settled it exits instead once the corpus is fully loaded (search index included), so the
process's peak memory is that of a warm start with everything in place.
"""

import sys
from pathlib import Path

from qualitytui.core import collector

collector.pause()  # from before the app's imports to its first frame, as `qualitytui` does (cli.cmd_tui)

from textual.worker import WorkerState  # noqa: E402

from qualitytui.paths import Paths  # noqa: E402
from qualitytui.ui.app import QualityApp  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from frame_clock import stamp  # noqa: E402


class FirstFrame(QualityApp):
    settled = False

    def show_corpus(self, corpus) -> None:
        super().show_corpus(corpus)  # the document is in the next frame
        if not self.settled:
            self.call_after_refresh(self.first_idle)

    def _display(self, screen, renderable) -> None:
        super()._display(screen, renderable)
        if self.corpus is not None and self.doc_id is not None:
            stamp("frame")

    def first_idle(self) -> None:
        stamp("idle")
        self.exit()

    def on_worker_state_changed(self, event) -> None:
        # the search index and mention tables are the last things a start loads
        if self.settled and event.worker.group == "prepare" and event.state == WorkerState.SUCCESS:
            self.call_after_refresh(self.exit)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--settled"]
    app = FirstFrame(Paths.resolve(args[0] if args and args[0] else None))
    app.settled = "--settled" in sys.argv
    collector.resume()  # the app holds its own pause until its first frame
    app.run(headless=True, size=(120, 40))
