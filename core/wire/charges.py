"""Charges and refunds as Stripe JSON (§8, §9): the outcome and the payment method
details of what was charged (a card, a bank account, a source or a PaymentMethod)."""

from __future__ import annotations

from typing import Any

from core.store.records import (
    BankRec,
    CardRec,
    ChargeRec,
    JSONDict,
    PaymentMethodRec,
    RefundRec,
    SourceRec,
)
from core.wire.emit import dump, fresh
from core.wire.sources import payment_source_json


def card_network(brand: str) -> str:
    """A card brand as the network name Stripe writes (``American Express`` -> ``amex``)."""
    return brand.lower().replace(" ", "").replace("americanexpress", "amex")


def _outcome(rec: ChargeRec) -> JSONDict:
    if rec.status == "failed":
        blocked = rec.decline_code == "fraudulent"
        return {
            "network_status": "not_sent_to_network" if blocked else "declined_by_network",
            "reason": rec.decline_code or rec.failure_code,
            "risk_level": rec.risk_level,
            "risk_score": 95 if blocked else 20,
            "seller_message": "Stripe blocked this payment as too risky."
            if blocked
            else "The bank did not return any further details with this decline.",
            "type": "blocked" if blocked else "issuer_declined",
        }
    return {
        "network_status": "approved_by_network",
        "reason": None,
        "risk_level": rec.risk_level,
        "risk_score": 60 if rec.risk_level != "normal" else 20,
        "seller_message": "Payment complete.",
        "type": "authorized",
    }


#: payment_method_details keys per source type (a subset of the source's type hash).
_PMD_KEYS: dict[str, tuple[str, ...]] = {
    "ideal": ("bank", "bic", "iban_last4"),
    "sofort": ("bank_code", "bank_name", "bic", "country", "iban_last4", "preferred_language"),
    "bancontact": ("bank_code", "bank_name", "bic", "iban_last4", "preferred_language"),
    "giropay": ("bank_code", "bank_name", "bic"),
    "p24": ("reference",),
    "multibanco": ("entity", "reference"),
    "sepa_debit": ("bank_code", "branch_code", "country", "fingerprint", "last4"),
    "ach_credit_transfer": ("account_number", "bank_name", "routing_number", "swift_code"),
    "ach_debit": ("bank_name", "country", "fingerprint", "last4", "routing_number"),
    "acss_debit": ("bank_name", "fingerprint", "last4"),
    "au_becs_debit": ("bsb_number", "fingerprint", "last4"),
}


def _card_details(
    brand: str,
    last4: Any,
    exp_month: Any,
    exp_year: Any,
    country: Any,
    fingerprint: Any,
    funding: Any,
    checks: tuple[Any, Any, Any],
) -> JSONDict:
    network = card_network(brand)
    return {
        "brand": network,
        "checks": {
            "address_line1_check": checks[0],
            "address_postal_code_check": checks[1],
            "cvc_check": checks[2],
        },
        "country": country,
        "exp_month": exp_month,
        "exp_year": exp_year,
        "fingerprint": fingerprint,
        "funding": funding,
        "last4": last4,
        "network": network,
        "three_d_secure": None,
        "wallet": None,
    }


def _method_details(rec: ChargeRec) -> JSONDict:
    snap = rec.source_snapshot
    if isinstance(snap, PaymentMethodRec):
        return pm_charge_details(snap)
    if isinstance(snap, CardRec):
        return {
            "type": "card",
            "card": _card_details(
                snap.brand,
                snap.last4,
                snap.exp_month,
                snap.exp_year,
                snap.country,
                snap.fingerprint,
                snap.funding,
                (snap.address_line1_check, snap.address_zip_check, snap.cvc_check),
            ),
        }
    if isinstance(snap, BankRec):
        return {
            "type": "ach_debit",
            "ach_debit": {"last4": snap.last4, "routing_number": snap.routing_number},
        }
    assert isinstance(snap, SourceRec)
    data = snap.type_data
    if snap.type in ("card", "three_d_secure", "card_present"):
        details = _card_details(
            str(data.get("brand") or "unknown"),
            data.get("last4"),
            data.get("exp_month") or 12,
            data.get("exp_year") or 2030,
            data.get("country"),
            data.get("fingerprint"),
            data.get("funding"),
            (data.get("address_line1_check"), data.get("address_zip_check"), data.get("cvc_check")),
        )
        if snap.type != "card_present":
            return {"type": "card", "card": details}
        details.pop("checks")
        details.pop("three_d_secure")
        details.pop("wallet")
        details.update(
            {"incremental_authorization_supported": False, "overcapture_supported": False}
        )
        return {"type": "card_present", "card_present": details}
    return {"type": snap.type, snap.type: {k: data.get(k) for k in _PMD_KEYS.get(snap.type, ())}}


def charge_json(rec: ChargeRec) -> JSONDict:
    return dump(
        "charge",
        {
            "id": rec.id,
            "object": "charge",
            "amount": rec.amount,
            "amount_captured": rec.amount_captured,
            "amount_refunded": rec.amount_refunded,
            "application": None,
            "application_fee": None,
            "application_fee_amount": rec.application_fee_amount,
            "balance_transaction": rec.balance_transaction,
            "billing_details": {"address": None, "email": None, "name": None, "phone": None},
            "calculated_statement_descriptor": rec.statement_descriptor or "CHARGEABLE",
            "captured": rec.captured,
            "created": rec.created,
            "currency": rec.currency,
            "customer": rec.customer,
            "description": rec.description,
            "disputed": rec.disputed,
            "failure_balance_transaction": None,
            "failure_code": rec.failure_code,
            "failure_message": rec.failure_message,
            "fraud_details": {},
            "invoice": None,
            "livemode": False,
            "metadata": dict(rec.metadata),
            "on_behalf_of": rec.on_behalf_of,
            "outcome": _outcome(rec),
            "paid": rec.paid,
            "payment_intent": rec.payment_intent,
            "payment_method": rec.payment_method,
            "payment_method_details": _method_details(rec),
            "receipt_email": rec.receipt_email,
            "receipt_number": None,
            "refunded": rec.refunded,
            "review": None,
            "shipping": fresh(rec.shipping),
            "source": None
            if isinstance(rec.source_snapshot, PaymentMethodRec)
            else payment_source_json(rec.source_snapshot),
            "source_transfer": None,
            "statement_descriptor": rec.statement_descriptor,
            "statement_descriptor_suffix": rec.statement_descriptor_suffix,
            "status": rec.status,
            "transfer_data": fresh(rec.transfer_data),
            "transfer_group": rec.transfer_group,
        },
    )


def refund_json(rec: RefundRec) -> JSONDict:
    fields: JSONDict = {
        "id": rec.id,
        "object": "refund",
        "amount": rec.amount,
        "balance_transaction": rec.balance_transaction,
        "charge": rec.charge,
        "created": rec.created,
        "currency": rec.currency,
    }
    if rec.failure_reason is not None:
        fields["failure_reason"] = rec.failure_reason
    fields.update(
        metadata=dict(rec.metadata),
        payment_intent=rec.payment_intent,
        reason=rec.reason,
        receipt_number=None,
        source_transfer_reversal=None,
        status=rec.status,
        transfer_reversal=None,
    )
    return dump("refund", fields)


def pm_charge_details(pm: PaymentMethodRec) -> JSONDict:
    """``charge.payment_method_details`` of a PaymentIntent's charge."""
    if pm.card is not None:
        card = pm.card
        return {
            "type": "card",
            "card": _card_details(
                card.brand,
                card.last4,
                card.exp_month,
                card.exp_year,
                card.country,
                card.fingerprint,
                card.funding,
                (card.address_line1_check, card.address_zip_check, card.cvc_check),
            ),
        }
    data = pm.type_data
    if pm.type == "sepa_debit":
        details: JSONDict = {
            k: data.get(k) for k in ("bank_code", "branch_code", "country", "fingerprint", "last4")
        }
        details["mandate"] = None
    elif pm.type == "ideal":
        details = {
            "bank": data.get("bank"),
            "bic": data.get("bic"),
            "generated_sepa_debit": None,
            "generated_sepa_debit_mandate": None,
            "iban_last4": "3000",
            "verified_name": pm.billing_details.get("name"),
        }
    elif pm.type == "bancontact":
        details = {
            "bank_code": "VAPE",
            "bank_name": "VAN DE PUT & CO",
            "bic": "VAPEBE22",
            "generated_sepa_debit": None,
            "generated_sepa_debit_mandate": None,
            "iban_last4": "7061",
            "preferred_language": "en",
            "verified_name": pm.billing_details.get("name"),
        }
    else:
        details = {
            k: data.get(k)
            for k in (
                "account_holder_type",
                "account_type",
                "bank_name",
                "fingerprint",
                "last4",
                "routing_number",
            )
        }
    return {"type": pm.type, pm.type: details}
