"""What a PaymentMethod, PaymentIntent or SetupIntent action requires as a whole
(stripe-intents-domain.md), whatever edge it would take: the guards checked before the
table's own (:mod:`core.lifecycle.requires` explains the order).

Guards about the payment method an intent would use, the customer a PaymentMethod
belongs to, or an intent's latest charge read it from ``Ctx.extra`` (``payment_method``,
``customer``, ``charge``), which the actions fill from the state. A guard whose words
describe another object than ``Ctx.obj`` names that ``extra`` entry in ``ABOUT``.
"""

from __future__ import annotations

from typing import Any

from core.facts import cards
from core.i18n import QT_TRANSLATE_NOOP
from core.lifecycle import tables as lifecycle
from core.lifecycle.tables import Ctx, Guard
from core.store.state import State

#: Statuses of a PaymentMethod that may never be used again (intents §4.4).
SPENT = ("consumed", "detached")
#: An intent's statuses in which its attempt with its payment method has not ended yet.
ATTEMPT_OPEN = ("requires_action", "processing")


def open_attempt(st: State, pm_id: str) -> Any | None:
    """The PaymentIntent or SetupIntent whose attempt with ``pm_id`` has not ended, if any.

    Until it ends, whether the attempt uses the PaymentMethod up (no customer, intents
    §4.4) or keeps it (attached) is open, so the sandbox refuses to attach or detach it
    meanwhile: the reference does not say what Stripe does then (a sandbox choice).
    Only the intents are read (``State.order`` by kind), not every object.
    """
    for kind in ("payment_intent", "setup_intent"):
        for intent_id in st.order.get(kind, ()):
            rec = st.objects.get(intent_id)
            if rec is not None and rec.status in ATTEMPT_OPEN and rec.payment_method == pm_id:
                return rec
    return None


def _leaves(trigger: str) -> Any:
    """A test: some edge of ``trigger`` leaves the object's state (the table says so)."""

    def test(c: Ctx) -> bool:
        table = lifecycle.table_of(c.obj)
        state = lifecycle.state_of(c.obj)
        return table is not None and any(
            t.trigger == trigger and t.source == state for t in table.transitions
        )

    return test


def _attach_validates(c: Ctx) -> bool:
    """A decline test card refuses to be attached (attaching validates it, §10), unless
    it is the incorrect-CVC card given without a CVC (nothing to check then)."""
    card = c.obj.card
    test = cards.BY_KEY.get(card.key) if card is not None else None
    if test is None or not test.charge_decline or test.attach_ok:
        return True
    return test.charge_decline is cards.INCORRECT_CVC and not card.cvc_provided


def _pm_fits(c: Ctx) -> bool:
    """The intent's payment method may pay for it with the intent's customer (§6.1)."""
    rec = c.obj
    if rec.payment_method is None:
        return True
    pm: Any = c.extra.get("payment_method")
    if getattr(pm, "kind", "") == "payment_method":  # intent_pm_same_customer's case
        return True
    return bool(
        getattr(pm, "customer", None) == rec.customer
        and getattr(pm, "status", "chargeable") == "chargeable"
    )


def _pm_unspent(c: Ctx) -> bool:
    pm: Any = c.extra.get("payment_method")
    return not (
        c.obj.payment_method is not None
        and getattr(pm, "kind", "") == "payment_method"
        and pm.status in SPENT
    )


def _pm_other_customer(c: Ctx) -> bool:
    pm: Any = c.extra.get("payment_method")
    if c.obj.payment_method is None or getattr(pm, "kind", "") != "payment_method":
        return True
    return pm.customer is None or pm.customer == c.obj.customer


def _not_default(c: Ctx) -> bool:
    cus: Any = c.extra.get("customer")
    return bool(getattr(cus, "default_payment_method", None) != c.obj.id)


def _charge_unrefunded(c: Ctx) -> bool:
    charge: Any = c.extra.get("charge")
    return not (getattr(charge, "kind", "") == "charge" and charge.refunded)


_GUARDS = (
    Guard(
        "pm_not_consumed",
        QT_TRANSLATE_NOOP(
            "core", "used once without a customer: it may not be used again (intents §4.4)"
        ),
        lambda c: c.obj.status != "consumed",
    ),
    Guard(
        "pm_not_detached",
        QT_TRANSLATE_NOOP(
            "core", "detached: it can never be used or attached again (intents §4.4)"
        ),
        lambda c: c.obj.status != "detached",
    ),
    Guard(
        "pm_attach_validates",
        QT_TRANSLATE_NOOP(
            "core",
            # said of a PaymentMethod, where a bare § is the intents reference's
            "this decline card cannot be attached: attaching validates it (stripe-domain §10)",
        ),
        _attach_validates,
    ),
    Guard(
        "pm_no_open_attempt",
        QT_TRANSLATE_NOOP(
            "core",
            "a {kind} in {status} is still paying with it: attach or detach it once that "
            "attempt ends (a sandbox choice: the reference is silent)",
        ),
        lambda c: c.extra.get("open_attempt") is None,
    ),
    Guard(
        "pm_attached",
        QT_TRANSLATE_NOOP("core", "not attached to a customer"),
        lambda c: c.obj.customer is not None,
    ),
    Guard(
        "pm_not_default",
        QT_TRANSLATE_NOOP("core", "already the customer's default payment method"),
        _not_default,
    ),
    Guard(
        "intent_open_to_confirm",
        QT_TRANSLATE_NOOP("core", "only an open {kind} can be confirmed; this one is {status}"),
        _leaves("confirm"),
    ),
    Guard(
        "intent_has_payment_method",
        QT_TRANSLATE_NOOP(
            "core",
            "needs a payment method of one of its payment_method_types first (update it)",
        ),
        lambda c: c.obj.payment_method is not None or "card" in c.obj.payment_method_types,
    ),
    Guard(
        "intent_pm_unspent",
        QT_TRANSLATE_NOOP(
            "core",
            "its payment method is {status}: it may not be used again (intents §4.4)",
        ),
        _pm_unspent,
    ),
    Guard(
        "intent_pm_same_customer",
        QT_TRANSLATE_NOOP(
            "core", "its payment method is attached to another customer (intents §6.1)"
        ),
        _pm_other_customer,
    ),
    Guard(
        "intent_pm_fits",
        QT_TRANSLATE_NOOP(
            "core", "its payment method cannot pay with this customer (intents §6.1)"
        ),
        _pm_fits,
    ),
    Guard(
        "intent_waits_for_customer",
        QT_TRANSLATE_NOOP(
            "core",
            "only a {kind} in requires_action waits for the customer; this one is {status}",
        ),
        lambda c: c.obj.status == "requires_action",
    ),
    Guard(
        "intent_cancelable",
        QT_TRANSLATE_NOOP("core", "a {kind} in {status} cannot be canceled"),
        _leaves("cancel"),
    ),
    Guard(
        "pi_capturable",
        QT_TRANSLATE_NOOP(
            "core",
            "only a PaymentIntent in requires_capture can be captured; this one is {status}",
        ),
        _leaves("capture"),
    ),
    Guard(
        "pi_succeeded_to_refund",
        QT_TRANSLATE_NOOP(
            "core",
            "only a succeeded PaymentIntent has a payment to refund; this one is {status}",
        ),
        lambda c: c.obj.status == "succeeded",
    ),
    Guard(
        "pi_charge_unrefunded",
        QT_TRANSLATE_NOOP("core", "its charge is refunded already"),
        _charge_unrefunded,
    ),
)
GUARDS: dict[str, Guard] = {g.name: g for g in _GUARDS}
#: Guards whose words are about an ``extra`` object, not ``Ctx.obj``: its fields fill them.
ABOUT: dict[str, str] = {
    "intent_pm_unspent": "payment_method",
    "pm_no_open_attempt": "open_attempt",
}

_PM_LIVE = ("pm_not_consumed", "pm_not_detached")
_CONFIRM = (
    "intent_open_to_confirm",
    "intent_has_payment_method",
    "intent_pm_unspent",
    "intent_pm_same_customer",
    "intent_pm_fits",
)
#: (kind, trigger) -> the names of the guards every edge of the trigger needs, in order.
REQUIRES: dict[tuple[str, str], tuple[str, ...]] = {
    ("payment_method", "use"): _PM_LIVE,
    ("payment_method", "attach"): (
        *_PM_LIVE,
        "not_attached_yet",
        "pm_no_open_attempt",
        "pm_attach_validates",
    ),
    ("payment_method", "detach"): (*_PM_LIVE, "pm_attached", "pm_no_open_attempt"),
    ("payment_method", "set_default"): (*_PM_LIVE, "pm_attached", "pm_not_default"),
    ("payment_intent", "confirm"): _CONFIRM,
    ("payment_intent", "authenticate"): ("intent_waits_for_customer",),
    ("payment_intent", "cancel"): ("intent_cancelable",),
    ("payment_intent", "capture"): ("pi_capturable",),
    ("payment_intent", "refund"): ("pi_succeeded_to_refund", "pi_charge_unrefunded"),
    ("setup_intent", "confirm"): _CONFIRM,
    ("setup_intent", "authenticate"): ("intent_waits_for_customer",),
    ("setup_intent", "cancel"): ("intent_cancelable",),
}
#: Actions that take no edge of the object's own table (a refund moves the Charge; the
#: default payment method is the customer's): their requirements alone decide.
NO_EDGE: frozenset[tuple[str, str]] = frozenset(
    {("payment_method", "set_default"), ("payment_intent", "refund")}
)
