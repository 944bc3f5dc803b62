"""The SetupIntent's (intents §5.2: S1…S8) and the PaymentMethod's (§4.4: M1…M5) lifecycles."""

from __future__ import annotations

from core.i18n import QT_TRANSLATE_NOOP
from core.lifecycle.table_types import Table, Transition

_T = Transition
_RPM, _RC, _RA = "requires_payment_method", "requires_confirmation", "requires_action"
_PROC = "processing"
_SI_FAILED = ("setup_intent.setup_failed",)
SETUP_INTENT_TABLE = Table(
    "setup_intent",
    "",
    (_RPM, _RC, _RA, _PROC, "succeeded", "canceled"),
    frozenset({"succeeded", "canceled"}),
    (
        _T(
            "S1",
            _RPM,
            _RC,
            "set_payment_method",
            QT_TRANSLATE_NOOP("core", "set a payment method (create/update)"),
        ),
        *(
            edge
            for source, short in ((_RPM, "rpm"), (_RC, "rc"), (_RA, "ra"))
            for edge in (
                _T(
                    "S2-" + short,
                    source,
                    "succeeded",
                    "confirm",
                    QT_TRANSLATE_NOOP("core", "confirm (set up; attached to the customer)"),
                    ("outcome_succeeds",),
                    ("setup_intent.succeeded",),
                ),
                _T(
                    "S3-" + short,
                    source,
                    _RA,
                    "confirm",
                    QT_TRANSLATE_NOOP("core", "confirm (authentication needed)"),
                    ("outcome_action",),
                    ("setup_intent.requires_action",),
                ),
                _T(
                    "S6-" + short,
                    source,
                    _RPM,
                    "confirm",
                    QT_TRANSLATE_NOOP("core", "confirm (card declined)"),
                    ("outcome_declines",),
                    _SI_FAILED,
                ),
            )
        ),
        _T(
            "S4",
            _RA,
            "succeeded",
            "authenticate",
            QT_TRANSLATE_NOOP("core", "customer authenticates"),
            ("outcome_succeeds",),
            ("setup_intent.succeeded",),
        ),
        _T(
            "S5",
            _RA,
            _RPM,
            "authenticate",
            QT_TRANSLATE_NOOP("core", "customer fails authentication"),
            ("outcome_fails",),
            _SI_FAILED,
        ),
        *(
            _T(
                "S8-" + short,
                source,
                "canceled",
                "cancel",
                QT_TRANSLATE_NOOP("core", "cancel"),
                events=("setup_intent.canceled",),
            )
            for source, short in ((_RPM, "rpm"), (_RC, "rc"), (_RA, "ra"))
        ),
    ),
)

PAYMENT_METHOD_TABLE = Table(
    "payment_method",
    "",
    ("unattached", "attached", "consumed", "detached"),
    frozenset({"consumed", "detached"}),
    (
        _T(
            "M1",
            "unattached",
            "attached",
            "attach",
            QT_TRANSLATE_NOOP("core", "attach to a customer"),
            events=("payment_method.attached",),
        ),
        _T(
            "M2",
            "attached",
            "detached",
            "detach",
            QT_TRANSLATE_NOOP("core", "detach (can never be used again)"),
            events=("payment_method.detached",),
        ),
        _T(
            "M3",
            "unattached",
            "consumed",
            "use",
            QT_TRANSLATE_NOOP("core", "used without a customer (even if declined)"),
            ("pm_unattached",),
            note="intents §4.4: single use without a customer",
        ),
        _T(
            "M4",
            "attached",
            "attached",
            "use",
            QT_TRANSLATE_NOOP("core", "used with its customer"),
            ("pm_with_its_customer",),
        ),
        _T(
            "M5",
            "attached",
            "attached",
            "update",
            QT_TRANSLATE_NOOP("core", "update"),
            events=("payment_method.updated",),
        ),
    ),
    labels={"consumed": "used · no customer", "detached": "detached · customer: null"},
)
