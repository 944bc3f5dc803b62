"""A lesson's transcript as a handout: HTML or Markdown, one graph per step (pure Python).

Each step shows its narration (in the chosen language), the request, Stripe's
answer, the events it fired, every expectation checked, and the lifecycle
graph of the object it touched *as it was after that step* (the graph model
is captured by :class:`core.lessons.runner.LessonRun` when the step is played).

Graphs are drawn by a callable ``image(model, title) -> str`` that returns an
HTML fragment (HTML) or Markdown text. The default is core's Mermaid text
(``core.graph.mermaid.to_mermaid``), so this module never needs Qt;
``gui.cli.handout`` passes a renderer that embeds the Qt PNG export.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from core.graph.mermaid import to_mermaid
from core.graph.model import GraphModel
from core.lessons.transcript import LABELS, StepResult, Transcript

ImageFn = Callable[[GraphModel, str], str]

WORDS = {
    "en": {
        "request": "Request",
        "response": "Stripe's answer",
        "events": "Events",
        "checks": "Checks",
        "graph": "Lifecycle of",
        "none": "none",
        "ok": "as expected",
        "fail": "DIFFERS",
    },
    "ja": {
        "request": "リクエスト",
        "response": "Stripe の応答",
        "events": "イベント",
        "checks": "確認",
        "graph": "ライフサイクル：",
        "none": "なし",
        "ok": "期待どおり",
        "fail": "不一致",
    },
}

CSS = """
body { font-family: "Noto Sans", "Noto Sans CJK JP", "IPAexGothic", "Hiragino Sans",
       "Yu Gothic", sans-serif; max-width: 60rem; margin: 2rem auto; line-height: 1.6;
       color: #111; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
.goal { font-size: 1.15rem; }
.refs, .cite { color: #555; font-size: 0.9rem; }
section.step { border-top: 2px solid #ccc; margin-top: 1.5rem; padding-top: 0.5rem;
               page-break-inside: avoid; }
.narration { font-size: 1.2rem; }
code, pre { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 0.9rem; }
pre { background: #f4f4f4; padding: 0.5rem; overflow-x: auto; }
.ok { color: #006d4f; } .fail { color: #a0321a; font-weight: bold; }
.verdict { font-size: 1.3rem; font-weight: bold; margin-top: 2rem; }
img.graph { max-width: 100%; border: 1px solid #ddd; }
"""


def mermaid_html(model: GraphModel, title: str) -> str:
    """A ``<pre class="mermaid">`` block (renders with mermaid.js; readable as text)."""
    return f'<pre class="mermaid">{html.escape(to_mermaid(model))}</pre>'


def mermaid_markdown(model: GraphModel, title: str) -> str:
    return f"```mermaid\n{to_mermaid(model)}```"


def _lang(lang: str) -> str:
    return "ja" if lang == "ja" else "en"


def _check_lines(result: StepResult) -> list[tuple[bool, str]]:
    return [(c.ok, c.describe()) for c in result.checks]


def transcript_html(transcript: Transcript, lang: str = "en", image: ImageFn | None = None) -> str:
    """The whole handout as one self-contained HTML page."""
    lang = _lang(lang)
    image = image or mermaid_html
    words, labels = WORDS[lang], LABELS[lang]
    lesson = transcript.lesson
    title, goal = lesson.text(lang)
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="goal"><strong>{e(labels["goal"])}:</strong> {e(goal)}</p>',
        f'<p class="refs">{e(labels["refs"])}: {e(lesson.reference_file())} '
        f"{e(', '.join(lesson.references))} · <code>{e(lesson.name)}</code></p>",
    ]
    total = len(lesson.steps)
    for result in transcript.results:
        mark = ("ok", words["ok"]) if result.ok else ("fail", words["fail"])
        out.append('<section class="step">')
        out.append(
            f"<h2>{e(labels['step'])} {result.index + 1}/{total} "
            f'<span class="{mark[0]}">({e(mark[1])})</span></h2>'
        )
        out.append(f'<p class="narration">{e(result.step.narration.get(lang))}</p>')
        if result.step.cite:
            out.append(f'<p class="cite">{e(", ".join(result.step.cite))}</p>')
        out.append(
            f"<p><strong>{e(words['request'])}:</strong></p><pre>{e(result.request_line())}</pre>"
        )
        out.append(
            f"<p><strong>{e(words['response'])}:</strong></p><pre>{e(result.outcome_line())}</pre>"
        )
        events = ", ".join(result.events) or words["none"]
        out.append(f"<p><strong>{e(words['events'])}:</strong> <code>{e(events)}</code></p>")
        out.append(f"<p><strong>{e(words['checks'])}:</strong></p><ul>")
        for passed, line in _check_lines(result):
            out.append(f'<li class="{"ok" if passed else "fail"}"><code>{e(line)}</code></li>')
        out.append("</ul>")
        if result.graph is not None and result.touched:
            out.append(
                f"<p><strong>{e(words['graph'])}</strong> <code>{e(result.touched)}</code></p>"
            )
            out.append(image(result.graph, result.touched))
        out.append("</section>")
    ok = sum(1 for r in transcript.results if r.ok)
    verdict = labels["passed"] if transcript.ok else labels["failed"]
    out.append(
        f'<p class="verdict {"ok" if transcript.ok else "fail"}">{e(verdict)}: '
        f"{e(labels['steps_ok'].format(ok=ok, n=total))}</p>"
    )
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def transcript_markdown(
    transcript: Transcript, lang: str = "en", image: ImageFn | None = None
) -> str:
    """The handout as Markdown (graphs as ```mermaid blocks unless ``image`` says otherwise)."""
    lang = _lang(lang)
    image = image or mermaid_markdown
    words, labels = WORDS[lang], LABELS[lang]
    lesson = transcript.lesson
    title, goal = lesson.text(lang)
    out = [
        f"# {title}",
        "",
        f"**{labels['goal']}:** {goal}",
        "",
        f"{labels['refs']}: {lesson.reference_file()} {', '.join(lesson.references)}"
        f" (`{lesson.name}`)",
        "",
    ]
    total = len(lesson.steps)
    for result in transcript.results:
        mark = words["ok"] if result.ok else words["fail"]
        out += [
            f"## {labels['step']} {result.index + 1}/{total} ({mark})",
            "",
            result.step.narration.get(lang),
            "",
        ]
        if result.step.cite:
            out += [f"*{', '.join(result.step.cite)}*", ""]
        out += [
            "```",
            f"> {result.request_line()}",
            f"< {result.outcome_line()}",
            "```",
            "",
            f"**{words['events']}:** `{', '.join(result.events) or words['none']}`",
            "",
        ]
        out += [f"- `{line}`" for _passed, line in _check_lines(result)] + [""]
        if result.graph is not None and result.touched:
            out += [
                f"**{words['graph']}** `{result.touched}`",
                "",
                image(result.graph, result.touched),
                "",
            ]
    ok = sum(1 for r in transcript.results if r.ok)
    verdict = labels["passed"] if transcript.ok else labels["failed"]
    out.append(f"**{verdict}:** {labels['steps_ok'].format(ok=ok, n=total)}")
    return "\n".join(out) + "\n"
