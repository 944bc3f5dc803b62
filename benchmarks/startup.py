"""Start-up time of chargeable against a bare PySide6 window, in one run.

Alternately starts N processes of each kind and measures, from just before
the process is spawned to the first paint event of its window, on the
system-wide monotonic clock. The bare baseline is a QMainWindow in a script
that also imports pydantic (the two libraries chargeable cannot avoid).

    uv run python benchmarks/startup.py [-n 10]

The last line is ``startup ratio: X.XX`` (chargeable median / bare median).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(kind: str) -> None:
    """Build one window, print the monotonic time of its first paint, exit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    if kind == "bare":
        import pydantic  # noqa: F401 - the baseline pays for pydantic too

        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
    else:
        from gui.application import create_main_window

        window = create_main_window()

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                print(f"{time.monotonic():.6f}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    window.show()
    app.exec()


def measure(kind: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
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
    painted = float(result.stdout.strip().splitlines()[-1])
    return painted - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10, help="starts of each kind (default 10)")
    parser.add_argument("--child", choices=["bare", "chargeable"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    measure("bare"), measure("chargeable")  # warm the OS file cache; not counted
    times: dict[str, list[float]] = {"bare": [], "chargeable": []}
    for _ in range(max(args.n, 1)):
        for kind in times:  # alternate, so drift affects both alike
            times[kind].append(measure(kind))
    bare = statistics.median(times["bare"])
    app = statistics.median(times["chargeable"])
    print(f"runs: {args.n} of each, platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")
    print(f"bare QMainWindow + pydantic: median {bare * 1000:.0f} ms "
          f"(min {min(times['bare']) * 1000:.0f}, max {max(times['bare']) * 1000:.0f})")
    print(f"chargeable:                  median {app * 1000:.0f} ms "
          f"(min {min(times['chargeable']) * 1000:.0f}, max {max(times['chargeable']) * 1000:.0f})")
    print(f"startup ratio: {app / bare:.2f}")


if __name__ == "__main__":
    main()
