"""The ``chargeable`` command: parse the command line, then run the window.

Qt is imported only after the arguments are parsed, so ``--help``,
``--version`` and a bad option answer at once, without a display.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from gui.cli.serve import DEFAULT_PORT
from gui.cli.serve import _port as port_number

#: the languages ``--lang`` accepts (gui.words.i18n.LANGUAGES, without importing Qt)
LANGUAGE_CODES = ("en", "ja")

#: ``chargeable NAME ...`` runs ``main(args)`` of the module, which imports Qt
#: only if it needs it (serving and lessons run without a display).
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("gui.cli.serve", "run a local Stripe-compatible HTTP API"),
    "lesson": ("gui.cli.lesson", "list, play or export the built-in lessons"),
    "export-graph": ("gui.graph.cli", "write a lifecycle graph as SVG, PNG or Mermaid"),
}


def _version() -> str:
    try:
        return version("chargeable")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chargeable",
        description="Explore how Stripe Sources and Tokens move through their lifecycles.",
        epilog="commands (each has its own --help):\n"
        + "\n".join(f"  chargeable {name:<13} {about}" for name, (_, about) in SUBCOMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"chargeable {_version()}")
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        help="build the window, render it once to a PNG at PATH, and exit",
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="serve the Stripe API from the window at start, on 127.0.0.1 "
        "(File > Serve the API; objects your client code creates appear live)",
    )
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a session file to open (a teacher's prepared session; what File ▸ Save writes)",
    )
    parser.add_argument(
        "--select",
        metavar="ID",
        help="select this object at start (src_…, tok_…, ch_… in FILE)",
    )
    parser.add_argument(
        "--presenter",
        action="store_true",
        help="start in presenter mode (full screen, the graph first; Esc leaves)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGE_CODES,
        help="the language of this run (the saved choice is kept for the next)",
    )
    parser.add_argument(
        "--port",
        metavar="N",
        type=port_number,
        default=DEFAULT_PORT,
        help=f"the port the window serves on (default: {DEFAULT_PORT}; 0 picks a free one)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        module = importlib.import_module(SUBCOMMANDS[argv[0]][0])
        try:
            return int(module.main(argv[1:]))
        except BrokenPipeError:  # `chargeable lesson list | head`: the reader left, not an error
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
            return 0
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 with usage on a bad option
    check_start(parser, args.file, args.select)  # exits 2 with a clear message

    from gui.application import run

    return run(
        screenshot=args.screenshot,
        serve=args.serve,
        port=args.port,
        file=args.file,
        select=args.select,
        presenter=args.presenter,
        lang=args.lang,
    )


def check_start(parser: argparse.ArgumentParser, file: str | None, select: str | None) -> None:
    """Refuse a FILE that is not a readable session, or a --select ID it does not hold,
    before any window opens (``parser.error``: usage, the reason, exit status 2)."""
    if file is None and select is None:
        return
    from core import session

    if file is not None:
        path = Path(file)
        if not path.is_file():
            parser.error(f"cannot open {file}: no such file")
        try:
            sandbox = session.load(path)
        except (OSError, session.SessionError, ValueError) as exc:
            reason = getattr(exc, "message", None) or exc
            parser.error(f"{file} is not a Chargeable session: {reason}")
    if select is not None:
        if file is None:
            parser.error(f"--select {select}: name a session FILE that holds it")
        if sandbox.kind_of(select) is None:
            parser.error(f"--select {select}: {file} has no object with that id")


if __name__ == "__main__":
    sys.exit(main())
