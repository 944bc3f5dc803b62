"""Start-up time of chargeable against a bare PySide6 window, in one run.

Alternately starts N processes of each kind and measures, from just before
the process is spawned, on the system-wide monotonic clock:

- first frame: the first paint event of any window (chargeable paints a
  startup frame at once, gui/startup_frame.py, then builds its main window);
- window ready: the first paint of the main window itself.

The bare baseline is a QMainWindow in a script that also imports pydantic;
for it both times are the same.

    uv run python benchmarks/startup.py [-n 10]

The last line is ``startup ratio: X.XX``: first-frame median of chargeable
over that of the bare window. The line before it gives the window-ready ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(kind: str) -> None:
    """Start one window; print the monotonic times of the first frame and the window's paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication(sys.argv[:1])
    if kind == "bare":
        import pydantic  # noqa: F401 - the baseline pays for pydantic too

    class Paints(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.first_frame: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
                return False
            now = time.monotonic()
            if self.first_frame is None:
                self.first_frame = now
            if isinstance(watched.window(), QMainWindow):
                print(f"{self.first_frame:.6f} {now:.6f}", flush=True)
                app.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)
            return False

    paints = Paints()
    app.installEventFilter(paints)
    if kind == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
        window.show()
    else:
        from gui.application import launch

        window = launch()
    app.exec()


def measure(kind: str, home: str) -> tuple[float, float]:
    """(first frame, window ready) of one start, in seconds after the spawn."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[variable] = os.path.join(home, variable.lower())  # no saved layout or autosave
    # A user's machine keeps compiled bytecode; the warm-up run writes it here too,
    # so neither kind pays for compiling Python source on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    first_frame, window_ready = map(float, result.stdout.strip().splitlines()[-1].split())
    return first_frame - started, window_ready - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10, help="starts of each kind (default 10)")
    parser.add_argument("--child", choices=["bare", "chargeable"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="chargeable-startup-") as home:
        measure("bare", home), measure("chargeable", home)  # warm caches, write .pyc; not counted
        times: dict[str, list[tuple[float, float]]] = {"bare": [], "chargeable": []}
        for _ in range(max(args.n, 1)):
            for kind in times:  # alternate, so drift affects both alike
                times[kind].append(measure(kind, home))
    print(f"runs: {args.n} of each, platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")
    medians = {}
    for kind, label in (("bare", "bare QMainWindow + pydantic"), ("chargeable", "chargeable")):
        first = [t[0] for t in times[kind]]
        ready = [t[1] for t in times[kind]]
        medians[kind] = (statistics.median(first), statistics.median(ready))
        print(
            f"{label:<28} first frame median {medians[kind][0] * 1000:4.0f} ms "
            f"(min {min(first) * 1000:.0f}, max {max(first) * 1000:.0f}); "
            f"window ready median {medians[kind][1] * 1000:4.0f} ms "
            f"(min {min(ready) * 1000:.0f}, max {max(ready) * 1000:.0f})"
        )
    print(f"window-ready ratio: {medians['chargeable'][1] / medians['bare'][1]:.2f}")
    print(f"startup ratio: {medians['chargeable'][0] / medians['bare'][0]:.2f}")


if __name__ == "__main__":
    main()
