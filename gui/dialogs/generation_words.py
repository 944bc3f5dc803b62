"""What the compare view's columns say: reuse fields, the verdict, each attempt's answer.

Rich text for the labels of :mod:`gui.dialogs.generations`, from a
:class:`~gui.dialogs.generation_requests.Generation`, the object the sandbox holds now
and the attempts' answers. Stripe's identifiers (``used``, ``status: consumed``) stay as
Stripe writes them, with a gloss in Japanese; a citation (§6.3) is a link to the
reference. A mark never carries the meaning alone (✓ ✕ ⚠ ◇, each beside its words).
"""

from __future__ import annotations

import html
from typing import Any

from gui.dialogs.generation_requests import Attempt, Generation, tr, why
from gui.widgets.status_style import OkabeIto, with_gloss
from gui.words.citations import link_rich_text
from gui.words.noop import QT_TRANSLATE_NOOP

ACCEPTED, REFUSED, WARNING, FRESH = "✓", "✕", "⚠", "◇"
_GLYPH_COLOURS = {
    ACCEPTED: OkabeIto.BLUISH_GREEN,
    REFUSED: OkabeIto.VERMILLION,
    WARNING: OkabeIto.ORANGE,
    FRESH: OkabeIto.BLUE,
}

#: the verdict at a glance: (mark, words) by what the core holds now
VERDICTS = {
    "token_attached": (
        ACCEPTED,
        QT_TRANSLATE_NOOP(
            "Generations",
            "Used by the attach: the customer's card is what is charged, again and again (§6.3).",
        ),
    ),
    "token_used": (
        REFUSED,
        QT_TRANSLATE_NOOP("Generations", "Used: a token can never be used again (§6.3)."),
    ),
    "token_fresh": (
        FRESH,
        QT_TRANSLATE_NOOP(
            "Generations", "Not used yet: a token has one use, then never again (§6.3)."
        ),
    ),
    "source_consumed": (
        REFUSED,
        QT_TRANSLATE_NOOP("Generations", "Consumed: it can never be charged again (§5.1 rule 2)."),
    ),
    "source_attached": (
        ACCEPTED,
        QT_TRANSLATE_NOOP(
            "Generations",
            "Reusable: attached to a customer, it is charged again and again (§5.1 rule 3).",
        ),
    ),
    "source_unattached": (
        WARNING,
        QT_TRANSLATE_NOOP(
            "Generations",
            "Reusable only once attached to a customer: a charge without one consumes it "
            "(§5.1 rule 2).",
        ),
    ),
    "payment_method_attached": (
        ACCEPTED,
        QT_TRANSLATE_NOOP(
            "Generations",
            "Reusable: attached to a customer, it pays again and again with that customer "
            "(intents §4.4).",
        ),
    ),
    "payment_method_used": (
        REFUSED,
        QT_TRANSLATE_NOOP(
            "Generations", "Used without a customer: it may not be used again (intents §4.4)."
        ),
    ),
    "payment_method_unattached": (
        WARNING,
        QT_TRANSLATE_NOOP(
            "Generations",
            "Not attached: without a customer its first payment is its only one (intents §4.4).",
        ),
    ),
}

PAY_ONCE = QT_TRANSLATE_NOOP("Generations", "Pay once")
PAY_AGAIN = QT_TRANSLATE_NOOP("Generations", "Pay again")
PAY_WITH_CUSTOMER = QT_TRANSLATE_NOOP("Generations", "Pay with the customer")
PAY_AGAIN_WITH_CUSTOMER = QT_TRANSLATE_NOOP("Generations", "Pay again with the customer")
ATTACH = QT_TRANSLATE_NOOP("Generations", "Attach to a customer")
MAKE = QT_TRANSLATE_NOOP("Generations", "Make")
CUSTOMERS_CARD = QT_TRANSLATE_NOOP("Generations", "the customer's card:")
GONE = QT_TRANSLATE_NOOP("Generations", "No longer in the sandbox (undone?)")
ACCEPTED_WORDS = QT_TRANSLATE_NOOP("Generations", "Accepted:")
REFUSED_WORDS = QT_TRANSLATE_NOOP("Generations", "Refused, Stripe says:")
WHY_WORDS = QT_TRANSLATE_NOOP("Generations", "Why:")


def glyph(mark: str) -> str:
    return f'<span style="color:{_GLYPH_COLOURS[mark]}; font-weight:bold">{mark}</span>'


def code(text: str) -> str:
    return f"<code>{html.escape(text)}</code>"


def pay_text(generation: Generation) -> str:
    """The pay button's words: once or again, with the customer once attached."""
    first = generation.payments == 0
    if generation.customer:
        return tr(PAY_WITH_CUSTOMER if first else PAY_AGAIN_WITH_CUSTOMER)
    return tr(PAY_ONCE if first else PAY_AGAIN)


def fields_html(generation: Generation, obj: dict[str, Any]) -> str:
    """The reuse fields: a token's ``used``; a source's ``status``, ``usage``, ``customer``;
    a PaymentMethod's ``customer``."""
    if not obj:
        return html.escape(tr(GONE))

    def field(name: str, value: Any, gloss: bool = False) -> str:
        if value is None:
            shown = "null"
        elif isinstance(value, bool):
            shown = str(value).lower()
        else:
            shown = str(value)
        return code(f"{name}: {with_gloss(shown) if gloss else shown}")

    if generation.kind == "token":
        lines = [field("used", obj.get("used"))]
        if generation.card_id:
            lines.append(f"{html.escape(tr(CUSTOMERS_CARD))} {code(generation.card_id)}")
    elif generation.kind == "source":
        lines = [
            field("status", obj.get("status"), gloss=True),
            field("usage", obj.get("usage"), gloss=True),
            field("customer", obj.get("customer")),
        ]
    else:
        lines = [field("customer", obj.get("customer"))]
    return "<br>".join(lines)


def verdict_key(generation: Generation, obj: dict[str, Any], reusable: bool | None) -> str:
    """Which :data:`VERDICTS` entry the object's state calls for ("" for none)."""
    kind = generation.kind
    if not obj:
        return ""
    if kind == "token":
        if generation.card_id:
            return "token_attached"
        return "token_used" if obj.get("used") else "token_fresh"
    if kind == "source":
        if obj.get("status") == "consumed":
            return "source_consumed"
        if reusable:
            return "source_attached" if obj.get("customer") else "source_unattached"
        return ""
    if obj.get("customer") and reusable:
        return "payment_method_attached"
    return "payment_method_unattached" if reusable else "payment_method_used"


def verdict_html(generation: Generation, obj: dict[str, Any], reusable: bool | None) -> str:
    key = verdict_key(generation, obj, reusable)
    if not key:
        status = obj.get("status") if obj else None
        return code(with_gloss(str(status))) if status else ""
    mark, words = VERDICTS[key]
    return f"{glyph(mark)} <b>{link_rich_text(html.escape(tr(words)))}</b>"


def attempt_name(attempt: Attempt) -> str:
    if attempt.action == "make":
        return tr(MAKE)
    if attempt.action == "attach":
        return tr(ATTACH)
    return tr(PAY_ONCE if attempt.number == 1 else PAY_AGAIN)


def outcome_html(kind: str, attempt: Attempt) -> str:
    """One attempt: its request line and status, then what was made, or Stripe's refusal
    and why."""
    request = f"{attempt.method} {short_path(attempt.path)} → {attempt.status}"
    head = f"<b>{html.escape(attempt_name(attempt))}</b> · {code(request)}"
    if attempt.accepted:
        body = attempt.body
        if attempt.action == "attach":
            shown = f"{body.get('id', '')} → {body.get('customer', '')}"
        else:
            shown = f"{body.get('id', '')} · {with_gloss(str(body.get('status', '')))}"
        return f"{head}<br>{glyph(ACCEPTED)} {html.escape(tr(ACCEPTED_WORDS))} {code(shown)}"
    message = str(attempt.error.get("message", ""))
    text = f"{head}<br>{glyph(REFUSED)} {html.escape(tr(REFUSED_WORDS))} “{html.escape(message)}”"
    reason = why(kind, attempt)
    if reason:
        text += f"<br><i>{html.escape(tr(WHY_WORDS))}</i> {link_rich_text(html.escape(reason))}"
    return text


def short_path(path: str) -> str:
    """``/v1/customers/cus_…/sources``: long ids shortened, so a request line fits its column."""
    parts = []
    for part in path.split("/"):
        if "_" in part and len(part) > 12 and not part.startswith("payment"):
            part = part.split("_", 1)[0] + "_…"
        parts.append(part)
    return "/".join(parts)
