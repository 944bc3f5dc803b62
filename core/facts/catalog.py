"""Account-wide facts of stripe-domain.md: the API version, currencies and their
minimum charge amounts (§8.1), timing (§3.4), and the §3.3 notes the reference marks
unverified. The per-type facts of Sources are :mod:`core.facts.source_catalog`."""

from __future__ import annotations

HOUR = 3600
DAY = 86400

ACCOUNT_DEFAULT_CURRENCY = "usd"
API_VERSION = "2023-08-16"

#: Currencies the sandbox accepts (three-letter, lower case). Zero-decimal ones below.
CURRENCIES: frozenset[str] = frozenset(
    {
        "usd",
        "eur",
        "gbp",
        "cad",
        "aud",
        "jpy",
        "chf",
        "cny",
        "pln",
        "sek",
        "nok",
        "dkk",
        "hkd",
        "sgd",
        "nzd",
        "mxn",
        "brl",
        "inr",
        "czk",
        "huf",
        "ron",
        "bgn",
        "krw",
        "thb",
        "myr",
        "php",
        "aed",
        "ils",
        "zar",
        "try",
    }
)
ZERO_DECIMAL: frozenset[str] = frozenset({"jpy", "krw"})

#: Minimum charge amounts, "$0.50 or equivalent" (§8.1), per Stripe's published table.
MIN_CHARGE: dict[str, int] = {
    "usd": 50,
    "eur": 50,
    "gbp": 30,
    "cad": 50,
    "aud": 50,
    "jpy": 50,
    "chf": 50,
    "cny": 400,
    "pln": 200,
    "sek": 300,
    "nok": 300,
    "dkk": 250,
    "hkd": 400,
    "sgd": 50,
    "nzd": 50,
    "mxn": 1000,
    "brl": 50,
    "inr": 50,
    "czk": 1500,
    "huf": 17500,
    "ron": 200,
    "bgn": 100,
    "krw": 700,
    "thb": 1000,
    "myr": 200,
    "php": 2500,
    "aed": 200,
    "ils": 200,
    "zar": 1000,
    "try": 1500,
}
MAX_AMOUNT = 99_999_999  # "up to 8 digits" (§8.1)

UNCAPTURED_EXPIRY = 7 * DAY  # §3.4 related timing facts
IDEMPOTENCY_WINDOW = DAY  # Stripe keeps idempotency keys for 24 hours
CHINA_CUTOFF_UTC = (15, 45)  # 23:45 China Standard Time (GMT+8) = 15:45 UTC (§3.4)


def format_amount(amount: int, currency: str) -> str:
    if currency in ZERO_DECIMAL:
        return f"{amount}"
    symbol = {"usd": "$", "eur": "€", "gbp": "£"}.get(currency, "")
    return f"{symbol}{amount // 100}.{amount % 100:02d}"


#: §3.3 notes that are unverified, shown by the graph/explanations.
EVENT_NOTES: dict[str, str] = {
    "consumed": "No event is documented for a source becoming consumed (§3.3 T5); the "
    "sandbox fires none besides the charge or customer.source.deleted events.",
    "T7": "source.failed after a failed SEPA charge is expected but unverified (§3.3 T7).",
    "attach_single_use": "Whether Stripe rejects attaching a single-use source is unverified "
    "(§5.2); the sandbox allows it, as the docs only advise against it.",
    "card_without_customer": "The message for charging an attached card/source without "
    "customer is unverified (§8.1); the sandbox refuses it with code "
    "missing on param customer, in its own marked wording.",
    "delete_customer": "Deleting a customer deletes its cards and detaches (consumes) its "
    "sources: sandbox choice, not documented.",
}

#: Test helpers' ACH microdeposit amounts that verify (§7, §10).
MICRODEPOSITS = (32, 45)
VERIFY_ATTEMPTS = 3
