"""Dialogs that create Stripe objects through the window's ``SandboxHost.send``.

Each dialog takes the window's :class:`~gui.sandbox_host.SandboxHost` (it reads
``host.sandbox``: ``object_ids`` and ``get``) and a parent; open it with
``open()`` (window-modal, non-blocking).

=====================  ==============================================================
class                  constructor
=====================  ==============================================================
``NewSourceDialog``    ``(host, parent=None, source_type="card")``
``NewTokenDialog``     ``(host, parent=None, kind="card")``  (card/bank_account/pii)
``NewCustomerDialog``  ``(host, parent=None, source_id=None)``
``ChargeDialog``       ``(host, parent=None, source_id=None, customer_id=None)``
``NewPaymentMethod…``  ``NewPaymentMethodDialog(host, parent=None, pm_type="card",
                       customer_id=None)``: created, then attached when a customer is given
``NewPaymentIntent…``  ``NewPaymentIntentDialog(host, parent=None, customer_id=None,
                       payment_method_id=None)`` (``new_intent``)
``NewSetupIntent…``    ``NewSetupIntentDialog(host, parent=None, customer_id=None,
                       payment_method_id=None)`` (``new_intent``)
``…IntentDialog``      ``ConfirmIntentDialog`` / ``CaptureIntentDialog`` /
                       ``CancelIntentDialog(host, parent=None, intent_id=…)``
                       (``intent_steps``): what an existing intent's request takes
=====================  ==============================================================

The compare view is no create dialog: ``GenerationsDialog(host, parent)``
(:mod:`gui.dialogs.generations`, View ▸ Compare Three Generations…) makes one test
card a Token, a card Source and a PaymentMethod and pays twice with each, through
the same ``host.send`` (its requests in :mod:`gui.dialogs.generation_requests`, its
words in :mod:`gui.dialogs.generation_words`).

The create dialogs share (``RequestDialog``):

- ``request()`` → ``ApiRequest(method, path, params)``: what OK would send.
- ``errors()`` → ``{field: message}``: the inline validation; OK is disabled
  while it is not empty. Fields are named by the Stripe parameter they fill.
- ``submit()`` (also what OK and ``accept()`` do): sends (then ``follow_up(body)``,
  a second request such as an attach, when the dialog has one) through
  ``host.send``, as the window's buttons do. Accepted: emits ``succeeded(body)`` and closes.
  Refused: shows Stripe's message in the dialog (``stripeError`` banner, and
  next to the field named by ``error.param``), emits ``failed(error)`` and
  keeps everything the user typed.

Per-type facts and test cards are read from the core (``gui.dialogs._facts``
is the only module that imports them).
"""

from gui.dialogs._base import ApiRequest, RequestDialog
from gui.dialogs.charge import ChargeDialog
from gui.dialogs.intent_steps import CancelIntentDialog, CaptureIntentDialog, ConfirmIntentDialog
from gui.dialogs.new_customer import NewCustomerDialog
from gui.dialogs.new_intent import NewPaymentIntentDialog, NewSetupIntentDialog
from gui.dialogs.new_payment_method import NewPaymentMethodDialog
from gui.dialogs.new_source import NewSourceDialog
from gui.dialogs.new_token import NewTokenDialog

__all__ = [
    "ApiRequest",
    "CancelIntentDialog",
    "CaptureIntentDialog",
    "ChargeDialog",
    "ConfirmIntentDialog",
    "NewCustomerDialog",
    "NewPaymentIntentDialog",
    "NewPaymentMethodDialog",
    "NewSetupIntentDialog",
    "NewSourceDialog",
    "NewTokenDialog",
    "RequestDialog",
]
