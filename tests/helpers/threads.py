"""``Worker``: a job on a thread (an outside client) that a GUI test waits for, Qt running."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

TIMEOUT = 15_000  # ms


class Worker:
    """Runs ``job`` on a thread; the test waits for it with ``qtbot.waitUntil``."""

    def __init__(self, job: Callable[[], Any]) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = threading.Event()

        def run() -> None:
            try:
                self.result = job()
            except BaseException as exc:  # noqa: BLE001 - re-raised in the test
                self.error = exc
            finally:
                self.done.set()

        self.thread = threading.Thread(target=run, name="outside-client", daemon=True)
        self.thread.start()

    def wait(self, qtbot: Any) -> Any:
        qtbot.waitUntil(self.done.is_set, timeout=TIMEOUT)
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.result
