"""The sandbox's compact internal state: one slotted record per object.

Records are mutable, but nested dicts/lists inside them are never mutated in
place (copy-on-write): replace ``rec.metadata`` with a new dict instead. That
makes ``copy.copy(record)`` a faithful snapshot, which the rollback journal and
event snapshots rely on. JSON is built from records on demand (``core.wire.serialize``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JSONDict = dict[str, Any]


@dataclass(slots=True)
class CardRec:
    """A card: inside a token (``card_``), on a customer, or in a card source."""

    id: str
    key: str  # the test card's key (cards.BY_KEY); never the number
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    funding: str
    fingerprint: str
    country: str
    cvc_provided: bool
    cvc_check: str | None
    address_zip_check: str | None
    address_line1_check: str | None
    name: str | None = None
    address_zip: str | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    address_city: str | None = None
    address_state: str | None = None
    address_country: str | None = None
    customer: str | None = None
    metadata: JSONDict = field(default_factory=dict)
    kind: str = "card"


@dataclass(slots=True)
class BankRec:
    """A bank account (``ba_``), inside a bank-account token or on a customer."""

    id: str
    country: str
    currency: str
    last4: str
    routing_number: str | None
    bank_name: str | None
    account_holder_name: str | None
    account_holder_type: str | None
    fingerprint: str
    status: str = "new"
    customer: str | None = None
    metadata: JSONDict = field(default_factory=dict)
    failed_verifications: int = 0
    kind: str = "bank_account"


@dataclass(slots=True)
class TokenRec:
    id: str
    type: str
    created: int
    used: bool = False
    client_ip: str | None = None
    card: CardRec | None = None
    bank_account: BankRec | None = None
    prev_state: str = ""
    last_edge: str = ""
    trail: tuple[str, ...] = ()  # ids of the edges taken, oldest first
    kind: str = "token"


@dataclass(slots=True)
class SourceRec:
    id: str
    type: str
    flow: str
    status: str
    usage: str
    created: int
    client_secret: str
    amount: int | None = None
    currency: str | None = None
    owner: JSONDict | None = None
    metadata: JSONDict = field(default_factory=dict)
    statement_descriptor: str | None = None
    customer: str | None = None
    type_data: JSONDict = field(default_factory=dict)
    redirect: JSONDict | None = None
    receiver: JSONDict | None = None
    code_verification: JSONDict | None = None
    source_order: JSONDict | None = None
    card_key: str = ""  # test card behind card/three_d_secure sources
    cvc_provided: bool = False
    behavior: str = ""  # e.g. SEPA test IBAN outcome: "fail", "dispute"
    expires_at: int | None = None  # pending or chargeable expiry (§3.4)
    charges: int = 0
    prev_state: str = ""
    last_edge: str = ""
    trail: tuple[str, ...] = ()  # ids of the edges taken, oldest first
    kind: str = "source"


@dataclass(slots=True)
class CustomerRec:
    id: str
    created: int
    email: str | None = None
    name: str | None = None
    description: str | None = None
    phone: str | None = None
    metadata: JSONDict = field(default_factory=dict)
    default_source: str | None = None
    sources: tuple[str, ...] = ()  # attached ids, oldest first
    default_payment_method: str | None = None  # invoice_settings.default_payment_method
    deleted: bool = False
    address: JSONDict | None = None
    shipping: JSONDict | None = None
    preferred_locales: list[str] = field(default_factory=list)
    invoice_settings: JSONDict | None = None  # None: Stripe's all-null settings
    balance: int = 0
    tax_exempt: str = "none"
    kind: str = "customer"


@dataclass(slots=True)
class ChargeRec:
    id: str
    created: int
    amount: int
    currency: str
    status: str
    paid: bool
    captured: bool
    amount_captured: int
    payment_method: str | None
    source_kind: str  # "card", "source", "bank_account"
    source_snapshot: Any  # CardRec/SourceRec/BankRec copy at charge time
    customer: str | None = None
    amount_refunded: int = 0
    refunded: bool = False
    failure_code: str | None = None
    failure_message: str | None = None
    decline_code: str | None = None
    description: str | None = None
    metadata: JSONDict = field(default_factory=dict)
    receipt_email: str | None = None
    statement_descriptor: str | None = None
    statement_descriptor_suffix: str | None = None
    transfer_group: str | None = None
    shipping: JSONDict | None = None
    on_behalf_of: str | None = None
    transfer_data: JSONDict | None = None
    application_fee_amount: int | None = None
    refunds: tuple[str, ...] = ()
    balance_transaction: str | None = None
    disputed: bool = False
    risk_level: str = "normal"
    settle_at: int | None = None  # async charges (§8.2)
    settle_outcome: str = ""  # "succeeded" or "failed"
    capture_expires_at: int | None = None  # uncaptured charges (§3.4)
    payment_intent: str | None = None  # the PaymentIntent that made it (intents §3.7)
    prev_state: str = ""
    last_edge: str = ""
    trail: tuple[str, ...] = ()  # ids of the edges taken, oldest first
    kind: str = "charge"


@dataclass(slots=True)
class RefundRec:
    id: str
    created: int
    amount: int
    currency: str
    charge: str
    status: str
    reason: str | None = None
    metadata: JSONDict = field(default_factory=dict)
    failure_reason: str | None = None
    settle_at: int | None = None
    settle_to: str = ""
    payment_intent: str | None = None
    balance_transaction: str | None = None
    kind: str = "refund"


@dataclass(slots=True)
class BalanceTxnRec:
    """A balance transaction (``txn_``): money in from a charge, out for a refund."""

    id: str
    created: int
    amount: int
    currency: str
    fee: int
    type: str  # "charge" or "refund"
    source: str  # the ch_ or re_ id
    available_on: int
    description: str | None = None
    status: str = "pending"  # "available" once the clock reaches available_on
    kind: str = "balance_transaction"


@dataclass(slots=True)
class PaymentMethodRec:
    """A PaymentMethod (``pm_``, intents §4). ``status`` is the lifecycle state only
    (``unattached``/``attached``/``consumed``/``detached``): Stripe's JSON has none."""

    id: str
    type: str
    created: int
    status: str = "unattached"
    customer: str | None = None
    billing_details: JSONDict = field(default_factory=dict)
    metadata: JSONDict = field(default_factory=dict)
    card: CardRec | None = None  # card PMs: the test card (key, last4...), never the number
    type_data: JSONDict = field(default_factory=dict)  # the non-card type hash
    behavior: str = ""  # bank test outcome: "succeed", "fail", "stay_processing"
    set_up: bool = False  # confirmed by a SetupIntent or setup_future_usage (§8.4)
    prev_state: str = ""
    last_edge: str = ""
    trail: tuple[str, ...] = ()  # ids of the edges taken, oldest first
    kind: str = "payment_method"


@dataclass(slots=True)
class PaymentIntentRec:
    """A PaymentIntent (``pi_``, intents §2); ``status`` is Stripe's own."""

    id: str
    created: int
    amount: int
    currency: str
    client_secret: str
    status: str = "requires_payment_method"
    capture_method: str = "automatic"
    confirmation_method: str = "automatic"
    customer: str | None = None
    payment_method: str | None = None
    payment_method_types: tuple[str, ...] = ("card",)
    automatic_payment_methods: str | None = None  # allow_redirects when enabled (§10)
    return_url: str | None = None
    setup_future_usage: str | None = None
    next_action: JSONDict | None = None
    last_payment_error: JSONDict | None = None
    latest_charge: str | None = None
    amount_capturable: int = 0
    amount_received: int = 0
    canceled_at: int | None = None
    cancellation_reason: str | None = None
    description: str | None = None
    metadata: JSONDict = field(default_factory=dict)
    receipt_email: str | None = None
    statement_descriptor_suffix: str | None = None
    off_session: bool = False  # the confirmation in progress was off-session
    authenticated: bool = False  # 3DS done under confirmation_method=manual (T6m)
    process_at: int | None = None  # a processing payment settles then (T13/T14)
    action_expires_at: int | None = None  # requires_action times out then (T8)
    incremental_authorization: bool = False  # asked for at create (T19)
    increment_attempts: int = 0  # incremental authorizations tried (T19: at most 10)
    prev_state: str = ""
    last_edge: str = ""
    trail: tuple[str, ...] = ()  # ids of the edges taken, oldest first
    kind: str = "payment_intent"


@dataclass(slots=True)
class SetupIntentRec:
    """A SetupIntent (``seti_``, intents §5)."""

    id: str
    created: int
    client_secret: str
    status: str = "requires_payment_method"
    usage: str = "off_session"
    customer: str | None = None
    payment_method: str | None = None
    payment_method_types: tuple[str, ...] = ("card",)
    automatic_payment_methods: str | None = None
    return_url: str | None = None
    next_action: JSONDict | None = None
    last_setup_error: JSONDict | None = None
    cancellation_reason: str | None = None
    description: str | None = None
    metadata: JSONDict = field(default_factory=dict)
    prev_state: str = ""
    last_edge: str = ""
    trail: tuple[str, ...] = ()  # ids of the edges taken, oldest first
    kind: str = "setup_intent"


@dataclass(slots=True)
class EventRec:
    id: str
    type: str
    created: int
    snapshot: Any  # a record copy (data.object) or a JSON dict
    idempotency_key: str | None = None
    previous_attributes: JSONDict | None = None
    kind: str = "event"


def _make_copy(cls: Any) -> Any:
    """A generated ``__copy__`` for a slotted record (several times faster than the
    generic ``copy.copy`` path, which matters: the journal and event snapshots copy)."""
    lines = [f"    new.{name} = self.{name}" for name in cls.__slots__]
    source = "def __copy__(self):\n    new = _new(_cls)\n" + "\n".join(lines) + "\n    return new\n"
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    exec(source, namespace)  # noqa: S102 - generated from the class's own slot names
    return namespace["__copy__"]


for _cls in (
    CardRec,
    BankRec,
    TokenRec,
    SourceRec,
    CustomerRec,
    ChargeRec,
    RefundRec,
    BalanceTxnRec,
    EventRec,
    PaymentMethodRec,
    PaymentIntentRec,
    SetupIntentRec,
):
    setattr(_cls, "__copy__", _make_copy(_cls))  # noqa: B010

Record = (
    CardRec
    | BankRec
    | TokenRec
    | SourceRec
    | CustomerRec
    | ChargeRec
    | RefundRec
    | BalanceTxnRec
    | PaymentMethodRec
    | PaymentIntentRec
    | SetupIntentRec
)
