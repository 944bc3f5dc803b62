"""The error catalogue of stripe-domain.md §5.2, as named constructors (the intents
lane's are in :mod:`core.facts.intent_errors`).

Every constructor returns a :class:`StripeError` (an exception carrying the HTTP
status and the ``{"error": {...}}`` envelope). Handlers raise them; the
sandbox turns them into responses. Messages Stripe never published are marked
``UNVERIFIED`` here and nowhere else.
"""

from __future__ import annotations

from typing import Any

from core.facts import catalog

DOCS_TESTING = "https://stripe.com/docs/testing"


class StripeError(Exception):
    """A Stripe-shaped error.

    Attributes:
        status: the HTTP status.
        body: ``{"error": {...}}`` exactly as Stripe sends it.
        keep_state: the request still changed state (a declined charge left a
            failed Charge and used its token, §5.2): it is logged, not rolled back.
    """

    def __init__(self, status: int, error: dict[str, Any], keep_state: bool = False) -> None:
        super().__init__(error.get("message", ""))
        self.status = status
        self.body: dict[str, Any] = {"error": error}
        self.keep_state = keep_state

    @property
    def error(self) -> dict[str, Any]:
        inner: dict[str, Any] = self.body["error"]
        return inner


def _err(
    status: int,
    type_: str,
    message: str,
    *,
    code: str | None = None,
    param: str | None = None,
    decline_code: str | None = None,
    charge: str | None = None,
) -> StripeError:
    error: dict[str, Any] = {"type": type_, "message": message}
    if code is not None:
        error["code"] = code
        error["doc_url"] = f"https://stripe.com/docs/error-codes/{code.replace('_', '-')}"
    if param is not None:
        error["param"] = param
    if decline_code is not None:
        error["decline_code"] = decline_code
    if charge is not None:
        error["charge"] = charge
    return StripeError(status, error)


def invalid(
    message: str, *, code: str | None = None, param: str | None = None, status: int = 400
) -> StripeError:
    """A generic ``invalid_request_error``."""
    return _err(status, "invalid_request_error", message, code=code, param=param)


# --- authentication ---------------------------------------------------------


def no_api_key() -> StripeError:
    return _err(
        401,
        "invalid_request_error",
        "You did not provide an API key. You need to provide your API key in the "
        "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer "
        "YOUR_SECRET_KEY').",
    )


def live_key_refused() -> StripeError:
    return _err(
        401,
        "invalid_request_error",
        "This sandbox never accepts live keys (sk_live_…): it is test mode only. "
        "Use a test key such as sk_test_123.",
    )


def invalid_api_key(shown: str) -> StripeError:
    return _err(401, "invalid_request_error", f"Invalid API Key provided: {shown}")


def publishable_key_not_allowed() -> StripeError:
    return _err(
        401,
        "invalid_request_error",
        "This API call cannot be made with a publishable API key. Please use a secret API key.",
    )


# --- routing and parameters ---------------------------------------------------


def unrecognized_url(method: str, path: str) -> StripeError:
    return _err(
        404,
        "invalid_request_error",
        f"Unrecognized request URL ({method}: {path[:200]}). Please see "
        "https://stripe.com/docs or we can help at https://support.stripe.com/.",
    )


def bad_body(message: str, param: str | None = None) -> StripeError:
    return invalid(message, param=param)


def missing_param(param: str) -> StripeError:
    return invalid(f"Missing required param: {param}.", code="parameter_missing", param=param)


def unknown_param(param: str) -> StripeError:
    return invalid(f"Received unknown parameter: {param}", code="parameter_unknown", param=param)


def invalid_integer(param: str, value: str) -> StripeError:
    return invalid(f"Invalid integer: {value[:40]}", param=param)


def invalid_positive_integer(param: str) -> StripeError:
    return invalid("Invalid positive integer", param=param)


def invalid_boolean(param: str, value: str) -> StripeError:
    return invalid(f"Invalid boolean: {value[:40]}", param=param)


def invalid_hash(param: str) -> StripeError:
    return invalid(f"Invalid hash: {param} must be a hash (use {param}[key]=value).", param=param)


def invalid_string(param: str) -> StripeError:
    return invalid(f"Invalid string: {param} must be a string, not a hash or array.", param=param)


def invalid_array(param: str) -> StripeError:
    return invalid(f"Invalid array: {param} must be an array (use {param}[]=value).", param=param)


def invalid_enum(param: str, value: str, allowed: tuple[str, ...]) -> StripeError:
    choices = ", ".join(allowed[:-1]) + (" or " if len(allowed) > 1 else "") + allowed[-1]
    return invalid(f"Invalid {param}: must be one of {choices}", param=param)


def invalid_currency(value: str) -> StripeError:
    return invalid(
        f"Invalid currency: {value[:20]}. Stripe currently supports these currencies: "
        + ", ".join(sorted(catalog.CURRENCIES)),
        param="currency",
    )


def amount_too_small(param: str, currency: str, minimum: int) -> StripeError:
    return invalid(
        f"Amount must be at least {catalog.format_amount(minimum, currency)} {currency}",
        code="amount_too_small",
        param=param,
    )


def amount_too_large(param: str) -> StripeError:
    return invalid(
        "Amount must be no more than 99,999,999 in the smallest currency unit (8 digits).",
        code="amount_too_large",
        param=param,
    )


def idempotency_mismatch(key: str) -> StripeError:
    return _err(
        400,
        "idempotency_error",
        f"Keys for idempotent requests can only be used with the same parameters they "
        f"were first used with. Try using a key other than '{key[:60]}' if you meant "
        "to execute a different request.",
    )


def api_error() -> StripeError:
    return _err(
        500,
        "api_error",
        "An unexpected error occurred in the sandbox. The request changed nothing.",
    )


# --- resources ----------------------------------------------------------------


def no_such(kind: str, object_id: str, param: str | None = "id") -> StripeError:
    """``No such source: 'src_x'``. For the ``source`` param see :func:`no_such_token`.

    ``param`` is ``"id"`` by default: Stripe names the path id so when the id came in
    the URL; a lookup of a body parameter passes that parameter's name.
    """
    return invalid(
        f"No such {kind}: '{object_id[:80]}'", code="resource_missing", param=param, status=404
    )


def no_such_token(object_id: str, param: str = "source") -> StripeError:
    """§7.1 / §12.3: the shared ``source`` lookup says *token* even for a ``src_`` id."""
    return invalid(
        f"No such token: '{object_id[:80]}'", code="resource_missing", param=param, status=400
    )


def no_linked_source(customer: str, source: str) -> StripeError:
    """§5.2, §12.5: ``customer`` + a source that is not attached to it."""
    return invalid(
        f"Customer {customer} does not have a linked source with ID {source[:80]}.",
        code="missing",
        param="source",
        status=404,
    )


def no_active_card() -> StripeError:
    """§5.2: charging a customer that has no usable default source."""
    return _err(
        402,
        "card_error",
        "Cannot charge a customer that has no active card",
        code="missing",
        param="card",
    )


def must_provide_source_or_customer() -> StripeError:
    return invalid("Must provide source or customer.")


# --- sources ------------------------------------------------------------------


def source_not_chargeable() -> StripeError:
    """§5.2: charge a pending/failed/consumed(single-use) source."""
    return invalid(
        "The source you provided is not in a chargeable state.",
        code="invalid_source_usage",
        param="source",
    )


def reusable_source_consumed() -> StripeError:
    """§5.2, §12.1: a reusable source charged unattached (or detached) is consumed."""
    return invalid(
        "The reusable source you provided is consumed because it was previously charged "
        "without being attached to a customer or was detached from a customer. To charge a "
        "reusable source multiple time you must attach it to a customer first.",
        param="source",
    )


def invalid_usage_value() -> StripeError:
    """§5.2: a ``usage`` that is neither reusable nor single_use."""
    return invalid("Invalid usage: must be one of reusable or single_use", param="usage")


#: Ends every message whose wording Stripe never published (§13), so a learner
#: reading the error knows the refusal is documented but these words are ours.
SANDBOX_WORDING = (
    "(Sandbox wording: Stripe documents that this request fails but not the exact message.)"
)


def usage_not_supported(source_type: str, usage: str, allowed: tuple[str, ...]) -> StripeError:
    """§5.2 UNVERIFIED: Stripe documents that an error is returned, not its wording."""
    return invalid(
        f"Sources of type {source_type} cannot be created with usage {usage}; "
        f"supported: {', '.join(allowed)}. {SANDBOX_WORDING}",
        param="usage",
    )


def usage_immutable() -> StripeError:
    """§5.1: ``usage`` is fixed at creation, so an update does not accept it."""
    return unknown_param("usage")


def already_attached(source_id: str) -> StripeError:
    """§5.2 (context partly unverified)."""
    return invalid(
        "The source you provided has already been attached to a customer", param="source"
    )


def attach_requires_pending_or_chargeable(status: str) -> StripeError:
    """§5.1 rule 5. UNVERIFIED wording: only the rule itself is documented."""
    return invalid(
        f"A source can only be attached while it is chargeable or pending; "
        f"this one is {status}. {SANDBOX_WORDING}",
        code="invalid_source_usage",
        param="source",
    )


def attached_source_needs_customer(source_id: str, customer: str) -> StripeError:
    """§5.1 rule 3, §8.1: an attached source charged without ``customer``.

    UNVERIFIED wording and code (§13): only that the customer must be passed is documented.
    """
    return invalid(
        f"The source {source_id} is attached to customer {customer}: charge it "
        f"with customer={customer} and source={source_id}. {SANDBOX_WORDING}",
        code="missing",
        param="customer",
    )


def source_amount_fixed() -> StripeError:
    """Updating ``amount`` once a source is past pending: a sandbox rule (UNVERIFIED)."""
    return invalid(
        f"The amount of a source can only change while it is pending. {SANDBOX_WORDING}",
        param="amount",
    )


def helper_terminal(source_id: str, status: str) -> StripeError:
    """Simulator helper on a source in a terminal status: changes nothing, says why."""
    return invalid(
        f"Source {source_id} is {status}, a terminal status: nothing can happen "
        "to it any more (§3.1).",
        code="source_status_terminal",
    )


def helper_not_applicable(message: str) -> StripeError:
    return invalid(message)


def token_already_used(token_id: str) -> StripeError:
    """§5.2 / §6.3: a second use of a token."""
    return invalid(
        f"You cannot use a Stripe token more than once: {token_id}.",
        code="token_already_used",
        param="source",
    )


def card_error(
    message: str,
    *,
    code: str,
    param: str | None = None,
    decline_code: str | None = None,
    charge: str | None = None,
) -> StripeError:
    """A 402 ``card_error`` (§5.2)."""
    return _err(
        402, "card_error", message, code=code, param=param, decline_code=decline_code, charge=charge
    )
