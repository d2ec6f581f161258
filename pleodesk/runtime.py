"""Process-wide settings of a pleodesk process, the desktop app's and the command line's alike.

``tune_gc``: Python's cyclic garbage collector, left at its defaults, runs a full collection each time
the objects alive grow by a quarter. A run that reads a month of 50,000 expenses keeps them in memory
while it works, so it paid for about fifteen full collections, each walking every object: about a
quarter of the run's CPU time (bench/bench_pipeline.py: 3.1-3.7 s of 14-16 s on the slow test machine).
The objects of a run hold no cycles (immutable expenses, tuples, decoded JSON), so reference counting
frees them; the collector only needs to find the rare cycles, and it still does, less often.
"""

from __future__ import annotations

import gc

#: The youngest generation is collected after this many new objects (Python's default: 700), the
#: middle one after 20 of those, the oldest after 1,000 of the middle one's (and only once the objects
#: that reached it since grew by a quarter).
GC_THRESHOLDS = (2_000, 20, 1_000)


def tune_gc() -> None:
    """Fewer, shorter garbage-collector pauses. What is alive now (modules, and in the app Qt and its
    window) is moved out of the collector's way, the youngest generation is collected less often and
    full collections are rare. A full collection holds the GIL: in the app, while a worker has thousands
    of expenses in memory, one froze the window for up to a tenth of a second (bench/bench_ui_latency.py:
    the worst pause during a 10,000-expense export went from about 100 ms to under 50 ms).

    No collection is run first: in the app that full collection, on the GUI thread just after the window
    showed, was the worst pause of the start (81 ms, freeing nothing). A cycle already garbage now would
    stay in memory; at start there are none to speak of."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
