"""The process-wide garbage-collector settings: the app and the command line's long runs use the same."""

from __future__ import annotations

import gc

import pytest

from pleodesk import cli, runtime


def test_tune_gc_moves_what_is_alive_out_of_the_way_and_collects_less_often() -> None:
    # (tests/conftest.py gives the collector back as it was after every test)
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    alive = [[i] for i in range(1_000)]
    collections: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        runtime.tune_gc()
    finally:
        gc.callbacks.remove(seen)
    # No full collection first: in the app it ran on the GUI thread just after the window showed (81 ms).
    assert 2 not in collections
    assert gc.get_threshold() == runtime.GC_THRESHOLDS
    assert runtime.GC_THRESHOLDS[0] > 700 and runtime.GC_THRESHOLDS[2] > 10     # Python's defaults: 700, 10, 10
    assert gc.get_freeze_count() >= len(alive)
    # The collector still finds cycles made after it.
    cycle: list = []
    cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1


@pytest.mark.parametrize("argv, tuned", [
    (["export", "--month", "2026-13"], True),       # refused as a month, after the settings were made
    (["queue", "--connection", "nobody"], True),
    (["status"], False),
    (["setup", "--help"], False),
])
def test_the_command_lines_long_runs_tune_the_collector_as_the_app_does(argv, tuned, pleodesk_home, monkeypatch,
                                                                       capsys) -> None:
    calls = []
    monkeypatch.setattr(runtime, "tune_gc", lambda: calls.append(argv[0]))
    try:
        cli.main(argv)
    except SystemExit:
        pass                                        # --help
    assert calls == ([argv[0]] if tuned else [])
