"""Measure the rendered size of every text the state graph draws, in a real window.

Run by ``test_graph_legibility.py`` in a subprocess, because the screen size is
fixed when Qt starts (the offscreen platform reads it from a JSON file):

    QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json \\
        python tests/gui/graph_legibility_probe.py --width 1280 --height 800 [--presenter]

For every kind, flow and usage the sandbox can create (every Source type with
each of its usages, card and declined-card tokens, captured, uncaptured and
pending charges), before and after the actions a class performs (authorize,
charge, attach, repeated charges), in English and Japanese, with and without
"Show every flow", it selects the object (for a focused graph of an intents kind it
also checks that the current state is wholly in view) and reads each text item's fonts and
texts (``texts()``), multiplies the font's pixel size and cap height by the
item's transform onto the screen (the view's zoom included) and prints one JSON
line: the floor in force, the smallest sizes met, and every text under the floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CARD = [("card[number]", "4242424242424242"), ("card[exp_month]", "12"), ("card[exp_year]", "2034")]
CJK = ("\u3040", "\u30ff", "\u4e00", "\u9fff")


def _is_cjk(text: str) -> bool:
    return any(CJK[0] <= ch <= CJK[1] or CJK[2] <= ch <= CJK[3] for ch in text)


class _Prompter:
    def ask_save_changes(self, name: str) -> str:
        return "discard"

    def error(self, title: str, message: str) -> None:
        print(f"{title}: {message}", file=sys.stderr)


def make_objects(send: Any) -> list[str]:
    """One object of every kind/flow/usage, and some that have walked their edges."""
    from core.facts import source_catalog
    from tests.core.core_helpers import source_params

    ids: list[str] = []

    def add(resp: Any) -> str:
        if resp.status >= 400:
            return ""
        ids.append(resp.body["id"])
        return str(resp.body["id"])

    for name, info in source_catalog.SOURCE_TYPES.items():
        for usage in info.usages:
            params = dict(source_params(name, usage=usage))
            if name == "three_d_secure":
                tok = send("POST", "/v1/tokens", CARD).body["id"]
                card_src = send("POST", "/v1/sources", [("type", "card"), ("token", tok)])
                params["three_d_secure[card]"] = card_src.body["id"]
            add(send("POST", "/v1/sources", list(params.items())))
    for number in ("4242424242424242", "4000000000000002"):
        add(send("POST", "/v1/tokens", [("card[number]", number), *CARD[1:]]))
    tok = send("POST", "/v1/tokens", CARD).body["id"]
    add(send("POST", "/v1/charges", [("source", tok), ("amount", "1000"), ("currency", "usd")]))
    tok = send("POST", "/v1/tokens", CARD).body["id"]
    add(
        send(
            "POST",
            "/v1/charges",
            [("source", tok), ("amount", "1000"), ("currency", "usd"), ("capture", "false")],
        )
    )
    sepa = next((i for i in ids if i.startswith("src_")), "")
    for object_id in list(ids):  # a pending SEPA charge, if the sandbox makes one
        body = send("GET", f"/v1/sources/{object_id}").body
        if body.get("type") == "sepa_debit":
            sepa = object_id
            add(
                send(
                    "POST",
                    "/v1/charges",
                    [("source", sepa), ("amount", "1000"), ("currency", "eur")],
                )
            )
            break
    # the successors: a PaymentMethod, PaymentIntents (created, confirmed), a SetupIntent
    pm_card = [("type", "card"), *CARD]
    add(send("POST", "/v1/payment_methods", pm_card))
    add(send("POST", "/v1/payment_intents", [("amount", "1000"), ("currency", "usd")]))
    add(
        send(
            "POST",
            "/v1/payment_intents",
            [
                ("amount", "1000"),
                ("currency", "usd"),
                ("payment_method", "pm_card_visa"),
                ("confirm", "true"),
            ],
        )
    )
    add(send("POST", "/v1/setup_intents", []))
    # drawn focused (core.graph.focus): requires_action (3DS), succeeded after 3DS,
    # requires_capture (manual capture), a SetupIntent waiting for 3DS
    three_ds = [
        ("amount", "2000"),
        ("currency", "usd"),
        ("payment_method_types[]", "card"),
        ("payment_method", "pm_card_threeDSecure2Required"),
        ("confirm", "true"),
        ("return_url", "https://example.com/return"),
    ]
    add(send("POST", "/v1/payment_intents", three_ds))
    done = add(send("POST", "/v1/payment_intents", three_ds))
    send("POST", f"/v1/test_helpers/payment_intents/{done}/authenticate", [("result", "success")])
    manual = [("capture_method", "manual"), *three_ds[:3], ("payment_method", "pm_card_visa")]
    add(send("POST", "/v1/payment_intents", [*manual, ("confirm", "true")]))
    add(
        send(
            "POST",
            "/v1/setup_intents",
            [
                ("payment_method", "pm_card_threeDSecure2Required"),
                ("confirm", "true"),
                ("return_url", "https://example.com/return"),
            ],
        )
    )
    # the walks a class makes: iDEAL authorize -> charge; a card source attached, charged 3x
    ideal = add(send("POST", "/v1/sources", list(source_params("ideal").items())))
    send("POST", f"/v1/test_helpers/sources/{ideal}/authorize")
    send("POST", "/v1/charges", [("source", ideal), ("amount", "1000"), ("currency", "eur")])
    tok = send("POST", "/v1/tokens", CARD).body["id"]
    card = add(send("POST", "/v1/sources", [("type", "card"), ("token", tok)]))
    cus = send("POST", "/v1/customers", [("email", "a@example.com")]).body["id"]
    send("POST", f"/v1/customers/{cus}/sources", [("source", card)])
    for _ in range(3):
        send(
            "POST",
            "/v1/charges",
            [("customer", cus), ("source", card), ("amount", "500"), ("currency", "usd")],
        )
    return [i for i in ids if i]


def measure(window: Any, ids: list[str], lang: str, every_flow: bool) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from core.graph.focus import wants_focus
    from gui.graph import legibility

    graph = window.graph
    graph.set_every_flow(every_flow)
    floor = graph.minimum_text_px()
    out: dict[str, Any] = {"min_em": 1e9, "min_cap": 1e9, "min_cjk": 1e9, "checked": 0}
    failures: list[str] = []
    for object_id in ids:
        window.selection.select(object_id)
        QApplication.processEvents()
        view_t = graph.viewportTransform()
        model = graph.graph_model()
        if model is not None and wants_focus(model):  # the intents kinds' focused graphs
            out["focused"] = out.get("focused", 0) + 1
            current = graph.panel().nodes.get(model.current.id) if model.current else None
            shown = graph.mapFromScene(current.sceneBoundingRect()) if current else None
            if shown is None or not graph.viewport().rect().contains(shown.boundingRect()):
                failures.append(f"{lang} {object_id}: current state not wholly in view")
        for item in graph.text_items():
            t = item.deviceTransform(view_t)
            scale = min(abs(t.m11()), abs(t.m22()))
            for font, text in item.texts():
                if not text.strip():
                    continue
                em, cap = legibility.text_px(font, scale)
                out["checked"] += 1
                out["min_em"] = min(out["min_em"], em)
                out["min_cap"] = min(out["min_cap"], cap)
                bad = em < floor - 1e-6 or cap < floor * legibility.CAP_RATIO - 1e-6
                if _is_cjk(text):
                    ink = legibility.cjk_ink_px(font, scale)
                    out["min_cjk"] = min(out["min_cjk"], ink)
                    bad = bad or ink < floor * legibility.CAP_RATIO - 1e-6
                if font.italic() and _is_cjk(text):
                    bad = True
                if bad:
                    failures.append(
                        f"{lang} {object_id} {type(item).__name__} {text!r}: {em:.1f}px"
                    )
    out["failures"] = failures
    out["floor"] = floor
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--presenter", action="store_true")
    parser.add_argument("--langs", default="en,ja")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from core.api import Sandbox
    from gui.main_window import MainWindow

    tmp = tempfile.mkdtemp()
    settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("graph/animation_ms", 0)
    window = MainWindow(
        Sandbox(seed=0, check_keys=False), settings, prompter=_Prompter(), autosave_dir=tmp
    )
    window.resize(args.width, args.height)
    window.show()
    app.processEvents()
    ids = make_objects(window.host.send)
    if args.presenter:
        window.set_presenter_mode(True)
        app.processEvents()
    results: dict[str, Any] = {
        "screen": [app.primaryScreen().geometry().width(), app.primaryScreen().geometry().height()],
        "window": [window.width(), window.height()],
        "objects": len(ids),
        "runs": {},
    }
    for lang in args.langs.split(","):
        window.set_language(lang)
        app.processEvents()
        for every_flow in (False, True):
            results["runs"][f"{lang}-{'every' if every_flow else 'own'}"] = measure(
                window, ids, lang, every_flow
            )
    if args.presenter:
        window.set_presenter_mode(False)
    window.session.stop_autosave()
    window.close()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
