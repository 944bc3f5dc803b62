"""Balance transactions as Stripe's JSON (the rules are ``core.rules.balance``)."""

from __future__ import annotations

from core.store.records import BalanceTxnRec, JSONDict


def balance_transaction_json(rec: BalanceTxnRec) -> JSONDict:
    fee_details = (
        [
            {
                "amount": rec.fee,
                "application": None,
                "currency": rec.currency,
                "description": "Stripe processing fees",
                "type": "stripe_fee",
            }
        ]
        if rec.fee
        else []
    )
    return {
        "id": rec.id,
        "object": "balance_transaction",
        "amount": rec.amount,
        "available_on": rec.available_on,
        "created": rec.created,
        "currency": rec.currency,
        "description": rec.description,
        "exchange_rate": None,
        "fee": rec.fee,
        "fee_details": fee_details,
        "net": rec.amount - rec.fee,
        "reporting_category": rec.type,
        "source": rec.source,
        "status": rec.status,
        "type": rec.type,
    }
