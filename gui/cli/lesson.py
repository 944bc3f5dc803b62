"""``chargeable lesson``: list, play and hand out lessons from the command line.

    chargeable lesson list [--lang en|ja]
    chargeable lesson run NAME|FILE [--lang en|ja] [--json]
    chargeable lesson run --all [--lang en|ja]
    chargeable lesson handout NAME|FILE OUT.html|OUT.md [--lang en|ja] [--images png|mermaid]

``run`` plays the lesson through a fresh core sandbox and prints the
transcript. Exit status: 0 every expectation held; 1 some expectation
failed (or the handout could not be written); 2 the lesson could not be
found or loaded, or a bad option (the message says why; never a traceback).

No Qt is imported except by ``handout`` with PNG images.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from core.lessons.schema import Lesson

EXIT_OK, EXIT_FAILED, EXIT_UNUSABLE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chargeable lesson",
        description="Play Chargeable's guided lessons headless and check every expectation.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = sub.add_parser("list", help="list the built-in lessons")
    listing.add_argument("--lang", choices=("en", "ja"), default="en")
    run = sub.add_parser("run", help="play a lesson and print its transcript")
    run.add_argument(
        "lesson",
        nargs="?",
        metavar="NAME|FILE",
        help="a built-in lesson name (e.g. 01 or token-charged-twice) or a lesson .json file",
    )
    run.add_argument("--all", action="store_true", help="play every built-in lesson")
    run.add_argument("--lang", choices=("en", "ja"), default="en")
    run.add_argument("--json", action="store_true", help="print the transcript as JSON")
    handout = sub.add_parser("handout", help="write a lesson's transcript as HTML or Markdown")
    handout.add_argument("lesson", metavar="NAME|FILE")
    handout.add_argument("out", metavar="OUT", help="OUT.html or OUT.md")
    handout.add_argument("--lang", choices=("en", "ja"), default="en")
    handout.add_argument(
        "--images",
        choices=("png", "mermaid"),
        default="png",
        help="graph images as PNG (Qt, offscreen) or Mermaid text",
    )
    return parser


def _utf8(stream: TextIO) -> TextIO:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):  # pragma: no cover - a closed or odd stream
            pass
    return stream


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = _utf8(out or sys.stdout)
    err = _utf8(err or sys.stderr)
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse printed the usage
        return EXIT_UNUSABLE if exc.code else EXIT_OK

    from core.lessons.loader import builtin_lessons, find_lesson
    from core.lessons.runner import run_lesson
    from core.lessons.schema import LessonError

    try:
        if args.command == "list":
            for lesson in builtin_lessons():
                title, _goal = lesson.text(args.lang)
                print(f"{lesson.name:<40} {len(lesson.steps):>2} steps  {title}", file=out)
            return EXIT_OK
        if args.command == "run":
            if args.all == bool(args.lesson):
                print("error: give a lesson NAME|FILE or --all (not both)", file=err)
                return EXIT_UNUSABLE
            lessons = builtin_lessons() if args.all else [find_lesson(args.lesson)]
            failed = 0
            reports = []
            for lesson in lessons:
                transcript = run_lesson(lesson)
                failed += not transcript.ok
                if args.json:
                    reports.append(transcript.to_json())
                elif args.all:
                    print(f"{'ok  ' if transcript.ok else 'FAIL'} {lesson.name}", file=out)
                    if not transcript.ok:
                        print(transcript.to_text(args.lang), file=out)
                else:
                    # the sections cited go under the header; the verdict stays the last line
                    head, _, steps = transcript.to_text(args.lang).partition("\n\n")
                    where = cited_sections_text(lesson, args.lang)
                    print(f"{head}{where}\n{steps}", end="", file=out)
            if args.json:
                print(
                    json.dumps(
                        reports if args.all else reports[0],
                        ensure_ascii=False,
                        indent=2,
                        default=str,
                    ),
                    file=out,
                )
            if failed:
                print(f"{failed} lesson(s) disagree with the core", file=err)
            return EXIT_FAILED if failed else EXIT_OK
        # handout
        lesson = find_lesson(args.lesson)
        transcript = run_lesson(lesson)
        from gui.cli.handout import ensure_gui_app, write_handout

        app = ensure_gui_app() if args.images == "png" else None  # noqa: F841 - keep Qt alive
        try:
            path = write_handout(transcript, args.out, args.lang, images=args.images)
        except (OSError, ValueError) as exc:
            print(f"error: could not write the handout {args.out}: {exc}", file=err)
            return EXIT_FAILED
        print(f"wrote {path}", file=out)
        return EXIT_OK if transcript.ok else EXIT_FAILED
    except LessonError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_UNUSABLE


if __name__ == "__main__":
    sys.exit(main())


def cited_sections_text(lesson: Lesson, lang: str = "en") -> str:
    """Where each § the lesson cites is: its reference (docs/reference.md or
    docs/reference-intents.md, as the lesson's ``reference`` or the citation says) and
    its heading's anchor, one block per reference."""
    from core.lessons.schema import REFERENCE_FILES, iter_sections
    from gui.words.citations import github_anchor, reference_path, reference_text, resolve, sections

    head = "引用した節" if lang == "ja" else "Sections cited"
    cited: dict[str, list[str]] = {}  # reference → its numbers, in the lesson's order
    for section in iter_sections(lesson):
        reference, number = lesson.cited(section)
        cited.setdefault(reference, []).append(number)
    lines = [""]
    for reference, numbers in cited.items():
        titles = sections(reference_text(reference))
        path = reference_path(reference)
        if not titles or path is None:
            continue
        lines.append(f"{head} ({path}):")
        seen: list[str] = []
        for number in numbers:
            found = resolve(number, titles)
            if found and found not in seen:
                seen.append(found)
                anchor = github_anchor(found, titles)
                lines.append(f"  §{found} {titles[found]}: {REFERENCE_FILES[reference]}#{anchor}")
    return "\n".join(lines) + "\n" if len(lines) > 1 else ""
