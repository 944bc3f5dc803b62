"""What the connections of one listening socket share, and the batch they are answered in.

:class:`Hub` counts the connections against their cap, sweeps the ones past
their deadlines, stops them all, and answers in batches: a connection that
read a request asks to be answered (:meth:`Hub.answer_soon`), and once per
turn of the loop, after the reads, :meth:`Hub.answer_ready` answers them all,
then writes their answers (``core.http.transport`` explains why).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Protocol

from core.http import refusals
from core.http.limits import Limits
from core.http.mapping import Reply, Request

log = logging.getLogger(__name__)

Handler = Callable[[Request], Reply]
OnReply = Callable[[Request | None, Reply], None]


class Peer(Protocol):
    """What the hub asks of a connection (``core.http.transport.Connection``)."""

    loop: asyncio.AbstractEventLoop  # the one it is served on
    deadline: float
    scheduled: bool

    def answer_queued(self) -> None: ...

    def flush_answers(self) -> None: ...

    def expire(self) -> None: ...

    def stop(self) -> None: ...

    def abort(self) -> None: ...


class Hub:
    """What the connections of one listening socket share.

    Attributes:
        connections: every open connection.
        active: connections counted against ``max_connections`` (not the refused).
        in_flight: requests being answered on the executor.
    """

    def __init__(
        self,
        handler: Handler,
        limits: Limits,
        on_reply: OnReply,
        executor: Executor | None = None,
    ) -> None:
        self.handler = handler
        self.limits = limits
        self.on_reply = on_reply
        self.executor = executor
        self.connections: set[Peer] = set()
        self.active = 0
        self.in_flight = 0
        self.stopping = False
        self.max_connections = refusals.within_descriptors(limits.max_connections)
        self.ready: list[Peer] = []  # read requests this turn, to answer after the reads
        self.writing: list[Peer] | None = None  # while answering: answers held back

    def answer_soon(self, conn: Peer) -> None:
        """Answer ``conn``'s requests after this turn's reads, with the others read."""
        if not self.ready:
            conn.loop.call_soon(self.answer_ready)
        self.ready.append(conn)

    def answer_ready(self) -> None:
        """Answer every connection read this turn, then write all the answers."""
        ready, self.ready = self.ready, []
        writing: list[Peer] = []
        self.writing = writing
        for conn in ready:
            conn.scheduled = False
        try:
            for conn in ready:
                try:
                    conn.answer_queued()
                except Exception:  # a broken connection must not leave the others unanswered
                    log.exception("answering a connection failed; it is closed")
                    conn.abort()
        finally:
            self.writing = None
            for conn in writing:
                conn.flush_answers()

    async def sweep(self) -> None:
        """Close or answer what outlived its deadline, a few times a second."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(0.25)
            now = loop.time()
            for conn in [c for c in self.connections if c.deadline < now]:
                conn.expire()

    async def close_all(self, timeout: float) -> None:
        """Stop: cut idle and unfinished connections; let answers in progress finish."""
        self.stopping = True
        for conn in list(self.connections):
            conn.stop()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.connections and loop.time() < deadline:
            await asyncio.sleep(0.01)
        for conn in list(self.connections):
            conn.abort()
