"""The one place the dialogs read Stripe facts from: the core's catalog and test cards.

Per-type flow, usages, currencies and amount limits come from
``core.facts.catalog``; test cards, test tokens and the Luhn check from
``core.facts.cards``. Nothing here copies a fact: it only adapts the core's tables
to what a form needs (lists to fill combo boxes, outcome words for a card).

The *presets* below are example inputs that trigger the test-mode behaviours
the reference documents (§4 "Test-mode hooks", §10 ACH numbers). They are
what a user would type; whether the sandbox honours them is the core's
business, so a preset never changes what the dialog sends besides the field
it fills.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from core.facts import cards as _cards
from core.facts import catalog as _catalog
from core.facts import intents as _intents
from core.facts import source_catalog as _source_catalog
from gui.words.i18n import core_text

SourceType = _source_catalog.SourceType
TestCard = _cards.TestCard

SOURCE_TYPES = _source_catalog.SOURCE_TYPES
SOURCE_TYPE_NAMES = _source_catalog.SOURCE_TYPE_NAMES
CURRENCIES: tuple[str, ...] = tuple(sorted(_catalog.CURRENCIES))
DEFAULT_CURRENCY = _catalog.ACCOUNT_DEFAULT_CURRENCY
MAX_AMOUNT = _catalog.MAX_AMOUNT
TEST_CARDS = _cards.TEST_CARDS
TEST_TOKENS: tuple[str, ...] = tuple(_cards.TEST_TOKENS)
TEST_TOKENS_NOTE = _cards.TEST_TOKENS_NOTE
luhn_ok = _cards.luhn_ok
normalize_number = _cards.normalize
brand_of = _cards.brand_of
format_amount = _catalog.format_amount


def unverified_topic(key: str) -> str:
    """The (marked, untranslated) words of an ``unverified`` topic key."""
    return _source_catalog.UNVERIFIED_TOPICS.get(key, key.replace("_", " "))


def _tr(text: str) -> str:
    return QCoreApplication.translate("facts", text)


def currencies_for(source_type: str) -> tuple[str, ...]:
    """The currencies a source of ``source_type`` accepts, the account default first."""
    allowed = SOURCE_TYPES[source_type].currencies
    names = sorted(allowed) if allowed is not None else list(CURRENCIES)
    if DEFAULT_CURRENCY in names:
        names.remove(DEFAULT_CURRENCY)
        names.insert(0, DEFAULT_CURRENCY)
    elif "eur" in names:
        names.remove("eur")
        names.insert(0, "eur")
    return tuple(names)


def min_charge(currency: str) -> int:
    """Stripe's minimum charge amount in ``currency``'s smallest unit (§8.1)."""
    return _catalog.MIN_CHARGE.get(currency, 50)


def amount_limits(source_type: str, currency: str) -> tuple[int, int]:
    """(minimum, maximum) amount of a ``source_type`` source in ``currency``."""
    facts = SOURCE_TYPES[source_type]
    low = facts.min_amount if facts.min_amount is not None else 1
    high = facts.max_amount if facts.max_amount is not None else MAX_AMOUNT
    return low, high


def card_outcome(card: TestCard) -> str:
    """What happens with ``card``, spelled out (translated words, Stripe codes as is)."""
    parts: list[str] = []
    if card.charge_decline is None:
        if not card.note.startswith("succeeds"):
            parts.append(QCoreApplication.translate("facts", "charge succeeds"))
    else:
        code = card.charge_decline.code
        if card.charge_decline.decline_code:
            code += f" / {card.charge_decline.decline_code}"
        parts.append(
            QCoreApplication.translate("facts", "charge declined: {code}").format(code=code)
        )
    if not card.attach_ok:
        parts.append(QCoreApplication.translate("facts", "cannot be attached to a customer"))
    if card.three_d_secure != "optional":
        parts.append(f"three_d_secure: {card.three_d_secure}")
    if card.disputed:
        parts.append(QCoreApplication.translate("facts", "then a dispute"))
    if card.refund == "async_success":
        parts.append(QCoreApplication.translate("facts", "refund pending → succeeded"))
    elif card.refund == "async_failure":
        parts.append(QCoreApplication.translate("facts", "refund succeeded → failed"))
    names = ("cvc_check", "address_zip_check", "address_line1_check")
    checks = dict(zip(names, card.checks, strict=True))
    failing = [f"{name}: {value}" for name, value in checks.items() if value != "pass"]
    parts.extend(failing)
    if card.note and card.note not in " ".join(parts):
        parts.append(core_text(card.note))
    return " · ".join(parts)


def card_title(card: TestCard) -> str:
    """``4242 4242 4242 4242  Visa (debit)``: the number grouped by four, then the brand."""
    number = " ".join(card.number[i : i + 4] for i in range(0, len(card.number), 4))
    funding = "" if card.funding == "credit" else f" ({card.funding})"
    return f"{number}  {card.brand}{funding}"


def test_card_for(number: str) -> TestCard | None:
    return _cards.BY_NUMBER.get(normalize_number(number))


@dataclass(frozen=True, slots=True)
class Preset:
    """An example input that triggers a documented test-mode behaviour.

    Attributes:
        label: what the preset does, in words.
        values: bracket-keyed params it fills, e.g. ``{"owner[email]": ...}``.
    """

    label: str
    values: dict[str, str]


_REDIRECT_HOOK_TYPES = ("bancontact", "ideal", "giropay", "p24", "sofort")


def source_presets(source_type: str) -> tuple[Preset, ...]:
    """The test presets of §4 for ``source_type`` (may be empty)."""
    presets: list[Preset] = []
    if source_type in _REDIRECT_HOOK_TYPES:
        presets.append(
            Preset(
                QCoreApplication.translate(
                    "facts",
                    "Becomes chargeable within seconds (owner[email] …_chargeable@example.com)",
                ),
                {"owner[email]": "jenny_chargeable@example.com"},
            )
        )
    if source_type == "multibanco":
        presets += [
            Preset(
                QCoreApplication.translate("facts", "Funds arrive at once (+fill_now)"),
                {"owner[email]": "jenny+fill_now@example.com"},
            ),
            Preset(
                QCoreApplication.translate("facts", "Funds never arrive (+fill_never)"),
                {"owner[email]": "jenny+fill_never@example.com"},
            ),
        ]
    if source_type == "sofort":
        presets += [
            Preset(
                QCoreApplication.translate(
                    "facts",
                    "Charge succeeds after pending (owner[name] succeeding_charge, unverified)",
                ),
                {"owner[name]": "succeeding_charge"},
            ),
            Preset(
                QCoreApplication.translate(
                    "facts", "Charge fails after pending (owner[name] failing_charge, unverified)"
                ),
                {"owner[name]": "failing_charge"},
            ),
        ]
    return tuple(presets)


def sepa_test_ibans() -> tuple[tuple[str, str], ...]:
    """(IBAN, outcome) of the SEPA test IBANs (§4); the failing/dispute sets come from the core."""
    ibans = [
        "DE89370400440532013000",
        "AT611904300234573201",
        *sorted(_source_catalog.SEPA_FAILING_IBANS),
        *sorted(_source_catalog.SEPA_DISPUTE_IBANS),
    ]
    out = []
    for iban in ibans:
        if iban in _source_catalog.SEPA_FAILING_IBANS:
            outcome = QCoreApplication.translate("facts", "charge pending → failed")
        elif iban in _source_catalog.SEPA_DISPUTE_IBANS:
            outcome = QCoreApplication.translate("facts", "charge succeeds, then a dispute")
        else:
            outcome = QCoreApplication.translate("facts", "charge pending → succeeded")
        out.append((iban, outcome))
    return tuple(out)


SOFORT_COUNTRIES = ("DE", "AT", "BE", "NL", "ES", "IT")


def ach_test_accounts() -> tuple[tuple[str, str], ...]:
    """(account number, outcome) for routing 110000000 (§10, ACH test numbers)."""
    return (
        ("000123456789", QCoreApplication.translate("facts", "succeeds")),
        ("000111111116", QCoreApplication.translate("facts", "fails on use")),
        ("000111111113", QCoreApplication.translate("facts", "account closed")),
        ("000222222227", QCoreApplication.translate("facts", "insufficient funds (NSF)")),
        ("000333333335", QCoreApplication.translate("facts", "debit not authorized")),
        ("000444444440", QCoreApplication.translate("facts", "invalid currency")),
    )


ACH_TEST_ROUTING = _intents.US_BANK_ROUTING  # Stripe's one US test routing number, kept by core


# -- PaymentMethods, PaymentIntents, SetupIntents (stripe-intents-domain.md) -----------

PM_TYPES = _intents.PM_TYPES
CARD_ALIASES: tuple[str, ...] = tuple(_intents.CARD_ALIASES)
IDEAL_BANKS = _intents.IDEAL_BANKS
US_BANK_ROUTING = _intents.US_BANK_ROUTING
CANCEL_REASONS = _intents.CANCEL_REASONS
SI_CANCEL_REASONS = _intents.SI_CANCEL_REASONS
NO_MANUAL_CAPTURE = _intents.NO_MANUAL_CAPTURE
RETURN_URL = "https://example.com/return"


def type_currencies(pm_type: str) -> frozenset[str] | None:
    """The currencies a ``pm_type`` pays in (None: any), intents §4.2."""
    return _intents.TYPE_CURRENCIES.get(pm_type)


def intent_outcome(card: TestCard) -> str:
    """What confirming a PaymentIntent on ``card`` does on-session (intents §8.3)."""
    auth = _intents.authentication_of(card.key)
    if auth.confirm_decline is not None:
        return QCoreApplication.translate("facts", "PaymentIntent: declined at confirm")
    if auth.on_session == "action":
        return QCoreApplication.translate(
            "facts", "PaymentIntent: requires_action (3D Secure), then succeeds"
        )
    return QCoreApplication.translate("facts", "PaymentIntent: succeeds without authentication")


def alias_card(alias: str) -> TestCard | None:
    """The test card a ``pm_card_*`` alias stands for (intents §8.2)."""
    key = _intents.CARD_ALIASES.get(alias)
    return _cards.BY_KEY.get(key) if key else None


def alias_outcome(alias: str) -> str:
    card = alias_card(alias)
    if card is None:
        return ""
    return f"{card_title(card)} · {intent_outcome(card)}"


def pm_sepa_test_ibans() -> tuple[tuple[str, str], ...]:
    """(IBAN, outcome) of the SEPA test IBANs a PaymentIntent settles or fails (§8.5)."""
    ok = ("DE89370400440532013000", "AT611904300234573201")
    out = [(i, QCoreApplication.translate("facts", "processing → succeeded")) for i in ok]
    out += [
        (i, QCoreApplication.translate("facts", "processing → requires_payment_method"))
        for i in sorted(_intents.SEPA_FAILING_IBANS)
    ]
    return tuple(out)


def us_bank_test_accounts() -> tuple[tuple[str, str], ...]:
    """(account number, outcome) for routing 110000000 (intents §8.5)."""
    words = {
        "succeed": QCoreApplication.translate("facts", "processing → succeeded"),
        "fail": QCoreApplication.translate("facts", "processing → requires_payment_method"),
        "stay_processing": QCoreApplication.translate("facts", "stays processing"),
    }
    return tuple((n, words[o]) for n, o in _intents.US_BANK_ACCOUNTS.items())
