"""The error catalogue of stripe-intents-domain.md §9 (PaymentMethods, PaymentIntents,
SetupIntents), as named constructors of :class:`core.facts.errors.StripeError`.

Messages Stripe never published end with :data:`core.facts.errors.SANDBOX_WORDING`.
"""

from __future__ import annotations

from typing import Any

from core.facts.errors import SANDBOX_WORDING, StripeError, invalid, no_such


def _with(err: StripeError, **objects: Any) -> StripeError:
    """``err`` carrying the objects Stripe puts in the error body (``payment_intent``...)."""
    for key, value in objects.items():
        if value is not None:
            err.error[key] = value
    return err


def no_such_payment_method(object_id: str, param: str | None = None) -> StripeError:
    """§6.1: ``No such PaymentMethod: 'pm_…'``."""
    return invalid(
        f"No such PaymentMethod: '{object_id[:80]}'",
        code="resource_missing",
        param=param,
        status=404 if param is None else 400,
    )


def no_such_payment_intent(object_id: str) -> StripeError:
    """§9 E23 (the ``param`` is unverified: none is sent)."""
    return no_such("payment_intent", object_id)


def no_such_setup_intent(object_id: str) -> StripeError:
    return no_such("setup_intent", object_id)


def pm_reuse(pi: dict[str, Any] | None = None) -> StripeError:
    """§9 E12: a PaymentMethod used without a customer (or detached) used again."""
    return _with(
        invalid(
            "The provided PaymentMethod was previously used with a PaymentIntent without "
            "Customer attachment, shared with a connected account without Customer "
            "attachment, or was detached from a Customer. It may not be used again. To use "
            "a PaymentMethod multiple times, you must attach it to a Customer first.",
            param="payment_method",
        ),
        payment_intent=pi,
    )


def pm_attach_used() -> StripeError:
    """§9 E13: attach a used or detached PaymentMethod."""
    return invalid(
        "This PaymentMethod was previously used without being attached to a Customer or "
        "was detached from a Customer, and may not be used again."
    )


def pm_not_customers(pm_id: str) -> StripeError:
    """§9 E14: the PaymentIntent's customer does not own this PaymentMethod."""
    return invalid(
        f"The customer does not have a payment method with the ID {pm_id[:80]}. The "
        "payment method must be attached to the customer.",
        param="payment_method",
    )


def pm_detach_unattached() -> StripeError:
    """§9 E15."""
    return invalid(
        "The payment method you provided is not attached to a customer so detachment is impossible."
    )


def pm_update_unattached() -> StripeError:
    """§9 E17."""
    return invalid("You must save this PaymentMethod to a customer before you can update it")


def pm_in_open_attempt(pm_id: str, intent_id: str, status: str) -> StripeError:
    """Attach or detach while an intent's attempt with the PaymentMethod is open (a sandbox
    choice: the reference does not say what Stripe does, intents §4.4)."""
    return invalid(
        f"The payment method {pm_id[:80]} is in use by {intent_id[:80]}, which is {status}; "
        f"attach or detach it once that attempt ends. {SANDBOX_WORDING}",
        param="payment_method",
    )


def pm_other_customer(pm_id: str, customer: str) -> StripeError:
    """Attach to a second customer: refused (§4.4 unverified; one customer at a time)."""
    return invalid(
        f"The payment method {pm_id[:80]} is already attached to customer {customer}; a "
        "PaymentMethod belongs to one customer at a time, and a detached one cannot be used "
        f"again. {SANDBOX_WORDING}",
        param="customer",
    )


def token_as_payment_method(token_id: str, attach: bool = False) -> StripeError:
    """§6.1 / §9 E19: a ``tok_`` is not a PaymentMethod."""
    if attach:
        return invalid(
            "A token may not be passed in as a PaymentMethod. Instead, create a "
            "PaymentMethod or convert your token to a PaymentMethod by setting the "
            f"`card[token]` parameter to {token_id[:80]}."
        )
    return invalid(
        "A token may not be passed in as a PaymentMethod. Instead, use payment_method_data "
        f"with type=card and card[token]={token_id[:80]}.",
        param="payment_method",
    )


def source_must_be_attached() -> StripeError:
    """§6.1 / §9 E20: an unattached ``card_``/``src_`` as ``payment_method``."""
    return invalid(
        "A source must be attached to a customer to be used as a `payment_method`.",
        param="payment_method",
    )


def pi_state(message: str, pi: dict[str, Any] | None = None) -> StripeError:
    """§3.3: an operation the PaymentIntent's status does not allow."""
    return _with(invalid(message, code="payment_intent_unexpected_state"), payment_intent=pi)


def pi_confirm_succeeded(pi: dict[str, Any]) -> StripeError:
    """§9 E1."""
    return pi_state(
        "You cannot confirm this PaymentIntent because it has already succeeded after "
        "being previously confirmed.",
        pi,
    )


def pi_missing_payment_method(pi: dict[str, Any], customer: str | None = None) -> StripeError:
    """§9 E2; with a customer and no default source, the §6.1 wording."""
    if customer is not None:
        return pi_state(
            "You cannot confirm this PaymentIntent because it's missing a payment method. "
            f"To confirm the PaymentIntent with {customer}, specify a payment method "
            "attached to this customer along with the customer ID.",
            pi,
        )
    return pi_state(
        "You cannot confirm this PaymentIntent because it's missing a payment method. You "
        "can either update the PaymentIntent with a payment method and then confirm it "
        "again, or confirm it again directly with a payment method.",
        pi,
    )


def pi_confirm_status(pi: dict[str, Any], status: str) -> StripeError:
    """§9 E3b: confirm a canceled/processing/requires_capture PaymentIntent (wording 3p)."""
    return pi_state(
        f"You cannot confirm this PaymentIntent because it has a status of {status}. "
        f"{SANDBOX_WORDING}",
        pi,
    )


OPEN_STATUSES = "requires_payment_method, requires_confirmation, requires_action"


def pi_update_field(field: str, status: str, pi: dict[str, Any]) -> StripeError:
    """§9 E3 (payment_method) and E4 (amount); the code is unverified (the expected one)."""
    return pi_state(
        f"This PaymentIntent's {field} could not be updated because it has a status of "
        f"{status}. You may only update the {field} of a PaymentIntent with one of the "
        f"following statuses: {OPEN_STATUSES}.",
        pi,
    )


def pi_capture_status(status: str, pi: dict[str, Any], captured: bool) -> StripeError:
    """§9 E5 / E5b / E5c."""
    if captured:
        return pi_state(
            "This PaymentIntent could not be captured because it has already been captured.", pi
        )
    return pi_state(
        f"This PaymentIntent could not be captured because it has a status of {status}. "
        "Only a PaymentIntent with one of the following statuses may be captured: "
        "requires_capture.",
        pi,
    )


def pi_capture_too_much(amount: int, capturable: int) -> StripeError:
    """§9 E6: code from a third party, message and param unverified."""
    return invalid(
        f"The amount_to_capture ({amount}) is greater than the amount capturable "
        f"({capturable}). {SANDBOX_WORDING}",
        code="amount_too_large",
        param="amount_to_capture",
    )


def pi_cancel_status(status: str, pi: dict[str, Any]) -> StripeError:
    """§9 E7 (the code is unverified in quoted bodies)."""
    return pi_state(
        f"You cannot cancel this PaymentIntent because it has a status of {status}. Only a "
        "PaymentIntent with one of the following statuses may be canceled: "
        "requires_payment_method, requires_capture, requires_confirmation, "
        "requires_action, processing.",
        pi,
    )


def pi_cancel_processing(pm_type: str, pi: dict[str, Any]) -> StripeError:
    """§3.3 / §13.9: only US bank account payments may be canceled while processing."""
    return pi_state(
        "You cannot cancel this PaymentIntent while it is processing: only a "
        f"us_bank_account payment can be canceled then, and this one is {pm_type}. "
        f"{SANDBOX_WORDING}",
        pi,
    )


def pi_incompatible_method(pm_type: str, allowed: tuple[str, ...]) -> StripeError:
    """§9 E28 (message unverified)."""
    return invalid(
        f"The PaymentMethod's type ({pm_type}) is not one of this PaymentIntent's "
        f"payment_method_types ({', '.join(allowed)}). {SANDBOX_WORDING}",
        code="payment_intent_incompatible_payment_method",
        param="payment_method",
    )


def pm_currency_mismatch(pm_type: str, currency: str) -> StripeError:
    """§9 E27 (message unverified)."""
    return invalid(
        f"A {pm_type} PaymentMethod cannot pay in {currency}. {SANDBOX_WORDING}",
        code="payment_method_currency_mismatch",
        param="payment_method",
    )


def manual_capture_unsupported(pm_type: str) -> StripeError:
    """§4.2: manual capture is not supported by every method (wording ours)."""
    return invalid(
        f"capture_method=manual is not supported by {pm_type} payments. {SANDBOX_WORDING}",
        code="payment_intent_invalid_parameter",
        param="capture_method",
    )


def refund_needs_success(object_id: str) -> StripeError:
    """§3.3: a refund needs a successful Charge (message unverified)."""
    return invalid(
        f"PaymentIntent {object_id} has no successful charge to refund. {SANDBOX_WORDING}",
        param="payment_intent",
    )


def si_state(message: str, si: dict[str, Any] | None = None) -> StripeError:
    """§9 E24: ``setup_intent_unexpected_state`` (messages unverified)."""
    return _with(
        invalid(f"{message} {SANDBOX_WORDING}", code="setup_intent_unexpected_state"),
        setup_intent=si,
    )


def helper_wrong_status(kind: str, object_id: str, status: str) -> StripeError:
    """A simulator-only authenticate helper on an intent not waiting for authentication."""
    return invalid(
        f"The simulator's authenticate helper only applies to a {kind} in requires_action; "
        f"{object_id} is {status}. (Simulator-only test helper.)",
        code=f"{kind}_unexpected_state",
    )


#: §3.6: 3DS failure, copied into last_payment_error (type unverified: intents.UNVERIFIED).
PI_AUTH_FAILURE = (
    "The provided PaymentMethod has failed authentication. You can provide "
    "payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent "
    "again."
)
#: §5.2 S5 / §9 E25.
SI_AUTH_FAILURE = (
    "The latest attempt to set up the payment method has failed because authentication failed."
)
#: §9 E9.
AUTH_REQUIRED_MESSAGE = "Your card was declined. This transaction requires authentication."


def capture_through_payment_intent(charge_id: str, pi_id: str) -> StripeError:
    """intents §3.7: a PaymentIntent's charge is captured through the PaymentIntent."""
    return invalid(
        f"Charge {charge_id} was created by PaymentIntent {pi_id}: capture it with "
        f"POST /v1/payment_intents/{pi_id}/capture. {SANDBOX_WORDING}",
        code="charge_not_capturable",
    )
