"""Screenshots of the Lessons panel at 1280×800 and of the Request tab for a refused request.

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        uv run python docs/screenshots/make_polish_shots.py [OUT_DIR]

Writes lessons_1280_en.png / lessons_1280_ja.png (lesson 01 stepped to its end
with the panel open: the window stays 1280 px wide, the summary and "Next
lesson" show) and request_refused.png (a token charged twice: the Request tab
lists both charges and shows the refusal's response and code). Prints the
window's measured width for each.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs" / "screenshots"))

from make_shots import CARD, _shot, _window  # noqa: E402


def lessons(out: Path, language: str) -> None:
    window = _window()
    if language == "ja":
        window.set_language("ja")
    window.commands.action("show_lessons").trigger()
    player = window.lesson_player
    widths = []
    for _ in player.lesson.steps:
        window.commands.action("lesson_next").trigger()
        widths.append(window.frameGeometry().width())
    _shot(window, out / f"lessons_1280_{language}.png")
    print(f"{language}: window width after each step {widths}, height {window.height()}")
    window.set_language("en")
    window.close()


def refused_request(out: Path) -> None:
    window = _window()
    token = window.host.send(
        "POST", "/v1/tokens", [(f"card[{k}]", str(v)) for k, v in CARD.items()]
    ).body["id"]
    charge = [("amount", "1000"), ("currency", "usd"), ("source", token)]
    window.host.send("POST", "/v1/charges", charge)
    window.host.send("POST", "/v1/charges", charge)  # refused: token_already_used (§6.3)
    window.selection.select(token)
    window.detail_pane.tabs.setCurrentIndex(2)
    window.top_splitter.setSizes([250, 430, 600])  # room for the code
    _shot(window, out / "request_refused.png")
    window.close()


def main() -> None:
    from PySide6.QtWidgets import QApplication

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    app = QApplication.instance() or QApplication(sys.argv[:1])
    lessons(out, "en")
    lessons(out, "ja")
    refused_request(out)
    del app


if __name__ == "__main__":
    main()
