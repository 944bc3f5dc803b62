"""PaymentIntents (stripe-intents-domain.md §2, §3, §6, §8): create, update, confirm,
capture, cancel, the customer's authentication, bank debits settling, refunds.

Every status change takes an edge of ``core.lifecycle.tables.PAYMENT_INTENT_TABLE``
(T2…T20, as numbered in §3.2), whose events it fires. A confirm's outcome is decided
first (:func:`_outcome`: the card's behaviour of §8.3/§8.4, or the method's type) and
passed to the table's guards as ``extra["outcome"]``.
"""

from __future__ import annotations

from typing import Any

from core.facts import cards, catalog, errors, intents
from core.lifecycle.tables import Ctx
from core.rules import engine
from core.rules import payment_method as pm_rules
from core.rules.charge import _new_charge
from core.rules.validate import Params, merge_metadata
from core.store.records import (
    CardRec,
    ChargeRec,
    CustomerRec,
    JSONDict,
    PaymentIntentRec,
    PaymentMethodRec,
    RefundRec,
    SourceRec,
)
from core.store.state import State
from core.wire.serialize import payment_intent_json, payment_method_json

Args = tuple[str, ...]
OPEN = ("requires_payment_method", "requires_confirmation", "requires_action")
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
CREATE_KEYS = frozenset(
    {
        *CONFIRM_KEYS,
        "amount",
        "currency",
        "customer",
        "payment_method_types",
        "automatic_payment_methods",
        "confirmation_method",
        "confirm",
        "description",
        "metadata",
        "statement_descriptor",
        "statement_descriptor_suffix",
    }
)
UPDATE_KEYS = frozenset(
    {
        "amount",
        "currency",
        "customer",
        "payment_method",
        "payment_method_data",
        "payment_method_types",
        "capture_method",
        "setup_future_usage",
        "description",
        "metadata",
        "receipt_email",
        "statement_descriptor_suffix",
    }
)
CAPTURE_METHODS = ("automatic", "automatic_async", "manual")
PM_DATA_KEYS = frozenset({"type", "billing_details", "metadata", *intents.PM_TYPES})


def get(st: State, pi_id: str) -> PaymentIntentRec:
    rec = st.get(pi_id)
    if not isinstance(rec, PaymentIntentRec):
        raise errors.no_such_payment_intent(pi_id)  # §9 E23
    return rec


def _customer(st: State, customer_id: str) -> CustomerRec:
    rec = st.get(customer_id)
    if not isinstance(rec, CustomerRec) or rec.deleted:
        raise errors.no_such("customer", customer_id, param="customer")
    return rec


def _types_and_automatic(p: Params, currency: str) -> tuple[tuple[str, ...], str | None]:
    """``payment_method_types``, or the account's methods under automatic payment methods,
    on by default from API 2023-08-16 (§10); returns (types, allow_redirects or None)."""
    types = p.list("payment_method_types")
    apm = p.hash("automatic_payment_methods", {"enabled", "allow_redirects"})
    if types is not None:
        if apm is not None:
            raise errors.invalid(
                "You may only specify one of these parameters: automatic_payment_methods, "
                "payment_method_types.",
                param="payment_method_types",
            )
        for name in types:
            if name not in intents.PM_TYPES:
                raise errors.invalid_enum("payment_method_types", name, intents.PM_TYPES)
        if not types:
            raise errors.invalid_array("payment_method_types")
        return tuple(types), None
    allow = "always"
    if apm is not None:
        if not apm.bool("enabled", False):
            return ("card",), None
        allow = apm.enum("allow_redirects", ("always", "never")) or "always"
    available = tuple(
        t
        for t in intents.PM_TYPES
        if currency in intents.TYPE_CURRENCIES.get(t, frozenset({currency}))
        and (allow == "always" or t not in intents.REDIRECT_TYPES)
    )
    return available, allow


def _pm_from(st: State, p: Params, customer: str | None) -> Any | None:
    """The PaymentMethod a request names (``payment_method`` or ``payment_method_data``)."""
    value = p.str("payment_method")
    data = p.hash("payment_method_data", PM_DATA_KEYS)
    if value and data is not None:
        raise errors.invalid(
            "You may only specify one of these parameters: payment_method, payment_method_data.",
            param="payment_method_data",
        )
    if data is not None:
        type_name = data.enum("type", intents.PM_TYPES, required=True)
        assert type_name is not None
        rec = pm_rules.build(st, data, type_name)
        st.add(rec)
        return rec
    if not value:
        return None
    rec = pm_rules.resolve(st, value)
    pm_rules.check_usable(st, rec, customer)
    return rec


def _pm_type(rec: Any) -> str:
    return rec.type if isinstance(rec, PaymentMethodRec) else "card"


def _check_fits(pi: PaymentIntentRec, rec: Any) -> None:
    pm_type = _pm_type(rec)
    if pm_type not in pi.payment_method_types:
        raise errors.pi_incompatible_method(pm_type, pi.payment_method_types)  # §9 E28
    allowed = intents.TYPE_CURRENCIES.get(pm_type)
    if allowed is not None and pi.currency not in allowed:
        raise errors.pm_currency_mismatch(pm_type, pi.currency)  # §9 E27
    if pi.capture_method == "manual" and pm_type in intents.NO_MANUAL_CAPTURE:
        raise errors.manual_capture_unsupported(pm_type)


def _sfu(p: Params) -> str | None:
    value = p.str("setup_future_usage")
    if value is None:
        return None
    if value == "":
        return ""
    return p.enum("setup_future_usage", ("on_session", "off_session"))


def json_of(st: State, pi_id: str) -> JSONDict:
    return payment_intent_json(st.objects[pi_id])


def create(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    p = Params(data, CREATE_KEYS)
    amount = p.amount("amount", True)
    currency = p.currency("currency", True)
    assert amount is not None and currency is not None
    minimum = catalog.MIN_CHARGE.get(currency, 50)
    if amount < minimum:
        raise errors.amount_too_small("amount", currency, minimum)  # §9 E26
    types, automatic = _types_and_automatic(p, currency)
    customer = p.str("customer") or None
    if customer is not None:
        _customer(st, customer)
    if p.str("statement_descriptor") and "card" in types:
        raise errors.invalid(
            "The statement_descriptor parameter is not supported for the card payment "
            f"method type; use statement_descriptor_suffix instead. {errors.SANDBOX_WORDING}",
            param="statement_descriptor",
        )
    confirm = p.bool("confirm", False)
    if not confirm:
        for key in ("off_session", "return_url", "error_on_requires_action", "mandate_data"):
            if p.has(key):
                raise errors.invalid(f"{key} can only be used when confirm=true.", param=key)
    rec = PaymentIntentRec(
        st.new_id("pi_"),
        st.now,
        amount,
        currency,
        "",
        capture_method=p.enum("capture_method", CAPTURE_METHODS) or "automatic",
        confirmation_method=p.enum("confirmation_method", ("automatic", "manual")) or "automatic",
        customer=customer,
        payment_method_types=types,
        automatic_payment_methods=automatic,
        setup_future_usage=_sfu(p) or None,
        description=p.str("description"),
        metadata=p.metadata() or {},
        receipt_email=p.str("receipt_email"),
        statement_descriptor_suffix=p.str("statement_descriptor_suffix", max_len=22),
    )
    rec.client_secret = f"{rec.id}_secret_{st.ids.token(24)}"
    pm = _pm_from(st, p, customer)
    st.add(rec)
    st.fire("payment_intent.created", rec)  # T1 (T2 with a payment method)
    if pm is not None:
        _check_fits(rec, pm)
        engine.take(st, rec.id, "set_payment_method")  # T2
        st.mut(rec.id).payment_method = pm.id
    if confirm:
        return _confirm(st, rec.id, p, pm)
    return json_of(st, rec.id)


def retrieve(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    Params(data, {"client_secret"})
    return payment_intent_json(get(st, args[0]))


def update(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    rec = get(st, args[0])
    p = Params(data, UPDATE_KEYS)
    before = rec
    is_open = rec.status in OPEN
    for field in ("payment_method", "amount"):
        if (p.has(field) or (field == "payment_method" and p.has("payment_method_data"))) and (
            not is_open
        ):
            raise errors.pi_update_field(field, rec.status, payment_intent_json(before))  # E3/E4
    for field in ("currency", "payment_method_types", "capture_method", "customer"):
        if p.has(field) and not is_open:
            raise errors.pi_update_field(field, rec.status, payment_intent_json(before))
    amount = p.amount("amount")
    currency = p.currency("currency")
    customer = p.str("customer")
    if customer:
        _customer(st, customer)
    types = p.list("payment_method_types")
    capture_method = p.enum("capture_method", CAPTURE_METHODS)
    sfu = _sfu(p)
    metadata = p.metadata()
    pm = _pm_from(st, p, customer if customer is not None else rec.customer)
    rec = st.mut(rec.id)
    rec.last_payment_error = None  # §3.6: any update clears it
    if currency is not None:
        rec.currency = currency
    if amount is not None:
        minimum = catalog.MIN_CHARGE.get(rec.currency, 50)
        if amount < minimum:
            raise errors.amount_too_small("amount", rec.currency, minimum)
        rec.amount = amount
    if customer is not None:
        rec.customer = customer or None
    if types is not None:
        for name in types:
            if name not in intents.PM_TYPES:
                raise errors.invalid_enum("payment_method_types", name, intents.PM_TYPES)
        rec.payment_method_types, rec.automatic_payment_methods = tuple(types), None
    if capture_method is not None:
        rec.capture_method = capture_method
    if sfu is not None:
        rec.setup_future_usage = sfu or None
    for key in ("description", "receipt_email", "statement_descriptor_suffix"):
        value = p.str(key)
        if value is not None:
            setattr(rec, key, value or None)
    rec.metadata = merge_metadata(rec.metadata, metadata, data.get("metadata"))
    if pm is not None:
        _check_fits(rec, pm)
        if rec.status != "requires_confirmation":  # T2 / T2-ra: a new PM needs a new confirm
            engine.take(st, rec.id, "set_payment_method")
        rec = st.mut(rec.id)
        rec.payment_method, rec.next_action, rec.authenticated = pm.id, None, False
    return json_of(st, rec.id)


# --- confirm ----------------------------------------------------------------------------


def _card_key(rec: Any) -> str:
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
    pm_type = _pm_type(rec)
    if pm_type in intents.ASYNC_TYPES:
        return "processing", None
    if pm_type in intents.REDIRECT_TYPES:
        return ("succeeds", None) if authenticated else ("action", None)
    key = _card_key(rec)
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


def _settle_pm(st: State, pi: PaymentIntentRec, rec: Any, success: bool) -> None:
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


def _new_pi_charge(st: State, pi: PaymentIntentRec, rec: Any) -> ChargeRec:
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
    test = cards.BY_KEY.get(_card_key(rec))
    if test is not None:
        charge.risk_level = test.risk_level
    return charge


def _error_of(
    st: State, decline: cards.Decline, charge: str | None, pm: Any, type_: str
) -> JSONDict:
    error: JSONDict = {"charge": charge} if charge else {}
    error.update(
        code=decline.code,
        decline_code=decline.decline_code,
        doc_url=f"https://stripe.com/docs/error-codes/{decline.code.replace('_', '-')}",
        message=decline.message,
        payment_method=_pm_json(st, pm),
        type=type_,
    )
    if error["decline_code"] is None:
        del error["decline_code"]
    return error


def _pm_json(st: State, rec: Any) -> JSONDict:
    if isinstance(rec, PaymentMethodRec):
        return payment_method_json(rec)
    return pm_rules.legacy_view(st, rec)


def _taking(st: State, pi_id: str, trigger: str, outcome: str, **targets: Any) -> engine.Step:
    """The edge ``trigger`` takes for this ``outcome``; its events fire as the block ends."""
    rec = st.objects[pi_id]
    return engine.taking(st, pi_id, trigger, Ctx(rec, extra={"outcome": outcome}), **targets)


def _succeed(st: State, pi_id: str, trigger: str, rec: Any) -> None:
    """T3/T4 (or T6/T6c after authentication): the card is authorized, a Charge exists."""
    pi = st.objects[pi_id]
    charge = _new_pi_charge(st, pi, rec)
    manual = pi.capture_method == "manual"
    if manual:
        charge.captured, charge.amount_captured = False, 0
        charge.capture_expires_at = st.now + intents.HOLD_SECONDS
        st.schedule(charge.capture_expires_at, charge.id, "capture_expires_at")
    st.add(charge)
    _settle_pm(st, pi, rec, True)
    with _taking(st, pi_id, trigger, "succeeds", charge_succeeded=charge):
        pi = st.mut(pi_id)
        pi.latest_charge, pi.next_action, pi.last_payment_error = charge.id, None, None
        pi.payment_method = rec.id
        if manual:
            pi.amount_capturable = pi.amount
        else:
            pi.amount_received = pi.amount


def _decline(
    st: State, pi_id: str, trigger: str, rec: Any, decline: cards.Decline, charge_it: bool
) -> errors.StripeError:
    """T9/T10/T6d: declined; a failed Charge (not for T10); the 402 carries the PI (§3.4)."""
    pi = st.objects[pi_id]
    charge: ChargeRec | None = None
    if charge_it:
        charge = _new_pi_charge(st, pi, rec)
        charge.status, charge.paid, charge.captured, charge.amount_captured = (
            "failed",
            False,
            False,
            0,
        )
        charge.failure_code, charge.failure_message = decline.code, decline.message
        charge.decline_code = decline.decline_code
        st.add(charge)
    _settle_pm(st, pi, rec, False)
    outcome = "declines" if charge_it else "auth_required"
    with _taking(st, pi_id, trigger, outcome, charge_failed=charge):
        pi = st.mut(pi_id)
        pi.last_payment_error = _error_of(
            st, decline, charge.id if charge else None, st.objects.get(rec.id, rec), "card_error"
        )
        pi.payment_method, pi.next_action, pi.authenticated = None, None, False  # §3.6
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
    err.error["payment_method"] = _pm_json(st, st.objects.get(rec.id, rec))
    err.keep_state = True  # the PI moved and a failed Charge exists (§3.2 T9)
    return err


AUTH_REQUIRED = cards.Decline("authentication_required", errors.AUTH_REQUIRED_MESSAGE)


def _next_action(pi: PaymentIntentRec, rec: Any, return_url: str | None) -> JSONDict:
    url = intents.AUTH_URL.format(pi.id)
    if return_url is not None or _pm_type(rec) in intents.REDIRECT_TYPES:
        return {
            "redirect_to_url": {"return_url": return_url, "url": url},
            "type": "redirect_to_url",
        }
    return {
        "type": "use_stripe_sdk",
        "use_stripe_sdk": {"type": "three_d_secure_redirect", "stripe_js": url},
    }


def _confirm(st: State, pi_id: str, p: Params, pm: Any | None) -> JSONDict:
    pi = st.objects[pi_id]
    before = pi.__copy__()  # the PaymentIntent an error body shows (the request rolls back)
    if pi.status == "succeeded":
        raise errors.pi_confirm_succeeded(payment_intent_json(before))  # §9 E1
    if pi.status not in OPEN:
        if pm is not None:
            raise errors.pi_update_field(  # §9 E3
                "payment_method", pi.status, payment_intent_json(before)
            )
        raise errors.pi_confirm_status(payment_intent_json(before), pi.status)  # §9 E3b
    raw_off = p.str("off_session")
    off_session = raw_off in ("one_off", "recurring") or p.bool("off_session", False)
    if raw_off in ("one_off", "recurring"):
        off_session = True
    return_url = p.str("return_url")
    sfu = _sfu(p)
    capture_method = p.enum("capture_method", CAPTURE_METHODS)
    pi = st.mut(pi_id)
    if sfu is not None:
        pi.setup_future_usage = sfu or None
    if capture_method is not None:
        pi.capture_method = capture_method
    if return_url is not None:
        pi.return_url = return_url
    if pm is not None and pi.payment_method != pm.id:
        _check_fits(pi, pm)
        if pi.status == "requires_action":
            engine.take(st, pi_id, "set_payment_method")  # T2-ra
        pi = st.mut(pi_id)
        pi.payment_method, pi.authenticated = pm.id, False
    if pi.payment_method is None:
        cus = st.get(pi.customer) if pi.customer else None
        default = (
            st.get(cus.default_source)
            if isinstance(cus, CustomerRec) and cus.default_source
            else None
        )
        if default is None:  # §6.1: only default_source is a fallback, not invoice_settings
            raise errors.pi_missing_payment_method(payment_intent_json(before), pi.customer)  # E2
        pm_rules.check_usable(st, default, pi.customer)
        _check_fits(pi, default)
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
        raise errors.invalid(  # §9 E11 (message and resulting status unverified)
            f"This payment requires an action from the customer. {errors.SANDBOX_WORDING}",
            code="payment_intent_action_required",
        )
    if outcome == "succeeds":
        _succeed(st, pi_id, "confirm", rec)
    elif outcome == "action":
        with _taking(st, pi_id, "confirm", "action"):
            pi = st.mut(pi_id)
            pi.next_action = _next_action(pi, rec, pi.return_url)
    elif outcome == "processing":
        _processing(st, pi_id, rec)
    elif outcome == "auth_required":
        raise _decline(st, pi_id, "confirm", rec, AUTH_REQUIRED, charge_it=False)
    else:
        raise _decline(st, pi_id, "confirm", rec, decline, charge_it=True)
    return json_of(st, pi_id)


def _processing(st: State, pi_id: str, rec: PaymentMethodRec) -> None:
    """T12: a bank debit is submitted; it settles when the clock passes ``process_at``."""
    pi = st.objects[pi_id]
    charge = _new_pi_charge(st, pi, rec)
    charge.status, charge.paid = "pending", False
    charge.settle_outcome = "failed" if rec.behavior == "fail" else "succeeded"
    st.add(charge)
    _settle_pm(st, pi, rec, True)
    with _taking(st, pi_id, "confirm", "processing", charge_pending=charge):
        pi = st.mut(pi_id)
        pi.latest_charge, pi.next_action = charge.id, None
        if rec.behavior != "stay_processing":
            pi.process_at = st.now + intents.PROCESSING_SECONDS
            st.schedule(pi.process_at, pi_id, "process_at")


def confirm(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    pi = get(st, args[0])
    p = Params(data, {*CONFIRM_KEYS, "client_secret"})
    pm = _pm_from(st, p, pi.customer)
    return _confirm(st, pi.id, p, pm)


# --- after confirm ------------------------------------------------------------------------


def authenticate(st: State, pi_id: str, success: bool) -> JSONDict:
    """Simulator-only: the customer completes (T6/T6c/T6m/T6d) or fails (T7) the 3DS or
    redirect step of a PaymentIntent in ``requires_action`` (§8.6)."""
    pi = st.objects[pi_id]
    rec = st.objects[pi.payment_method]
    if not success:
        _settle_pm(st, pi, rec, False)
        with _taking(st, pi_id, "authenticate", "fails"):
            pi = st.mut(pi_id)
            pi.last_payment_error = {
                "code": "payment_intent_authentication_failure",
                "doc_url": "https://stripe.com/docs/error-codes/payment-intent-authentication-failure",
                "message": errors.PI_AUTH_FAILURE,
                "payment_method": _pm_json(st, st.objects[rec.id]),
                "type": "invalid_request_error",  # intents §14: type unverified
            }
            pi.payment_method, pi.next_action = None, None
        return json_of(st, pi_id)
    outcome, decline = outcome_of(rec, False, authenticated=True)
    if outcome == "declines":
        err = _decline(st, pi_id, "authenticate", rec, decline, charge_it=True)
        del err  # the customer's side sees the PI; a server-side confirm would get the 402
        return json_of(st, pi_id)
    if pi.confirmation_method == "manual":
        with _taking(st, pi_id, "authenticate", "succeeds"):  # T6m
            pi = st.mut(pi_id)
            pi.next_action, pi.authenticated = None, True
        return json_of(st, pi_id)
    _succeed(st, pi_id, "authenticate", rec)
    return json_of(st, pi_id)


def settle(st: State, pi_id: str) -> None:
    """T13/T14: the clock passed ``process_at``; the bank debit settles or fails."""
    pi = st.mut(pi_id)
    pi.process_at = None
    charge = st.objects[pi.latest_charge]
    ok = charge.settle_outcome != "failed"
    with engine.taking(st, charge.id, "settle"):  # C1/C2 fire the charge's event
        charge = st.mut(charge.id)
        if ok:
            charge.status, charge.paid = "succeeded", True
        else:
            charge.status, charge.paid = "failed", False
            charge.failure_code = "payment_method_provider_decline"
            charge.failure_message = "The payment could not be collected from the bank account."
    outcome = "succeeds" if ok else "declines"
    with _taking(st, pi_id, "settle", outcome):
        pi = st.mut(pi_id)
        if ok:
            pi.amount_received = pi.amount
            return
        pm = st.objects[pi.payment_method]
        pi.last_payment_error = {  # §3.6: the 2019 sample event's shape
            "charge": charge.id,
            "code": "payment_intent_payment_attempt_failed",
            "doc_url": "https://stripe.com/docs/error-codes/payment-intent-payment-attempt-failed",
            "message": "The payment failed.",
            "payment_method": _pm_json(st, pm),
            "type": "invalid_request_error",
        }
        pi.payment_method = None


def capture(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    pi = get(st, args[0])
    p = Params(
        data,
        {"amount_to_capture", "statement_descriptor_suffix", "metadata", "final_capture"},
    )
    amount = p.amount("amount_to_capture")
    if pi.status != "requires_capture":  # §3.3, §9 E5/E5b/E5c
        captured = pi.status == "succeeded" and pi.capture_method == "manual"
        raise errors.pi_capture_status(pi.status, payment_intent_json(pi), captured)
    amount = pi.amount_capturable if amount is None else amount
    if amount > pi.amount_capturable:
        raise errors.pi_capture_too_much(amount, pi.amount_capturable)  # §9 E6
    metadata = p.metadata()
    charge_id = str(pi.latest_charge)
    with engine.taking(st, charge_id, "capture"):  # C3: charge.captured
        charge = st.mut(charge_id)
        charge.captured, charge.amount_captured, charge.capture_expires_at = True, amount, None
        if amount < charge.amount:  # §3.2 T15: a partial capture releases the rest
            charge.amount_refunded = charge.amount - amount
    with engine.taking(st, pi.id, "capture"):
        pi = st.mut(pi.id)
        pi.amount_received, pi.amount_capturable = amount, 0
        pi.metadata = merge_metadata(pi.metadata, metadata, data.get("metadata"))
    return json_of(st, pi.id)


def _release(st: State, charge_id: str) -> ChargeRec:
    """The uncaptured Charge of a canceled PaymentIntent is refunded (C5)."""
    charge: ChargeRec = st.objects[charge_id]
    refund = RefundRec(
        st.new_id("re_"),
        st.now,
        charge.amount - charge.amount_refunded,
        charge.currency,
        charge_id,
        "succeeded",
        payment_intent=charge.payment_intent,
    )
    st.add(refund)
    with engine.taking(st, charge_id, "refund"):  # C5: charge.refunded
        charge = st.mut(charge_id)
        charge.capture_expires_at = None
        charge.amount_refunded, charge.refunded = charge.amount, True
        charge.refunds = (*charge.refunds, refund.id)
    return charge


def cancel(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    pi = get(st, args[0])
    p = Params(data, {"cancellation_reason"})
    reason = p.enum("cancellation_reason", intents.CANCEL_REASONS)
    if pi.status in ("succeeded", "canceled"):
        raise errors.pi_cancel_status(pi.status, payment_intent_json(pi))  # §9 E7
    pm = st.get(pi.payment_method) if pi.payment_method else None
    if pi.status == "processing" and _pm_type(pm) != "us_bank_account":
        raise errors.pi_cancel_processing(_pm_type(pm), payment_intent_json(pi))  # §13.9
    others: dict[str, Any] = {}
    if pi.status == "requires_capture":
        _release(st, str(pi.latest_charge))
    if pi.status == "processing":
        charge = st.mut(str(pi.latest_charge))
        charge.settle_outcome = "failed"
        with engine.taking(st, charge.id, "settle"):  # C2: not collected, charge.failed
            charge = st.mut(charge.id)
            charge.status, charge.paid = "failed", False
            charge.failure_code = "payment_intent_canceled"  # sandbox choice
            charge.failure_message = "The PaymentIntent was canceled while processing."
    with engine.taking(st, pi.id, "cancel", Ctx(pi, extra={"payment_method": pm}), **others):
        pi = st.mut(pi.id)
        pi.canceled_at, pi.cancellation_reason = st.now, reason
        pi.next_action, pi.amount_capturable, pi.process_at = None, 0, None
    return json_of(st, pi.id)


def hold_expired(st: State, pi_id: str) -> None:
    """T17: the 7-day authorization ran out (the Charge's C4 already fired charge.expired)."""
    pi = st.objects.get(pi_id)
    if not isinstance(pi, PaymentIntentRec) or pi.status != "requires_capture":
        return
    with engine.taking(st, pi_id, "expire"):  # after the Charge's C4 (charge.expired)
        pi = st.mut(pi_id)
        pi.canceled_at, pi.cancellation_reason, pi.amount_capturable = st.now, "automatic", 0


def list_all(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    p = Params(data, {"limit", "starting_after", "ending_before", "customer", "created"})
    customer = p.str("customer")
    limit = p.int("limit")
    limit = 10 if limit is None else limit
    if not 1 <= limit <= 100:
        raise errors.invalid("Invalid limit: must be between 1 and 100", param="limit")
    ids = [
        i
        for i in reversed(st.order.get("payment_intent", []))
        if customer is None or st.objects[i].customer == customer
    ]
    after = p.str("starting_after")
    if after is not None:
        if after not in ids:
            raise errors.no_such_payment_intent(after)
        ids = ids[ids.index(after) + 1 :]
    return {
        "object": "list",
        "data": [payment_intent_json(st.objects[i]) for i in ids[:limit]],
        "has_more": len(ids) > limit,
        "url": "/v1/payment_intents",
    }
