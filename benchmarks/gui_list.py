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
  QAction to the list, detail pane and action bar showing the new state,
  painted (budget 16 ms).
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

    from gui.object_list import ObjectListPanel
    from gui.selection import Selection

    shows = Clock()
    panel = None
    for _ in range(runs):
        if panel is not None:
            panel.close()
            panel.deleteLater()
            QApplication.processEvents()
        with shows:
            panel = ObjectListPanel(sandbox, Selection())
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


def bench_actions(sandbox: Any, count: int) -> Clock:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

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
    window.show()
    QApplication.processEvents()
    # Steady state: the list has finished summarizing the objects it opened with.
    window.object_panel.model.index_all()
    QApplication.processEvents()
    tokens = [t for t in sandbox.object_ids("token") if not sandbox.get(t)["used"]]
    ideals = [s for s in sandbox.object_ids("source") if sandbox.get(s)["status"] == "pending"]
    model = window.object_panel.model
    times = Clock()
    for i in range(count):
        object_id, name = (tokens[i], "charge") if i % 2 else (ideals[i], "authorize")
        window.selection.select(object_id)
        QApplication.processEvents()
        with times:
            window.commands.action(name).trigger()
            QApplication.processEvents()  # delivers the paint of every pane that changed
        # the new state is what the panes show
        expected = "used" if name == "charge" else "chargeable"
        assert model.index(model.row_of(object_id), 0).data(model.StatusRole) == expected
        assert window.detail_pane.property_rows
        assert [a.name for a in sandbox.allowed_actions(object_id)] == list(
            window.action_bar.buttons
        )
    assert not sandbox.subscriber_errors, sandbox.subscriber_errors
    window.session.stop_autosave()
    window.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--action-objects", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--actions", type=int, default=60)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    QApplication(sys.argv[:1])
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
    action = bench_actions(medium, args.actions)
    print(
        f"action -> list+detail+bar painted ({len(medium.object_ids())} objects): "
        f"{action.text()} (budget 16 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
