# ruff: noqa: E501 - a table of sentences reads better unbroken
"""One-line explanations of a field: what it means, and why it has its value now.

The detail pane's *Properties* tab shows one row per field with these words.
Every fact comes from ``/work/shared/reference/stripe-domain.md`` (cited as
§N). Where the reference marks a behaviour **unverified**, the text says so
here, in this one module, so it is easy to change.

Functions:
    meaning(kind, path): what a field means (translated).
    why(kind, path, obj, last_request, last_edge): why it has its value now (translated),
        or "". A status is explained by the lifecycle edge the object last took
        (``Sandbox.last_edge``: T6, T8b, T5c, U1...), which names what happened to it
        whatever request made it happen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from gui.words.intent_explanations import why_payment_intent
from gui.words.noop import QT_TRANSLATE_NOOP


def _t(text: str) -> str:
    return QCoreApplication.translate("explain", text)


# (kind or "*", field path) -> what the field means. Untranslated source text.
_MEANINGS: dict[tuple[str, str], str] = {
    ("*", "id"): QT_TRANSLATE_NOOP("explain", "The object's id; its prefix names its kind."),
    ("*", "object"): QT_TRANSLATE_NOOP("explain", "The kind of object, as Stripe names it."),
    ("*", "created"): QT_TRANSLATE_NOOP(
        "explain", "When it was created, in Unix seconds on the simulated clock."
    ),
    ("*", "livemode"): QT_TRANSLATE_NOOP(
        "explain", "false: a test-mode object; no real money moves."
    ),
    ("*", "metadata"): QT_TRANSLATE_NOOP(
        "explain", "Your own key/value notes; Stripe never reads them."
    ),
    ("*", "currency"): QT_TRANSLATE_NOOP("explain", "The three-letter ISO currency, lower case."),
    ("*", "amount"): QT_TRANSLATE_NOOP(
        "explain", "The amount in the currency's smallest unit (cents for usd/eur)."
    ),
    ("*", "description"): QT_TRANSLATE_NOOP("explain", "Free text you attached to the object."),
    ("source", "status"): QT_TRANSLATE_NOOP(
        "explain", "The source's lifecycle state; only a chargeable source can be charged."
    ),
    (
        "source",
        "usage",
    ): QT_TRANSLATE_NOOP(
        "explain",
        "single_use: pays once. reusable: pays many times, but only once attached to a customer.",
    ),
    (
        "source",
        "flow",
    ): QT_TRANSLATE_NOOP(
        "explain",
        "How the customer authorizes: redirect, receiver (push funds), code_verification or none.",
    ),
    ("source", "type"): QT_TRANSLATE_NOOP(
        "explain", "The payment method; its hash (e.g. card) holds the type's details."
    ),
    ("source", "customer"): QT_TRANSLATE_NOOP(
        "explain", "The customer the source is attached to; absent while unattached."
    ),
    ("source", "client_secret"): QT_TRANSLATE_NOOP(
        "explain", "Lets a publishable key retrieve the source in the browser."
    ),
    (
        "source",
        "owner",
    ): QT_TRANSLATE_NOOP(
        "explain",
        "Who owns the payment method: what you sent, plus verified_* values Stripe fills in.",
    ),
    (
        "source",
        "owner.email",
    ): QT_TRANSLATE_NOOP(
        "explain",
        "The owner's e-mail. In test mode an address ending in _chargeable@example.com authorizes a redirect source (§4).",
    ),
    ("source", "statement_descriptor"): QT_TRANSLATE_NOOP(
        "explain", "Text on the customer's statement for each charge."
    ),
    (
        "source",
        "redirect",
    ): QT_TRANSLATE_NOOP(
        "explain", "The redirect flow: where to send the customer and what happened there."
    ),
    (
        "source",
        "redirect.status",
    ): QT_TRANSLATE_NOOP(
        "explain",
        "pending: not back yet. succeeded: authorized. failed: declined or aborted. not_required: no redirect needed.",
    ),
    ("source", "redirect.url"): QT_TRANSLATE_NOOP(
        "explain", "Where to send the customer to authorize the payment."
    ),
    ("source", "redirect.return_url"): QT_TRANSLATE_NOOP(
        "explain", "Where Stripe sends the customer back afterwards."
    ),
    (
        "source",
        "redirect.failure_reason",
    ): QT_TRANSLATE_NOOP(
        "explain", "Why the redirect failed: user_abort, declined or processing_error."
    ),
    (
        "source",
        "receiver",
    ): QT_TRANSLATE_NOOP(
        "explain", "The receiver flow: where the customer pushes funds and how much arrived."
    ),
    ("source", "receiver.address"): QT_TRANSLATE_NOOP(
        "explain", "Where the customer must send the funds."
    ),
    ("source", "receiver.amount_received"): QT_TRANSLATE_NOOP(
        "explain", "Total pushed by the customer so far."
    ),
    ("source", "receiver.amount_charged"): QT_TRANSLATE_NOOP(
        "explain", "Total moved to your balance by charges."
    ),
    ("source", "receiver.amount_returned"): QT_TRANSLATE_NOOP(
        "explain", "Total returned to the customer."
    ),
    (
        "source",
        "code_verification",
    ): QT_TRANSLATE_NOOP(
        "explain", "The code-verification flow: the code the customer must enter."
    ),
    (
        "source",
        "code_verification.status",
    ): QT_TRANSLATE_NOOP(
        "explain", "pending: waiting for the code. succeeded: verified. failed: no tries left."
    ),
    (
        "source",
        "code_verification.attempts_remaining",
    ): QT_TRANSLATE_NOOP("explain", "How many wrong codes may still be entered."),
    ("source", "card"): QT_TRANSLATE_NOOP("explain", "The card's details (brand, last4, checks)."),
    ("source", "three_d_secure"): QT_TRANSLATE_NOOP(
        "explain", "The 3D Secure details; card names the card source it protects."
    ),
    ("token", "used"): QT_TRANSLATE_NOOP(
        "explain", "Whether the token was already used. A token works exactly once (§6.3)."
    ),
    ("token", "type"): QT_TRANSLATE_NOOP(
        "explain", "What the token stands for: card, bank_account, pii..."
    ),
    ("token", "card"): QT_TRANSLATE_NOOP(
        "explain", "The card the token carries; it gets its own card_ id."
    ),
    ("token", "bank_account"): QT_TRANSLATE_NOOP("explain", "The bank account the token carries."),
    ("token", "client_ip"): QT_TRANSLATE_NOOP(
        "explain", "The IP address of the client that created the token."
    ),
    (
        "customer",
        "default_source",
    ): QT_TRANSLATE_NOOP(
        "explain", "The source charged when you charge the customer without naming a source."
    ),
    (
        "customer",
        "sources",
    ): QT_TRANSLATE_NOOP(
        "explain",
        "The customer's attached payment sources (only when expanded since API 2020-08-27).",
    ),
    ("customer", "email"): QT_TRANSLATE_NOOP("explain", "The customer's e-mail address."),
    ("customer", "balance"): QT_TRANSLATE_NOOP(
        "explain", "Credit (negative) or debt (positive) carried to the next invoice."
    ),
    ("charge", "status"): QT_TRANSLATE_NOOP(
        "explain", "succeeded, pending (asynchronous methods) or failed."
    ),
    ("charge", "paid"): QT_TRANSLATE_NOOP(
        "explain", "true when the charge succeeded or was authorized for later capture."
    ),
    (
        "charge",
        "captured",
    ): QT_TRANSLATE_NOOP(
        "explain",
        "false for an authorization not yet captured (capture=false); it expires after 7 days.",
    ),
    ("charge", "refunded"): QT_TRANSLATE_NOOP(
        "explain", "true only when the whole amount was refunded."
    ),
    ("charge", "amount_refunded"): QT_TRANSLATE_NOOP(
        "explain", "How much of the charge was refunded so far."
    ),
    (
        "charge",
        "source",
    ): QT_TRANSLATE_NOOP(
        "explain", "The payment source charged (undocumented since 2019 but still returned, §8.3)."
    ),
    ("charge", "payment_method"): QT_TRANSLATE_NOOP(
        "explain", "The id of the payment instrument used."
    ),
    ("charge", "customer"): QT_TRANSLATE_NOOP(
        "explain", "The customer the charge belongs to, if one was given."
    ),
    ("charge", "failure_code"): QT_TRANSLATE_NOOP("explain", "Why the charge failed, as a code."),
    ("charge", "failure_message"): QT_TRANSLATE_NOOP("explain", "Why the charge failed, in words."),
    ("charge", "outcome"): QT_TRANSLATE_NOOP("explain", "What the card network and Radar decided."),
    ("card", "customer"): QT_TRANSLATE_NOOP("explain", "The customer this saved card belongs to."),
    ("card", "last4"): QT_TRANSLATE_NOOP("explain", "The card number's last four digits."),
    ("card", "brand"): QT_TRANSLATE_NOOP("explain", "The card brand."),
    ("refund", "status"): QT_TRANSLATE_NOOP("explain", "pending, succeeded or failed."),
    ("refund", "charge"): QT_TRANSLATE_NOOP(
        "explain", "The charge this refund gives money back from."
    ),
}


def meaning(kind: str, path: str) -> str:
    """What the field at ``path`` (dotted, e.g. ``redirect.status``) of a ``kind`` means."""
    text = _MEANINGS.get((kind, path)) or _MEANINGS.get(("*", path))
    if text is None and "." in path:
        leaf = path.rsplit(".", 1)[1]
        text = _MEANINGS.get((kind, leaf)) or _MEANINGS.get(("*", leaf))
    return _t(text) if text else ""


def _req(last_request: Any) -> tuple[str, str, dict[str, str]]:
    """(method, path, params as a dict) of a request, whatever shape it has."""
    if last_request is None:
        return "", "", {}
    if isinstance(last_request, dict):
        method = str(last_request.get("method", ""))
        path = str(last_request.get("path", ""))
        params = last_request.get("params", {})
    else:
        method = str(getattr(last_request, "method", ""))
        path = str(getattr(last_request, "path", ""))
        params = getattr(last_request, "params", {})
    if isinstance(params, dict):
        flat = {str(k): str(v) for k, v in params.items()}
    else:
        flat = {str(k): str(v) for k, v in (params or ())}
    return method.upper(), path, flat


#: Edges by what they do to a token: charged (used, even if declined), attached.
_TOKEN_CHARGED = frozenset({"U1", "U2"})
_TOKEN_ATTACHED = frozenset({"U3"})
#: Source edges: charged and still chargeable (reusable, with its customer), attached,
#: detached (consumed).
_SOURCE_CHARGED_AGAIN = frozenset({"T6"})
_SOURCE_ATTACHED = frozenset({"T8a", "T8b"})
_SOURCE_DETACHED = frozenset({"T5c", "T5d"})


def why(
    kind: str, path: str, obj: dict[str, Any], last_request: Any = None, last_edge: str = ""
) -> str:
    """Why the field has its value now, from the object, the lifecycle edge it last took
    and (for fields no edge sets, e.g. a customer's default_source) its last request."""
    _method, _path, params = _req(last_request)
    value = _get(obj, path)
    if kind == "source":
        return _why_source(path, value, obj, last_edge)
    if kind == "payment_intent":
        return why_payment_intent(path, obj)
    if kind == "token":
        if path == "used":
            if value:
                if last_edge in _TOKEN_CHARGED:
                    return QCoreApplication.translate(
                        "explain",
                        "A charge used it. Even a declined charge uses up a token (§6.3, observed).",
                    )
                if last_edge in _TOKEN_ATTACHED:
                    return QCoreApplication.translate(
                        "explain",
                        "Attaching it to a customer used it: a card_ was saved; charge that card_ from now on (§12.5).",
                    )
                return QCoreApplication.translate(
                    "explain", "It was used once; any second use fails with token_already_used."
                )
            return QCoreApplication.translate(
                "explain", "Nothing has used it yet: one charge or one attach will."
            )
        if path == "card.customer":
            return QCoreApplication.translate(
                "explain", "Tokens never carry card.customer (since API 2014-12-22)."
            )
    if kind == "customer" and path == "default_source":
        if not value:
            return QCoreApplication.translate(
                "explain", "No source attached yet, or the last one was detached."
            )
        if params.get("default_source"):  # only a customer update takes default_source
            return QCoreApplication.translate("explain", "You set it with default_source.")
        return QCoreApplication.translate(
            "explain",
            "The first source attached becomes the default; attaching more never changes it (§7).",
        )
    if kind == "charge":
        if path == "status":
            if value == "failed":
                return QCoreApplication.translate(
                    "explain", "The issuer declined it; the failed charge is still recorded (§5.2)."
                )
            if value == "pending":
                return QCoreApplication.translate(
                    "explain",
                    "An asynchronous method (SEPA, SOFORT, ACH): the outcome comes days later (§8.2).",
                )
            if value == "succeeded":
                return QCoreApplication.translate(
                    "explain", "A synchronous method: it succeeded at once (§8.2)."
                )
        if path == "captured" and value is False:
            return QCoreApplication.translate(
                "explain", "Created with capture=false: only authorized; capture it within 7 days."
            )
        if path == "refunded":
            return (
                QCoreApplication.translate("explain", "Fully refunded.")
                if value
                else QCoreApplication.translate("explain", "Not (fully) refunded.")
            )
    if path == "livemode":
        return QCoreApplication.translate("explain", "Chargeable is a test-mode sandbox.")
    if path == "created":
        return QCoreApplication.translate(
            "explain", "Stamped by the simulated clock when the object was created."
        )
    return ""


def _why_source(path: str, value: Any, obj: dict[str, Any], last_edge: str) -> str:
    usage = obj.get("usage")
    attached = bool(obj.get("customer"))
    if path == "status":
        if value == "chargeable":
            if attached and last_edge in _SOURCE_CHARGED_AGAIN:
                return QCoreApplication.translate(
                    "explain",
                    "A reusable source attached to a customer stays chargeable after a charge (§3.3 T6).",
                )
            if attached and last_edge in _SOURCE_ATTACHED:
                return QCoreApplication.translate(
                    "explain",
                    "Attaching keeps the status; now charge it again and again with customer + source (§3.3 T8).",
                )
            if obj.get("flow") == "none" and obj.get("type") in ("card", "sepa_debit"):
                return QCoreApplication.translate(
                    "explain",
                    "Card and SEPA sources are chargeable as soon as they are created (§3.2).",
                )
            flow = obj.get("flow")
            if flow == "redirect":
                return QCoreApplication.translate(
                    "explain", "The customer authorized the redirect (§3.3 T1)."
                )
            if flow == "receiver":
                return QCoreApplication.translate(
                    "explain", "The customer pushed the funds (§3.3 T1)."
                )
            if flow == "code_verification":
                return QCoreApplication.translate(
                    "explain", "The right verification code was entered (§3.3 T1)."
                )
            return QCoreApplication.translate("explain", "It can be charged now.")
        if value == "pending":
            flow = obj.get("flow")
            if flow == "redirect":
                return QCoreApplication.translate(
                    "explain",
                    "Waiting for the customer to authorize the redirect; canceled if not within the pending window (§3.4).",
                )
            if flow == "receiver":
                return QCoreApplication.translate(
                    "explain", "Waiting for the customer to push funds (§3.2)."
                )
            if flow == "code_verification":
                return QCoreApplication.translate(
                    "explain",
                    "Waiting for the verification code (§3.2; exact behaviour unverified).",
                )
            return QCoreApplication.translate(
                "explain",
                "Waiting for the customer to authorize (e.g. scan the WeChat QR code, §12.7).",
            )
        if value == "consumed":
            if last_edge in _SOURCE_DETACHED:
                return QCoreApplication.translate(
                    "explain",
                    "It was detached from its customer: detaching a source consumes it for good (§5.1 rule 4).",
                )
            if usage == "single_use":
                return QCoreApplication.translate(
                    "explain", "A single-use source is consumed by its one charge (§5.1 rule 1)."
                )
            if usage == "reusable":
                return QCoreApplication.translate(
                    "explain",
                    "A reusable source charged while not attached to a customer is consumed (§12.1); "
                    "attach it first to reuse it.",
                )
            return QCoreApplication.translate(
                "explain", "It was used up; it can never be charged again."
            )
        if value == "failed":
            if (obj.get("code_verification") or {}).get("status") == "failed":
                return QCoreApplication.translate(
                    "explain", "The verification attempts ran out (§3.3 T2)."
                )
            return QCoreApplication.translate(
                "explain", "The customer declined or aborted the authorization (§3.3 T2)."
            )
        if value == "canceled":
            return QCoreApplication.translate(
                "explain",
                "The clock ran past its window: 1 h pending or 6 h chargeable for most single-use push "
                "sources (§3.4); the customer's money is refunded automatically.",
            )
    if path == "usage":
        if value == "reusable":
            return QCoreApplication.translate(
                "explain",
                "Reusable: attach it to a customer before the first charge, or that charge consumes it.",
            )
        if value == "single_use":
            return QCoreApplication.translate(
                "explain", "Single-use: create a fresh source for each payment."
            )
    if path == "customer":
        return QCoreApplication.translate(
            "explain",
            "Attached to this customer; charge with customer + source to keep it reusable.",
        )
    if path == "flow":
        return QCoreApplication.translate("explain", "Set by the source type (§4).")
    if path == "redirect.status" and value == "not_required":
        return QCoreApplication.translate(
            "explain", "The card is not enrolled in 3D Secure: no redirect needed (§3.2)."
        )
    if (
        path == "owner.email"
        and isinstance(value, str)
        and value.endswith("_chargeable@example.com")
    ):
        return QCoreApplication.translate(
            "explain", "This test address makes a redirect source authorize itself (§4)."
        )
    if path == "code_verification.attempts_remaining":
        return QCoreApplication.translate(
            "explain", "Each wrong code costs one attempt; at 0 the source fails."
        )
    return ""


def _get(obj: dict[str, Any], path: str) -> Any:
    node: Any = obj
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node
