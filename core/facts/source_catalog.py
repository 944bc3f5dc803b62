"""The catalogue of Source types (stripe-domain.md §4): for each ``type`` its flows,
usages, expiries, currencies, amounts, settling and refund window, with what the
reference marks unverified; and the test IBANs that make a SEPA debit fail or be
disputed (§10).

Every choice the reference marks **unverified** is flagged in
``SourceType.unverified`` with a note; the GUI shows those notes as they are.
This is the one place to change such a choice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.facts.catalog import ACCOUNT_DEFAULT_CURRENCY, DAY, HOUR
from core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class SourceType:
    """What the sandbox knows about one Source ``type``.

    Attributes:
        name: the ``type`` value.
        flows: allowed flows, the default first.
        usages: allowed ``usage`` values, the default first.
        initial_status: status at creation ("pending"/"chargeable"); three_d_secure
            is decided by its card (§3.2).
        pending_expiry: seconds until a pending source is canceled (T3), or None.
        chargeable_expiry: seconds until an uncharged chargeable source is canceled
            (T4), or None.
        china_cutoff: chargeable sources also end at 23:45 China time (§3.4).
        currencies: accepted currencies, or None for any.
        min_amount: minimum source/charge amount in that currency's unit, or None.
        max_amount: maximum per transaction, or None.
        charge_sync: the charge is final at once (§8.2); else it starts pending.
        settle_seconds: for async types, when a pending charge settles.
        amount_at_creation: "required", "optional" or "forbidden" (§5.1 rule 6).
        required: extra create params (bracket keys) the type needs.
        pull: pull (True) or push (False) payment.
        refund_days: refund window in days, or None when unknown/none.
        unverified: the facts above that the reference marks unverified, with a note.
    """

    name: str
    flows: tuple[str, ...]
    usages: tuple[str, ...]
    initial_status: str
    pending_expiry: int | None
    chargeable_expiry: int | None
    currencies: frozenset[str] | None
    charge_sync: bool = True
    settle_seconds: int = 0
    china_cutoff: bool = False
    min_amount: int | None = None
    max_amount: int | None = None
    amount_at_creation: str = "optional"
    required: tuple[str, ...] = ()
    pull: bool = False
    refund_days: int | None = None
    unverified: dict[str, str] = field(default_factory=dict)

    @property
    def flow(self) -> str:
        return self.flows[0]

    @property
    def default_usage(self) -> str:
        return self.usages[0]


_EUR = frozenset({"eur"})

#: The words shown for each topic of ``SourceType.unverified`` (its keys).
UNVERIFIED_TOPICS: dict[str, str] = {
    "expiry": QT_TRANSLATE_NOOP("core", "expiry"),
    "settle": QT_TRANSLATE_NOOP("core", "settle"),
    "refund_window": QT_TRANSLATE_NOOP("core", "refund window"),
    "test_names": QT_TRANSLATE_NOOP("core", "test names"),
    "amount": QT_TRANSLATE_NOOP("core", "amount"),
    "usage": QT_TRANSLATE_NOOP("core", "usage"),
    "currency": QT_TRANSLATE_NOOP("core", "currency"),
    "flow": QT_TRANSLATE_NOOP("core", "flow"),
    "charge": QT_TRANSLATE_NOOP("core", "charge"),
    "code": QT_TRANSLATE_NOOP("core", "code"),
    "all": QT_TRANSLATE_NOOP("core", "all"),
}

_ASYNC_NOTE = QT_TRANSLATE_NOOP(
    "core",
    "settle delay is a plausible sandbox choice; the docs give a range "
    "(§8.2) and the sandbox settles at this fixed delay",
)


def _bank_redirect(name: str, currencies: frozenset[str] = _EUR, **facts: Any) -> SourceType:
    """A redirect payment method of a bank (§4): single use, pending for an hour while
    the customer authorizes, then chargeable for six (§3.4), its amount given at creation
    (§5.1 rule 6)."""
    return SourceType(
        name,
        ("redirect",),
        ("single_use",),
        "pending",
        HOUR,
        6 * HOUR,
        currencies,
        amount_at_creation="required",
        **facts,
    )


SOURCE_TYPES: dict[str, SourceType] = {
    t.name: t
    for t in (
        SourceType("card", ("none",), ("reusable",), "chargeable", None, None, None, pull=True),
        SourceType(
            "three_d_secure",
            ("redirect",),
            ("single_use",),
            "pending",
            HOUR,
            6 * HOUR,
            None,
            amount_at_creation="required",
            required=("three_d_secure[card]", "redirect[return_url]"),
            pull=True,
            unverified={
                "expiry": QT_TRANSLATE_NOOP(
                    "core",
                    "1 h pending / 6 h chargeable copied from the redirect types; "
                    "Stripe documents no timer for three_d_secure (§3.4)",
                )
            },
        ),
        SourceType(
            "sepa_debit",
            ("none",),
            ("reusable",),
            "chargeable",
            None,
            None,
            _EUR,
            charge_sync=False,
            settle_seconds=5 * DAY,
            max_amount=1_000_000,
            required=("sepa_debit[iban]", "owner[name]"),
            pull=True,
            refund_days=180,
            unverified={"settle": _ASYNC_NOTE},
        ),
        _bank_redirect(
            "sofort",
            charge_sync=False,
            settle_seconds=2 * DAY,
            min_amount=100,
            required=("sofort[country]", "redirect[return_url]"),
            unverified={
                "settle": _ASYNC_NOTE,
                "refund_window": QT_TRANSLATE_NOOP("core", "unknown (§4)"),
                "test_names": QT_TRANSLATE_NOOP(
                    "core",
                    "owner[name]=failing_charge makes the charge fail; "
                    "from a third-party copy of Stripe's page (§4)",
                ),
            },
        ),
        _bank_redirect(
            "ideal",
            required=("redirect[return_url]",),
            refund_days=180,
        ),
        _bank_redirect(
            "bancontact",
            min_amount=100,
            required=("owner[name]", "redirect[return_url]"),
            refund_days=180,
        ),
        _bank_redirect(
            "giropay",
            required=("redirect[return_url]",),
            refund_days=180,
        ),
        _bank_redirect(
            "eps",
            required=("redirect[return_url]",),
            unverified={
                "expiry": QT_TRANSLATE_NOOP(
                    "core", "1 h / 6 h assumed from the other redirect types (§3.4)"
                ),
                "refund_window": QT_TRANSLATE_NOOP("core", "unknown (§4)"),
            },
        ),
        _bank_redirect(
            "p24",
            frozenset({"eur", "pln"}),
            required=("owner[email]", "redirect[return_url]"),
            refund_days=180,
        ),
        SourceType(
            "multibanco",
            ("receiver",),
            ("single_use",),
            "pending",
            7 * DAY,
            6 * HOUR,
            _EUR,
            amount_at_creation="required",
            required=("owner[email]",),
            refund_days=180,
            unverified={
                "amount": QT_TRANSLATE_NOOP(
                    "core",
                    "single-use receiver: amount is required (it is the sum "
                    "to push), although §5.1 rule 6 says receivers take "
                    "no amount; that rule is applied to reusable receivers",
                )
            },
        ),
        SourceType(
            "alipay",
            ("redirect",),
            ("single_use",),
            "pending",
            HOUR,
            6 * HOUR,
            frozenset({"cny", ACCOUNT_DEFAULT_CURRENCY}),
            china_cutoff=True,
            amount_at_creation="required",
            required=("redirect[return_url]",),
            refund_days=90,
            unverified={
                "usage": QT_TRANSLATE_NOOP(
                    "core", "reusable Alipay was a closed beta: the sandbox refuses it (§4)"
                )
            },
        ),
        SourceType(
            "wechat",
            ("none",),
            ("single_use",),
            "pending",
            HOUR,
            6 * HOUR,
            frozenset({ACCOUNT_DEFAULT_CURRENCY}),
            china_cutoff=True,
            amount_at_creation="required",
            refund_days=180,
            unverified={
                "currency": QT_TRANSLATE_NOOP(
                    "core",
                    "WeChat takes aud/cad/eur/gbp/hkd/jpy/sgd/usd but only "
                    "the account's default currency; the sandbox account "
                    "is a US account (usd)",
                )
            },
        ),
        SourceType(
            "ach_credit_transfer",
            ("receiver",),
            ("reusable", "single_use"),
            "pending",
            None,
            None,
            frozenset({"usd"}),
            amount_at_creation="forbidden",
            required=("owner[email]",),
            unverified={
                "expiry": QT_TRANSLATE_NOOP(
                    "core", "no timer documented; the sandbox sets none (§3.4)"
                ),
                "refund_window": QT_TRANSLATE_NOOP("core", "unknown (§4)"),
            },
        ),
        SourceType(
            "klarna",
            ("redirect",),
            ("single_use",),
            "pending",
            HOUR,
            6 * HOUR,
            None,
            amount_at_creation="required",
            required=("redirect[return_url]",),
            unverified={
                "flow": QT_TRANSLATE_NOOP(
                    "core", "redirect inferred from its *_redirect_url fields (§4)"
                ),
                "usage": QT_TRANSLATE_NOOP("core", "single_use (§4, unverified)"),
                "expiry": QT_TRANSLATE_NOOP("core", "1 h / 6 h assumed (§3.4)"),
                "charge": QT_TRANSLATE_NOOP(
                    "core", "sync; needs source_order before charging (§4)"
                ),
            },
        ),
        SourceType(
            "ach_debit",
            ("code_verification", "redirect"),
            ("reusable",),
            "pending",
            None,
            None,
            frozenset({"usd"}),
            charge_sync=False,
            settle_seconds=4 * DAY,
            pull=True,
            unverified={
                "flow": QT_TRANSLATE_NOOP(
                    "core",
                    "code_verification (microdeposits) by default, redirect "
                    "on request (§4 table, partly unverified)",
                ),
                "usage": QT_TRANSLATE_NOOP("core", "reusable (unverified)"),
                "code": QT_TRANSLATE_NOOP(
                    "core",
                    "values[]=32&values[]=45 verifies, 3 attempts (ACH microdeposit rules, §7)",
                ),
                "settle": _ASYNC_NOTE,
            },
        ),
        SourceType(
            "acss_debit",
            ("none",),
            ("reusable",),
            "chargeable",
            None,
            None,
            frozenset({"cad"}),
            charge_sync=False,
            settle_seconds=5 * DAY,
            pull=True,
            unverified={
                "all": QT_TRANSLATE_NOOP(
                    "core",
                    "flow, usage and initial status are unverified (§4); "
                    "modelled like sepa_debit, a mandate-based debit",
                ),
                "settle": _ASYNC_NOTE,
            },
        ),
        SourceType(
            "au_becs_debit",
            ("none",),
            ("reusable",),
            "chargeable",
            None,
            None,
            frozenset({"aud"}),
            charge_sync=False,
            settle_seconds=3 * DAY,
            pull=True,
            unverified={
                "all": QT_TRANSLATE_NOOP(
                    "core",
                    "flow, usage and initial status are unverified (§4); "
                    "modelled like sepa_debit, a mandate-based debit",
                ),
                "settle": _ASYNC_NOTE,
            },
        ),
        SourceType(
            "card_present",
            ("none",),
            ("single_use",),
            "chargeable",
            None,
            None,
            None,
            amount_at_creation="required",
            pull=True,
            unverified={
                "all": QT_TRANSLATE_NOOP(
                    "core",
                    "legacy Terminal type: flow none, single_use and "
                    "chargeable at creation are sandbox choices (§4)",
                )
            },
        ),
    )
}

SOURCE_TYPE_NAMES: tuple[str, ...] = tuple(SOURCE_TYPES)
FLOWS: tuple[str, ...] = ("none", "redirect", "receiver", "code_verification")

SEPA_FAILING_IBANS = frozenset({"DE62370400440532013001", "AT861904300235473202"})
SEPA_DISPUTE_IBANS = frozenset({"DE35370400440532013002", "AT591904300235473203"})
