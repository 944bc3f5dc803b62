"""Pydantic v2 models of the Stripe JSON the sandbox emits.

Serialization rule: a model is built from exactly the fields Stripe sends and
dumped with ``exclude_unset=True``. A nullable field Stripe sends as ``null``
is passed explicitly as ``None`` and stays ``null``; a field Stripe leaves out
(``source.customer`` until attached, the other flows' hashes, §2.1) is never
passed and stays absent. ``exclude_none`` is never used.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

Json = dict[str, Any]


class _Stripe(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def json_dict(self) -> Json:
        return self.model_dump(exclude_unset=True)


class SourceOwner(_Stripe):
    address: Json | None = None
    email: str | None = None
    name: str | None = None
    phone: str | None = None
    verified_address: Json | None = None
    verified_email: str | None = None
    verified_name: str | None = None
    verified_phone: str | None = None


class SourceRedirect(_Stripe):
    failure_reason: str | None = None
    return_url: str
    status: Literal["pending", "succeeded", "not_required", "failed"]
    url: str


class SourceReceiver(_Stripe):
    address: str | None = None
    amount_charged: int
    amount_received: int
    amount_returned: int
    refund_attributes_method: str
    refund_attributes_status: str


class SourceCodeVerification(_Stripe):
    attempts_remaining: int
    status: Literal["pending", "succeeded", "failed"]


class Source(_Stripe):
    id: str
    object: Literal["source"] = "source"
    amount: int | None = None
    client_secret: str
    created: int
    currency: str | None = None
    customer: str | None = None
    flow: Literal["redirect", "receiver", "code_verification", "none"]
    livemode: bool
    metadata: dict[str, str] | None = None
    owner: SourceOwner | None = None
    redirect: SourceRedirect | None = None
    receiver: SourceReceiver | None = None
    code_verification: SourceCodeVerification | None = None
    source_order: Json | None = None
    statement_descriptor: str | None = None
    status: Literal["canceled", "chargeable", "consumed", "failed", "pending"]
    type: str
    usage: Literal["reusable", "single_use"] | None = None
    ach_credit_transfer: Json | None = None
    ach_debit: Json | None = None
    acss_debit: Json | None = None
    alipay: Json | None = None
    au_becs_debit: Json | None = None
    bancontact: Json | None = None
    card: Json | None = None
    card_present: Json | None = None
    eps: Json | None = None
    giropay: Json | None = None
    ideal: Json | None = None
    klarna: Json | None = None
    multibanco: Json | None = None
    p24: Json | None = None
    sepa_debit: Json | None = None
    sofort: Json | None = None
    three_d_secure: Json | None = None
    wechat: Json | None = None


class Card(_Stripe):
    id: str
    object: Literal["card"] = "card"
    address_city: str | None = None
    address_country: str | None = None
    address_line1: str | None = None
    address_line1_check: str | None = None
    address_line2: str | None = None
    address_state: str | None = None
    address_zip: str | None = None
    address_zip_check: str | None = None
    brand: str
    country: str | None = None
    customer: str | None = None
    cvc_check: str | None = None
    dynamic_last4: str | None = None
    exp_month: int
    exp_year: int
    fingerprint: str | None = None
    funding: str
    last4: str
    metadata: dict[str, str] | None = None
    name: str | None = None
    tokenization_method: str | None = None


class BankAccount(_Stripe):
    id: str
    object: Literal["bank_account"] = "bank_account"
    account_holder_name: str | None = None
    account_holder_type: str | None = None
    account_type: str | None = None
    bank_name: str | None = None
    country: str
    currency: str
    customer: str | None = None
    fingerprint: str | None = None
    last4: str
    metadata: dict[str, str] | None = None
    routing_number: str | None = None
    status: str


class Token(_Stripe):
    id: str
    object: Literal["token"] = "token"
    bank_account: BankAccount | None = None
    card: Card | None = None
    client_ip: str | None = None
    created: int
    livemode: bool
    type: Literal["account", "bank_account", "card", "pii", "person", "cvc_update"]
    used: bool


class ListObject(_Stripe):
    object: Literal["list"] = "list"
    data: list[Json]
    has_more: bool
    url: str


class Customer(_Stripe):
    id: str
    object: Literal["customer"] = "customer"
    address: Json | None = None
    balance: int
    created: int
    currency: str | None = None
    default_source: str | None = None
    delinquent: bool | None = None
    description: str | None = None
    discount: Json | None = None
    email: str | None = None
    invoice_prefix: str | None = None
    invoice_settings: Json | None = None
    livemode: bool
    metadata: dict[str, str]
    name: str | None = None
    next_invoice_sequence: int
    phone: str | None = None
    preferred_locales: list[str] | None = None
    shipping: Json | None = None
    sources: ListObject | None = None
    tax_exempt: str | None = None
    test_clock: str | None = None


class Charge(_Stripe):
    id: str
    object: Literal["charge"] = "charge"
    amount: int
    amount_captured: int
    amount_refunded: int
    application: str | None = None
    application_fee: str | None = None
    application_fee_amount: int | None = None
    balance_transaction: str | None = None
    billing_details: Json
    calculated_statement_descriptor: str | None = None
    captured: bool
    created: int
    currency: str
    customer: str | None = None
    description: str | None = None
    disputed: bool
    failure_balance_transaction: str | None = None
    failure_code: str | None = None
    failure_message: str | None = None
    fraud_details: Json | None = None
    invoice: str | None = None
    livemode: bool
    metadata: dict[str, str]
    on_behalf_of: str | None = None
    outcome: Json | None = None
    paid: bool
    payment_intent: str | None = None
    payment_method: str | None = None
    payment_method_details: Json | None = None
    receipt_email: str | None = None
    receipt_number: str | None = None
    refunded: bool
    review: str | None = None
    shipping: Json | None = None
    source: Json | None = None  # historical field, still returned (§8.3)
    source_transfer: str | None = None
    statement_descriptor: str | None = None
    statement_descriptor_suffix: str | None = None
    status: Literal["succeeded", "pending", "failed"]
    transfer_data: Json | None = None
    transfer_group: str | None = None


class Refund(_Stripe):
    id: str
    object: Literal["refund"] = "refund"
    amount: int
    balance_transaction: str | None = None
    charge: str | None = None
    created: int
    currency: str
    failure_reason: str | None = None
    metadata: dict[str, str] | None = None
    payment_intent: str | None = None
    reason: str | None = None
    receipt_number: str | None = None
    source_transfer_reversal: str | None = None
    status: str | None = None
    transfer_reversal: str | None = None


class EventData(_Stripe):
    object: Json
    previous_attributes: Json | None = None


class EventRequest(_Stripe):
    id: str | None = None
    idempotency_key: str | None = None


class Event(_Stripe):
    id: str
    object: Literal["event"] = "event"
    api_version: str
    created: int
    data: EventData
    livemode: bool
    pending_webhooks: int
    request: EventRequest | None = None
    type: str


class BillingDetails(_Stripe):
    address: Json | None = None
    email: str | None = None
    name: str | None = None
    phone: str | None = None


class PaymentMethodCard(_Stripe):
    brand: str
    checks: Json | None = None
    country: str | None = None
    exp_month: int
    exp_year: int
    fingerprint: str | None = None
    funding: str
    generated_from: Json | None = None
    last4: str
    networks: Json | None = None
    three_d_secure_usage: Json | None = None
    wallet: Json | None = None


class PaymentMethod(_Stripe):
    """intents §4.1; exactly one type hash is present, named after ``type``."""

    id: str
    object: Literal["payment_method"] = "payment_method"
    bancontact: Json | None = None
    billing_details: BillingDetails
    card: PaymentMethodCard | None = None
    created: int
    customer: str | None = None
    ideal: Json | None = None
    livemode: bool
    metadata: dict[str, str] | None = None
    sepa_debit: Json | None = None
    type: Literal["card", "sepa_debit", "ideal", "bancontact", "us_bank_account"]
    us_bank_account: Json | None = None


class PaymentIntent(_Stripe):
    """intents §2 (OAS23 ``payment_intent``)."""

    id: str
    object: Literal["payment_intent"] = "payment_intent"
    amount: int
    amount_capturable: int
    amount_received: int
    application: str | None = None
    application_fee_amount: int | None = None
    automatic_payment_methods: Json | None = None
    canceled_at: int | None = None
    cancellation_reason: str | None = None
    capture_method: Literal["automatic", "automatic_async", "manual"]
    client_secret: str | None = None
    confirmation_method: Literal["automatic", "manual"]
    created: int
    currency: str
    customer: str | None = None
    description: str | None = None
    invoice: str | None = None
    last_payment_error: Json | None = None
    latest_charge: str | None = None
    livemode: bool
    metadata: dict[str, str]
    next_action: Json | None = None
    on_behalf_of: str | None = None
    payment_method: str | None = None
    payment_method_options: Json | None = None
    payment_method_types: list[str]
    processing: Json | None = None
    receipt_email: str | None = None
    review: str | None = None
    setup_future_usage: Literal["on_session", "off_session"] | None = None
    shipping: Json | None = None
    statement_descriptor: str | None = None
    statement_descriptor_suffix: str | None = None
    status: Literal[
        "requires_payment_method",
        "requires_confirmation",
        "requires_action",
        "processing",
        "requires_capture",
        "canceled",
        "succeeded",
    ]
    transfer_data: Json | None = None
    transfer_group: str | None = None


class SetupIntent(_Stripe):
    """intents §5.1 (OAS23 ``setup_intent``): no ``requires_capture``."""

    id: str
    object: Literal["setup_intent"] = "setup_intent"
    application: str | None = None
    automatic_payment_methods: Json | None = None
    cancellation_reason: str | None = None
    client_secret: str | None = None
    created: int
    customer: str | None = None
    description: str | None = None
    flow_directions: list[str] | None = None
    last_setup_error: Json | None = None
    latest_attempt: str | None = None
    livemode: bool
    mandate: str | None = None
    metadata: dict[str, str] | None = None
    next_action: Json | None = None
    on_behalf_of: str | None = None
    payment_method: str | None = None
    payment_method_options: Json | None = None
    payment_method_types: list[str]
    single_use_mandate: str | None = None
    status: Literal[
        "requires_payment_method",
        "requires_confirmation",
        "requires_action",
        "processing",
        "canceled",
        "succeeded",
    ]
    usage: Literal["off_session", "on_session"]


MODELS: dict[str, type[_Stripe]] = {
    "source": Source,
    "card": Card,
    "bank_account": BankAccount,
    "token": Token,
    "customer": Customer,
    "charge": Charge,
    "refund": Refund,
    "event": Event,
    "list": ListObject,
    "payment_method": PaymentMethod,
    "payment_intent": PaymentIntent,
    "setup_intent": SetupIntent,
}
