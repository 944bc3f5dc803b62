"""Screenshots of what the issues ask to see, for review.

    xvfb-run -a env QT_QPA_PLATFORM=xcb uv run python docs/screenshots/make_shots.py \
        [OUT_DIR] [NAME...]

Writes, at 1280x800: card_source.png (card source A, born chargeable,
attached and charged three times: its own lifecycle only, the trail, "×3"),
ideal_source.png (iDEAL source B after authorize → charge), japanese.png
(the same in Japanese), high_contrast.png; in presenter mode card_presenter.png,
ideal_presenter.png, and presenter_ja.png / presenter_en.png (mid-lesson);
serve.png (the in-window server while stripe-python, in a thread, creates
objects; two of its requests are refused) and, for PaymentIntents,
payment_intent_requires_action.png / payment_intent_requires_action_ja.png (a
3DS card waiting for the customer), payment_intent_succeeded.png /
payment_intent_succeeded_ja.png (the same after the simulator-only authenticate
helper; their graphs are focused by core.graph.focus and laid out top to bottom by
core.graph.top_down); generations.png / generations_ja.png
(View ▸ Compare Three Generations after paying twice with a Token, a Source and a
PaymentMethod: the three refusals) and generations_customer.png (each attached to a
customer first, then paid twice). Settings and autosave go to temporary
directories (``make_shots.py OUT_DIR generations`` makes only that group). After
each graph shot it prints the smallest graph text on screen (font size × the
view's transform); after each compare shot, the smallest text of the dialog and
any label cut short.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CARD = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2034}


class _Prompter:
    def ask_save_changes(self, name: str) -> str:
        return "discard"

    def error(self, title: str, message: str) -> None:
        print(f"{title}: {message}", file=sys.stderr)


def _window(check_keys: bool = False) -> Any:
    from PySide6.QtCore import QSettings

    from core.api import Sandbox
    from gui.main_window import MainWindow

    tmp = tempfile.mkdtemp()
    settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("graph/animation_ms", 0)  # the graph jumps to the new state
    window = MainWindow(
        Sandbox(seed=0, check_keys=check_keys), settings, prompter=_Prompter(), autosave_dir=tmp
    )
    window.resize(1280, 800)
    window.show()
    return window


def _shot(window: Any, path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()
    if not window.grab().save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    print(path)


def _close(window: Any) -> None:
    window.session.stop_autosave()
    window.close()


def smallest_text(window: Any) -> float:
    """The smallest graph text on screen (px): font size × the item's transform."""
    graph = window.graph
    view_t = graph.viewportTransform()
    sizes = [
        font.pixelSize() * min(abs(t.m11()), abs(t.m22()))
        for item in graph.text_items()
        for t in [item.deviceTransform(view_t)]
        for font, text in item.texts()
        if text.strip()
    ]
    return min(sizes) if sizes else 0.0


def _graph_shot(window: Any, path: Path) -> None:
    _shot(window, path)
    print(f"  smallest graph text {smallest_text(window):.1f} px")


IDEAL = [
    ("type", "ideal"),
    ("amount", "1500"),
    ("currency", "eur"),
    ("redirect[return_url]", "https://example.com/return"),
]


def _card_source_charged_three_times(window: Any) -> str:
    """Card source A: born chargeable, attached to a customer, charged three times (§3.3 T6)."""
    send = window.host.send
    tok = send("POST", "/v1/tokens", [("card[number]", CARD["number"]), *_exp()]).body["id"]
    card = send(
        "POST", "/v1/sources", [("type", "card"), ("token", tok), ("metadata[nickname]", "A")]
    ).body["id"]
    cus = send("POST", "/v1/customers", [("email", "class@example.com")]).body["id"]
    send("POST", f"/v1/customers/{cus}/sources", [("source", card)])
    for _ in range(3):
        send(
            "POST",
            "/v1/charges",
            [("customer", cus), ("source", card), ("amount", "500"), ("currency", "usd")],
        )
    return card


def _exp() -> list[tuple[str, str]]:
    return [("card[exp_month]", str(CARD["exp_month"])), ("card[exp_year]", str(CARD["exp_year"]))]


def _ideal_authorized_and_charged(window: Any) -> str:
    """iDEAL source B: pending → authorize → chargeable → charge → consumed (§3.3 T1, T5a)."""
    send = window.host.send
    ideal = send("POST", "/v1/sources", [*IDEAL, ("metadata[nickname]", "B")]).body["id"]
    send("POST", f"/v1/test_helpers/sources/{ideal}/authorize")
    send("POST", "/v1/charges", [("source", ideal), ("amount", "1500"), ("currency", "eur")])
    return ideal


def lifecycles(out: Path) -> None:
    window = _window()
    card = _card_source_charged_three_times(window)
    ideal = _ideal_authorized_and_charged(window)
    window.selection.select(card)
    _graph_shot(window, out / "card_source.png")
    window.selection.select(ideal)
    _graph_shot(window, out / "ideal_source.png")
    window.set_language("ja")
    _graph_shot(window, out / "japanese.png")
    window.set_language("en")
    window.theme.set_high_contrast(True)
    _graph_shot(window, out / "high_contrast.png")
    window.theme.set_high_contrast(False)
    window.set_presenter_mode(True)
    window.selection.select(card)
    _graph_shot(window, out / "card_presenter.png")
    window.selection.select(ideal)
    _graph_shot(window, out / "ideal_presenter.png")
    window.set_presenter_mode(False)
    _close(window)

    window = _window()
    window.set_language("ja")
    window.lesson_panel()
    window.set_presenter_mode(True)
    for _ in range(3):  # step 3 of "a token can be used only once": the refused second charge
        window.commands.action("lesson_next").trigger()
    _graph_shot(window, out / "presenter_ja.png")
    window.set_language("en")
    _graph_shot(window, out / "presenter_en.png")
    window.set_presenter_mode(False)
    _close(window)


def _outside_client(url: str, results: list[str]) -> None:
    import stripe

    stripe.api_key, stripe.api_base = "sk_test_123", url
    token = stripe.Token.create(card=CARD)
    stripe.Charge.create(amount=1000, currency="usd", source=token.id)
    try:
        stripe.Charge.create(amount=1000, currency="usd", source=token.id)
    except stripe.error.InvalidRequestError as error:
        results.append(f"second charge of a token: {error.code}")
    card = stripe.Token.create(card={**CARD, "number": "4000000000000077"})
    source = stripe.Source.create(type="card", token=card.id)
    customer = stripe.Customer.create(email="dev@example.com", source=source.id)
    for _ in range(3):
        stripe.Charge.create(amount=500, currency="usd", customer=customer.id)
    declined = stripe.Token.create(card={**CARD, "number": "4000000000000002"})
    try:
        stripe.Charge.create(amount=500, currency="usd", source=declined.id)
    except stripe.error.CardError as error:
        results.append(f"declined card: {error.code}")
    results.append(source.id)


def serving(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    window = _window(check_keys=True)
    window.serve.set_port(0)
    if not window.serve.start():
        raise SystemExit(window.serve.last_error)
    results: list[str] = []
    client = threading.Thread(target=_outside_client, args=(window.serve.url, results))
    client.start()
    while client.is_alive():  # the server's requests are answered on this (the GUI) thread
        QApplication.processEvents()
    print(*results[:-1], sep="\n")
    window.selection.select(results[-1])
    _shot(window, out / "serve.png")
    window.serve.stop()
    _close(window)


def intents(out: Path) -> None:
    window = _window()
    send = window.host.send
    pi = send(
        "POST",
        "/v1/payment_intents",
        [
            ("amount", "2000"),
            ("currency", "usd"),
            ("payment_method_types[]", "card"),
            ("payment_method", "pm_card_threeDSecure2Required"),
            ("confirm", "true"),
            ("return_url", "https://example.com/return"),
        ],
    ).body["id"]
    window.selection.select(pi)
    _graph_shot(window, out / "payment_intent_requires_action.png")
    window.set_language("ja")
    _graph_shot(window, out / "payment_intent_requires_action_ja.png")
    window.set_language("en")
    send("POST", f"/v1/test_helpers/payment_intents/{pi}/authenticate", [("result", "success")])
    _graph_shot(window, out / "payment_intent_succeeded.png")
    window.set_language("ja")
    _graph_shot(window, out / "payment_intent_succeeded_ja.png")
    window.set_language("en")
    _close(window)


def _generations_shot(window: Any, dialog: Any, path: Path) -> None:
    """The main window with the compare dialog over it, as one 1280x800 picture."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication, QScrollArea

    for _ in range(5):
        QApplication.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    corner = dialog.geometry().topLeft() - window.geometry().topLeft()
    painter.drawPixmap(corner, dialog.grab())
    painter.setPen(QColor("#505050"))  # no window manager draws the dialog's frame
    painter.drawRect(QRect(corner, dialog.size()).adjusted(-1, -1, 0, 0))
    painter.end()
    if not picture.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    print(path)
    print(f"  smallest dialog text {smallest_widget_text(dialog):.1f} px")
    print(f"  labels cut short: {clipped_labels(dialog) or 'none'}")
    scrolls = dialog.findChild(QScrollArea).verticalScrollBar().maximum() > 0
    print(f"  the columns scroll: {'yes' if scrolls else 'no'}")


def clipped_labels(widget: Any) -> list[str]:
    """Labels shown lower than their text needs at their width (cut off at the bottom)."""
    from PySide6.QtWidgets import QLabel

    return [
        label.objectName()
        for label in widget.findChildren(QLabel)
        if label.isVisible()
        and label.wordWrap()
        and label.height() < label.heightForWidth(label.width())
    ]


def smallest_widget_text(widget: Any) -> float:
    """The smallest font (px) of the labels and buttons shown in ``widget``."""
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QAbstractButton, QLabel

    shown = [w for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    sizes = [QFontInfo(w.font()).pixelSize() for w in shown if w.isVisible() and w.text()]
    return float(min(sizes)) if sizes else 0.0


def generations(out: Path) -> None:
    """One card as a Token, a Source and a PaymentMethod, paid twice each (the refusals
    show), in English and Japanese; then fresh objects attached to a customer first."""
    window = _window()
    dialog = window.open_generations()
    dialog.move(window.geometry().topLeft() + type(window.pos())(20, 40))
    dialog.make_objects()
    for _ in range(2):
        for kind in ("token", "source", "payment_method"):
            dialog.pay(kind)
    _generations_shot(window, dialog, out / "generations.png")
    window.set_language("ja")
    _generations_shot(window, dialog, out / "generations_ja.png")
    window.set_language("en")
    dialog.make_objects()
    for kind in ("token", "source", "payment_method"):
        dialog.attach(kind)
        dialog.pay(kind)
        dialog.pay(kind)
    _generations_shot(window, dialog, out / "generations_customer.png")
    dialog.close()
    _close(window)


SHOTS = {"lifecycles": lifecycles, "serving": serving, "intents": intents}
SHOTS["generations"] = generations


def main() -> int:
    """``make_shots.py [OUT_DIR] [NAME...]``: every shot, or only the named groups."""
    from PySide6.QtWidgets import QApplication

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    names = sys.argv[2:] or list(SHOTS)
    out.mkdir(parents=True, exist_ok=True)
    QApplication(sys.argv[:1])
    for name in names:
        SHOTS[name](out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
