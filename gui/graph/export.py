"""Render a state graph to PNG or SVG (the view's export and ``chargeable export-graph``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from core.graph.model import GraphModel
from gui.graph import style
from gui.graph.items import GraphPanel

BACKGROUND = QColor("#FFFFFF")


def _render(scene: QGraphicsScene, rect: QRectF, painter: QPainter, target: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(target, BACKGROUND)
    # cached items would be painted as bitmaps: draw them as vectors for the export
    items = scene.items()
    modes = [item.cacheMode() for item in items]
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        scene.render(painter, target, rect, Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        for item, mode in zip(items, modes, strict=True):
            item.setCacheMode(mode)


def scene_to_png(scene: QGraphicsScene, rect: QRectF, path: str, scale: float = 2.0) -> bool:
    """Write ``rect`` of ``scene`` as a PNG ``scale`` times its size; False if it failed."""
    rect = rect.adjusted(-16, -16, 16, 16)
    size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(BACKGROUND)
    painter = QPainter(image)
    _render(scene, rect, painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    # PySide6's stub wants the format as bytes; at run time only str is accepted
    return image.save(str(Path(path)), "PNG")  # type: ignore[call-overload]


def scene_to_svg(scene: QGraphicsScene, rect: QRectF, path: str, title: str = "") -> bool:
    """Write ``rect`` of ``scene`` as SVG via ``QSvgGenerator``; False if it failed."""
    rect = rect.adjusted(-16, -16, 16, 16)
    target = Path(path)
    if not target.parent.is_dir():
        return False
    generator = QSvgGenerator()
    generator.setFileName(str(target))
    size = QSize(round(rect.width()), round(rect.height()))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(
        QCoreApplication.translate("StateGraph", "Lifecycle graph exported by Chargeable")
    )
    painter = QPainter()
    if not painter.begin(generator):
        return False
    _render(scene, rect, painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return target.is_file() and target.stat().st_size > 0


def model_scene(model: GraphModel, title: str) -> tuple[QGraphicsScene, QRectF]:
    """A scene holding one panel for ``model`` (no view needed)."""
    scene = QGraphicsScene()
    panel = GraphPanel(style.Metrics())
    scene.addItem(panel)
    panel.set_title(title)
    panel.set_model(model)
    return scene, panel.sceneBoundingRect()


def export_model(model: GraphModel, fmt: str, path: str, title: str = "") -> bool:
    """Write ``model`` as ``png``, ``svg`` or ``mermaid`` to ``path``."""
    if fmt == "mermaid":
        from core.graph.mermaid import to_mermaid

        try:
            Path(path).write_text(to_mermaid(model), encoding="utf-8")
        except OSError:
            return False
        return True
    scene, rect = model_scene(model, title)
    if fmt == "png":
        return scene_to_png(scene, rect, path)
    if fmt == "svg":
        return scene_to_svg(scene, rect, path, title=title)
    raise ValueError(fmt)
