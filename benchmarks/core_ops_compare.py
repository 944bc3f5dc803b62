"""``core_ops.py`` of a baseline commit against the working tree, interleaved.

The baseline's ``core/`` and ``benchmarks/`` are exported (``git archive``) to a
temporary directory; then each pair of runs starts the baseline's
``benchmarks/core_ops.py`` and the working tree's one after the other (the order
alternates from pair to pair), in fresh interpreters of this environment, so the
machine's load falls on both alike. It prints every run's summary, then per side
the median and range of the throughput medians and of the memory figures, and the
ratio working tree / baseline.

    uv run python benchmarks/core_ops_compare.py --baseline 941383d [--against a7db62e]
        [--pairs 5] [--units 300] [--rounds 5] [--objects 30000]

``--against`` measures a second commit instead of the working tree (both exported),
so one change can be measured alone while main moves on.

The last line is ``core_ops_compare: req/s ratio R (median of N pairs); ...``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(
    r"core_ops: ([\d,]+) req/s .*?: tracemalloc peak ([\d.,]+) MB, RSS \+([\d.,-]+) MB"
)


def export(commit: str, into: Path) -> Path:
    """``commit``'s core/ and benchmarks/ under ``into``."""
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", commit, "core", "benchmarks"], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def run(tree: Path, args: argparse.Namespace) -> tuple[float, float, float]:
    result = subprocess.run(
        [
            sys.executable,
            str(tree / "benchmarks" / "core_ops.py"),
            "--units",
            str(args.units),
            "--rounds",
            str(args.rounds),
            "--objects",
            str(args.objects),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tree,
    )
    found = SUMMARY.search(result.stdout)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"{tree}: core_ops failed:\n{result.stdout}{result.stderr}")
    rate, peak, rss = (float(g.replace(",", "")) for g in found.groups())
    return rate, peak, rss


def describe(name: str, values: list[float], unit: str) -> str:
    return (
        f"{name} median {statistics.median(values):,.1f} {unit} "
        f"(min {min(values):,.1f}, max {max(values):,.1f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", required=True, help="a commit, e.g. main~3")
    parser.add_argument("--against", help="a commit to measure instead of the working tree")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--objects", type=int, default=30_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="core-ops-baseline-") as tmp:
        base = export(args.baseline, Path(tmp) / "baseline")
        tree = export(args.against, Path(tmp) / "against") if args.against else ROOT
        sides: dict[str, list[tuple[float, float, float]]] = {"baseline": [], "tree": []}
        for index in range(args.pairs):
            order = [("baseline", base), ("tree", tree)]
            if index % 2:
                order.reverse()
            for name, tree in order:
                figures = sides[name]
                figures.append(run(tree, args))
                rate, peak, rss = figures[-1]
                print(
                    f"pair {index + 1} {name:8}: {rate:,.0f} req/s, tracemalloc peak "
                    f"{peak:,.1f} MB, RSS +{rss:,.1f} MB",
                    flush=True,
                )
    for name, figures in sides.items():
        rates, peaks, rsses = zip(*figures, strict=True)
        print(
            f"{name}: {describe('req/s', list(rates), '')}; "
            f"{describe('peak', list(peaks), 'MB')}; {describe('RSS', list(rsses), 'MB')}"
        )
    ratios = [t[0] / b[0] for b, t in zip(sides["baseline"], sides["tree"], strict=True)]
    peak_ratio = statistics.median(t[1] for t in sides["tree"]) / statistics.median(
        b[1] for b in sides["baseline"]
    )
    print(
        f"core_ops_compare: req/s ratio {statistics.median(ratios):.3f} "
        f"(median of {args.pairs} pairs, range {min(ratios):.3f}-{max(ratios):.3f}); "
        f"tracemalloc peak ratio {peak_ratio:.3f}; baseline {args.baseline}, "
        f"against {args.against or 'the working tree'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
