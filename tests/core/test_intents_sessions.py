"""A saved session keeps PaymentMethods, PaymentIntents and SetupIntents as they were.

Save, open: the same ids, the same JSON for every object and event, the same clock and
timers, so a PaymentIntent left waiting for 3D Secure (stripe-intents-domain.md §3.2 T5)
goes on the same way in the reopened session as in the live one (T6, T8).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core_helpers import ok

from core import session
from core.api import Response, Sandbox

PIS = "/v1/payment_intents"
SIS = "/v1/setup_intents"
HELP = "/v1/test_helpers"
CARD_ONLY = {"payment_method_types[]": "card"}


def _post(sb: Sandbox, path: str, **params: Any) -> Response:
    return sb.request("POST", path, params)


def _pi(sb: Sandbox, **params: Any) -> Response:
    return _post(sb, PIS, amount="2000", currency="usd", **CARD_ONLY, **params)


def _busy(sb: Sandbox) -> dict[str, str]:
    """Every kind and the states worth keeping; returns the ids by role."""
    cus = ok(_post(sb, "/v1/customers", email="jenny@example.com"))["id"]
    attached = ok(_post(sb, "/v1/payment_methods/pm_card_visa/attach", customer=cus))["id"]
    loose = ok(sb.request("GET", "/v1/payment_methods/pm_card_mastercard"))["id"]
    paid = ok(_pi(sb, customer=cus, payment_method=attached, confirm="true"))["id"]
    # §3.2 T5 then T6 through the simulator-only helper
    tds = ok(_pi(sb, payment_method="pm_card_threeDSecure2Required", confirm="true"))["id"]
    ok(_post(sb, f"{HELP}/payment_intents/{tds}/authenticate", result="success"))
    # §3.2 T5, left waiting (its 48 h timer, T8, runs on after the reopen)
    waiting = ok(_pi(sb, payment_method="pm_card_authenticationRequired", confirm="true"))["id"]
    # §3.2 T9: a decline is a 402 that changed state (logged, replayed)
    declined = _pi(sb, payment_method="pm_card_chargeDeclined", confirm="true")
    assert declined.status == 402
    # §3.2 T11: error_on_requires_action, a 400 that changed state
    refused = _pi(sb, payment_method="pm_card_threeDSecure2Required", confirm="true",
                  error_on_requires_action="true")  # fmt: skip
    assert refused.status == 402 and refused.accepted
    # manual capture, incremented (T19), left in requires_capture with its 7-day hold
    held = ok(
        _pi(
            sb,
            payment_method="pm_card_visa",
            confirm="true",
            capture_method="manual",
            **{"payment_method_options[card][request_incremental_authorization]": "if_available"},
        )
    )["id"]
    ok(_post(sb, f"{PIS}/{held}/increment_authorization", amount="2600"))
    # §5.2 S3 then S4: a SetupIntent saves the card to the customer
    si = ok(
        _post(
            sb,
            SIS,
            customer=cus,
            payment_method="pm_card_authenticationRequiredOnSetup",
            confirm="true",
            **CARD_ONLY,
        )  # fmt: skip
    )["id"]
    ok(_post(sb, f"{HELP}/setup_intents/{si}/authenticate", result="success"))
    pending_si = ok(_post(sb, SIS, **CARD_ONLY))["id"]
    ok(_post(sb, f"/v1/payment_methods/{attached}/detach"))
    ok(_post(sb, f"{HELP}/advance_clock", seconds="3600"))
    return {
        "customer": cus,
        "detached": attached,
        "loose": loose,
        "paid": paid,
        "tds": tds,
        "waiting": waiting,
        "held": held,
        "si": si,
        "pending_si": pending_si,
    }


def test_intents_session_round_trip(tmp_path: Path) -> None:
    live = Sandbox(seed=11, check_keys=False)
    ids = _busy(live)
    path = tmp_path / "intents.chargeable.json"
    session.save(live, path)
    opened = session.load(path)
    assert opened.object_ids() == live.object_ids()  # the same ids, in the same order
    kinds = {live.kind_of(i) for i in live.object_ids()}
    assert {"payment_method", "payment_intent", "setup_intent", "charge"} <= kinds
    for object_id in live.object_ids():
        assert opened.get(object_id) == live.get(object_id), object_id  # the same JSON
    assert opened.state_snapshot() == live.state_snapshot()  # events, clock, id counter
    waiting = opened.get(ids["waiting"])
    assert waiting is not None and waiting["status"] == "requires_action"
    assert opened.get(ids["tds"])["status"] == "succeeded"  # type: ignore[index]
    assert opened.get(ids["held"])["amount_capturable"] == 2600  # type: ignore[index]
    assert opened.get(ids["si"])["status"] == "succeeded"  # type: ignore[index]
    assert opened.get(ids["detached"])["customer"] is None  # type: ignore[index]


def test_a_reopened_session_goes_on_like_the_live_one(tmp_path: Path) -> None:
    live = Sandbox(seed=11, check_keys=False)
    ids = _busy(live)
    path = tmp_path / "intents.chargeable.json"
    session.save(live, path)
    opened = session.load(path)
    for sb in (live, opened):
        # §3.2 T8: the waiting PaymentIntent's timer survived the save (47 h left)
        ok(_post(sb, f"{HELP}/advance_clock", seconds=str(47 * 3600)))
        ok(_post(sb, f"{PIS}/{ids['held']}/capture", amount_to_capture="2500"))
        ok(_post(sb, f"{SIS}/{ids['pending_si']}/confirm", payment_method="pm_card_visa"))
    assert opened.get(ids["waiting"])["status"] == "requires_payment_method"  # type: ignore[index]
    assert opened.state_snapshot() == live.state_snapshot()
    new_live = ok(_pi(live))["id"]
    new_opened = ok(_pi(opened))["id"]
    assert new_live == new_opened and new_live not in ids.values()  # fresh, equal ids
