"""The garbage collector's settings for ``chargeable serve``, whose sandbox only grows.

Every request leaves records in the sandbox (objects, events, the request
log) that live as long as the process. CPython's full collection walks every
tracked object each time the heap has grown by a quarter: over the 49,500
requests of a ``benchmarks/serve_throughput.py`` run it took 16-19 us a
request, walking records that can never be garbage. So, while serving:

- what exists at start (modules, a loaded session) is frozen (``gc.freeze``):
  no collection walks it again;
- after each full collection, its survivors are frozen too: the next full
  collection walks only what came since. A frozen object is still freed by its
  reference count; only a cycle that is garbage (or becomes garbage later) once
  frozen would stay. The sandbox makes cyclic garbage only when a request
  fails inside it (an exception's traceback), garbage before the request ends:
  the young generations are collected just before each freeze, so such a
  cycle stays only if it reached the oldest generation in the 0.2 s since the
  full collection. A connection open at a freeze leaves, once closed, its
  asyncio transport (a cycle of its own, about 1 KB; the socket is closed);
  ``core.http.transport`` frees its own objects by reference count.

Measured over 49,500 benchmark requests at 8 clients: 20-23 us of collection
a request with CPython's settings, 7-7.5 with these. A larger youngest
generation (7,000 or 20,000 allocations instead of 700) cost more, 10-12 us:
its collections walk more objects that survive anyway.

Process-wide, so only the command-line server sets it (not the window, whose
Qt objects come and go); :meth:`ServingCollector.stop` unfreezes.
"""

from __future__ import annotations

import gc


class ServingCollector:
    """:meth:`start` before serving, :meth:`tick` every fraction of a second, :meth:`stop`."""

    def __init__(self) -> None:
        self.freezes = 0
        self.running = False
        self._full_collections = 0

    def start(self) -> None:
        gc.collect()
        gc.freeze()
        self.running = True
        self._full_collections = _full_collections()

    def tick(self) -> None:
        """Freeze what a full collection since the last tick kept (cheap when none ran)."""
        if not self.running or _full_collections() == self._full_collections:
            return
        gc.collect(1)  # young cycles die here rather than being frozen
        gc.freeze()
        self.freezes += 1
        self._full_collections = _full_collections()

    def stop(self) -> None:
        if self.running:
            gc.unfreeze()
            self.running = False


def _full_collections() -> int:
    return int(gc.get_stats()[2]["collections"])
