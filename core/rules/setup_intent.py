"""SetupIntents (stripe-intents-domain.md §5): save a PaymentMethod for later without
paying. Edges S1…S8 of ``core.lifecycle.tables.SETUP_INTENT_TABLE``; success attaches
the PaymentMethod to the SetupIntent's customer (§5.3) and remembers it as set up, so a
card such as …3155 later pays off-session without authentication (§8.4).
"""

from __future__ import annotations

from typing import Any

from core.facts import cards, errors, intent_errors, intents
from core.lifecycle.tables import Ctx
from core.rules import engine, intent_params
from core.rules import payment_method as pm_rules
from core.rules.validate import Params, merge_metadata
from core.store.records import CustomerRec, JSONDict, PaymentMethodRec, SetupIntentRec
from core.store.state import State
from core.wire.intents import payment_method_json, setup_intent_json

Args = tuple[str, ...]
OPEN = intent_params.OPEN
SI_TYPES = ("card", "sepa_debit", "us_bank_account")
CONFIRM_KEYS = frozenset(
    {"payment_method", "payment_method_data", "return_url", "mandate_data", "use_stripe_sdk"}
)
CREATE_KEYS = frozenset(
    {
        *CONFIRM_KEYS,
        "customer",
        "usage",
        "confirm",
        "payment_method_types",
        "automatic_payment_methods",
        "description",
        "metadata",
    }
)
UPDATE_KEYS = frozenset(
    {"customer", "payment_method", "payment_method_types", "description", "metadata"}
)


def get(st: State, si_id: str) -> SetupIntentRec:
    rec = st.get(si_id)
    if not isinstance(rec, SetupIntentRec):
        raise intent_errors.no_such_setup_intent(si_id)
    return rec


def _pm(st: State, p: Params, customer: str | None) -> PaymentMethodRec | None:
    rec = intent_params.pm_from(st, p, customer)
    if rec is None:
        return None
    if not isinstance(rec, PaymentMethodRec):
        return None if rec is None else _legacy_refused()
    if rec.type not in SI_TYPES:
        raise errors.invalid(
            f"The sandbox does not set up {rec.type} PaymentMethods: Stripe saves them as a "
            f"generated sepa_debit PaymentMethod (§4.2), which is not simulated. "
            f"{errors.SANDBOX_WORDING}",
            code="setup_intent_invalid_parameter",
            param="payment_method",
        )
    return rec


def _legacy_refused() -> PaymentMethodRec:
    raise errors.invalid(
        "A saved Card or Source is already set up for its customer: a SetupIntent takes a "
        f"PaymentMethod (pm_…). {errors.SANDBOX_WORDING}",
        code="setup_intent_invalid_parameter",
        param="payment_method",
    )


def create(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    p = Params(data, CREATE_KEYS)
    customer = p.str("customer") or None
    if customer is not None:
        cus = st.get(customer)
        if not isinstance(cus, CustomerRec) or cus.deleted:
            raise errors.no_such("customer", customer, param="customer")
    types, automatic = intent_params.types_and_automatic(p, "usd")
    if automatic is not None:
        types = tuple(t for t in types if t in SI_TYPES) or ("card",)
    confirm = p.bool("confirm", False)
    if not confirm and p.has("return_url"):
        raise errors.invalid("return_url can only be used when confirm=true.", param="return_url")
    rec = SetupIntentRec(
        st.new_id("seti_"),
        st.now,
        "",
        usage=p.enum("usage", ("off_session", "on_session")) or "off_session",
        customer=customer,
        payment_method_types=types,
        automatic_payment_methods=automatic,
        description=p.str("description"),
        metadata=p.metadata() or {},
    )
    rec.client_secret = f"{rec.id}_secret_{st.ids.token(24)}"
    pm = _pm(st, p, customer)
    st.add(rec)
    st.fire("setup_intent.created", rec)  # S1
    if pm is not None:
        engine.take(st, rec.id, "set_payment_method")
        st.mut(rec.id).payment_method = pm.id
    if confirm:
        return _confirm(st, rec.id, p)
    return setup_intent_json(st.objects[rec.id])


def retrieve(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    Params(data, {"client_secret"})
    return setup_intent_json(get(st, args[0]))


def update(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    rec = get(st, args[0])
    p = Params(data, UPDATE_KEYS)
    if rec.status not in OPEN:
        raise intent_errors.si_state(
            f"This SetupIntent cannot be updated because it has a status of {rec.status}.",
            setup_intent_json(rec),
        )
    customer = p.str("customer")
    if customer:
        intent_params.customer_of(st, customer)
    metadata = p.metadata()
    pm = _pm(st, p, customer if customer is not None else rec.customer)
    rec = st.mut(rec.id)
    rec.last_setup_error = None
    if customer is not None:
        rec.customer = customer or None
    description = p.str("description")
    if description is not None:
        rec.description = description or None
    rec.metadata = merge_metadata(rec.metadata, metadata, data.get("metadata"))
    if pm is not None:
        if rec.status != "requires_confirmation":
            if rec.status == "requires_action":
                raise intent_errors.si_state(
                    "Confirm this SetupIntent again with the new payment_method instead.",
                    setup_intent_json(rec),
                )
            engine.take(st, rec.id, "set_payment_method")
        rec = st.mut(rec.id)
        rec.payment_method, rec.next_action = pm.id, None
    return setup_intent_json(st.objects[rec.id])


def _taking(st: State, si_id: str, trigger: str, outcome: str) -> engine.Step:
    """The edge ``trigger`` takes for this ``outcome``; its events fire as the block ends."""
    return engine.taking(st, si_id, trigger, Ctx(st.objects[si_id], extra={"outcome": outcome}))


def _succeed(st: State, si_id: str, trigger: str) -> None:
    """S2/S4: the PaymentMethod is set up; attached to the customer if there is one."""
    si = st.objects[si_id]
    pm = st.objects[si.payment_method]
    if si.customer is not None and pm.status == "unattached":
        pm_rules.attach_to(st, pm.id, si.customer)
    st.mut(pm.id).set_up = True
    with _taking(st, si_id, trigger, "succeeds"):
        si = st.mut(si_id)
        si.next_action, si.last_setup_error = None, None


def _confirm(st: State, si_id: str, p: Params) -> JSONDict:
    si = st.objects[si_id]
    si_json = setup_intent_json(si)
    if si.status not in OPEN:
        raise intent_errors.si_state(
            f"You cannot confirm this SetupIntent because it has a status of {si.status}.",
            si_json,
        )
    return_url = p.str("return_url")
    si = st.mut(si_id)
    if return_url is not None:
        si.return_url = return_url
    if si.payment_method is None:
        raise intent_errors.si_state(
            "You cannot confirm this SetupIntent because it's missing a payment method.",
            si_json,
        )
    pm = st.objects[si.payment_method]
    pm_rules.check_usable(st, pm, si.customer)
    if si.automatic_payment_methods == "always" and si.return_url is None:
        raise errors.invalid(  # §9 E22 applies to SetupIntents too
            "A `return_url` must be specified because this Setup Intent is configured to "
            "automatically accept the payment methods enabled in the Dashboard, some of which "
            "may require a full page redirect to succeed. If you do not want to accept "
            "redirect-based payment methods, set `automatic_payment_methods[enabled]` to "
            "`true` and `automatic_payment_methods[allow_redirects]` to `never` when creating "
            "Setup Intents and Payment Intents."
        )
    si.last_setup_error = None
    outcome, decline = _outcome(pm)
    if outcome == "succeeds":
        _succeed(st, si_id, "confirm")
    elif outcome == "action":
        with _taking(st, si_id, "confirm", "action"):
            si = st.mut(si_id)
            url = intents.AUTH_URL.format(si_id)
            si.next_action = (
                {
                    "redirect_to_url": {"return_url": si.return_url, "url": url},
                    "type": "redirect_to_url",
                }
                if si.return_url is not None
                else {
                    "type": "use_stripe_sdk",
                    "use_stripe_sdk": {"type": "three_d_secure_redirect"},
                }
            )
    else:
        assert decline is not None
        raise _decline(st, si_id, "confirm", pm, decline)
    return setup_intent_json(st.objects[si_id])


def _outcome(pm: PaymentMethodRec) -> tuple[str, cards.Decline | None]:
    """§5.2: cards that need authentication on setup go to requires_action (S3); decline
    cards are declined (S6); bank methods succeed at once (intents.UNVERIFIED)."""
    if pm.card is None:
        return "succeeds", None
    test = cards.BY_KEY[pm.card.key]
    auth = intents.authentication_of(pm.card.key)
    if auth.confirm_decline is not None or (test.charge_decline and not test.attach_ok):
        decline = auth.confirm_decline or test.charge_decline
        assert decline is not None
        if decline is cards.INCORRECT_CVC and not pm.card.cvc_provided:
            return "succeeds", None
        return "declines", decline
    if auth.on_session == "action":
        return "action", None
    return "succeeds", None


def _decline(
    st: State, si_id: str, trigger: str, pm: PaymentMethodRec, decline: cards.Decline
) -> errors.StripeError:
    """S6: declined; last_setup_error; the 402 carries the SetupIntent."""
    with _taking(st, si_id, trigger, "declines"):
        si = st.mut(si_id)
        error: JSONDict = {
            "code": decline.code,
            "decline_code": decline.decline_code,
            "doc_url": f"https://stripe.com/docs/error-codes/{decline.code.replace('_', '-')}",
            "message": decline.message,
            "payment_method": payment_method_json(pm),
            "type": "card_error",
        }
        if decline.decline_code is None:
            del error["decline_code"]
        si.last_setup_error, si.payment_method, si.next_action = error, None, None
    err = errors.card_error(
        decline.message, code=decline.code, param=decline.param, decline_code=decline.decline_code
    )
    err.error["setup_intent"] = setup_intent_json(si)
    err.error["payment_method"] = payment_method_json(pm)
    err.keep_state = True
    return err


def confirm(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    si = get(st, args[0])
    p = Params(data, {*CONFIRM_KEYS, "client_secret"})
    if si.status not in OPEN:
        raise intent_errors.si_state(
            f"You cannot confirm this SetupIntent because it has a status of {si.status}.",
            setup_intent_json(si),
        )
    pm = _pm(st, p, si.customer)
    if pm is not None and pm.id != si.payment_method:
        if si.status == "requires_payment_method":
            engine.take(st, si.id, "set_payment_method")
        st.mut(si.id).payment_method = pm.id
    return _confirm(st, si.id, p)


def authenticate(st: State, si_id: str, success: bool) -> JSONDict:
    """Simulator-only: S4 (the customer authenticates) or S5 (fails), §8.6."""
    si = st.objects[si_id]
    if success:
        _succeed(st, si_id, "authenticate")
        return setup_intent_json(st.objects[si_id])
    pm = st.objects[si.payment_method]
    with _taking(st, si_id, "authenticate", "fails"):
        si = st.mut(si_id)
        si.last_setup_error = {
            "code": "setup_intent_authentication_failure",
            "doc_url": "https://stripe.com/docs/error-codes/setup-intent-authentication-failure",
            "message": intent_errors.SI_AUTH_FAILURE,
            "payment_method": payment_method_json(pm),
            "type": "invalid_request_error",
        }
        si.payment_method, si.next_action = None, None
    return setup_intent_json(si)


def cancel(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    si = get(st, args[0])
    p = Params(data, {"cancellation_reason"})
    reason = p.enum("cancellation_reason", intents.SI_CANCEL_REASONS)
    if si.status not in OPEN:  # §5.2 S8
        raise intent_errors.si_state(
            f"You cannot cancel this SetupIntent because it has a status of {si.status}.",
            setup_intent_json(si),
        )
    with engine.taking(st, si.id, "cancel"):
        si = st.mut(si.id)
        si.cancellation_reason, si.next_action = reason, None
    return setup_intent_json(si)


def list_all(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    p = Params(data, {"limit", "starting_after", "ending_before", "customer", "payment_method"})
    customer, pm = p.str("customer"), p.str("payment_method")
    limit = p.int("limit")
    limit = 10 if limit is None else limit
    if not 1 <= limit <= 100:
        raise errors.invalid("Invalid limit: must be between 1 and 100", param="limit")
    ids = [
        i
        for i in reversed(st.order.get("setup_intent", []))
        if (customer is None or st.objects[i].customer == customer)
        and (pm is None or st.objects[i].payment_method == pm)
    ]
    after = p.str("starting_after")
    if after is not None:
        if after not in ids:
            raise intent_errors.no_such_setup_intent(after)
        ids = ids[ids.index(after) + 1 :]
    return {
        "object": "list",
        "data": [setup_intent_json(st.objects[i]) for i in ids[:limit]],
        "has_more": len(ids) > limit,
        "url": "/v1/setup_intents",
    }
