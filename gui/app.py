"""The ``chargeable`` command: parse the command line, then run the window.

Qt is imported only after the arguments are parsed, so ``--help``,
``--version`` and a bad option answer at once, without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version


def _version() -> str:
    try:
        return version("chargeable")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chargeable",
        description="Explore how Stripe Sources and Tokens move through their lifecycles.",
    )
    parser.add_argument("--version", action="version", version=f"chargeable {_version()}")
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        help="build the window, render it once to a PNG at PATH, and exit",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["serve"]:  # `chargeable serve ...`: the HTTP API, no Qt (gui/serve_cli.py)
        from gui.serve_cli import main as serve

        return serve(argv[1:])
    if argv[:1] == ["export-graph"]:  # `chargeable export-graph ...` (gui/graph/cli.py)
        from gui.graph.cli import main as export_graph

        return export_graph(argv[1:])
    if argv[:1] == ["lesson"]:  # `chargeable lesson list|run|handout ...` (gui/lesson_cli.py)
        from gui.lesson_cli import main as lesson

        return lesson(argv[1:])
    args = build_parser().parse_args(argv)  # exits 2 with usage on a bad option

    from gui.application import run

    return run(screenshot=args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
