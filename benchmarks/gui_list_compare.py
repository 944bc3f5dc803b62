"""``gui_list.py``'s action figure, each given change against its own parent, interleaved.

    uv run python benchmarks/gui_list_compare.py CHANGE [CHANGE ...] [--rounds 6] [--actions 60]

For each CHANGE (a commit), the parent (``CHANGE^1``) and the change are exported
(``git archive``: core, gui, benchmarks, resources, docs) to a temporary
directory, and each tree's own ``benchmarks/gui_list.py --skip-list`` runs there
in a fresh interpreter of this environment (offscreen): the median CPU time from
an action to its last frame, over ``--actions`` actions on 10,030 objects. Rounds
go over every change in turn, parent and change one after the other, the order
flipping every round, so a slow moment of this shared machine falls on both.

This measures one change alone when others landed between it and today (the
architecture work of issue 12 was merged among other issues' commits): give a
change that alters no code (a move, a format) as the control, whose spread is
the noise. Printed per change: the ratio change / parent (median and range over
rounds; above 1 is slower) and both medians; last, the product of the medians.

The last line is ``gui_list_compare: product of the medians P over N changes``.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("core", "gui", "benchmarks", "resources", "docs")
ACTION = re.compile(r"^action .*?([\d.]+) ms wall, ([\d.]+) ms CPU", re.MULTILINE)


def export(commit: str, into: Path) -> Path:
    """``commit``'s files that the window and its benchmark need, under ``into``."""
    into.mkdir(parents=True)
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", commit], cwd=ROOT, capture_output=True, text=True
    )
    parts = [p for p in PARTS if p in listed.stdout.split()]
    archive = subprocess.run(
        ["git", "archive", commit, *parts], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def action_cpu_ms(tree: Path, actions: int) -> float:
    """The tree's own gui_list action figure: median ms of CPU per action."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            str(tree / "benchmarks" / "gui_list.py"),
            "--skip-list",
            "--actions",
            str(actions),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tree,
        env=env,
        timeout=600,
    )
    found = ACTION.search(result.stdout)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"{tree}: gui_list failed:\n{result.stdout}{result.stderr}")
    return float(found.group(2))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("changes", nargs="+", help="commits, each measured against its parent")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--actions", type=int, default=60)
    args = parser.parse_args()

    figures: dict[str, dict[str, list[float]]] = {
        c: {"parent": [], "change": []} for c in args.changes
    }
    with tempfile.TemporaryDirectory(prefix="gui-list-compare-") as tmp:
        trees = {
            change: {
                "parent": export(f"{change}^1", Path(tmp) / f"{change}-parent"),
                "change": export(change, Path(tmp) / f"{change}-change"),
            }
            for change in args.changes
        }
        for round_ in range(args.rounds):
            for change in args.changes:
                sides = ["parent", "change"] if round_ % 2 == 0 else ["change", "parent"]
                for side in sides:
                    figures[change][side].append(action_cpu_ms(trees[change][side], args.actions))
                parent, after = figures[change]["parent"][-1], figures[change]["change"][-1]
                print(
                    f"round {round_ + 1} {change}: parent {parent:.1f} ms, change {after:.1f} ms, "
                    f"ratio {after / parent:.2f}",
                    flush=True,
                )
    medians = []
    for change, sides in figures.items():
        ratios = [a / b for b, a in zip(sides["parent"], sides["change"], strict=True)]
        medians.append(statistics.median(ratios))
        print(
            f"{change}: ratio {medians[-1]:.3f} [{min(ratios):.2f}-{max(ratios):.2f}], "
            f"parent {statistics.median(sides['parent']):.1f} -> "
            f"change {statistics.median(sides['change']):.1f} ms CPU per action"
        )
    print(
        f"gui_list_compare: product of the medians {math.prod(medians):.3f} "
        f"over {len(medians)} changes ({args.rounds} rounds)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
