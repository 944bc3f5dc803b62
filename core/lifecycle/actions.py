"""What a user can do to an object now: each action enabled or blocked, and why.

An action of an object with a lifecycle is one of its table's triggers: why it is
blocked is the failing guard's words (``core.lifecycle.requires.why_blocked``), never
written here. Each action carries the exact request that performs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from core.facts import cards, intents
from core.i18n import QT_TRANSLATE_NOOP, fill
from core.lifecycle.requires import why_blocked
from core.lifecycle.tables import Ctx
from core.store.records import (
    BankRec,
    CardRec,
    ChargeRec,
    CustomerRec,
    PaymentIntentRec,
    PaymentMethodRec,
    SetupIntentRec,
    SourceRec,
    TokenRec,
)
from core.store.state import State

ACTION_NAMES = (
    "charge",
    "attach",
    "detach",
    "set_default",
    "authorize",
    "fail",
    "receive_funds",
    "verify",
    "capture",
    "refund",
    "advance_clock",
    "confirm",
    "cancel",
)
DEFAULT_AMOUNT = "1000"
#: §5.1 rule 1 advises against it; §13 lists whether Stripe refuses it as unverified.
SINGLE_USE_ATTACH_NOTE = QT_TRANSLATE_NOOP(
    "core",
    "the sandbox allows it; whether Stripe refuses it is unverified "
    "(§13). Stripe advises charging a single-use source directly "
    "(§5.1 rule 1)",
)


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the user can try on an object.

    Attributes:
        name: one of ``ACTION_NAMES``.
        label: short words for a button (untranslated; the GUI wraps it in tr()).
        enabled: the request would be accepted now.
        reason: why it is blocked (empty when enabled).
        method, path: the request; ``{customer}`` in ``path`` is filled from the
            chosen ``customer`` (see :meth:`request_args`).
        params: the defaults the request would send.
        needs: parameters the user must still choose (e.g. ``customer``).
        note: where the reference marks the outcome unverified (§13), what the
            sandbox does instead; empty otherwise. Shown beside the action so a
            learner does not take a sandbox choice for Stripe's behaviour.
    """

    name: str
    label: str
    enabled: bool
    reason: str
    method: str
    path: str
    params: dict[str, Any] = field(default_factory=dict)
    needs: tuple[str, ...] = ()
    note: str = ""

    def request_args(self, chosen: dict[str, Any] | None = None) -> tuple[str, str, dict[str, Any]]:
        """``(method, path, params)`` to send, with ``chosen`` values merged in."""
        params = {**self.params, **(chosen or {})}
        path = self.path
        if "{customer}" in path:
            path = path.replace("{customer}", str(params.pop("customer", "")))
        return self.method, path, params


def _act(
    name: str,
    label: str,
    reason: str,
    method: str,
    path: str,
    params: dict[str, Any] | None = None,
    needs: tuple[str, ...] = (),
    note: str = "",
) -> Action:
    return Action(name, label, not reason, reason, method, path, params or {}, needs, note)


def _clock(rec: Any, st: State, due: int | None, label: str) -> Action:
    reason = (
        "" if due is not None else QT_TRANSLATE_NOOP("core", "no timer is running for this object")
    )
    seconds = max(due - st.now, 0) if due is not None else 0
    return _act(
        "advance_clock",
        label,
        reason,
        "POST",
        "/v1/test_helpers/advance_clock",
        {"seconds": str(seconds)},
    )


def _charge_amount(rec: SourceRec) -> dict[str, Any]:
    """The amount and currency a charge of ``rec`` would be accepted with."""
    amount = str(rec.amount or DEFAULT_AMOUNT)
    if rec.flow == "receiver" and rec.status == "chargeable":
        recv = rec.receiver or {}
        available = recv.get("amount_received", 0) - recv.get("amount_charged", 0)
        amount = str(max(available, 1))
    return {"currency": rec.currency or "usd", "amount": amount}


def for_source(st: State, rec: SourceRec) -> list[Action]:
    sid = rec.id
    charge_params: dict[str, Any] = {"source": sid, **_charge_amount(rec)}
    if rec.customer:
        charge_params["customer"] = rec.customer
    reason = why_blocked(rec, "charge")
    actions = [
        _act(
            "charge",
            "Charge",
            reason,
            "POST",
            "/v1/charges",
            charge_params,
            () if rec.amount else ("amount",),
        )
    ]
    attach_reason = why_blocked(rec, "attach")
    attach_note = SINGLE_USE_ATTACH_NOTE if rec.usage == "single_use" and not attach_reason else ""
    actions.append(
        _act(
            "attach",
            "Attach to customer",
            attach_reason,
            "POST",
            "/v1/customers/{customer}/sources",
            {"source": sid},
            ("customer",),
            attach_note,
        )
    )
    actions += _customer_actions(st, rec.id, rec.customer)
    helper = f"/v1/test_helpers/sources/{sid}"
    actions.append(
        _act(
            "authorize",
            "Authorize (customer)",
            why_blocked(rec, "authorize"),
            "POST",
            f"{helper}/authorize",
        )
    )
    actions.append(
        _act(
            "fail",
            "Fail (customer)",
            why_blocked(rec, "fail"),
            "POST",
            f"{helper}/fail",
            {"failure_reason": "user_abort"},
        )
    )
    if rec.flow == "receiver":
        missing = (rec.amount or 0) - (rec.receiver or {}).get("amount_received", 0)
        actions.append(
            _act(
                "receive_funds",
                "Receive funds",
                why_blocked(rec, "receive_funds"),
                "POST",
                f"{helper}/receive_funds",
                {"amount": str(missing if missing > 0 else DEFAULT_AMOUNT)},
                ("amount",),
            )
        )
    if rec.flow == "code_verification":
        actions.append(
            _act(
                "verify",
                "Verify",
                why_blocked(rec, "verify"),
                "POST",
                f"/v1/sources/{sid}/verify",
                {"values": ["32", "45"]},
                ("values",),
            )
        )
    actions.append(_clock(rec, st, rec.expires_at, "Let the clock run to expiry"))
    return actions


def _customer_actions(st: State, object_id: str, customer: str | None) -> list[Action]:
    cus = st.get(customer) if customer else None
    detached = "" if customer else QT_TRANSLATE_NOOP("core", "not attached to a customer")
    path = f"/v1/customers/{customer}/sources/{object_id}" if customer else ""
    out = [_act("detach", "Detach", detached, "DELETE", path)]
    default_reason = detached
    if isinstance(cus, CustomerRec) and cus.default_source == object_id:
        default_reason = QT_TRANSLATE_NOOP("core", "already the customer's default source")
    out.append(
        _act(
            "set_default",
            "Make default",
            default_reason,
            "POST",
            f"/v1/customers/{customer}" if customer else "",
            {"default_source": object_id},
        )
    )
    return out


def for_token(st: State, rec: TokenRec) -> list[Action]:
    return [
        _act(
            "charge",
            "Charge",
            why_blocked(rec, "charge"),
            "POST",
            "/v1/charges",
            {"source": rec.id, "amount": DEFAULT_AMOUNT, "currency": "usd"},
            ("amount",),
        ),
        _act(
            "attach",
            "Attach to customer",
            why_blocked(rec, "attach"),
            "POST",
            "/v1/customers/{customer}/sources",
            {"source": rec.id},
            ("customer",),
        ),
    ]


def for_charge(st: State, rec: ChargeRec) -> list[Action]:
    capture = why_blocked(rec, "capture")
    refund = why_blocked(rec, "refund")
    due = rec.settle_at if rec.settle_at is not None else rec.capture_expires_at
    return [
        _act("capture", "Capture", capture, "POST", f"/v1/charges/{rec.id}/capture"),
        _act("refund", "Refund", refund, "POST", "/v1/refunds", {"charge": rec.id}),
        _clock(rec, st, due, "Let the clock run (settle / expire)"),
    ]


_BANK_UNVERIFIED = QT_TRANSLATE_NOOP(
    "core", "bank accounts must be verified before an ACH charge (not simulated)"
)


def for_payment_object(st: State, rec: CardRec | BankRec) -> list[Action]:
    reason = "" if rec.customer else QT_TRANSLATE_NOOP("core", "not attached to a customer")
    if isinstance(rec, BankRec):
        reason = _BANK_UNVERIFIED
    params = {
        "customer": rec.customer or "",
        "source": rec.id,
        "amount": DEFAULT_AMOUNT,
        "currency": "usd",
    }
    return [
        _act("charge", "Charge", reason, "POST", "/v1/charges", params, ("amount",)),
        *_customer_actions(st, rec.id, rec.customer),
    ]


def for_customer(st: State, rec: CustomerRec) -> list[Action]:
    default = st.get(rec.default_source) if rec.default_source else None
    reason = (
        ""
        if default is not None
        else QT_TRANSLATE_NOOP("core", "the customer has no default source")
    )
    params: dict[str, Any] = {"customer": rec.id, "amount": DEFAULT_AMOUNT, "currency": "usd"}
    if isinstance(default, SourceRec):
        if default.status != "chargeable":
            reason = fill(
                QT_TRANSLATE_NOOP("core", "its default source is {status}"), status=default.status
            )
        else:  # charged with its customer: the source's own guards decide (§5.1 rule 3)
            reason = why_blocked(default, "charge", Ctx(default, customer=rec.id))
            params.update(_charge_amount(default))
    elif isinstance(default, BankRec):
        reason = _BANK_UNVERIFIED
    if rec.deleted:
        reason = QT_TRANSLATE_NOOP("core", "the customer is deleted")
    return [
        _act(
            "charge",
            "Charge default source",
            reason,
            "POST",
            "/v1/charges",
            params,
            ("amount",),
        )
    ]


# --- PaymentMethods, PaymentIntents, SetupIntents (stripe-intents-domain.md) --------------

OPEN_INTENT = ("requires_payment_method", "requires_confirmation", "requires_action")
#: The authenticate helpers are the sandbox's own (§8.6): said beside the buttons.
SIMULATOR_NOTE = QT_TRANSLATE_NOOP(
    "core", "simulator-only: Stripe has no endpoint for the customer's side (intents §8.6)"
)
_EURO_TYPES = ("sepa_debit", "ideal", "bancontact")


def for_payment_method(st: State, rec: PaymentMethodRec) -> list[Action]:
    gone = ""
    if rec.status == "consumed":
        gone = QT_TRANSLATE_NOOP(
            "core", "used once without a customer: it may not be used again (intents §4.4)"
        )
    elif rec.status == "detached":
        gone = QT_TRANSLATE_NOOP(
            "core", "detached: it can never be used or attached again (intents §4.4)"
        )
    params: dict[str, Any] = {
        "amount": DEFAULT_AMOUNT,
        "currency": "eur" if rec.type in _EURO_TYPES else "usd",
        "payment_method": rec.id,
        "payment_method_types[]": rec.type,
        "confirm": "true",
        "return_url": "https://example.com/return",
    }
    if rec.customer:
        params["customer"] = rec.customer
    attach = gone or (
        fill(QT_TRANSLATE_NOOP("core", "already attached to {customer}"), customer=rec.customer)
        if rec.customer
        else ""
    )
    card = rec.card
    test = cards.BY_KEY.get(card.key) if card is not None else None
    if not attach and card is not None and test is not None and test.charge_decline:
        if not test.attach_ok and not (
            test.charge_decline is cards.INCORRECT_CVC and not card.cvc_provided
        ):
            attach = QT_TRANSLATE_NOOP(
                "core", "this decline card cannot be attached: attaching validates it (§10)"
            )
    detach = gone or (
        "" if rec.customer else QT_TRANSLATE_NOOP("core", "not attached to a customer")
    )
    default = detach
    cus = st.get(rec.customer) if rec.customer else None
    if not default and isinstance(cus, CustomerRec) and cus.default_payment_method == rec.id:
        default = QT_TRANSLATE_NOOP("core", "already the customer's default payment method")
    return [
        _act("charge", "Pay (PaymentIntent)", gone, "POST", "/v1/payment_intents", params),
        _act(
            "attach",
            "Attach to customer",
            attach,
            "POST",
            f"/v1/payment_methods/{rec.id}/attach",
            {},
            ("customer",),
        ),
        _act("detach", "Detach", detach, "POST", f"/v1/payment_methods/{rec.id}/detach"),
        _act(
            "set_default",
            "Make default",
            default,
            "POST",
            f"/v1/customers/{rec.customer}" if rec.customer else "",
            {"invoice_settings[default_payment_method]": rec.id},
        ),
    ]


def _unusable(st: State, rec: Any) -> str:
    """Why an intent's confirm would refuse the payment method it would use, or ""."""
    if rec.payment_method is None:
        if "card" not in rec.payment_method_types:
            return QT_TRANSLATE_NOOP(
                "core",
                "needs a payment method of one of its payment_method_types first (update it)",
            )
        return ""
    pm = st.get(rec.payment_method)
    if isinstance(pm, PaymentMethodRec):
        if pm.status in ("consumed", "detached"):
            return fill(
                QT_TRANSLATE_NOOP(
                    "core",
                    "its payment method is {status}: it may not be used again (intents §4.4)",
                ),
                status=pm.status,
            )
        if pm.customer is not None and pm.customer != rec.customer:
            return QT_TRANSLATE_NOOP(
                "core", "its payment method is attached to another customer (intents §6.1)"
            )
    elif (
        getattr(pm, "customer", None) != rec.customer
        or getattr(pm, "status", "chargeable") != "chargeable"
    ):
        return QT_TRANSLATE_NOOP(
            "core", "its payment method cannot pay with this customer (intents §6.1)"
        )
    return ""


def _intent_actions(st: State, rec: Any, path: str, kind: str) -> list[Action]:
    status = rec.status
    confirm = (
        ""
        if status in OPEN_INTENT
        else fill(
            QT_TRANSLATE_NOOP("core", "only an open {kind} can be confirmed; this one is {status}"),
            kind=kind,
            status=status,
        )
    )
    confirm = confirm or _unusable(st, rec)
    params: dict[str, Any] = {"return_url": "https://example.com/return"}
    needs: tuple[str, ...] = ()
    if not confirm and rec.payment_method is None:
        params["payment_method"] = "pm_card_visa"
        needs = ("payment_method",)
    waiting = (
        ""
        if status == "requires_action"
        else fill(
            QT_TRANSLATE_NOOP(
                "core",
                "only a {kind} in requires_action waits for the customer; this one is {status}",
            ),
            kind=kind,
            status=status,
        )
    )
    helper = f"/v1/test_helpers/{path}/{rec.id}/authenticate"
    cancel = (
        ""
        if status in OPEN_INTENT
        else fill(
            QT_TRANSLATE_NOOP("core", "a {kind} in {status} cannot be canceled"),
            kind=kind,
            status=status,
        )
    )
    return [
        _act("confirm", "Confirm", confirm, "POST", f"/v1/{path}/{rec.id}/confirm", params, needs),
        _act(
            "authorize",
            "Customer authenticates",
            waiting,
            "POST",
            helper,
            {"result": "success"},
            note=SIMULATOR_NOTE if not waiting else "",
        ),
        _act(
            "fail",
            "Customer fails",
            waiting,
            "POST",
            helper,
            {"result": "failure"},
            note=SIMULATOR_NOTE if not waiting else "",
        ),
        _act("cancel", "Cancel", cancel, "POST", f"/v1/{path}/{rec.id}/cancel"),
    ]


def for_payment_intent(st: State, rec: PaymentIntentRec) -> list[Action]:
    actions = _intent_actions(st, rec, "payment_intents", "PaymentIntent")
    pm = st.get(rec.payment_method) if rec.payment_method else None
    if rec.status == "requires_capture":
        actions[-1] = _act("cancel", "Cancel", "", "POST", f"/v1/payment_intents/{rec.id}/cancel")
    elif rec.status == "processing":
        reason = (
            ""
            if getattr(pm, "type", "") == "us_bank_account"
            else QT_TRANSLATE_NOOP(
                "core",
                "only a us_bank_account payment can be canceled while processing (intents §3.3)",
            )
        )
        actions[-1] = _act(
            "cancel", "Cancel", reason, "POST", f"/v1/payment_intents/{rec.id}/cancel"
        )
    capture = (
        ""
        if rec.status == "requires_capture"
        else fill(
            QT_TRANSLATE_NOOP(
                "core",
                "only a PaymentIntent in requires_capture can be captured; this one is {status}",
            ),
            status=rec.status,
        )
    )
    charge = st.get(rec.latest_charge) if rec.latest_charge else None
    refund = (
        ""
        if rec.status == "succeeded"
        else fill(
            QT_TRANSLATE_NOOP(
                "core",
                "only a succeeded PaymentIntent has a payment to refund; this one is {status}",
            ),
            status=rec.status,
        )
    )
    if not refund and isinstance(charge, ChargeRec) and charge.refunded:
        refund = QT_TRANSLATE_NOOP("core", "its charge is refunded already")
    due = rec.process_at
    if due is None and isinstance(charge, ChargeRec) and rec.status == "requires_capture":
        due = charge.capture_expires_at
    clock = _clock(rec, st, due, "Let the clock run (settle / expire)")
    if due is None and rec.status == "requires_action" and rec.action_expires_at is not None:
        clock = _clock(rec, st, rec.action_expires_at, "Let the clock run (settle / expire)")
        clock = replace(clock, note=intents.ACTION_TIMEOUT_NOTE)  # T8, unverified
    return [
        *actions,
        _act("capture", "Capture", capture, "POST", f"/v1/payment_intents/{rec.id}/capture"),
        _act("refund", "Refund", refund, "POST", "/v1/refunds", {"payment_intent": rec.id}),
        clock,
    ]


def for_setup_intent(st: State, rec: SetupIntentRec) -> list[Action]:
    return _intent_actions(st, rec, "setup_intents", "SetupIntent")


def allowed_actions(st: State, object_id: str) -> list[Action]:
    rec = st.get(object_id)
    if isinstance(rec, PaymentMethodRec):
        return for_payment_method(st, rec)
    if isinstance(rec, PaymentIntentRec):
        return for_payment_intent(st, rec)
    if isinstance(rec, SetupIntentRec):
        return for_setup_intent(st, rec)
    if isinstance(rec, SourceRec):
        return for_source(st, rec)
    if isinstance(rec, TokenRec):
        return for_token(st, rec)
    if isinstance(rec, ChargeRec):
        return for_charge(st, rec)
    if isinstance(rec, CardRec | BankRec):
        return for_payment_object(st, rec)
    if isinstance(rec, CustomerRec):
        return for_customer(st, rec)
    return []
