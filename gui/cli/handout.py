"""Write a lesson handout with the Qt-rendered graph images (``core.lessons.handout``: the text).

- HTML: one self-contained file; each step's graph is a PNG embedded as a
  ``data:`` URI, drawn by ``gui.graph.export`` (the same renderer as the
  window's graph and ``chargeable export-graph``).
- Markdown: the PNGs go into ``<name>_images/`` beside the file.
- ``images="mermaid"`` needs no Qt at all (Mermaid text from ``core.graph.mermaid``).

A ``QApplication`` must exist for PNG images (the graph is a QGraphicsScene);
:func:`ensure_gui_app` makes one (offscreen when there is no display) for the
command line, which must keep a reference to it while it exports.
"""

from __future__ import annotations

import base64
import html
import os
import tempfile
from pathlib import Path
from typing import Any

from core.graph.model import GraphModel
from core.lessons.handout import transcript_html, transcript_markdown
from core.lessons.transcript import Transcript

FORMATS = ("html", "md")
IMAGES = ("png", "mermaid")


def ensure_gui_app() -> Any:
    """The running QApplication, or a new one (offscreen if there is no display)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["chargeable"])
    return app


def render_png(model: GraphModel, title: str) -> bytes:
    """The graph of ``model`` as PNG bytes (empty if rendering failed)."""
    from gui.graph.export import model_scene, scene_to_png

    scene, rect = model_scene(model, title)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "graph.png"
        if not scene_to_png(scene, rect, str(target), scale=1.5):
            return b""
        data = target.read_bytes()
    scene.clear()
    return data


def png_html(model: GraphModel, title: str) -> str:
    data = render_png(model, title)
    if not data:
        from core.lessons.handout import mermaid_html

        return mermaid_html(model, title)
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img class="graph" alt="{html.escape(title)}" src="data:image/png;base64,{encoded}">'


def write_handout(
    transcript: Transcript,
    path: str | Path,
    lang: str = "en",
    fmt: str | None = None,
    images: str = "png",
) -> Path:
    """Write the handout to ``path`` (format from ``fmt`` or the suffix); returns the path.

    Raises ``OSError`` if the file cannot be written, ``ValueError`` for a bad format.
    """
    path = Path(path)
    fmt = fmt or ("md" if path.suffix.lower() in (".md", ".markdown") else "html")
    if fmt not in FORMATS:
        raise ValueError(f"unknown handout format {fmt!r}; use one of {', '.join(FORMATS)}")
    if images not in IMAGES:
        raise ValueError(f"unknown image kind {images!r}; use one of {', '.join(IMAGES)}")
    if fmt == "html":
        text = transcript_html(transcript, lang, png_html if images == "png" else None)
    elif images == "png":
        folder = path.with_name(path.stem + "_images")
        counter = iter(range(1, 10_000))

        def png_file(model: GraphModel, title: str) -> str:
            data = render_png(model, title)
            folder.mkdir(parents=True, exist_ok=True)
            name = f"graph-{next(counter):02d}.png"
            (folder / name).write_bytes(data)
            return f"![{title}]({folder.name}/{name})"

        text = transcript_markdown(transcript, lang, png_file)
    else:
        text = transcript_markdown(transcript, lang)
    path.write_text(text, encoding="utf-8")
    return path
