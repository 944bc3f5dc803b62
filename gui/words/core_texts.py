# ruff: noqa: E501 - a table of sentences reads better unbroken
"""The core's words, translated: edge labels, blocked reasons and notes, card notes, unverified notes.

``core/`` is pure Python and cannot call Qt's ``tr()``, so the English it
makes (``core.lifecycle.tables`` edge labels and guard reasons, ``core.lifecycle.actions``
blocked reasons and notes, ``core.facts.cards`` notes, ``core.facts.catalog`` unverified notes) is
listed here in ``QT_TRANSLATE_NOOP("core", …)`` calls, where lupdate sees it.
:func:`translate` looks a core text up at display time:

- an exact text (``"charge (single_use)"``) is translated as is;
- a text with variable parts (``"already attached to cus_123"``) matches one
  of the :data:`TEMPLATES` (``"already attached to {customer}"``); the template
  is translated and the values put back. A value named ``state``, ``status``
  or ``source`` is a Stripe status: it stays English, with its gloss
  (``canceled (キャンセル)``) in Japanese.

A text that is neither comes back unchanged (English). ``tests/gui/
test_core_texts.py`` walks the core's tables and reachable states and fails
when the core makes a text this module does not know, so the list cannot
drift from the core.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from gui.words.noop import QT_TRANSLATE_NOOP

CONTEXT = "core"

#: Texts the core makes without variable parts.
EXACT: tuple[str, ...] = (
    # core.lifecycle.tables: edge labels
    QT_TRANSLATE_NOOP("core", "fail (customer declines/aborts)"),
    QT_TRANSLATE_NOOP("core", "expire (pending window)"),
    QT_TRANSLATE_NOOP("core", "expire (chargeable window)"),
    QT_TRANSLATE_NOOP("core", "charge (single_use)"),
    QT_TRANSLATE_NOOP("core", "charge (reusable, not attached)"),
    QT_TRANSLATE_NOOP("core", "detach"),
    QT_TRANSLATE_NOOP("core", "detach (while pending)"),
    QT_TRANSLATE_NOOP("core", "charge (reusable, attached, with customer)"),
    QT_TRANSLATE_NOOP("core", "attach"),
    QT_TRANSLATE_NOOP("core", "authorize (e.g. WeChat QR scan)"),
    QT_TRANSLATE_NOOP("core", "SEPA charge fails"),
    QT_TRANSLATE_NOOP("core", "authorize (redirect succeeded)"),
    QT_TRANSLATE_NOOP("core", "authorize fails (3DS processing error)"),
    QT_TRANSLATE_NOOP("core", "authorize (full amount pushed)"),
    QT_TRANSLATE_NOOP("core", "receive funds (amount reached)"),
    QT_TRANSLATE_NOOP("core", "receive funds (partial)"),
    QT_TRANSLATE_NOOP("core", "receive more funds"),
    QT_TRANSLATE_NOOP("core", "authorize (code entered)"),
    QT_TRANSLATE_NOOP("core", "verify (right values)"),
    QT_TRANSLATE_NOOP("core", "verify (wrong values, attempts left)"),
    QT_TRANSLATE_NOOP("core", "verify (wrong values, last attempt)"),
    QT_TRANSLATE_NOOP("core", "charge (succeeds)"),
    QT_TRANSLATE_NOOP("core", "charge (declined: still uses the token)"),
    QT_TRANSLATE_NOOP("core", "attach to a customer (becomes a card_)"),
    QT_TRANSLATE_NOOP("core", "create a card source from it"),
    QT_TRANSLATE_NOOP("core", "settles (succeeded)"),
    QT_TRANSLATE_NOOP("core", "settles (failed)"),
    QT_TRANSLATE_NOOP("core", "capture"),
    QT_TRANSLATE_NOOP("core", "authorization expires (7 days)"),
    QT_TRANSLATE_NOOP("core", "refund (releases the authorization)"),
    QT_TRANSLATE_NOOP("core", "refund (partial)"),
    QT_TRANSLATE_NOOP("core", "refund (full)"),
    # core.lifecycle.tables: why a guard blocks an edge
    QT_TRANSLATE_NOOP("core", "only a single_use source takes this edge"),
    QT_TRANSLATE_NOOP("core", "only a reusable source takes this edge"),
    QT_TRANSLATE_NOOP("core", "the source is attached to a customer"),
    QT_TRANSLATE_NOOP("core", "the source is not attached to a customer"),
    QT_TRANSLATE_NOOP(
        "core",
        "charge it together with the customer it is attached to (customer + source, §5.1 rule 3)",
    ),
    QT_TRANSLATE_NOOP("core", "no expiry timer applies to this source (§3.4)"),
    QT_TRANSLATE_NOOP(
        "core", "only SEPA Direct Debit sources fail after a failed charge (§3.3 T7)"
    ),
    QT_TRANSLATE_NOOP("core", "the customer has not pushed the full amount yet"),
    QT_TRANSLATE_NOOP("core", "this push completes the amount"),
    QT_TRANSLATE_NOOP("core", "the verification values are wrong"),
    QT_TRANSLATE_NOOP("core", "attempts would be exhausted, or the values are right"),
    QT_TRANSLATE_NOOP("core", "attempts remain, or the values are right"),
    QT_TRANSLATE_NOOP("core", "completing 3D Secure fails on this card (§10)"),
    QT_TRANSLATE_NOOP("core", "completing the redirect succeeds on this source"),
    QT_TRANSLATE_NOOP("core", "the issuer declines this card"),
    QT_TRANSLATE_NOOP("core", "the issuer accepts this card"),
    QT_TRANSLATE_NOOP(
        "core", "this decline card cannot be attached: attaching validates the card (§10)"
    ),
    QT_TRANSLATE_NOOP("core", "only card tokens become card sources"),
    QT_TRANSLATE_NOOP("core", "this charge will fail when it settles"),
    QT_TRANSLATE_NOOP("core", "this charge will succeed when it settles"),
    QT_TRANSLATE_NOOP("core", "the amount leaves part of the charge unrefunded"),
    QT_TRANSLATE_NOOP("core", "the amount refunds the whole remainder"),
    QT_TRANSLATE_NOOP("core", "the authorization has no expiry timer"),
    # core.lifecycle.actions: why an action is blocked
    QT_TRANSLATE_NOOP("core", "this object has no lifecycle"),
    QT_TRANSLATE_NOOP("core", "no timer is running for this object"),
    QT_TRANSLATE_NOOP(
        "core",
        "consumed: it was charged without being attached to a customer, or was detached (§5.2)",
    ),
    QT_TRANSLATE_NOOP("core", "only chargeable sources can be charged; this one is pending (§2.1)"),
    QT_TRANSLATE_NOOP("core", "nothing left to charge: the customer has not pushed more funds"),
    QT_TRANSLATE_NOOP("core", "klarna sources need source_order before charging (§4)"),
    QT_TRANSLATE_NOOP("core", "this source needs no authorization"),
    QT_TRANSLATE_NOOP("core", "not attached to a customer"),
    QT_TRANSLATE_NOOP("core", "already the customer's default source"),
    QT_TRANSLATE_NOOP("core", "You cannot use a Stripe token more than once (§6.3)"),
    QT_TRANSLATE_NOOP("core", "this decline card cannot be attached: attaching validates it (§10)"),
    QT_TRANSLATE_NOOP(
        "core", "bank accounts must be verified before an ACH charge (not simulated)"
    ),
    QT_TRANSLATE_NOOP("core", "the customer has no default source"),
    QT_TRANSLATE_NOOP("core", "the customer is deleted"),
    # core.lifecycle.actions: what the sandbox does where Stripe's behaviour is unverified (Action.note)
    QT_TRANSLATE_NOOP(
        "core",
        "the sandbox allows it; whether Stripe refuses it is unverified (§13). Stripe advises charging a single-use source directly (§5.1 rule 1)",
    ),
    # core.facts.cards: what a test card stands for (TestCard.note)
    QT_TRANSLATE_NOOP("core", "succeeds; 3DS not enrolled (not_required)"),
    QT_TRANSLATE_NOOP("core", "3DS not supported: a 3DS source is born failed"),
    QT_TRANSLATE_NOOP("core", "fails only when a CVC was sent (§10)"),
    QT_TRANSLATE_NOOP("core", "attaches to a customer, but every charge fails (§10)"),
    QT_TRANSLATE_NOOP("core", "Radar: always blocked"),
    QT_TRANSLATE_NOOP("core", "Radar: highest risk, blocked"),
    QT_TRANSLATE_NOOP("core", "Radar: elevated risk, succeeds"),
    QT_TRANSLATE_NOOP("core", "refund pending, then succeeded"),
    QT_TRANSLATE_NOOP("core", "refund succeeded, then failed (charge.refund.updated)"),
    QT_TRANSLATE_NOOP("core", "legacy 3DS test card: 3DS required; a plain charge is declined"),
    QT_TRANSLATE_NOOP("core", "legacy table only (UNVERIFIED officially)"),
    QT_TRANSLATE_NOOP(
        "core",
        "3DS2: Charges without 3DS declined; a 3DS source reported not_required (obs, no maintainer confirmation)",
    ),
    # core.facts.catalog: SourceType.unverified topics (underscores as spaces) and notes
    QT_TRANSLATE_NOOP("core", "expiry"),
    QT_TRANSLATE_NOOP("core", "settle"),
    QT_TRANSLATE_NOOP("core", "refund window"),
    QT_TRANSLATE_NOOP("core", "test names"),
    QT_TRANSLATE_NOOP("core", "amount"),
    QT_TRANSLATE_NOOP("core", "usage"),
    QT_TRANSLATE_NOOP("core", "currency"),
    QT_TRANSLATE_NOOP("core", "flow"),
    QT_TRANSLATE_NOOP("core", "charge"),
    QT_TRANSLATE_NOOP("core", "code"),
    QT_TRANSLATE_NOOP("core", "all"),
    QT_TRANSLATE_NOOP(
        "core",
        "settle delay is a plausible sandbox choice; the docs give a range (§8.2) and the sandbox settles at this fixed delay",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "1 h pending / 6 h chargeable copied from the redirect types; Stripe documents no timer for three_d_secure (§3.4)",
    ),
    QT_TRANSLATE_NOOP("core", "unknown (§4)"),
    QT_TRANSLATE_NOOP(
        "core",
        "owner[name]=failing_charge makes the charge fail; from a third-party copy of Stripe's page (§4)",
    ),
    QT_TRANSLATE_NOOP("core", "1 h / 6 h assumed from the other redirect types (§3.4)"),
    QT_TRANSLATE_NOOP(
        "core",
        "single-use receiver: amount is required (it is the sum to push), although §5.1 rule 6 says receivers take no amount; that rule is applied to reusable receivers",
    ),
    QT_TRANSLATE_NOOP("core", "reusable Alipay was a closed beta: the sandbox refuses it (§4)"),
    QT_TRANSLATE_NOOP(
        "core",
        "WeChat takes aud/cad/eur/gbp/hkd/jpy/sgd/usd but only the account's default currency; the sandbox account is a US account (usd)",
    ),
    QT_TRANSLATE_NOOP("core", "no timer documented; the sandbox sets none (§3.4)"),
    QT_TRANSLATE_NOOP("core", "redirect inferred from its *_redirect_url fields (§4)"),
    QT_TRANSLATE_NOOP("core", "single_use (§4, unverified)"),
    QT_TRANSLATE_NOOP("core", "1 h / 6 h assumed (§3.4)"),
    QT_TRANSLATE_NOOP("core", "sync; needs source_order before charging (§4)"),
    QT_TRANSLATE_NOOP(
        "core",
        "code_verification (microdeposits) by default, redirect on request (§4 table, partly unverified)",
    ),
    QT_TRANSLATE_NOOP("core", "reusable (unverified)"),
    QT_TRANSLATE_NOOP(
        "core", "values[]=32&values[]=45 verifies, 3 attempts (ACH microdeposit rules, §7)"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "flow, usage and initial status are unverified (§4); modelled like sepa_debit, a mandate-based debit",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "legacy Terminal type: flow none, single_use and chargeable at creation are sandbox choices (§4)",
    ),
    # core.lifecycle.actions: PaymentMethod, PaymentIntent and SetupIntent actions
    QT_TRANSLATE_NOOP(
        "core", "needs a payment method of one of its payment_method_types first (update it)"
    ),
    QT_TRANSLATE_NOOP("core", "its payment method is attached to another customer (intents §6.1)"),
    QT_TRANSLATE_NOOP("core", "its payment method cannot pay with this customer (intents §6.1)"),
    QT_TRANSLATE_NOOP(
        "core", "used once without a customer: it may not be used again (intents §4.4)"
    ),
    QT_TRANSLATE_NOOP("core", "detached: it can never be used or attached again (intents §4.4)"),
    QT_TRANSLATE_NOOP("core", "already the customer's default payment method"),
    QT_TRANSLATE_NOOP("core", "its charge is refunded already"),
    QT_TRANSLATE_NOOP(
        "core", "simulator-only: Stripe has no endpoint for the customer's side (intents §8.6)"
    ),
    # core.lifecycle.tables: PaymentMethod, PaymentIntent and SetupIntent edges and guards
    QT_TRANSLATE_NOOP("core", "attach to a customer"),
    QT_TRANSLATE_NOOP("core", "bank debit fails"),
    QT_TRANSLATE_NOOP("core", "bank debit settles"),
    QT_TRANSLATE_NOOP("core", "cancel"),
    QT_TRANSLATE_NOOP("core", "cancel (releases the authorization)"),
    QT_TRANSLATE_NOOP("core", "cancel (us_bank_account only)"),
    QT_TRANSLATE_NOOP("core", "capture (all or part)"),
    QT_TRANSLATE_NOOP("core", "capture_method is automatic: nothing waits for a capture"),
    QT_TRANSLATE_NOOP("core", "capture_method is manual: the payment waits in requires_capture"),
    QT_TRANSLATE_NOOP("core", "confirm (authentication needed)"),
    QT_TRANSLATE_NOOP("core", "confirm (authentication or redirect needed)"),
    QT_TRANSLATE_NOOP("core", "confirm (authorized, automatic capture)"),
    QT_TRANSLATE_NOOP("core", "confirm (authorized, manual capture)"),
    QT_TRANSLATE_NOOP("core", "confirm (bank debit submitted)"),
    QT_TRANSLATE_NOOP("core", "confirm (card declined)"),
    QT_TRANSLATE_NOOP("core", "confirm (declined: 402, back to requires_payment_method)"),
    QT_TRANSLATE_NOOP("core", "confirm (set up; attached to the customer)"),
    QT_TRANSLATE_NOOP("core", "confirm off-session (authentication required: 402)"),
    QT_TRANSLATE_NOOP(
        "core", "confirmation_method is automatic: no second confirm is needed (intents §3.2 T6)"
    ),
    QT_TRANSLATE_NOOP(
        "core", "confirmation_method is manual: the server must confirm again (intents §3.2 T6m)"
    ),
    QT_TRANSLATE_NOOP("core", "customer authenticates"),
    QT_TRANSLATE_NOOP("core", "customer authenticates (automatic capture)"),
    QT_TRANSLATE_NOOP("core", "customer authenticates (confirmation_method manual)"),
    QT_TRANSLATE_NOOP("core", "customer authenticates (manual capture)"),
    QT_TRANSLATE_NOOP("core", "customer authenticates, then the issuer declines"),
    QT_TRANSLATE_NOOP("core", "customer fails authentication"),
    QT_TRANSLATE_NOOP("core", "detach (can never be used again)"),
    QT_TRANSLATE_NOOP(
        "core", "only a us_bank_account payment can be canceled while processing (intents §3.3)"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "only an off-session confirm of a card that needs authentication fails this way (intents §8.4)",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "only bank debits (sepa_debit, us_bank_account) pass through processing (intents §3.2 T12)",
    ),
    QT_TRANSLATE_NOOP("core", "set a new payment method (update)"),
    QT_TRANSLATE_NOOP("core", "set a payment method (create/update)"),
    QT_TRANSLATE_NOOP("core", "the PaymentMethod is attached to a customer"),
    QT_TRANSLATE_NOOP("core", "the card needs authentication or is declined"),
    QT_TRANSLATE_NOOP("core", "the customer completes authentication"),
    QT_TRANSLATE_NOOP("core", "the issuer accepts this payment method"),
    QT_TRANSLATE_NOOP("core", "this payment method needs no customer action"),
    QT_TRANSLATE_NOOP("core", "update"),
    QT_TRANSLATE_NOOP("core", "use it together with the customer it is attached to (intents §6.1)"),
    QT_TRANSLATE_NOOP("core", "used with its customer"),
    QT_TRANSLATE_NOOP("core", "used without a customer (even if declined)"),
)

#: Texts the core makes with variable parts: ``{name}`` stands for one value.
TEMPLATES: tuple[str, ...] = (
    # core.lifecycle.tables.blocked_by
    QT_TRANSLATE_NOOP("core", "the object is {state}; this edge leaves {source}"),
    # core.lifecycle.actions
    QT_TRANSLATE_NOOP("core", "{state} is terminal: nothing leaves it (§3.1)"),
    QT_TRANSLATE_NOOP("core", "{status} is terminal (§3.1)"),
    QT_TRANSLATE_NOOP("core", "not possible while {state}"),
    QT_TRANSLATE_NOOP("core", "already attached to {customer}"),
    QT_TRANSLATE_NOOP(
        "core", "its payment method is {status}: it may not be used again (intents §4.4)"
    ),
    QT_TRANSLATE_NOOP("core", "only an open {kind} can be confirmed; this one is {status}"),
    QT_TRANSLATE_NOOP(
        "core", "only a {kind} in requires_action waits for the customer; this one is {status}"
    ),
    QT_TRANSLATE_NOOP("core", "a {kind} in {status} cannot be canceled"),
    QT_TRANSLATE_NOOP(
        "core", "only a PaymentIntent in requires_capture can be captured; this one is {status}"
    ),
    QT_TRANSLATE_NOOP(
        "core", "only a succeeded PaymentIntent has a payment to refund; this one is {status}"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "a source can only be attached while chargeable or pending (§5.1 rule 5); this one is {status}",
    ),
    QT_TRANSLATE_NOOP("core", "only a pending source can be authorized; this one is {status}"),
    QT_TRANSLATE_NOOP("core", "only a pending source can be failed; this one is {status}"),
    QT_TRANSLATE_NOOP("core", "only a pending source can be verified; this one is {status}"),
    QT_TRANSLATE_NOOP("core", "a {type} token cannot be charged"),
    QT_TRANSLATE_NOOP("core", "a {type} token cannot be attached"),
    QT_TRANSLATE_NOOP("core", "only an uncaptured charge can be captured; this one is {state}"),
    QT_TRANSLATE_NOOP("core", "its default source is {status}"),
)

#: Template values that are Stripe statuses: shown with their gloss.
_STATUS_FIELDS = frozenset({"state", "status", "source"})
_FIELD = re.compile(r"\{(\w+)\}")
_EXACT = frozenset(EXACT)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for template in TEMPLATES:
        pieces = _FIELD.split(template)
        regex = "".join(
            f"(?P<{piece}>[^;:]+?)" if i % 2 else re.escape(piece) for i, piece in enumerate(pieces)
        )
        out.append((template, re.compile(regex)))
    return tuple(out)


def match(text: str) -> tuple[str, dict[str, str]] | None:
    """``(source text, values)`` if the core text is known, else None."""
    if text in _EXACT:
        return text, {}
    for template, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found is not None:
            return template, found.groupdict()
    return None


def translate(text: str) -> str:
    """``text`` from the core in the current language (unchanged when unknown)."""
    known = match(text) if text else None
    if known is None:
        return text
    template, values = known
    translated = QCoreApplication.translate(CONTEXT, template)
    if not values:
        return translated
    from gui.widgets.status_style import with_gloss

    shown = {k: with_gloss(v) if k in _STATUS_FIELDS else v for k, v in values.items()}
    return _FIELD.sub(lambda m: shown.get(m.group(1), m.group(0)), translated)
