"""A PaymentIntent's confirmation (stripe-intents-domain.md §3.2, §3.4, §3.6, §8.3, §8.4):
the outcome of one attempt, its Charge, the decline's 402 and the customer's next action.

A confirm's outcome is decided first (:func:`outcome_of`: the card's behaviour of §8.3/§8.4,
or the method's type) and passed to the table's guards as ``extra["outcome"]``.
"""

from __future__ import annotations

from typing import Any

from core.facts import cards, errors, intent_errors, intents, pi_errors
from core.lifecycle.tables import Ctx
from core.rules import engine
from core.rules import payment_method as pm_rules
from core.rules.charge import _new_charge
from core.rules.intent_params import (
    CAPTURE_METHODS,
    OPEN,
    check_fits,
    future_usage,
    payment_intent,
    pm_from,
    type_of_pm,
)
from core.rules.validate import Params
from core.store.records import (
    CardRec,
    ChargeRec,
    CustomerRec,
    JSONDict,
    PaymentIntentRec,
    PaymentMethodRec,
    SourceRec,
)
from core.store.state import State
from core.wire.intents import payment_intent_json, payment_method_json

Args = tuple[str, ...]
CONFIRM_KEYS = frozenset(
    {
        "payment_method",
        "payment_method_data",
        "off_session",
        "return_url",
        "setup_future_usage",
        "receipt_email",
        "mandate_data",
        "error_on_requires_action",
        "payment_method_options",
        "capture_method",
        "use_stripe_sdk",
    }
)


def json_of(st: State, pi_id: str) -> JSONDict:
    return payment_intent_json(st.objects[pi_id])


def card_key(rec: Any) -> str:
    if isinstance(rec, PaymentMethodRec):
        return rec.card.key if rec.card is not None else ""
    if isinstance(rec, CardRec):
        return rec.key
    if isinstance(rec, SourceRec):
        return rec.card_key
    return ""


def _set_up(rec: Any) -> bool:
    return bool(getattr(rec, "set_up", False))


def outcome_of(rec: Any, off_session: bool, authenticated: bool = False) -> tuple[str, Any]:
    """(``succeeds``/``action``/``declines``/``auth_required``/``processing``, decline)."""
    pm_type = type_of_pm(rec)
    if pm_type in intents.ASYNC_TYPES:
        return "processing", None
    if pm_type in intents.REDIRECT_TYPES:
        return ("succeeds", None) if authenticated else ("action", None)
    key = card_key(rec)
    auth = intents.authentication_of(key)
    if auth.confirm_decline is not None:
        decline = auth.confirm_decline
        cvc = bool(getattr(getattr(rec, "card", rec), "cvc_provided", True))
        if decline is cards.INCORRECT_CVC and not cvc:
            return "succeeds", None  # §8.3: fails only if a CVC is checked
        return "declines", decline
    if auth.on_session == "none":
        return "succeeds", None
    if authenticated:
        if auth.after_auth_decline is not None:
            return "declines", auth.after_auth_decline
        return "succeeds", None
    if not off_session:
        return "action", None
    verdict = auth.off_session_set_up if _set_up(rec) else auth.off_session_new
    if verdict == "succeed":
        return "succeeds", None
    if verdict == "decline":
        return "declines", auth.after_auth_decline or cards.GENERIC
    return "auth_required", None


def settle_pm(st: State, pi: PaymentIntentRec, rec: Any, success: bool) -> None:
    """After an attempt: save the PM (setup_future_usage, §4.5) or count the use (§4.4)."""
    if not isinstance(rec, PaymentMethodRec):
        if success:
            pm_rules.use(st, rec, pi.customer)
        return
    rec = st.objects[rec.id]
    if success and pi.setup_future_usage is not None:  # §4.5: saved, not consumed
        if pi.customer is not None and rec.status == "unattached":
            pm_rules.attach_to(st, rec.id, pi.customer)
        elif rec.status == "attached":
            pm_rules.use(st, rec, pi.customer)
        st.mut(rec.id).set_up = True
    elif rec.status in ("unattached", "attached"):
        pm_rules.use(st, rec, pi.customer)  # M3 (consumed, even if declined) / M4


def new_pi_charge(st: State, pi: PaymentIntentRec, rec: Any) -> ChargeRec:
    extra: dict[str, Any] = {
        "description": pi.description,
        "metadata": {},
        "receipt_email": pi.receipt_email,
        "statement_descriptor": None,
        "statement_descriptor_suffix": pi.statement_descriptor_suffix,
        "transfer_group": None,
    }
    charge = _new_charge(st, pi.amount, pi.currency, rec, rec.id, pi.customer, extra)
    charge.payment_intent = pi.id
    test = cards.BY_KEY.get(card_key(rec))
    if test is not None:
        charge.risk_level = test.risk_level
    return charge


def error_of(
    st: State, decline: cards.Decline, charge: str | None, pm: Any, type_: str
) -> JSONDict:
    error: JSONDict = {"charge": charge} if charge else {}
    error.update(
        code=decline.code,
        decline_code=decline.decline_code,
        doc_url=f"https://stripe.com/docs/error-codes/{decline.code.replace('_', '-')}",
        message=decline.message,
        payment_method=pm_json(st, pm),
        type=type_,
    )
    if error["decline_code"] is None:
        del error["decline_code"]
    return error


def pm_json(st: State, rec: Any) -> JSONDict:
    if isinstance(rec, PaymentMethodRec):
        return payment_method_json(rec)
    return pm_rules.legacy_view(st, rec)


def taking(st: State, pi_id: str, trigger: str, outcome: str, **targets: Any) -> engine.Step:
    """The edge ``trigger`` takes for this ``outcome``; its events fire as the block ends."""
    rec = st.objects[pi_id]
    return engine.taking(st, pi_id, trigger, Ctx(rec, extra={"outcome": outcome}), **targets)


def succeed(st: State, pi_id: str, trigger: str, rec: Any) -> None:
    """T3/T4 (or T6/T6c after authentication): the card is authorized, a Charge exists."""
    pi = st.objects[pi_id]
    charge = new_pi_charge(st, pi, rec)
    manual = pi.capture_method == "manual"
    if manual:
        charge.captured, charge.amount_captured = False, 0
        charge.capture_expires_at = st.now + intents.HOLD_SECONDS
        st.schedule(charge.capture_expires_at, charge.id, "capture_expires_at")
    st.add(charge)
    settle_pm(st, pi, rec, True)
    with taking(st, pi_id, trigger, "succeeds", charge_succeeded=charge):
        pi = st.mut(pi_id)
        pi.latest_charge, pi.next_action, pi.last_payment_error = charge.id, None, None
        pi.payment_method, pi.action_expires_at = rec.id, None
        if manual:
            pi.amount_capturable = pi.amount
        else:
            pi.amount_received = pi.amount


def decline_attempt(
    st: State, pi_id: str, trigger: str, rec: Any, decline: cards.Decline, charge_it: bool
) -> errors.StripeError:
    """T9/T10/T6d: declined; a failed Charge (not for T10); the 402 carries the PI (§3.4)."""
    pi = st.objects[pi_id]
    charge: ChargeRec | None = None
    if charge_it:
        charge = new_pi_charge(st, pi, rec)
        charge.status, charge.paid, charge.captured, charge.amount_captured = (
            "failed",
            False,
            False,
            0,
        )
        charge.failure_code, charge.failure_message = decline.code, decline.message
        charge.decline_code = decline.decline_code
        st.add(charge)
    settle_pm(st, pi, rec, False)
    outcome = "declines" if charge_it else "auth_required"
    with taking(st, pi_id, trigger, outcome, charge_failed=charge):
        pi = st.mut(pi_id)
        pi.last_payment_error = error_of(
            st, decline, charge.id if charge else None, st.objects.get(rec.id, rec), "card_error"
        )
        pi.payment_method, pi.next_action, pi.authenticated = None, None, False  # §3.6
        pi.action_expires_at = None
        if charge is not None:
            pi.latest_charge = charge.id
    err = errors.card_error(
        decline.message,
        code=decline.code,
        param=decline.param,
        decline_code=decline.decline_code,
        charge=charge.id if charge else None,
    )
    err.error["payment_intent"] = payment_intent_json(pi)
    err.error["payment_method"] = pm_json(st, st.objects.get(rec.id, rec))
    err.keep_state = True  # the PI moved and a failed Charge exists (§3.2 T9)
    return err


AUTH_REQUIRED = cards.Decline("authentication_required", intent_errors.AUTH_REQUIRED_MESSAGE)


def _action_refused(st: State, pi_id: str, rec: Any) -> errors.StripeError:
    """T11: ``error_on_requires_action=true`` and the payment needs the customer: the
    attempt fails instead of waiting (intents.UNVERIFIED["error_on_requires_action"])."""
    pi = st.objects[pi_id]
    settle_pm(st, pi, rec, False)  # an attempt was made: a customer-less PM is used (§4.4)
    err = pi_errors.pi_action_required()  # §9 E11
    with taking(st, pi_id, "confirm", "action_refused"):
        pi = st.mut(pi_id)
        pi.last_payment_error = {
            "code": err.error["code"],
            "doc_url": err.error["doc_url"],
            "message": err.error["message"],
            "payment_method": pm_json(st, st.objects.get(rec.id, rec)),
            "type": err.error["type"],
        }
        pi.payment_method, pi.next_action, pi.authenticated = None, None, False  # §3.6
    err.error["payment_intent"] = payment_intent_json(pi)
    err.error["payment_method"] = pm_json(st, st.objects.get(rec.id, rec))
    err.keep_state = True  # the attempt failed and the PaymentIntent moved (T11)
    return err


def next_action(pi: PaymentIntentRec, rec: Any, return_url: str | None) -> JSONDict:
    url = intents.AUTH_URL.format(pi.id)
    if return_url is not None or type_of_pm(rec) in intents.REDIRECT_TYPES:
        return {
            "redirect_to_url": {"return_url": return_url, "url": url},
            "type": "redirect_to_url",
        }
    return {
        "type": "use_stripe_sdk",
        "use_stripe_sdk": {"type": "three_d_secure_redirect", "stripe_js": url},
    }


def confirm_attempt(st: State, pi_id: str, p: Params, pm: Any | None) -> JSONDict:
    pi = st.objects[pi_id]
    before = pi.__copy__()  # the PaymentIntent an error body shows (the request rolls back)
    if pi.status == "succeeded":
        raise intent_errors.pi_confirm_succeeded(payment_intent_json(before))  # §9 E1
    if pi.status not in OPEN:
        if pm is not None:
            raise intent_errors.pi_update_field(  # §9 E3
                "payment_method", pi.status, payment_intent_json(before)
            )
        raise intent_errors.pi_confirm_status(payment_intent_json(before), pi.status)  # §9 E3b
    raw_off = p.str("off_session")
    off_session = raw_off in ("one_off", "recurring") or p.bool("off_session", False)
    if raw_off in ("one_off", "recurring"):
        off_session = True
    return_url = p.str("return_url")
    sfu = future_usage(p)
    capture_method = p.enum("capture_method", CAPTURE_METHODS)
    pi = st.mut(pi_id)
    if sfu is not None:
        pi.setup_future_usage = sfu or None
    if capture_method is not None:
        pi.capture_method = capture_method
    if return_url is not None:
        pi.return_url = return_url
    if pm is not None and pi.payment_method != pm.id:
        check_fits(pi, pm)
        if pi.status == "requires_action":
            engine.take(st, pi_id, "set_payment_method")  # T2-ra
        pi = st.mut(pi_id)
        pi.payment_method, pi.authenticated, pi.action_expires_at = pm.id, False, None
    if pi.payment_method is None:
        cus = st.get(pi.customer) if pi.customer else None
        default = (
            st.get(cus.default_source)
            if isinstance(cus, CustomerRec) and cus.default_source
            else None
        )
        if default is None:  # §6.1: only default_source is a fallback, not invoice_settings
            raise intent_errors.pi_missing_payment_method(
                payment_intent_json(before), pi.customer
            )  # E2
        pm_rules.check_usable(st, default, pi.customer)
        check_fits(pi, default)
        pi = st.mut(pi_id)
        pi.payment_method = default.id
    rec = st.objects[pi.payment_method]
    pm_rules.check_usable(st, rec, pi.customer)
    if pi.automatic_payment_methods == "always" and not off_session and pi.return_url is None:
        raise errors.invalid(  # §9 E22 (API 2023-08-16, §10)
            "A `return_url` must be specified because this Payment Intent is configured to "
            "automatically accept the payment methods enabled in the Dashboard, some of which "
            "may require a full page redirect to succeed. If you do not want to accept "
            "redirect-based payment methods, set `automatic_payment_methods[enabled]` to "
            "`true` and `automatic_payment_methods[allow_redirects]` to `never` when creating "
            "Setup Intents and Payment Intents."
        )
    pi.last_payment_error = None
    pi.off_session = off_session
    outcome, decline = outcome_of(rec, off_session, pi.authenticated)
    if outcome == "action" and p.bool("error_on_requires_action", False):
        raise _action_refused(st, pi_id, rec)  # T11, §9 E11
    if outcome == "succeeds":
        succeed(st, pi_id, "confirm", rec)
    elif outcome == "action":
        with taking(st, pi_id, "confirm", "action"):
            pi = st.mut(pi_id)
            pi.next_action = next_action(pi, rec, pi.return_url)
            timeout = intents.ACTION_TIMEOUT_SECONDS
            if timeout is not None and type_of_pm(rec) == "card":  # T8: card 3DS only
                pi.action_expires_at = st.now + timeout
                st.schedule(pi.action_expires_at, pi_id, "action_expires_at")
    elif outcome == "processing":
        _processing(st, pi_id, rec)
    elif outcome == "auth_required":
        raise decline_attempt(st, pi_id, "confirm", rec, AUTH_REQUIRED, charge_it=False)
    else:
        raise decline_attempt(st, pi_id, "confirm", rec, decline, charge_it=True)
    return json_of(st, pi_id)


def _processing(st: State, pi_id: str, rec: PaymentMethodRec) -> None:
    """T12: a bank debit is submitted; it settles when the clock passes ``process_at``."""
    pi = st.objects[pi_id]
    charge = new_pi_charge(st, pi, rec)
    charge.status, charge.paid = "pending", False
    charge.settle_outcome = "failed" if rec.behavior == "fail" else "succeeded"
    st.add(charge)
    settle_pm(st, pi, rec, True)
    with taking(st, pi_id, "confirm", "processing", charge_pending=charge):
        pi = st.mut(pi_id)
        pi.latest_charge, pi.next_action = charge.id, None
        if rec.behavior != "stay_processing":
            pi.process_at = st.now + intents.PROCESSING_SECONDS
            st.schedule(pi.process_at, pi_id, "process_at")


def confirm(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    pi = payment_intent(st, args[0])
    p = Params(data, {*CONFIRM_KEYS, "client_secret"})
    pm = pm_from(st, p, pi.customer)
    return confirm_attempt(st, pi.id, p, pm)
