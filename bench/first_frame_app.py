"""qualitytui exiting right after its first frame with a document on screen (for bench_first_frame.py)."""

import sys

from qualitytui.paths import Paths
from qualitytui.ui.app import QualityApp


class FirstFrame(QualityApp):
    def on_corpus_loaded(self, message) -> None:
        # Textual also runs QualityApp.on_corpus_loaded for this message: the document is then on screen
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    corpus = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None
    FirstFrame(Paths.resolve(corpus)).run(headless=True, size=(120, 40))
