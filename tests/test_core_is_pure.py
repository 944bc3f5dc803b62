"""core/ never imports Qt: the model must run in a server or a script with no display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "core"

PROBE = """
import importlib, pkgutil, sys
import core
names = ["core"] + [m.name for m in pkgutil.walk_packages(core.__path__, "core.")]
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print(len(names))
print(",".join(qt))
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=CORE.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    count, qt_modules = result.stdout.splitlines()
    assert int(count) >= len(list(CORE.rglob("*.py")))  # every file was imported
    assert qt_modules == "", f"core imported Qt: {qt_modules}"
