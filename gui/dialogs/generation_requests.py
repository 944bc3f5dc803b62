"""One test card as a Token, a card Source and a PaymentMethod: the requests and what they left.

:class:`ThreeGenerations` makes the three objects, pays with each and attaches each to
a customer, every request through :meth:`gui.sandbox_host.SandboxHost.send` (so the
event log, the object list and the status bar see it, accepted or refused). It keeps
each attempt's answer as the sandbox gave it; the words shown for it are chosen here:
Stripe's own ``message`` for a refusal, and a *why* line that states the reference's
rule when the core had already blocked the action (its ``allowed_actions`` said so
before the request), else the meaning of the error code.

The three ways to pay (the legacy and the successor API)::

    token, source:   POST /v1/charges          source=<id>  [customer=cus_…]
    payment_method:  POST /v1/payment_intents  payment_method=pm_… confirm=true [customer=cus_…]

Attaching: ``POST /v1/customers/{cus}/sources source=<id>`` for a token (the
customer gets a ``card_…``, which is what is charged from then on, §6.3) or a source
(§7); ``POST /v1/payment_methods/{pm}/attach customer=cus_…`` (intents §4.4).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from gui.sandbox_host import SandboxHost, error_of
from gui.words.error_codes import explain as explain_error
from gui.words.noop import QT_TRANSLATE_NOOP

CONTEXT = "Generations"
GENERATIONS = ("token", "source", "payment_method")
DEFAULT_CARD = "4242424242424242"
AMOUNT = "1000"
CURRENCY = "usd"
CUSTOMER_EMAIL = "jenny.rosen@example.com"

CREATE_PATHS = {
    "token": "/v1/tokens",
    "source": "/v1/sources",
    "payment_method": "/v1/payment_methods",
}

#: the rule behind a refusal the core saw coming: (generation, action) -> words
WHY = {
    ("token", "pay"): QT_TRANSLATE_NOOP(
        "Generations",
        "A token is used once: by its first charge (even a declined one) or by attaching "
        "it to a customer. It can never be used again (§6.3).",
    ),
    ("token", "attach"): QT_TRANSLATE_NOOP(
        "Generations",
        "Attaching is a use too, and a token has only one: it was already used (§6.3).",
    ),
    ("source", "pay"): QT_TRANSLATE_NOOP(
        "Generations",
        "A reusable source charged without being attached to a customer is consumed: "
        "it can never be charged again (§5.1 rule 2).",
    ),
    ("source", "attach"): QT_TRANSLATE_NOOP(
        "Generations",
        "Only a chargeable or pending source can be attached; a consumed one is done "
        "(§5.1 rule 5).",
    ),
    ("payment_method", "pay"): QT_TRANSLATE_NOOP(
        "Generations",
        "A PaymentMethod used without a customer, even once and even declined, may not "
        "be used again: attach it to a customer before its first payment (intents §4.4).",
    ),
    ("payment_method", "attach"): QT_TRANSLATE_NOOP(
        "Generations",
        "Too late: a PaymentMethod used without a customer can no longer be attached "
        "(intents §4.4, §9 E13).",
    ),
}


def tr(text: str) -> str:
    """A text marked with context ``Generations`` (the why lines), in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(slots=True)
class Attempt:
    """One request a column sent and the sandbox's answer.

    Attributes:
        action: ``"pay"`` or ``"attach"``.
        number: 1 for the first payment, 2 for the next... (0 for an attach).
        method, path: the request line.
        status: the HTTP status the sandbox answered.
        body: the answer's body (the object, or ``{"error": …}``).
        foreseen: the core had blocked this action before it was sent (the refusal is
            the reuse rule, not e.g. a decline).
    """

    action: str
    number: int
    method: str
    path: str
    status: int
    body: dict[str, Any]
    foreseen: bool = False

    @property
    def accepted(self) -> bool:
        return self.status < 400

    @property
    def error(self) -> dict[str, Any]:
        error = self.body.get("error") if isinstance(self.body, dict) else None
        return error if isinstance(error, dict) else {}


@dataclass(slots=True)
class Generation:
    """One column: the object made from the card, where it is attached, what was tried.

    Attributes:
        kind: ``token``, ``source`` or ``payment_method``.
        object_id: the object's id (``None`` until made, or when making it was refused).
        customer: the customer it is attached to (after an accepted attach).
        card_id: for a token, the ``card_…`` the attach made on the customer.
        attempts: every payment and attach, in order.
        made: the answer to the create request (for a refused one: its error).
    """

    kind: str
    object_id: str | None = None
    customer: str | None = None
    card_id: str | None = None
    attempts: list[Attempt] = field(default_factory=list)
    made: Attempt | None = None

    @property
    def payments(self) -> int:
        return sum(1 for a in self.attempts if a.action == "pay")


def card_params(number: str) -> list[tuple[str, str]]:
    """The card's parameters as every create request sends them (a future expiry, §10)."""
    year = datetime.date.today().year + 3
    return [
        ("card[number]", number),
        ("card[exp_month]", "12"),
        ("card[exp_year]", str(year)),
        ("card[cvc]", "123"),
    ]


class ThreeGenerations:
    """The three objects of one card, and every request made with them.

    Attributes:
        generations: by kind (``token``, ``source``, ``payment_method``).
        customer: the customer the attaches share, made on the first attach.
        card_number: the test card the objects were made from.
    """

    def __init__(self, host: SandboxHost) -> None:
        self._host = host
        self.card_number = DEFAULT_CARD
        self.customer: str | None = None
        self.generations = {kind: Generation(kind) for kind in GENERATIONS}

    def reset(self) -> None:
        """Forget the objects (the window shows another sandbox)."""
        self.customer = None
        self.generations = {kind: Generation(kind) for kind in GENERATIONS}

    def get(self, object_id: str | None) -> dict[str, Any]:
        obj = self._host.sandbox.get(object_id) if object_id else None
        return obj if isinstance(obj, dict) else {}

    # -- the requests --------------------------------------------------------

    def make(self, card_number: str) -> None:
        """A Token, a card Source and a PaymentMethod of ``card_number``, fresh columns."""
        self.card_number = card_number
        self.generations = {kind: Generation(kind) for kind in GENERATIONS}
        card = card_params(card_number)
        for kind in GENERATIONS:
            params = card if kind == "token" else [("type", "card"), *card]
            attempt = self._send(kind, "make", 0, "POST", CREATE_PATHS[kind], params)
            generation = self.generations[kind]
            generation.made = attempt
            if attempt.accepted:
                generation.object_id = str(attempt.body.get("id"))

    def pay(self, kind: str) -> Attempt | None:
        """Pay once more with ``kind``'s object (with its customer once attached)."""
        generation = self.generations[kind]
        if generation.object_id is None:
            return None
        customer = [("customer", generation.customer)] if generation.customer else []
        money = [("amount", AMOUNT), ("currency", CURRENCY)]
        if kind == "payment_method":
            path = "/v1/payment_intents"
            params = [
                *money,
                ("payment_method_types[]", "card"),
                ("payment_method", generation.object_id),
                ("confirm", "true"),
                *customer,
            ]
        else:
            path = "/v1/charges"
            params = [*money, ("source", generation.card_id or generation.object_id), *customer]
        attempt = self._send(kind, "pay", generation.payments + 1, "POST", path, params)
        generation.attempts.append(attempt)
        return attempt

    def attach(self, kind: str) -> Attempt | None:
        """Attach ``kind``'s object to the customer (made by the first attach)."""
        generation = self.generations[kind]
        if generation.object_id is None:
            return None
        if self.customer is None or not self.get(self.customer):
            made = self._host.send("POST", "/v1/customers", [("email", CUSTOMER_EMAIL)])
            if error_of(made) is not None:
                return None
            self.customer = str(made.body["id"])
        if kind == "payment_method":
            path = f"/v1/payment_methods/{generation.object_id}/attach"
            params = [("customer", self.customer)]
        else:
            path = f"/v1/customers/{self.customer}/sources"
            params = [("source", generation.object_id)]
        attempt = self._send(kind, "attach", 0, "POST", path, params)
        generation.attempts.append(attempt)
        if attempt.accepted:
            generation.customer = self.customer
            if kind == "token":
                generation.card_id = str(attempt.body.get("id"))
        return attempt

    def _send(
        self, kind: str, action: str, number: int, method: str, path: str, params: list[Any]
    ) -> Attempt:
        foreseen = action != "make" and self._blocked(kind, action)
        response = self._host.send(method, path, params)
        body = response.body if isinstance(response.body, dict) else {}
        return Attempt(action, number, method, path, response.status, body, foreseen)

    def _blocked(self, kind: str, action: str) -> bool:
        """The core's ``allowed_actions`` already refuses this (the object itself is used)."""
        generation = self.generations[kind]
        if generation.object_id is None or generation.card_id is not None:
            return False  # a token attached: the customer's card is what is charged
        name = "charge" if action == "pay" else "attach"
        actions = self._host.sandbox.allowed_actions(generation.object_id)
        return any(a.name == name and not a.enabled for a in actions)

    # -- what the core says now ------------------------------------------------

    def reusable_now(self, kind: str) -> bool | None:
        """Whether the core would take one more payment (None: nothing made)."""
        generation = self.generations[kind]
        if generation.object_id is None:
            return None
        if generation.card_id is not None:
            return bool(self.get(generation.card_id))
        return not self._blocked(kind, "pay")


def why(kind: str, attempt: Attempt) -> str:
    """Why ``attempt`` was refused, in the current language ("" when it was accepted)."""
    if attempt.accepted:
        return ""
    if attempt.foreseen and (kind, attempt.action) in WHY:
        return tr(WHY[(kind, attempt.action)])
    return explain_error(attempt.error)
