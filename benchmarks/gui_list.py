"""Object-list and action-update speed of the window, measured on a real sandbox.

    uv run python benchmarks/gui_list.py [--objects 100000] [--action-objects 10000]

Prints, with medians over several runs:

- ``list show``: an object list (model + view + filter bar) over N objects,
  from construction to its first paint (budget 0.3 s);
- ``list index``: the one-off pass that summarizes every object for the
  filters (done in the background by the window; reported, not budgeted);
- ``list filter``: one filter change (kind, status, text, clear) to the
  repainted list (budget 50 ms);
- ``action``: with M objects in a full window, from triggering an action's
  QAction to the end of the last frame it causes (the list, detail pane and
  action bar showing the new state, painted; each of them is checked to have
  painted), budget 16 ms. Before each action the selection is left to settle
  (its own deferred work, e.g. the graph pre-rendering the new object's looks
  right after showing it, runs long before a person presses the next key).
  The same figure is printed without the graph's repaint (the time its
  viewport spent painting), which other work owns.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CARD = [("card[number]", "4242424242424242"), ("card[exp_month]", "12"), ("card[exp_year]", "2034")]


def build(n: int) -> Any:
    """A sandbox with ``n`` objects: card sources, iDEAL sources, tokens, customers."""
    from core.api import Sandbox

    sandbox = Sandbox(seed=0, check_keys=False)
    requests = [
        ("/v1/sources", [("type", "card"), *CARD]),
        ("/v1/tokens", CARD),
        (
            "/v1/sources",
            [
                ("type", "ideal"),
                ("amount", "1000"),
                ("currency", "eur"),
                ("redirect[return_url]", "https://example.com"),
            ],
        ),
        ("/v1/customers", [("email", "jenny@example.com")]),
    ]
    i = 0
    while len(sandbox._st.objects) < n:  # count including embedded cards is close enough
        path, params = requests[i % len(requests)]
        sandbox.request("POST", path, params)
        i += 1
    return sandbox


class Clock:
    """Wall time and this process's CPU time; the machine may be shared, so both are shown."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __enter__(self) -> Clock:
        self._w, self._c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall.append(time.perf_counter() - self._w)
        self.cpu.append(time.process_time() - self._c)

    def text(self) -> str:
        return (
            f"median {statistics.median(self.wall) * 1000:.1f} ms wall, "
            f"{statistics.median(self.cpu) * 1000:.1f} ms CPU (n={len(self.wall)})"
        )


def _paint(widget: Any) -> None:
    from PySide6.QtWidgets import QApplication

    widget.repaint()
    QApplication.processEvents()


def bench_list(sandbox: Any, runs: int) -> tuple[Clock, float, Clock]:
    from PySide6.QtWidgets import QApplication

    from gui.panes.object_list import ObjectListPanel
    from gui.sandbox_host import SandboxHost
    from gui.selection import Selection

    shows = Clock()
    panel = None
    for _ in range(runs):
        if panel is not None:
            panel.close()
            panel.deleteLater()
            QApplication.processEvents()
        with shows:
            panel = ObjectListPanel(SandboxHost(sandbox), Selection())
            panel.resize(320, 760)
            panel.show()
            _paint(panel.view.viewport())
        panel.model._indexer.stop()
    assert panel is not None
    t0 = time.perf_counter()
    panel.model.index_all()
    index_time = time.perf_counter() - t0
    filters = Clock()
    bar = panel.filter_bar
    for _ in range(runs):
        for change in (
            lambda: bar.set_kind("token"),
            lambda: bar.set_status("unused"),
            lambda: bar.set_text("tok_a"),
            lambda: bar.set_text(""),
            lambda: bar.set_status(""),
            lambda: bar.set_kind(""),
            lambda: bar.set_status("pending"),
            lambda: bar.set_status(""),
        ):
            with filters:
                change()
                _paint(panel.view.viewport())
    assert panel.model.rowCount() == panel.model.total
    panel.close()
    return shows, index_time, filters


class _FrameWatch:
    """Times the window's frames and the paints of the panes during one action.

    Every widget paint happens inside an ``UpdateRequest`` to the top-level window
    (Qt's backing-store sync), so the end of the last one is when the last pane
    was painted. A scroll area's viewport paint is delivered here (the filter
    calls ``viewportEvent`` itself) so its own duration is known.
    """

    def __init__(self, window: Any, panes: dict[str, Any], graph: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self
        self.frames = 0
        self.last_frame_end = self.last_frame_cpu = 0.0
        self.graph_paint = 0.0
        self.painted: set[str] = set()
        paint, update = QEvent.Type.Paint, QEvent.Type.UpdateRequest

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt API
                kind = event.type()
                if kind == update and obj is window:
                    window.event(event)
                    watch.frames += 1
                    watch.last_frame_end = time.perf_counter()
                    watch.last_frame_cpu = time.process_time()
                    return True
                if kind == paint:
                    if obj is graph_viewport:
                        t0 = time.perf_counter()
                        graph.viewportEvent(event)
                        watch.graph_paint += time.perf_counter() - t0
                        return True
                    if obj in names:
                        watch.painted.add(names[obj])
                return False

        self._filter = Filter(window)
        names: dict[Any, str] = {}
        window.installEventFilter(self._filter)
        for name, widgets in panes.items():
            for widget in widgets:
                names[widget] = name
                widget.installEventFilter(self._filter)
        graph_viewport = graph.viewport() if hasattr(graph, "viewportEvent") else None
        if graph_viewport is not None:
            graph_viewport.installEventFilter(self._filter)

    def reset(self) -> None:
        self.frames, self.graph_paint = 0, 0.0
        self.last_frame_end = self.last_frame_cpu = 0.0
        self.painted = set()


def _painting_ahead() -> Any:
    """Whether the graph still has looks to paint ahead (a callable), or None in
    a tree without time-sliced painting ahead (it paints them in one event)."""
    try:
        from gui.graph.pictured import _Prerenderer
    except ImportError:
        return None
    return getattr(_Prerenderer.instance(), "busy", None)


def _settle(watch: _FrameWatch, quiet: float = 0.03, limit: float = 2.0) -> None:
    """Run the event loop until no frame came for ``quiet`` seconds and the graph
    has painted its looks ahead (in slices of a few ms, no frames: a person's next
    key comes long after; without this wait an action met that work half done)."""
    from PySide6.QtWidgets import QApplication

    start = last = time.perf_counter()
    frames = watch.frames
    busy = _painting_ahead()
    while True:
        QApplication.processEvents()
        now = time.perf_counter()
        if watch.frames != frames:
            frames, last = watch.frames, now
        if now - start >= limit:
            return
        if now - last >= quiet and not (busy is not None and busy()):
            return


def bench_actions(sandbox: Any, count: int) -> tuple[Clock, list[float]]:
    """(action -> last frame, the graph's paint time in each)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from gui.main_window import MainWindow

    class Prompter:
        def ask_save_changes(self, name: str) -> str:
            return "discard"

        def error(self, *args: object) -> None:
            pass

    tmp = tempfile.mkdtemp()
    settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("graph/animation_ms", 0)
    window = MainWindow(sandbox, settings, prompter=Prompter(), autosave_dir=tmp)
    window.commands.chooser = lambda need, action, oid: (action.params or {}).get(need, "1000")
    # Measure the action's own frame (request and panes), not the Charge dialog it opens.
    window.commands.charge_dialog = None
    window.show()
    QApplication.processEvents()
    # Steady state: the list has finished summarizing the objects it opened with.
    window.object_panel.model.index_all()
    QApplication.processEvents()
    bar = window.action_bar
    watch = _FrameWatch(
        window,
        {
            "list": [window.object_panel.view.viewport()],
            "detail": [window.detail_pane.properties.viewport()],
            "bar": [bar, *bar.findChildren(QWidget)],
        },
        window.graph,
    )
    tokens = [t for t in sandbox.object_ids("token") if not sandbox.get(t)["used"]]
    ideals = [s for s in sandbox.object_ids("source") if sandbox.get(s)["status"] == "pending"]
    model = window.object_panel.model
    times = Clock()
    graph_paint: list[float] = []
    for i in range(count):
        object_id, name = (tokens[i], "charge") if i % 2 else (ideals[i], "authorize")
        window.selection.select(object_id)
        _settle(watch)
        watch.reset()
        c0 = time.process_time()
        t0 = time.perf_counter()
        window.commands.action(name).trigger()
        _settle(watch)  # every frame the action causes, however late
        assert watch.frames, "the action painted nothing"
        times.wall.append(watch.last_frame_end - t0)
        times.cpu.append(watch.last_frame_cpu - c0)
        graph_paint.append(watch.graph_paint)
        assert watch.painted >= {"list", "detail", "bar"}, watch.painted
        # the new state is what the panes show
        expected = "used" if name == "charge" else "chargeable"
        assert model.index(model.row_of(object_id), 0).data(model.StatusRole) == expected
        assert window.detail_pane.property_rows
        assert [a.name for a in sandbox.allowed_actions(object_id)] == list(bar.buttons)
    assert not sandbox.subscriber_errors, sandbox.subscriber_errors
    window.session.stop_autosave()
    window.close()
    return times, graph_paint


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--action-objects", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--actions", type=int, default=60)
    parser.add_argument("--skip-list", action="store_true", help="only the action figure")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    QApplication(sys.argv[:1])
    if not args.skip_list:
        t0 = time.perf_counter()
        big = build(args.objects)
        print(
            f"built {len(big.object_ids())} objects in {time.perf_counter() - t0:.1f} s",
            "(setup, not timed)",
        )
        show, index, filt = bench_list(big, args.runs)
        print(f"list show ({len(big.object_ids())} objects): {show.text()} (budget 300 ms)")
        print(f"list index (one-off, in the background): {index * 1000:.0f} ms")
        print(f"list filter: {filt.text()} (budget 50 ms)")
        del big
    medium = build(args.action_objects)
    action, graph_paint = bench_actions(medium, args.actions)
    without = [w - g for w, g in zip(action.wall, graph_paint, strict=True)]
    print(
        f"action -> list+detail+bar painted ({len(medium.object_ids())} objects): "
        f"{action.text()} (budget 16 ms); "
        f"without the graph's repaint ({statistics.median(graph_paint) * 1000:.1f} ms): "
        f"median {statistics.median(without) * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
