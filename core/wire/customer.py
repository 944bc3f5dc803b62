"""Customers as Stripe JSON (§7): their payment sources listed when expanded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.store.records import (
    CustomerRec,
    JSONDict,
)
from core.wire.emit import dump, fresh
from core.wire.sources import payment_source_json


def _invoice_settings(rec: CustomerRec) -> JSONDict:
    given = rec.invoice_settings or {}
    return {
        "custom_fields": fresh(given.get("custom_fields")),
        "default_payment_method": rec.default_payment_method,
        "footer": given.get("footer"),
        "rendering_options": fresh(given.get("rendering_options")),
    }


def customer_json(
    rec: CustomerRec, lookup: Callable[[str], Any] | None = None, expand_sources: bool = False
) -> JSONDict:
    if rec.deleted:
        return {"id": rec.id, "object": "customer", "deleted": True}
    fields: JSONDict = {
        "id": rec.id,
        "object": "customer",
        "address": fresh(rec.address),
        "balance": rec.balance,
        "created": rec.created,
        "currency": None,
        "default_source": rec.default_source,
        "delinquent": False,
        "description": rec.description,
        "discount": None,
        "email": rec.email,
        "invoice_prefix": rec.id[4:12].upper(),
        "invoice_settings": _invoice_settings(rec),
        "livemode": False,
        "metadata": dict(rec.metadata),
        "name": rec.name,
        "next_invoice_sequence": 1,
        "phone": rec.phone,
        "preferred_locales": list(rec.preferred_locales),
        "shipping": fresh(rec.shipping),
    }
    if expand_sources and lookup is not None:
        data = [payment_source_json(lookup(sid)) for sid in reversed(rec.sources)]
        fields["sources"] = {
            "object": "list",
            "data": data,
            "has_more": False,
            "url": f"/v1/customers/{rec.id}/sources",
        }
    fields.update(tax_exempt=rec.tax_exempt, test_clock=None)
    return dump("customer", fields)
