"""Errors of a PaymentIntent's rarer operations (stripe-intents-domain.md §3.2, §3.3, §9):
``error_on_requires_action`` (T11, E11), ``increment_authorization`` (T19) and
``verify_microdeposits``. Stripe's words for none of them are published: each message
ends with the sandbox's mark (``errors.SANDBOX_WORDING``).
"""

from __future__ import annotations

from typing import Any

from core.facts import errors, intent_errors


def pi_action_required() -> errors.StripeError:
    """§9 E11: ``payment_intent_action_required``. Type, HTTP status and message are
    unverified: the sandbox answers as for the other failed attempts that carry the
    PaymentIntent (a 402 ``card_error``, like T10's ``authentication_required``)."""
    return errors.card_error(
        "This payment requires an action from the customer (3D Secure), but "
        f"error_on_requires_action was set. {errors.SANDBOX_WORDING}",
        code="payment_intent_action_required",
    )


def increment_status(status: str, pi: dict[str, Any]) -> errors.StripeError:
    """§3.3: increment_authorization only from requires_capture (text unverified)."""
    return intent_errors.pi_state(
        f"This PaymentIntent's authorization could not be incremented because it has a "
        f"status of {status}. Only a PaymentIntent with one of the following statuses may "
        f"be incremented: requires_capture. {errors.SANDBOX_WORDING}",
        pi,
    )


def increment_unsupported(pi_id: str) -> errors.StripeError:
    """§3.3: incremental authorization needs ``incremental_authorization_supported``."""
    return errors.invalid(
        f"PaymentIntent {pi_id} does not support incremental authorization: create it with "
        "payment_method_options[card][request_incremental_authorization]=if_available. "
        f"{errors.SANDBOX_WORDING}",
        code="payment_intent_unexpected_state",
    )


def increment_amount(amount: int, authorized: int) -> errors.StripeError:
    """§3.2 T19: the new amount must be greater than the authorized one [spec]."""
    return errors.invalid(
        f"The amount ({amount}) must be greater than the currently authorized amount "
        f"({authorized}). {errors.SANDBOX_WORDING}",
        param="amount",
    )


def increment_limit(limit: int) -> errors.StripeError:
    """§3.2 T19: at most ``limit`` incremental authorization attempts [spec]."""
    return errors.invalid(
        f"This PaymentIntent has reached the maximum of {limit} incremental authorization "
        f"attempts. {errors.SANDBOX_WORDING}",
        code="payment_intent_unexpected_state",
    )


def verify_microdeposits_status(status: str, pi: dict[str, Any]) -> errors.StripeError:
    """§3.3: verify_microdeposits only in requires_action with a microdeposit next action;
    the sandbox verifies US bank accounts instantly, so no PaymentIntent ever waits."""
    return intent_errors.pi_state(
        "This PaymentIntent is not waiting for microdeposit verification (its status is "
        f"{status}): the sandbox verifies US bank accounts instantly. "
        f"{errors.SANDBOX_WORDING}",
        pi,
    )
