"""Reading the next page while the last one is being worked on.

A list that comes page by page (Pleo's export items: 500 pages for a month of 50,000 expenses) costs
one round trip a page. Read in turn with the work on each page, the computer waits for the server,
then the server for the computer. ``read_ahead`` fetches the following pages on a thread of their own
while the caller works on the current one, so the two overlap: over the internet that hides the round
trips, on one computer the server answers on another core. At most ``depth`` pages wait for the
caller, and the thread holds one more while it waits to hand it over.

Everything that goes wrong while fetching reaches the caller, in order: the pages read before it, then
the exception, raised where the caller asks for the next page. When the caller stops early (it breaks
out of its loop, raises, or closes the iterator), the thread finishes the request it is making (with
the client's own retries of that request) and fetches nothing more. The client must take calls from
two threads at once (pleodesk's clients do: httpx's connection pool is thread-safe), since the caller
may call it meanwhile.
"""

from __future__ import annotations

import queue
import threading
from typing import Iterator, TypeVar

T = TypeVar("T")

_END = object()


def read_ahead(pages: Iterator[T], *, depth: int = 2, name: str = "pleodesk-read-ahead") -> Iterator[T]:
    """The items of ``pages``, in order, fetched on a thread at most ``depth`` ahead of the caller."""
    if depth < 1:
        raise ValueError("depth must be at least 1")
    handoff: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def give(entry: tuple) -> bool:
        while not stop.is_set():
            try:
                handoff.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for page in pages:
                if stop.is_set() or not give((page, None)):
                    return
        except BaseException as exc:            # handed to the caller, raised there
            give((_END, exc))
            return
        give((_END, None))

    worker = threading.Thread(target=run, name=name, daemon=True)
    worker.start()
    try:
        while True:
            page, exc = handoff.get()
            if page is _END:
                if exc is not None:
                    raise exc
                return
            yield page
    finally:
        stop.set()
