"""Render the window with a few objects to a PNG (docs/screenshot.png by default).

    QT_QPA_PLATFORM=offscreen uv run python docs/screenshot.py [out.png]

The sandbox is filled through the window's own request path (so the event log
shows every request and event): a reusable card source attached to a customer
and charged, an iDEAL source authorized, a token used twice (the second time
refused: a lesson), a SOFORT source left to expire. Settings go to a temporary
file, so nothing of the user's is touched.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CARD = [("card[number]", "4242424242424242"), ("card[exp_month]", "12"), ("card[exp_year]", "2034")]


class _Prompter:
    def ask_save_changes(self, name: str) -> str:
        return "discard"

    def error(self, title: str, message: str) -> None:
        print(f"{title}: {message}", file=sys.stderr)


def main(out: str) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from core.api import Sandbox
    from gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    tmp = tempfile.mkdtemp()
    settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("graph/animation_ms", 0)
    window = MainWindow(
        Sandbox(seed=0, check_keys=False), settings, prompter=_Prompter(), autosave_dir=tmp
    )
    send = window.host.send
    source = send("POST", "/v1/sources", [("type", "card"), *CARD]).body["id"]
    customer = send("POST", "/v1/customers", [("email", "jenny@example.com")]).body["id"]
    ideal = send(
        "POST",
        "/v1/sources",
        [
            ("type", "ideal"),
            ("amount", "1500"),
            ("currency", "eur"),
            ("redirect[return_url]", "https://example.com/return"),
        ],
    ).body["id"]
    token = send("POST", "/v1/tokens", CARD).body["id"]
    send("POST", f"/v1/customers/{customer}/sources", [("source", source)])
    send(
        "POST",
        "/v1/charges",
        [("customer", customer), ("source", source), ("amount", "2500"), ("currency", "usd")],
    )
    send("POST", f"/v1/test_helpers/sources/{ideal}/authorize")
    send("POST", "/v1/charges", [("source", token), ("amount", "1000"), ("currency", "usd")])
    send("POST", "/v1/charges", [("source", token), ("amount", "1000"), ("currency", "usd")])
    send(
        "POST",
        "/v1/sources",
        [
            ("type", "sofort"),
            ("amount", "1000"),
            ("currency", "eur"),
            ("sofort[country]", "DE"),
            ("redirect[return_url]", "https://example.com/return"),
        ],
    )
    window.commands.advance_clock(2 * 3600)
    window.selection.select(source)
    window.show()
    window.resize(1280, 800)
    app.processEvents()
    ok = window.grab().save(out, "PNG")
    window.session.stop_autosave()
    window.close()
    print(out if ok else f"could not write {out}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs" / "screenshot.png")))
