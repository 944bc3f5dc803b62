"""Test cards (stripe-domain.md §10), test tokens (§6.4), Luhn and brands.

A full card number only ever lives in a local variable of the request that
carries it: the sandbox keeps the test card's ``key``, ``last4``, ``brand`` and
a fingerprint. ``TEST_CARDS`` is code, not state.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Decline:
    """How a charge on a card fails (§5.2)."""

    code: str
    message: str
    decline_code: str | None = None
    param: str | None = None


DECLINED = "Your card was declined."
GENERIC = Decline("card_declined", DECLINED, "generic_decline")
INSUFFICIENT = Decline("card_declined", "Your card has insufficient funds.", "insufficient_funds")
LOST = Decline("card_declined", DECLINED, "lost_card")
STOLEN = Decline("card_declined", DECLINED, "stolen_card")
EXPIRED = Decline("expired_card", "Your card has expired.", None, "exp_month")
INCORRECT_CVC = Decline("incorrect_cvc", "Your card's security code is incorrect.", None, "cvc")
PROCESSING = Decline(
    "processing_error", "An error occurred while processing your card. Try again in a little bit."
)
VELOCITY = Decline("card_declined", DECLINED, "card_velocity_exceeded")
FRAUDULENT = Decline("card_declined", DECLINED, "fraudulent")
#: §5.2: 3DS2 card through the Charges API; decline_code is UNVERIFIED (likely this one).
AUTH_REQUIRED = Decline(
    "card_declined",
    "Your card was declined. This transaction requires two-factor authentication.",
    "authentication_required",
)
#: §5.2: legacy 3DS-required card charged without 3DS: only "Your card was declined." is
#: documented; the decline_code is a sandbox choice (UNVERIFIED).
TDS_REQUIRED = Decline("card_declined", DECLINED, "generic_decline")
LIVE_CARD = Decline(
    "card_declined",
    "Your card was declined. Your request was in test mode, but used a non test "
    "(live) card. For a list of valid test cards, visit: "
    "https://stripe.com/docs/testing.",
    "test_mode_live_card",
)
INCORRECT_NUMBER = Decline("incorrect_number", "Your card number is incorrect.", None, "number")


@dataclass(frozen=True, slots=True)
class TestCard:
    """One test card and what it does.

    Attributes:
        key: stable name used in logs and session files instead of the number.
        number: the public test number (never stored in sandbox state).
        charge_decline: how every direct charge fails (None: it succeeds).
        attach_ok: attaching it to a customer succeeds (decline cards cannot be attached).
        three_d_secure: the card's ``three_d_secure`` support value (§2.4).
        tds_source: what a three_d_secure source on it starts as: ``not_required``
            (born chargeable), ``pending`` or ``failed`` (§3.2, §10).
        tds_authorize_fails: completing 3DS fails with ``processing_error``.
        tds_charge_decline: how a charge of its authenticated 3DS source fails.
        checks: cvc_check / address_zip_check / address_line1_check values.
        refund: ``async_success`` / ``async_failure`` refund behaviour, or "".
        note: what the card stands for (§10).
    """

    key: str
    number: str
    brand: str
    funding: str = "credit"
    country: str = "US"
    charge_decline: Decline | None = None
    attach_ok: bool = True
    three_d_secure: str = "optional"
    tds_source: str = "not_required"
    tds_authorize_fails: bool = False
    tds_charge_decline: Decline | None = None
    checks: tuple[str, str, str] = ("pass", "pass", "pass")
    refund: str = ""
    disputed: bool = False
    risk_level: str = "normal"
    note: str = ""

    @property
    def last4(self) -> str:
        return self.number[-4:]


V, MC, AMEX = "Visa", "MasterCard", "American Express"

TEST_CARDS: tuple[TestCard, ...] = (
    TestCard(
        "visa",
        "4242424242424242",
        V,
        note=QT_TRANSLATE_NOOP("core", "succeeds; 3DS not enrolled (not_required)"),
    ),
    TestCard("visa_debit", "4000056655665556", V, "debit"),
    TestCard("mastercard", "5555555555554444", MC),
    TestCard("mastercard_2series", "2223003122003222", MC),
    TestCard("mastercard_debit", "5200828282828210", MC, "debit"),
    TestCard(
        "amex",
        "378282246310005",
        AMEX,
        three_d_secure="not_supported",
        tds_source="failed",
        note=QT_TRANSLATE_NOOP("core", "3DS not supported: a 3DS source is born failed"),
    ),
    TestCard("amex_2", "371449635398431", AMEX),
    TestCard("discover", "6011111111111117", "Discover"),
    TestCard("diners", "3056930009020004", "Diners Club"),
    TestCard("jcb", "3566002020360505", "JCB", country="JP"),
    TestCard("unionpay", "6200000000000005", "UnionPay", country="CN"),
    TestCard("declined", "4000000000000002", V, charge_decline=GENERIC, attach_ok=False),
    TestCard(
        "insufficient_funds", "4000000000009995", V, charge_decline=INSUFFICIENT, attach_ok=False
    ),
    TestCard("lost_card", "4000000000009987", V, charge_decline=LOST, attach_ok=False),
    TestCard("stolen_card", "4000000000009979", V, charge_decline=STOLEN, attach_ok=False),
    TestCard("expired_card", "4000000000000069", V, charge_decline=EXPIRED, attach_ok=False),
    TestCard(
        "incorrect_cvc",
        "4000000000000127",
        V,
        charge_decline=INCORRECT_CVC,
        attach_ok=False,
        note=QT_TRANSLATE_NOOP("core", "fails only when a CVC was sent (§10)"),
    ),
    TestCard("processing_error", "4000000000000119", V, charge_decline=PROCESSING, attach_ok=False),
    TestCard("velocity_exceeded", "4000000000006975", V, charge_decline=VELOCITY, attach_ok=False),
    TestCard(
        "charge_customer_fail",
        "4000000000000341",
        V,
        charge_decline=GENERIC,
        note=QT_TRANSLATE_NOOP("core", "attaches to a customer, but every charge fails (§10)"),
    ),
    TestCard(
        "radar_block",
        "4100000000000019",
        V,
        charge_decline=FRAUDULENT,
        risk_level="highest",
        note=QT_TRANSLATE_NOOP("core", "Radar: always blocked"),
    ),
    TestCard(
        "radar_highest",
        "4000000000004954",
        V,
        charge_decline=FRAUDULENT,
        risk_level="highest",
        note=QT_TRANSLATE_NOOP("core", "Radar: highest risk, blocked"),
    ),
    TestCard(
        "radar_elevated",
        "4000000000009235",
        V,
        risk_level="elevated",
        note=QT_TRANSLATE_NOOP("core", "Radar: elevated risk, succeeds"),
    ),
    TestCard("cvc_check_fail", "4000000000000101", V, checks=("fail", "pass", "pass")),
    TestCard("zip_check_fail", "4000000000000036", V, checks=("pass", "fail", "pass")),
    TestCard("line1_check_fail", "4000000000000028", V, checks=("pass", "pass", "fail")),
    TestCard("address_checks_fail", "4000000000000010", V, checks=("pass", "fail", "fail")),
    TestCard(
        "address_unavailable", "4000000000000044", V, checks=("pass", "unavailable", "unavailable")
    ),
    TestCard("dispute_fraudulent", "4000000000000259", V, disputed=True),
    TestCard("dispute_not_received", "4000000000002685", V, disputed=True),
    TestCard("dispute_inquiry", "4000000000001976", V, disputed=True),
    TestCard("early_fraud_warning", "4000000000005423", V, disputed=True),
    TestCard("multiple_disputes", "4000000404000079", V, disputed=True),
    TestCard(
        "refund_async_success",
        "4000000000007726",
        V,
        refund="async_success",
        note=QT_TRANSLATE_NOOP("core", "refund pending, then succeeded"),
    ),
    TestCard(
        "refund_async_failure",
        "4000000000005126",
        V,
        refund="async_failure",
        note=QT_TRANSLATE_NOOP("core", "refund succeeded, then failed (charge.refund.updated)"),
    ),
    TestCard("available_balance", "4000000000000077", V),
    TestCard(
        "tds_required",
        "4000000000003063",
        V,
        charge_decline=TDS_REQUIRED,
        three_d_secure="required",
        tds_source="pending",
        note=QT_TRANSLATE_NOOP(
            "core", "legacy 3DS test card: 3DS required; a plain charge is declined"
        ),
    ),
    TestCard(
        "tds_recommended",
        "4000000000003089",
        V,
        three_d_secure="recommended",
        tds_source="pending",
        note=QT_TRANSLATE_NOOP("core", "legacy table only (UNVERIFIED officially)"),
    ),
    TestCard("tds_optional", "4000000000003055", V, tds_source="pending"),
    TestCard(
        "tds2_required",
        "4000000000003220",
        V,
        charge_decline=AUTH_REQUIRED,
        three_d_secure="required",
        tds_source="not_required",
        note=QT_TRANSLATE_NOOP(
            "core",
            "3DS2: Charges without 3DS declined; a 3DS source reported not_required "
            "(obs, no maintainer confirmation)",
        ),
    ),
    TestCard(
        "tds_processing_error",
        "4000000000003097",
        V,
        tds_source="pending",
        tds_authorize_fails=True,
    ),
    TestCard(
        "tds_then_declined",
        "4000008400001629",
        V,
        charge_decline=AUTH_REQUIRED,
        three_d_secure="required",
        tds_source="pending",
        tds_charge_decline=GENERIC,
    ),
    TestCard(
        "tds_lookup_error",
        "4000008400001280",
        V,
        charge_decline=GENERIC,
        three_d_secure="required",
        tds_source="pending",
        tds_authorize_fails=True,
    ),
    TestCard(
        "auth_unless_setup",
        "4000002500003155",
        V,
        charge_decline=AUTH_REQUIRED,
        three_d_secure="required",
        tds_source="pending",
    ),
    TestCard(
        "always_authenticate",
        "4000002760003184",
        V,
        charge_decline=AUTH_REQUIRED,
        three_d_secure="required",
        tds_source="pending",
    ),
    TestCard("already_setup", "4000003800000446", V),
    TestCard(
        "auth_then_insufficient",
        "4000008260003178",
        V,
        charge_decline=AUTH_REQUIRED,
        three_d_secure="required",
        tds_source="pending",
        tds_charge_decline=INSUFFICIENT,
    ),
    TestCard(
        "tds2_otp",
        "4000000000003238",
        V,
        charge_decline=AUTH_REQUIRED,
        three_d_secure="required",
        tds_source="pending",
    ),
    TestCard(
        "tds2_single_select",
        "4000000000003246",
        V,
        charge_decline=AUTH_REQUIRED,
        three_d_secure="required",
        tds_source="pending",
    ),
    TestCard(
        "tds2_multi_select",
        "4000000000003253",
        V,
        charge_decline=AUTH_REQUIRED,
        three_d_secure="required",
        tds_source="pending",
    ),
)

BY_NUMBER: dict[str, TestCard] = {c.number: c for c in TEST_CARDS}
BY_KEY: dict[str, TestCard] = {c.key: c for c in TEST_CARDS}

#: §6.4 test tokens: each use makes a fresh token of that card (they never become used).
TEST_TOKENS: dict[str, str] = {
    "tok_visa": "visa",
    "tok_visa_debit": "visa_debit",
    "tok_mastercard": "mastercard",
    "tok_mastercard_debit": "mastercard_debit",
    "tok_amex": "amex",
    "tok_discover": "discover",
    "tok_diners": "diners",
    "tok_jcb": "jcb",
    "tok_unionpay": "unionpay",
    "tok_chargeDeclined": "declined",
    "tok_chargeDeclinedInsufficientFunds": "insufficient_funds",
    "tok_visa_chargeDeclinedInsufficientFunds": "insufficient_funds",
    "tok_chargeDeclinedLostCard": "lost_card",
    "tok_chargeDeclinedStolenCard": "stolen_card",
    "tok_chargeDeclinedExpiredCard": "expired_card",
    "tok_chargeDeclinedIncorrectCvc": "incorrect_cvc",
    "tok_chargeDeclinedProcessingError": "processing_error",
    "tok_chargeCustomerFail": "charge_customer_fail",
    "tok_riskLevelHighest": "radar_highest",
    "tok_riskLevelElevated": "radar_elevated",
    "tok_cvcCheckFail": "cvc_check_fail",
    "tok_avsZipFail": "zip_check_fail",
    "tok_avsLine1Fail": "line1_check_fail",
    "tok_threeDSecureRequired": "tds_required",
}
TEST_TOKENS_NOTE = (
    "Names from third-party test suites, not checked one by one against an "
    "official list (§6.4, UNVERIFIED)."
)


def attach_decline(card: TestCard, cvc_provided: bool) -> Decline | None:
    """The decline attaching ``card`` to a customer meets, or None if it attaches.

    Attaching validates the card, so a decline card cannot be attached (§10),
    except 4000000000000127 sent without a CVC: the CVC check is then skipped and
    cannot fail (§10). The attach rule, the token's guard and the action bar all
    ask this one function, so they cannot disagree.
    """
    decline = card.charge_decline
    if card.attach_ok or decline is None:
        return None
    if decline is INCORRECT_CVC and not cvc_provided:
        return None
    return decline


def luhn_ok(number: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = ord(char) - 48
        if index % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def brand_of(number: str) -> str:
    if number.startswith("4"):
        return V
    if number[:2] in {"34", "37"}:
        return AMEX
    if number[:2] in {"51", "52", "53", "54", "55"} or "2221" <= number[:4] <= "2720":
        return MC
    if number.startswith(("6011", "65", "644")):
        return "Discover"
    if number.startswith("35"):
        return "JCB"
    if number.startswith(("36", "300", "305")):
        return "Diners Club"
    if number.startswith("62"):
        return "UnionPay"
    return "Unknown"


def normalize(number: str) -> str:
    return number.replace(" ", "").replace("-", "")


def classify(number: str) -> TestCard | Decline:
    """The test card for ``number``, or how a token/source with it is refused.

    A number that fails Luhn gives ``incorrect_number``; a Luhn-valid number that
    is not a test card gives ``test_mode_live_card`` (§10) and must not be kept.
    """
    digits = normalize(number)
    card = _VALID_TEST_NUMBERS.get(digits)  # the usual case, already checked below
    if card is not None:
        return card
    if not digits.isdigit() or not 12 <= len(digits) <= 19 or not luhn_ok(digits):
        return INCORRECT_NUMBER
    card = BY_NUMBER.get(digits)
    if card is None:
        return LIVE_CARD
    return card


#: Test cards whose number passes classify's checks (all of them, but do not assume it).
_VALID_TEST_NUMBERS = {
    number: card
    for number, card in BY_NUMBER.items()
    if number.isdigit() and 12 <= len(number) <= 19 and luhn_ok(number)
}


def redact(number: str) -> str:
    """What logs show instead of a number: ``************4242``."""
    digits = normalize(number)
    return "*" * max(len(digits) - 4, 0) + digits[-4:]
