# ruff: noqa: E501 - a table of sentences reads better unbroken
"""What a Stripe error code means for the learner, in one translated line.

Stripe's ``message`` is shown as the API returns it (it is what a client
sees); beside it the GUI shows :func:`explain` of the error: the meaning of
its ``code`` (or of its ``type`` when it has none), plus that of its
``decline_code``. ``tests/gui/test_error_codes.py`` fails when the core can
answer a code, decline code or error type that is not explained here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from gui.words.noop import QT_TRANSLATE_NOOP

CONTEXT = "errorcode"

#: error ``code`` -> what it means.
CODES: dict[str, str] = {
    "parameter_missing": QT_TRANSLATE_NOOP(
        "errorcode", "A required parameter was not sent; param names it."
    ),
    "parameter_unknown": QT_TRANSLATE_NOOP(
        "errorcode",
        "The request sent a parameter this endpoint does not take (or one that cannot change after creation, like usage).",
    ),
    "amount_too_small": QT_TRANSLATE_NOOP(
        "errorcode", "The amount is below Stripe's minimum charge in this currency (§8.1)."
    ),
    "amount_too_large": QT_TRANSLATE_NOOP(
        "errorcode", "The amount is above the maximum: 8 digits in the currency's smallest unit."
    ),
    "resource_missing": QT_TRANSLATE_NOOP(
        "errorcode",
        "No object with this id exists in this account: a typo, a deleted object, or an id from elsewhere.",
    ),
    "missing": QT_TRANSLATE_NOOP(
        "errorcode",
        "The customer has no such source attached, or no usable default source to charge.",
    ),
    "invalid_source_usage": QT_TRANSLATE_NOOP(
        "errorcode",
        "The source's status or usage does not allow this: only a chargeable source can be charged, and only a pending or chargeable one attached.",
    ),
    "source_status_terminal": QT_TRANSLATE_NOOP(
        "errorcode",
        "The source is in a terminal status (consumed, failed or canceled): nothing can happen to it any more.",
    ),
    "token_already_used": QT_TRANSLATE_NOOP(
        "errorcode",
        "A token can be used only once: create a new one, or attach the card to a customer to charge it again.",
    ),
    "charge_not_capturable": QT_TRANSLATE_NOOP(
        "errorcode", "Only an uncaptured charge (created with capture=false) can be captured."
    ),
    "charge_already_captured": QT_TRANSLATE_NOOP(
        "errorcode", "This charge was captured already; a charge is captured only once."
    ),
    "charge_expired_for_capture": QT_TRANSLATE_NOOP(
        "errorcode",
        "The authorization expired (after 7 days) before it was captured; the money was released.",
    ),
    "charge_already_refunded": QT_TRANSLATE_NOOP(
        "errorcode", "The charge was refunded in full: nothing is left to refund."
    ),
    "invalid_expiry_month": QT_TRANSLATE_NOOP(
        "errorcode", "The card's expiry month is not a month from 1 to 12."
    ),
    "invalid_expiry_year": QT_TRANSLATE_NOOP(
        "errorcode", "The card's expiry year is not valid, or lies in the past."
    ),
    "invalid_cvc": QT_TRANSLATE_NOOP(
        "errorcode",
        "The card's security code (CVC) is malformed: 3 digits, or 4 for American Express.",
    ),
    "invalid_amount": QT_TRANSLATE_NOOP(
        "errorcode", "The amount is outside what this source type accepts."
    ),
    "invalid_owner_name": QT_TRANSLATE_NOOP(
        "errorcode", "This source type needs the account owner's full name (at least 3 characters)."
    ),
    "invalid_bank_account_iban": QT_TRANSLATE_NOOP(
        "errorcode", "The IBAN is not valid: wrong country, length or check digits."
    ),
    "invalid_ideal_bank": QT_TRANSLATE_NOOP("errorcode", "The iDEAL bank is not one Stripe knows."),
    "invalid_sofort_country": QT_TRANSLATE_NOOP(
        "errorcode", "SOFORT is not offered in this country."
    ),
    "invalid_currency": QT_TRANSLATE_NOOP(
        "errorcode", "This source type does not take that currency."
    ),
    "account_number_invalid": QT_TRANSLATE_NOOP(
        "errorcode", "The bank account number is not valid."
    ),
    "routing_number_invalid": QT_TRANSLATE_NOOP(
        "errorcode", "The routing number is not a valid US bank routing number."
    ),
    "card_declined": QT_TRANSLATE_NOOP(
        "errorcode",
        "The card issuer refused the charge; decline_code says why. The failed charge is still recorded.",
    ),
    "expired_card": QT_TRANSLATE_NOOP("errorcode", "The card has expired."),
    "incorrect_cvc": QT_TRANSLATE_NOOP(
        "errorcode", "The security code (CVC) does not match the card."
    ),
    "processing_error": QT_TRANSLATE_NOOP(
        "errorcode", "Something went wrong while processing the card; trying again may work."
    ),
    "incorrect_number": QT_TRANSLATE_NOOP(
        "errorcode", "The card number is wrong: it fails the Luhn check or is not a card."
    ),
    "authentication_required": QT_TRANSLATE_NOOP(
        "errorcode",
        "The card needs authentication and the customer is not there (off_session=true): bring them back to confirm on-session (intents §8.4).",
    ),
    "payment_intent_unexpected_state": QT_TRANSLATE_NOOP(
        "errorcode",
        "The PaymentIntent's status does not allow this operation (confirm, capture, cancel or update, intents \u00a73.3).",
    ),
    "payment_intent_action_required": QT_TRANSLATE_NOOP(
        "errorcode",
        "The payment needs a customer action, and error_on_requires_action asked to fail instead of waiting.",
    ),
    "payment_intent_incompatible_payment_method": QT_TRANSLATE_NOOP(
        "errorcode",
        "The PaymentMethod's type is not one of the PaymentIntent's payment_method_types.",
    ),
    "payment_intent_invalid_parameter": QT_TRANSLATE_NOOP(
        "errorcode",
        "A parameter does not fit this payment method (for example manual capture of a bank debit).",
    ),
    "payment_method_currency_mismatch": QT_TRANSLATE_NOOP(
        "errorcode",
        "The PaymentMethod cannot pay in the PaymentIntent's currency.",
    ),
    "setup_intent_unexpected_state": QT_TRANSLATE_NOOP(
        "errorcode",
        "The SetupIntent's status does not allow this operation (intents \u00a75.2).",
    ),
    "setup_intent_invalid_parameter": QT_TRANSLATE_NOOP(
        "errorcode",
        "A parameter does not fit this SetupIntent or its payment method.",
    ),
    "payment_intent_authentication_failure": QT_TRANSLATE_NOOP(
        "errorcode",
        "The customer failed 3D Secure or the redirect: give a new payment method and confirm again.",
    ),
    "setup_intent_authentication_failure": QT_TRANSLATE_NOOP(
        "errorcode",
        "The customer failed authentication while setting up the payment method.",
    ),
    "payment_intent_payment_attempt_failed": QT_TRANSLATE_NOOP(
        "errorcode",
        "The payment attempt failed (a bank debit was not collected): the PaymentIntent can be retried.",
    ),
}

#: ``decline_code`` -> what it means.
DECLINE_CODES: dict[str, str] = {
    "generic_decline": QT_TRANSLATE_NOOP("errorcode", "The issuer declined without saying why."),
    "insufficient_funds": QT_TRANSLATE_NOOP(
        "errorcode", "The card has too little money for this amount."
    ),
    "lost_card": QT_TRANSLATE_NOOP("errorcode", "The card was reported lost."),
    "stolen_card": QT_TRANSLATE_NOOP("errorcode", "The card was reported stolen."),
    "card_velocity_exceeded": QT_TRANSLATE_NOOP(
        "errorcode", "Too many charges, or too much money, on this card in a short time."
    ),
    "fraudulent": QT_TRANSLATE_NOOP("errorcode", "Stripe's Radar or the issuer suspects fraud."),
    "authentication_required": QT_TRANSLATE_NOOP(
        "errorcode", "The card needs 3D Secure authentication, which a plain charge does not do."
    ),
    "test_mode_live_card": QT_TRANSLATE_NOOP(
        "errorcode", "A real (live) card number was used in test mode: use a test card."
    ),
}

#: error ``type`` -> what it means (shown when the error has no code).
TYPES: dict[str, str] = {
    "invalid_request_error": QT_TRANSLATE_NOOP(
        "errorcode",
        "The request itself is wrong (a parameter, an id or the object's state); it changed nothing.",
    ),
    "card_error": QT_TRANSLATE_NOOP("errorcode", "The card could not be charged."),
    "api_error": QT_TRANSLATE_NOOP(
        "errorcode", "Something went wrong on the server's side; the request changed nothing."
    ),
    "idempotency_error": QT_TRANSLATE_NOOP(
        "errorcode", "This idempotency key was used before with different parameters."
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def explain(error: dict[str, Any] | None) -> str:
    """One translated line on what ``error`` (Stripe's ``error`` hash) means, or ""."""
    if not isinstance(error, dict):
        return ""
    code, decline, kind = error.get("code"), error.get("decline_code"), error.get("type")
    parts = []
    if isinstance(code, str) and code in CODES:
        parts.append(_tr(CODES[code]))
    elif isinstance(kind, str) and kind in TYPES:
        parts.append(_tr(TYPES[kind]))
    if isinstance(decline, str) and decline in DECLINE_CODES:
        parts.append(_tr(DECLINE_CODES[decline]))
    return "".join(
        p if i == 0 or parts[i - 1].endswith("。") else " " + p for i, p in enumerate(parts)
    )
