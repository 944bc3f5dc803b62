"""``chargeable export-graph``: write a lifecycle table's graph as SVG, PNG or Mermaid.

Qt is imported only once the arguments are valid (and not at all for Mermaid),
so ``--help`` and mistakes answer at once, without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

KINDS = ("source", "token", "charge", "payment_method", "payment_intent", "setup_intent")
FLOWS = ("none", "redirect", "receiver", "code_verification")
FORMATS = ("svg", "png", "mermaid")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chargeable export-graph",
        description="Write the lifecycle graph of an object kind (drawn from the core's "
        "tables) as SVG, PNG or Mermaid text.",
    )
    parser.add_argument("--kind", choices=KINDS, default="source", help="object kind")
    parser.add_argument(
        "--flow", choices=FLOWS, default=None, help="source flow (sources only; default: redirect)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        dest="fmt",
        help="output format (default: from OUT's extension, else svg)",
    )
    parser.add_argument("out", metavar="OUT", help="file to write ('-' for Mermaid on stdout)")
    return parser


def _format_of(out: str) -> str:
    ext = os.path.splitext(out)[1].lower()
    return {".png": "png", ".svg": "svg", ".mmd": "mermaid", ".mermaid": "mermaid"}.get(ext, "svg")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.kind != "source" and args.flow is not None:
        parser.error("--flow applies to --kind source only")
    fmt = args.fmt or _format_of(args.out)
    variant = (args.flow or "redirect") if args.kind == "source" else ""

    from core.lifecycle.tables import graph_for

    model = graph_for(args.kind, variant)
    if fmt == "mermaid":
        from core.graph.mermaid import to_mermaid

        text = to_mermaid(model)
        if args.out == "-":
            sys.stdout.write(text)
            return 0
        try:
            with open(args.out, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            print(
                f"chargeable export-graph: cannot write {args.out}: {exc.strerror}", file=sys.stderr
            )
            return 1
        return 0
    if args.out == "-":
        parser.error("'-' (stdout) is for --format mermaid only")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a file export needs no screen
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - keeps Qt alive
    from gui.graph.export import export_model
    from gui.graph.view import kind_title

    if not export_model(model, fmt, args.out, title=kind_title(model)):
        print(f"chargeable export-graph: cannot write {args.out}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
