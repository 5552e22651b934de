"""qualitytui exiting right after its first frame with a document on screen (for the benchmarks).

    python bench/first_frame_app.py [CORPUS] [--settled]

With --settled it exits instead once the corpus is fully loaded (search index included), so the
process's peak memory is that of a warm start with everything in place.
"""

import sys
from pathlib import Path

from textual.worker import WorkerState

from qualitytui.paths import Paths
from qualitytui.ui.app import QualityApp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from frame_clock import stamp  # noqa: E402


class FirstFrame(QualityApp):
    settled = False

    def on_corpus_loaded(self, message) -> None:
        # Textual also runs QualityApp.on_corpus_loaded for this message: the document is then on screen
        if not self.settled:
            self.call_after_refresh(self.first_frame)

    def first_frame(self) -> None:
        stamp()
        self.exit()

    def on_worker_state_changed(self, event) -> None:
        if self.settled and event.worker.group == "corpus" and event.state == WorkerState.SUCCESS:
            self.call_after_refresh(self.exit)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--settled"]
    app = FirstFrame(Paths.resolve(args[0] if args and args[0] else None))
    app.settled = "--settled" in sys.argv
    app.run(headless=True, size=(120, 40))
