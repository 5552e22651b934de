"""One run at a time of the work typing asks for: the last value asked meanwhile runs next, the others never."""

from qualitytui.ui.one_at_a_time import OneAtATime


def test_values_asked_while_one_runs_wait_and_only_the_last_runs():
    started = []
    runs = OneAtATime(started.append, "")
    runs.ask("z")
    runs.ask("zh")
    runs.ask("zhi")
    assert started == ["z"]  # one at a time
    assert runs.ended("z") is False  # its result is stale: "zhi" is wanted, and starts now
    assert started == ["z", "zhi"]
    assert runs.ended("zhi") is True and not runs.running
    runs.ask("zhil")
    assert started == ["z", "zhi", "zhil"]  # nothing running: at once
