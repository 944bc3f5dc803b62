"""Items kept as pictures of every look they can take (see :class:`Pictured`)."""

from __future__ import annotations

import time
from collections.abc import Hashable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

#: a hashable key of everything an item draws in one of its looks
Look = TypeVar("Look", bound=Hashable)


class Pictured(Generic[Look]):
    """Mixin for a ``DeviceCoordinateCache`` item: every look it can take is
    painted ahead, so re-filling the cache after a restyle is only a copy.

    Qt repaints a cached item's pixmap (calling ``paint``) when the item is
    updated; the frame after an action restyles a handful of nodes, edges and
    labels, and painting their rounded rectangles, paths and text made that one
    frame 8-13 ms when the others take 0.6 ms. Here, when Qt asks for the cache
    to be filled, ``paint`` copies a picture of the current look, painted with
    the very same transform, pixel grid and render hints Qt would have used (so
    the pixels are the same). Pictures are made just after the frame that first
    shows an item, or shows a newly selected object (``_Prerenderer``, a posted
    event), and again after each change of the object for the looks its next
    allowed action would give (a state's next visit badge, an edge's count one
    higher: ``looks()`` lists them, :meth:`refresh_pictures` asks), a few
    milliseconds at a time. Until then, and after a zoom or a resize (a new
    pixel grid), the cache is filled with vectors as before, so showing a graph
    and zooming cost what they did. Blitting the cache stays in C++ (no Python
    call per frame).

    Exports (``NoCache``, painted onto an image or an SVG) get vectors. A
    subclass gives ``look()`` (a hashable key of everything it draws),
    ``looks()`` and ``paint_look(painter, look)``.
    """

    _pictures: dict[Look, QPixmap] | None = None
    _picture_transform: QTransform | None = None
    _picture_grid: tuple = ()
    #: paint every look ahead at the next cache fill (new items; after ``want_pictures``)
    _want_pictures = True

    if TYPE_CHECKING:  # mixed into a QGraphicsItem, which has it

        def cacheMode(self) -> QGraphicsItem.CacheMode: ...  # noqa: N802 - Qt API

    def look(self) -> Look:
        raise NotImplementedError

    def looks(self) -> tuple[Look, ...]:
        return (self.look(),)

    def paint_look(self, painter: QPainter, look: Look) -> None:
        raise NotImplementedError

    def want_pictures(self) -> None:
        """Paint every look ahead after the next cache fill (a new object is shown)."""
        self._want_pictures = True

    def refresh_pictures(self) -> None:
        """Paint the looks the item can take next, soon after this frame (its
        state moved on: a badge or a count the last pictures did not have)."""
        if self._pictures is not None:
            _Prerenderer.instance().add(self)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        device = painter.device()
        if not isinstance(device, QPixmap):  # exports (NoCache, onto an image or SVG): vectors
            self.paint_look(painter, self.look())
            return
        # filling Qt's cache pixmap: ``t`` maps the item onto it
        t = painter.worldTransform()
        look = self.look()
        pictures = self._pictures
        dpr = device.devicePixelRatio()
        if (
            pictures is not None
            and t == self._picture_transform
            and dpr == self._picture_grid[2]
            and look in pictures
        ):
            painter.setWorldTransform(_IDENTITY)
            painter.drawPixmap(0, 0, pictures[look])
            painter.setWorldTransform(t)
            return
        self.paint_look(painter, look)  # no picture yet: what Qt's cache does
        if self.cacheMode() != QGraphicsItem.CacheMode.DeviceCoordinateCache:
            return  # someone's render onto a pixmap, not the cache: keep the pictures
        if pictures is None or t != self._picture_transform or dpr != self._picture_grid[2]:
            self._pictures = {}  # a new pixel grid (zoom, resize)
            self._picture_transform = t
            self._picture_grid = (device.width(), device.height(), dpr, painter.renderHints())
        if self._want_pictures:
            self._want_pictures = False
            _Prerenderer.instance().add(self)

    def prerender(self) -> None:
        """Paint every look not painted yet, on the pixel grid of the last cache
        fill, and drop pictures of looks the item can no longer take (an old badge)."""
        pictures, t = self._pictures, self._picture_transform
        if pictures is None or t is None:
            return
        w, h, dpr, hints = self._picture_grid
        looks = self.looks()
        for stale in set(pictures) - {*looks, self.look()}:
            del pictures[stale]
        for look in looks:
            if look in pictures:
                continue
            pix = QPixmap(w, h)
            pix.setDevicePixelRatio(dpr)
            pix.fill(Qt.GlobalColor.transparent)
            p = QPainter(pix)
            p.setRenderHints(p.renderHints(), False)
            p.setRenderHints(hints, True)
            p.setWorldTransform(t, True)
            self.paint_look(p, look)
            p.end()
            pictures[look] = pix


class _Prerenderer(QObject):
    """Paints the other looks of newly shown items right after the frame that
    showed them (a posted, low-priority event: no timer), so showing a new graph
    is not delayed and its first action finds every look ready."""

    _instance: _Prerenderer | None = None
    #: the longest a slice of painting ahead runs before it lets other events in
    SLICE = 0.003

    def __init__(self) -> None:
        super().__init__()
        self._pending: list[Pictured] = []
        self._posted = False
        self._type = QEvent.Type(QEvent.registerEventType())

    @classmethod
    def instance(cls) -> _Prerenderer:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def add(self, item: Pictured) -> None:
        self._pending.append(item)  # twice is harmless: a painted look is skipped
        self._post()

    def busy(self) -> bool:
        """Looks are still waiting to be painted (a slice is posted)."""
        return bool(self._pending)

    def _post(self) -> None:
        if not self._posted:
            self._posted = True
            QCoreApplication.postEvent(
                self, QEvent(self._type), Qt.EventPriority.LowEventPriority.value
            )

    def run(self) -> None:
        """Paint pending looks for up to :attr:`SLICE` seconds, then post the rest.

        A new graph has some 200 looks to paint (30-50 ms): in one event that
        held up the frames of an animation that had just started, and any
        click. In slices, the animation's timer and the frames come in between.
        """
        self._posted = False
        deadline = time.perf_counter() + self.SLICE
        while self._pending:
            item = self._pending.pop(0)
            try:
                item.prerender()
            except RuntimeError:  # the item was deleted meanwhile
                continue
            if time.perf_counter() > deadline and self._pending:
                self._post()
                return

    def event(self, event: QEvent) -> bool:
        if event.type() == self._type:
            self.run()
            return True
        return super().event(event)


_IDENTITY = QTransform()
