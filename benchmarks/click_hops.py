"""Hops from one "Charge" click to the core's Change and to the animated graph edge.

Builds the real main window offscreen over a sandbox with a chargeable card
source, selects it, and triggers the ``charge`` QAction once under
``sys.setprofile``. It counts, on the Python call stack:

- hops to the Change: the project frames (``core/``, ``gui/``) between the
  QAction's first slot and the construction of the ``core.api.Change`` that
  reports the request (the Change's own ``__init__`` not counted);
- hops to the edge: the same, up to the graph panel's ``animate_transition``
  (the animation of the edge the charge took);
- ``allowed_actions`` calls during the click (``Sandbox.allowed_actions``).

A Qt signal between two Python slots is invisible here (it is C++), so a hop is
one Python function of the project. Both chains are printed, outermost first.
Where the Charge command opens the Charge dialog (prefilled from the selection),
the chains start at the dialog's OK (``submit``), which sends the request.

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/click_hops.py

The last line is ``click hops: change N, edge M, allowed_actions K``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PROJECT = (str(ROOT / "core") + os.sep, str(ROOT / "gui") + os.sep)

CARD = {"type": "card", "card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2034}}


def _chain(frame: FrameType | None) -> list[str]:
    """Project frames from the outermost to ``frame`` (inclusive)."""
    names: list[str] = []
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith(PROJECT):
            module = os.path.relpath(path, ROOT).removesuffix(".py").replace(os.sep, ".")
            names.append(f"{module}.{frame.f_code.co_qualname}")
        frame = frame.f_back
    return names[::-1]


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from core.api import Sandbox
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = tempfile.mkdtemp(prefix="click-hops-")
    settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("graph/animation_ms", 600)  # an animated edge, as a user sees it
    sandbox = Sandbox(seed=0, check_keys=False)
    source = sandbox.request("POST", "/v1/sources", CARD).body["id"]
    window = MainWindow(sandbox, settings, autosave_dir=tmp)
    window.commands.chooser = lambda need, _action, _oid: "1000" if need == "amount" else None
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.selection.select(source)
    app.processEvents()

    found: dict[str, list[str]] = {}
    allowed = [0]

    def profile(frame: FrameType, event: str, _arg: Any) -> None:
        if event != "call":
            return
        code = frame.f_code
        if code.co_name == "allowed_actions" and code.co_filename.endswith(
            os.path.join("core", "api", "__init__.py")
        ):
            allowed[0] += 1
        elif (
            code.co_name == "__init__"
            and "change" not in found
            and type(frame.f_locals.get("self")).__name__ == "Change"
        ):
            found["change"] = _chain(frame.f_back)
        elif code.co_name == "animate_transition" and "edge" not in found:
            found["edge"] = _chain(frame)

    action = window.commands.actions["charge"]
    assert action.isEnabled(), "charge should be offered for a chargeable card source"
    sys.setprofile(profile)
    try:
        action.trigger()  # sends the charge, or opens the one Charge dialog, prefilled
        dialog = getattr(window, "current_dialog", None)
        if "change" not in found and dialog is not None:
            dialog.submit()  # its OK: the request goes from there
    finally:
        sys.setprofile(None)
    state = sandbox.get(source) or {}
    assert state.get("status") == "consumed", state.get("status")
    window.graph.set_animation_duration(0)
    app.processEvents()

    for key, title in (("change", "to the core's Change"), ("edge", "to the animated edge")):
        chain = found.get(key, [])
        print(f"{title}: {len(chain)} hops")
        for depth, name in enumerate(chain, start=1):
            print(f"  {depth:2d} {name}")
    print(f"allowed_actions calls in the click: {allowed[0]}")
    print(
        f"click hops: change {len(found.get('change', []))}, "
        f"edge {len(found.get('edge', []))}, allowed_actions {allowed[0]}"
    )
    window.close()
    window.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
