"""Facts of stripe-intents-domain.md for PaymentMethods, PaymentIntents and SetupIntents.

What each test card does to a PaymentIntent (§8.3, §8.4), the ``pm_card_*`` aliases
(§8.2), the bank test values (§8.5) and the timings the simulator picks. Every choice the
reference marks **unverified** is listed in :data:`UNVERIFIED` with the sandbox's
choice; this is the one place to change such a choice (the GUI shows the notes as
they are, as it does for ``core.facts.source_catalog.SourceType.unverified``).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.facts import cards
from core.i18n import QT_TRANSLATE_NOOP

#: Card payment-method types and the other types the sandbox models (§4.2).
PM_TYPES: tuple[str, ...] = ("card", "sepa_debit", "ideal", "bancontact", "us_bank_account")
#: Types that redirect the customer (``next_action.redirect_to_url``, §4.2).
REDIRECT_TYPES = frozenset({"ideal", "bancontact"})
#: Types whose payments pass through ``processing`` (§3.2 T12, §4.2).
ASYNC_TYPES = frozenset({"sepa_debit", "us_bank_account"})
#: Currencies per non-card type (§4.2: euro debits and redirects, US dollars for ACH).
TYPE_CURRENCIES: dict[str, frozenset[str]] = {
    "sepa_debit": frozenset({"eur"}),
    "ideal": frozenset({"eur"}),
    "bancontact": frozenset({"eur"}),
    "us_bank_account": frozenset({"usd"}),
}
#: Manual capture is not supported by every method (§4.2: ACH, iDEAL cannot).
NO_MANUAL_CAPTURE = frozenset({"us_bank_account", "ideal", "bancontact", "sepa_debit"})

CANCEL_REASONS = ("duplicate", "fraudulent", "requested_by_customer", "abandoned")
SI_CANCEL_REASONS = ("abandoned", "duplicate", "requested_by_customer")

#: How long a processing bank debit takes to settle in the simulator (§8.5: "≥3 min"
#: for the delayed IBANs; real SEPA debits take days). A sandbox choice.
PROCESSING_SECONDS = 3 * 60
#: An uncaptured PaymentIntent is canceled after 7 days (§13.7).
HOLD_SECONDS = 7 * 86400
#: §3.2 T8: a card PaymentIntent left in requires_action goes back to
#: requires_payment_method after 48 hours. **Unverified** (the transition guide says so; a
#: third party says intents never expire): the sandbox's choice, applied to cards only
#: (redirect methods keep waiting), as the reference suggests. ``None`` turns it off.
ACTION_TIMEOUT_SECONDS: int | None = 48 * 3600
#: What the window says of that choice (the clock action and the T8 edge of a
#: PaymentIntent waiting in requires_action).
ACTION_TIMEOUT_NOTE = QT_TRANSLATE_NOOP(
    "core",
    "the 48-hour requires_action timeout is the sandbox's choice: Stripe's transition guide "
    "states it, a third party says intents never expire (intents §3.2 T8, unverified)",
)
#: §3.2 T19: at most 10 incremental authorization attempts per PaymentIntent [spec].
MAX_INCREMENTS = 10


@dataclass(frozen=True, slots=True)
class Authentication:
    """What a card does when confirmed on a PaymentIntent or SetupIntent (§8.3, §8.4).

    Attributes:
        on_session: ``"none"`` (no authentication), ``"action"`` (requires_action).
        off_session_new: off-session, never set up: ``"succeed"``,
            ``"authentication_required"`` or ``"decline"``.
        off_session_set_up: off-session once set up (SetupIntent or setup_future_usage).
        after_auth_decline: the decline that follows a successful authentication.
        confirm_decline: the decline at confirm, before any authentication.
    """

    on_session: str = "none"
    off_session_new: str = "succeed"
    off_session_set_up: str = "succeed"
    after_auth_decline: cards.Decline | None = None
    confirm_decline: cards.Decline | None = None


_ALWAYS = Authentication("action", "authentication_required", "authentication_required")
_UNLESS_SET_UP = Authentication("action", "authentication_required", "succeed")

#: By test-card key (core.facts.cards); cards absent here follow their charge_decline.
AUTHENTICATION: dict[str, Authentication] = {
    "auth_unless_setup": _UNLESS_SET_UP,  # …3155
    "always_authenticate": _ALWAYS,  # …3184
    "already_setup": Authentication("action", "succeed", "succeed"),  # …0446
    "auth_then_insufficient": Authentication(  # …3178
        "action", "decline", "decline", after_auth_decline=cards.INSUFFICIENT
    ),
    "tds2_required": _UNLESS_SET_UP,  # …3220
    "tds_required": _UNLESS_SET_UP,  # …3063
    "tds_then_declined": Authentication(  # …1629
        "action", "authentication_required", "decline", after_auth_decline=cards.GENERIC
    ),
    "tds_lookup_error": Authentication(confirm_decline=cards.GENERIC),  # …1280
    "tds2_otp": _UNLESS_SET_UP,
    "tds2_single_select": _UNLESS_SET_UP,
    "tds2_multi_select": _UNLESS_SET_UP,
}
NO_AUTHENTICATION = Authentication()


def authentication_of(card_key: str) -> Authentication:
    """The card's PaymentIntent behaviour; a plain decline card declines at confirm."""
    found = AUTHENTICATION.get(card_key)
    if found is not None:
        return found
    test = cards.BY_KEY.get(card_key)
    decline = test.charge_decline if test is not None else None
    if decline is None:
        return NO_AUTHENTICATION
    return Authentication(
        off_session_new="decline", off_session_set_up="decline", confirm_decline=decline
    )


#: §8.2/§8.3 test aliases → test-card key. Each use creates a new ``pm_`` (§8.2).
CARD_ALIASES: dict[str, str] = {
    "pm_card_visa": "visa",
    "pm_card_visa_debit": "visa_debit",
    "pm_card_mastercard": "mastercard",
    "pm_card_amex": "amex",
    "pm_card_discover": "discover",
    "pm_card_jcb": "jcb",
    "pm_card_unionpay": "unionpay",
    "pm_card_chargeDeclined": "declined",
    "pm_card_visa_chargeDeclined": "declined",
    "pm_card_chargeDeclinedInsufficientFunds": "insufficient_funds",
    "pm_card_visa_chargeDeclinedLostCard": "lost_card",
    "pm_card_visa_chargeDeclinedStolenCard": "stolen_card",
    "pm_card_chargeDeclinedExpiredCard": "expired_card",
    "pm_card_chargeDeclinedIncorrectCvc": "incorrect_cvc",
    "pm_card_chargeDeclinedProcessingError": "processing_error",
    "pm_card_visa_chargeDeclinedVelocityLimitExceeded": "velocity_exceeded",
    "pm_card_chargeCustomerFail": "charge_customer_fail",
    "pm_card_authenticationRequiredOnSetup": "auth_unless_setup",
    "pm_card_authenticationRequired": "always_authenticate",
    "pm_card_authenticationRequiredSetupForOffSession": "already_setup",
    "pm_card_authenticationRequiredChargeDeclinedInsufficientFunds": "auth_then_insufficient",
    "pm_card_threeDSecure2Required": "tds2_required",
    "pm_card_threeDSecureRequired": "tds_required",
    "pm_card_threeDSecureRequiredChargeDeclined": "tds_then_declined",
    "pm_card_threeDSecureRequiredProcessingError": "tds_lookup_error",
    "pm_card_threeDSecureOptional": "tds_optional",
    "pm_card_threeDSecureOptionalProcessingError": "tds_processing_error",
    "pm_card_amex_threeDSecureNotSupported": "amex",
    "pm_card_bypassPending": "available_balance",
}

#: §8.5 US bank accounts (routing 110000000): account number → outcome.
US_BANK_ROUTING = "110000000"
US_BANK_ACCOUNTS: dict[str, str] = {
    "000123456789": "succeed",
    "000111111113": "fail",  # account closed
    "000111111116": "fail",  # no account
    "000222222227": "fail",  # insufficient funds
    "000333333335": "fail",  # debit not authorized
    "000000000009": "stay_processing",
}
#: §8.5 aliases for US bank accounts: alias → account number.
US_BANK_ALIASES: dict[str, str] = {
    "pm_usBankAccount_success": "000123456789",
    "pm_usBankAccount_processing": "000000000009",
}
#: §8.5 SEPA test IBANs whose debit fails (the rest succeed).
SEPA_FAILING_IBANS = frozenset(
    {"AT861904300235473202", "AT051904300235473205", "DE62370400440532013001"}
)
IDEAL_BANKS = (
    "abn_amro",
    "asn_bank",
    "bunq",
    "ing",
    "knab",
    "rabobank",
    "sns_bank",
    "triodos_bank",
)

#: The 3DS page a ``redirect_to_url`` next action points at (simulated: nothing is served).
AUTH_URL = "https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_sandbox&payment_intent={}"

#: Choices the sandbox made where the reference says **unverified**, by topic.
UNVERIFIED: dict[str, str] = {
    "event_order": "Events of one call fire charge first, then the PaymentIntent "
    "(ordering unverified, intents §3.2).",
    "manual_capture_charge_event": "At a manual-capture authorization the sandbox fires "
    "charge.succeeded (captured: false) before payment_intent.amount_capturable_updated "
    "(unverified, §3.2 T4).",
    "capture_events": "Capture fires charge.captured then payment_intent.succeeded "
    "(exact set unverified, §3.2 T15).",
    "payment_method_after_failure": QT_TRANSLATE_NOOP(
        "core",
        "After a failed attempt payment_method is set to null "
        "and the PaymentMethod is kept in last_payment_error.payment_method (observed, "
        "not documented verbatim, §3.6).",
    ),
    "requires_action_timeout": QT_TRANSLATE_NOOP(
        "core",
        "A card PaymentIntent waiting in requires_action goes back "
        "to requires_payment_method after 48 h, firing "
        "payment_intent.payment_failed with last_payment_error "
        "payment_intent_authentication_failure; redirect methods never time out (the timer "
        "and its event are unverified, §3.2 T8).",
    ),
    "error_on_requires_action": "confirm with error_on_requires_action=true on a card that "
    "needs authentication fails the attempt: the PaymentIntent goes to "
    "requires_payment_method with last_payment_error payment_intent_action_required, "
    "payment_intent.payment_failed fires, and the answer is a 402 card_error (as for the "
    "other failed attempts) carrying the PaymentIntent (status, event, HTTP status and "
    "message unverified, §3.2 T11, §9 E11).",
    "increment_authorization": "Incremental authorization (§3.2 T19) is allowed in "
    "requires_capture when the PaymentIntent asked for it with "
    "payment_method_options[card][request_incremental_authorization]=if_available (OAS23 "
    "grounds incremental_authorization_supported for card_present only); the new amount "
    "must exceed the authorized one; every increment is approved; the 11th attempt is "
    "refused; it fires payment_intent.amount_capturable_updated (events, messages "
    "unverified).",
    "hold_expiry": QT_TRANSLATE_NOOP(
        "core",
        "An uncaptured PaymentIntent is canceled after 7 days with "
        "cancellation_reason automatic (unverified, §3.2 T17).",
    ),
    "processing_amounts": QT_TRANSLATE_NOOP(
        "core",
        "amount_received stays 0 while processing and while requires_capture (unverified, §3.5).",
    ),
    "processing_delay": QT_TRANSLATE_NOOP(
        "core",
        "Processing bank debits settle after 3 minutes of simulated time "
        "(the docs say days; ≥3 min for the delayed test IBANs, §8.5).",
    ),
    "setup_future_usage_on_decline": "A declined attempt with setup_future_usage does not "
    "attach the PaymentMethod (unverified, §4.5).",
    "attach_decline_card": "Attaching a decline test card is refused with the card's 402 "
    "card_error (error shape unverified, §4.4).",
    "raw_card_numbers": "The sandbox accepts raw test card numbers on PaymentMethod create, "
    "as an account with raw card data access would (§4.3).",
    "second_customer": "Attaching a PaymentMethod that is already attached (to any customer) "
    "is refused (unverified, §4.4).",
    "delete_customer": "Deleting a customer detaches its PaymentMethods (payment_method."
    "detached): sandbox choice, like its Sources.",
    "off_session_3178": "…3178 off-session is declined for insufficient funds, set up or "
    "not (which code comes first is unverified, §8.4).",
    "token_conversion": "card[token]=tok_… converts a token into a new PaymentMethod and "
    "uses the token (whether the token is used is unverified, §4.3).",
    "us_bank_verification": "US bank accounts are treated as instantly verified: the "
    "microdeposit step is not simulated (§8.5).",
    "setup_intent_bank": "A SetupIntent on a bank method succeeds at once; no mandate "
    "object is emitted (§5.4 simplified).",
    "legacy_card_view": "The PaymentMethod view of a card source (src_) is unverified; "
    "the sandbox returns its card like a saved card_ (§6.2).",
    "latest_attempt": "SetupAttempt (setatt_) objects are not simulated: latest_attempt "
    "stays null.",
    "live_helper": "The authenticate test helpers are the sandbox's own; Stripe has none (§8.6).",
}

#: The sandbox's choices (keys of :data:`UNVERIFIED`) a PaymentIntent in each status
#: lives under: the window says them beside the status, so a learner does not take them
#: for Stripe's documented behaviour. Their words are marked for translation above.
STATUS_UNVERIFIED: dict[str, tuple[str, ...]] = {
    "requires_action": ("requires_action_timeout",),
    "requires_capture": ("hold_expiry", "processing_amounts"),
    "processing": ("processing_delay", "processing_amounts"),
}
#: After a failed attempt (``last_payment_error`` set, §3.6).
FAILED_ATTEMPT_UNVERIFIED = ("payment_method_after_failure",)


def unverified_for_payment_intent(status: str, failed_attempt: bool = False) -> tuple[str, ...]:
    """The (marked, English) unverified notes that hold for a PaymentIntent now."""
    keys = STATUS_UNVERIFIED.get(status, ())
    if failed_attempt and status == "requires_payment_method":
        keys += FAILED_ATTEMPT_UNVERIFIED
    return tuple(UNVERIFIED[key] for key in keys)


#: Transitions of §3.2 the sandbox does not model, and why (the one place that says so).
NOT_MODELED: dict[str, str] = {
    "T18": 'Too many confirmations cancel a PaymentIntent after a "variable upper limit" '
    "[spec confirm]: the limit is not published and the events are unverified, so the "
    "sandbox lets a PaymentIntent be confirmed again as often as its status allows.",
    "T21": "failed_invoice / void_invoice cancellations are Stripe-internal outcomes of "
    "Invoices, which the sandbox does not simulate; a PaymentIntent is canceled only by "
    "cancel (T16) or by its hold expiring (T17).",
}
