"""Random request sequences through ``Sandbox.request``, invariants after every step.

A Hypothesis ``RuleBasedStateMachine`` sends good and bad requests (junk
parameters and bodies, unknown ids, ids of the wrong kind, blocked actions,
zero/negative/huge amounts, reused idempotency keys, missing or live API keys,
clock jumps) and undo/redo. After every step it checks (stripe-domain.md §3, §6):

* no request is answered 500 (``api_error``) and every 4xx is an error envelope,
  whatever it carries: test cards without a CVC (4000000000000127 then attaches,
  §10), keys nested up to 100,000 brackets deep, amounts with spaces or signs;
* a request that was not accepted leaves ``state_snapshot()`` exactly as it was;
* a source that reached ``consumed``, ``failed`` or ``canceled`` never leaves it (§3.1);
* a token's ``used`` never goes back to false, and no accepted request names an
  already-used token as ``source``/``token`` (a token is used at most once, §6.3);
* every new charge comes from a source that was ``chargeable`` just before, or
  from an unused token, or from a card attached to a customer (§8.1);
* the event list only grows, and the clock never runs backwards;
* PaymentIntents and SetupIntents that reached ``succeeded`` or ``canceled``, and
  PaymentMethods that were ``consumed`` (used without a customer) or ``detached``, never
  leave it; no new Charge is paid by such a PaymentMethod; ``amount_received`` never
  exceeds ``amount`` and ``amount_capturable`` is non-zero only in ``requires_capture``
  (stripe-intents-domain.md §3.1, §3.5, §4.4);
* undo restores exactly the state before the last accepted request, and redo
  then restores the live state; a request after an undo never gets an id an
  undone request had (Stripe never reuses ids), yet replaying the log gives the
  live ids;
* replaying the log (``Sandbox.replay``) gives the live state: every
  ``REPLAY_EVERY`` steps and at the end of each run;
* every lifecycle edge a request (or redo) takes fired its table's events
  (``Change.edges`` against ``Change.events``), whatever state it was taken from;
* in any state the run reaches, an action the sandbox offers as enabled
  (``allowed_actions``) is accepted when sent, and a blocked one is refused (the
  ``act_as_offered`` rule picks any object and any of its actions).

Beyond the JSON, the records behind it (``Sandbox._st``: expiry and settle timers,
test-card keys, the idempotency cache) are compared too, for rejected requests and
for replays: hidden state that drifts would surface only later.
"""

from __future__ import annotations

import copy
import os
from collections import Counter
from typing import Any

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from core.api import Change, Response, Sandbox
from core.facts import source_catalog
from core.lifecycle import tables as lifecycle

SEED = 11
KEY = {"Authorization": "Bearer sk_test_stateful"}
TERMINAL = frozenset({"consumed", "failed", "canceled"})
#: Terminal lifecycle states of the intents kinds (intents §3.1, §4.4, §5.1).
INTENT_TERMINAL = {
    "payment_intent": frozenset({"succeeded", "canceled"}),
    "setup_intent": frozenset({"succeeded", "canceled"}),
    "payment_method": frozenset({"consumed", "detached"}),
}
PM_ALIASES = (
    "pm_card_visa",
    "pm_card_chargeDeclined",
    "pm_card_threeDSecure2Required",
    "pm_card_authenticationRequiredOnSetup",
    "pm_card_authenticationRequiredChargeDeclinedInsufficientFunds",
    "pm_usBankAccount_success",
    "pm_usBankAccount_processing",
)
REPLAY_EVERY = 10
EXAMPLES = int(os.environ.get("CHARGEABLE_STATEFUL_EXAMPLES", "500"))
RETURN_URL = "https://example.com/return"
#: Blocked only because nothing would happen: running the clock with no timer due, making
#: the default source default again. Stripe accepts both, and they change nothing.
NOTHING_TO_DO = frozenset({"advance_clock", "set_default"})

CARD_NUMBERS = (
    "4242424242424242",
    "4000000000000002",
    "4000000000000341",
    "4000000000000127",
    "4000000000003063",
    "4000000000003055",
    "378282246310005",
    "4000000000007726",
    "4000000000005126",
    "4242424242424241",
    "4111111111111111",
)
TEST_TOKENS = ("tok_visa", "tok_chargeDeclined", "tok_chargeCustomerFail", "tok_amex")
JUNK_IDS = (
    "src_doesnotexist",
    "tok_doesnotexist",
    "cus_doesnotexist",
    "ch_doesnotexist",
    "card_doesnotexist",
    "re_doesnotexist",
    "evt_doesnotexist",
    "pm_card_visa",
    "",
    "x" * 300,
    "src_../../etc",
    "ba_nope",
)
AMOUNTS = (
    "0",
    "-1",
    "-500",
    "1",
    "49",
    "50",
    "100",
    "1000",
    "1500",
    "99999999",
    "100000000",
    "999999999999",
    "1e3",
    "abc",
    "",
    " 100",
    "100 ",
    "+100",
    "1_000",
    "0x10",
    "-",
    "１２",
    "12.5",
)
CURRENCIES = ("usd", "eur", "cad", "aud", "pln", "cny", "xyz", "USD", "")
SECONDS = (
    "0",
    "1",
    "59",
    "3600",
    "3601",
    "21600",
    "21601",
    "86400",
    "172800",
    "172801",
    "604801",
    "1296000",
    "-1",
    "abc",
    "999999999999",
)
IBANS = (
    "DE89370400440532013000",
    "DE62370400440532013001",
    "DE35370400440532013002",
    "DE00000000000000000000",
    "nonsense",
)
PATHS = (
    "/v1/sources",
    "/v1/sources/{id}",
    "/v1/sources/{id}/verify",
    "/v1/tokens",
    "/v1/tokens/{id}",
    "/v1/customers",
    "/v1/customers/{id}",
    "/v1/customers/{id}/sources",
    "/v1/customers/{id}/sources/{id}",
    "/v1/charges",
    "/v1/charges/{id}",
    "/v1/charges/{id}/capture",
    "/v1/refunds",
    "/v1/refunds/{id}",
    "/v1/events",
    "/v1/events/{id}",
    "/v1/test_helpers/sources/{id}/authorize",
    "/v1/test_helpers/sources/{id}/fail",
    "/v1/test_helpers/sources/{id}/receive_funds",
    "/v1/test_helpers/advance_clock",
    "/v1/nowhere",
    "/v2/sources",
    "/",
    "",
    "/v1/sources/",
    "/v1//sources",
    "v1/sources",
)

junk_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
junk_key = st.one_of(
    st.sampled_from(
        [
            "amount",
            "currency",
            "source",
            "customer",
            "type",
            "card[number]",
            "metadata[k]",
            "usage",
            "capture",
            "seconds",
            "values[]",
            "owner",
            "owner[email][x]",
            "expand[]",
            "limit",
            "starting_after",
            "[]",
            "a[",
            "a]b",
            "card",
            "redirect[return_url]",
        ]
    ),
    junk_text.filter(bool),
)
junk_params = st.one_of(
    st.none(),
    st.dictionaries(junk_key, junk_text, max_size=4),
    st.lists(st.tuples(junk_key, junk_text), max_size=4),
    junk_text,
    st.sampled_from(
        [
            ["not a pair"],
            [("a", "b", "c")],
            {"a": object()},
            42,
            b"\xff\xfe",
            {"amount": ["1", "2"]},
            {"metadata": {"k": {"deep": "x"}}},
            [("card[number]", "4242424242424242"), ("card", "x")],
        ]
    ),
)


def source_params(kind: str, data: st.DataObject, card_source: str | None) -> dict[str, str]:
    """Mostly valid creation params for ``kind``, sometimes with one thing wrong."""
    info = source_catalog.SOURCE_TYPES[kind]
    flow = data.draw(st.sampled_from(info.flows), label="flow")
    usage = data.draw(st.sampled_from(info.usages), label="usage")
    currency = (
        "usd"
        if info.currencies is None
        else ("eur" if "eur" in info.currencies else sorted(info.currencies)[0])
    )
    params = {
        "type": kind,
        "usage": usage,
        "owner[email]": "jenny@example.com",
        "owner[name]": "Jenny Rosen",
        "currency": currency,
    }
    if flow != info.flow:
        params["flow"] = flow
    if not (info.amount_at_creation == "forbidden" and usage == "reusable"):
        params["amount"] = data.draw(
            st.sampled_from(("1500", "1500", "2000", "100")), label="amount"
        )
    if flow == "redirect":
        params["redirect[return_url]"] = RETURN_URL
    if kind == "card":
        params.update(
            {
                "card[number]": data.draw(st.sampled_from(CARD_NUMBERS)),
                "card[exp_month]": "12",
                "card[exp_year]": "2034",
            }
        )
        if data.draw(st.booleans(), label="cvc"):
            params["card[cvc]"] = "123"
    elif kind == "three_d_secure":
        params["three_d_secure[card]"] = card_source or "src_doesnotexist"
    elif kind == "sepa_debit":
        params["sepa_debit[iban]"] = data.draw(st.sampled_from(IBANS), label="iban")
    elif kind == "sofort":
        params["sofort[country]"] = "DE"
    elif kind == "klarna" and data.draw(st.booleans(), label="source_order"):
        params["source_order[items][0][type]"] = "sku"
        params["source_order[items][0][amount]"] = params.get("amount", "1500")
    if data.draw(st.integers(0, 9), label="spoil") == 0:  # one thing wrong
        spoil = data.draw(
            st.sampled_from(
                ("amount", "currency", "usage", "type", "flow", "redirect[return_url]", "junk")
            ),
            label="spoilt",
        )
        params[spoil] = data.draw(st.sampled_from(("", "-5", "reusable", "bogus", "0")))
    return params


def hidden_state(sandbox: Sandbox) -> dict[str, Any] | None:
    """The records behind the JSON (``Sandbox._st``, a core internal), shallow-copied.

    Records are copy-on-write (core/records.py), so a shallow copy is a snapshot.
    None when the internals moved: the JSON-level checks still run.
    """
    state = getattr(sandbox, "_st", None)
    objects = getattr(state, "objects", None)
    if not isinstance(objects, dict):
        return None
    return {
        "objects": {k: copy.copy(v) for k, v in objects.items()},
        "idempotency": dict(getattr(state, "idempotency", {})),
    }


class SandboxMachine(RuleBasedStateMachine):
    """One sandbox, driven by random requests; the trackers follow the log."""

    def __init__(self) -> None:
        super().__init__()
        self.sb = Sandbox(seed=SEED)
        self.snapshot = self.sb.state_snapshot()
        self.steps = 0
        self.seen_ids: set[str] = set()  # every object and event id ever shown
        # Per accepted request: (snapshot, terminal statuses, used tokens) *before* it.
        self.undo_stack: list[tuple[dict[str, Any], dict[str, str], frozenset[str]]] = []
        self.redo_stack: list[tuple[dict[str, Any], dict[str, str], frozenset[str]]] = []
        self.terminal: dict[str, str] = {}
        self.used: frozenset[str] = frozenset()
        self.changes: list[Change] = []
        self.sb.subscribe(self.changes.append)

    def _check_edge_events(self) -> None:
        """The events fired include those of every edge taken (tables are the source).

        Checked here, not in the subscriber: the sandbox keeps a subscriber's exception
        to itself (``subscriber_errors``) so that it cannot break ``request``.
        """
        changes, self.changes[:] = list(self.changes), []
        assert changes, "the sandbox did not announce a change"
        for change in changes:
            objects = self.sb.state_snapshot()["objects"] if change.edges else {}
            expected: Counter[str] = Counter()
            for object_id, edge_id in change.edges:
                obj = objects[object_id]
                variant = obj.get("flow", "") if obj["object"] == "source" else ""
                table = lifecycle.TABLES[(obj["object"], variant)]
                edge = next(t for t in table.transitions if t.id == edge_id)
                expected.update(edge.events)
            fired = Counter(e["type"] for e in change.events)
            missing = expected - fired
            assert not missing, (
                f"edges {change.edges} should fire {dict(expected)}, fired {dict(fired)}: "
                f"{change.request}"
            )

    # --- picking ids ----------------------------------------------------------------

    def ids(self, *kinds: str) -> list[str]:
        objects = self.snapshot["objects"]
        return [i for i, o in objects.items() if not kinds or o.get("object") in kinds]

    def pick(self, data: st.DataObject, *kinds: str, label: str = "id") -> str:
        """Mostly an id of the right kind; sometimes any id, a junk id, a test token."""
        n = data.draw(st.integers(0, 1 << 16), label=label)  # one draw: cheap, still shrinks
        bucket, index = n % 10, n // 10
        right = self.ids(*kinds)
        if bucket == 0 or not (right or kinds):
            return JUNK_IDS[index % len(JUNK_IDS)]
        if bucket == 1 or not right:
            anything = [*self.ids(), *(TEST_TOKENS if "token" in kinds else JUNK_IDS)]
            return anything[index % len(anything)]
        return right[index % len(right)]

    # --- the one place requests go through ---------------------------------------------

    def send(self, method: str, path: str, params: Any = None, headers: Any = KEY) -> Response:
        before, revision = self.snapshot, self.sb.revision
        hidden = hidden_state(self.sb)
        response = self.sb.request(method, path, params, headers)
        self._check_edge_events()
        after = self.sb.state_snapshot()
        self.steps += 1
        where = f"{method} {path} {params!r} -> {response.status} {response.body!r}"
        assert response.status != 500, where
        assert response.status in (200, 400, 401, 402, 403, 404, 409), where
        if response.status >= 400:
            assert set(response.body) == {"error"}, where
            assert response.body["error"]["type"] != "api_error", where
            if response.status != 402:
                assert not response.accepted, where
            else:  # a decline that leaves a failed Charge is logged (§5.2)
                assert response.accepted is (after != before), where
        assert self.sb.revision == revision + response.accepted, where
        if not response.accepted:
            assert after == before, f"a request that was not accepted changed state: {where}"
            assert hidden_state(self.sb) == hidden, f"... changed hidden state: {where}"
        else:
            assert method in ("POST", "DELETE"), where
            self.undo_stack.append((before, dict(self.terminal), self.used))
            # Stripe never reuses ids: not even those of requests that were undone.
            created = (set(after["objects"]) - set(before["objects"])) | {
                e["id"] for e in after["events"][len(before["events"]) :]
            }
            # ...except the card (or bank account) a token carries: attaching the token
            # makes it an object of its own under the id it had in the token (§6.3: the
            # sandbox keeps the token's card.id), however often an undo lets it attach.
            carried = {
                nested["id"]
                for obj in before["objects"].values()
                if obj["object"] == "token"
                for nested in (obj.get("card"), obj.get("bank_account"))
                if isinstance(nested, dict)
            }
            reused = (created - carried) & self.seen_ids
            assert not reused, f"ids used again after an undo: {sorted(reused)}: {where}"
            self.seen_ids |= created
            self.redo_stack.clear()
            self._check_step(before, after, params, where)
        self.snapshot = after
        self._track(after, where)
        if self.steps % REPLAY_EVERY == 0:
            self._check_replay()
        return response

    def _check_step(
        self, before: dict[str, Any], after: dict[str, Any], params: Any, where: str
    ) -> None:
        old, new = before["objects"], after["objects"]
        assert after["now"] >= before["now"], f"the clock ran backwards: {where}"
        assert after["events"][: len(before["events"])] == before["events"], (
            f"past events changed: {where}"
        )
        times = [e["created"] for e in after["events"][max(len(before["events"]) - 1, 0) :]]
        assert times == sorted(times), f"events out of time order: {times} {where}"
        named = (
            {v for v in params.values() if isinstance(v, str)}
            if isinstance(params, dict)
            else set()
        )
        for value in named:
            obj = old.get(value)
            if obj is not None and obj["object"] == "token" and obj["used"]:
                raise AssertionError(f"an already used token was accepted: {where}")
        for object_id, charge in new.items():
            if object_id in old or charge["object"] != "charge":
                continue
            method = charge["payment_method"]
            origin = old.get(method)
            if charge["payment_intent"] is not None:  # intents §3.7, §4.4
                assert charge["payment_intent"] in new, where
                assert method not in self.terminal, f"charge {object_id} by used {method}: {where}"
                continue
            if method.startswith("src_"):
                assert origin is not None and origin["status"] == "chargeable", (
                    f"charge {object_id} from source {method} that was "
                    f"{origin and origin['status']}: {where}"
                )
                continue
            if origin is not None and origin["object"] == "card" and origin.get("customer"):
                continue  # a card attached to a customer
            tokens = [
                t
                for t in old.values()
                if t["object"] == "token" and (t.get("card") or {}).get("id") == method
            ]
            if tokens:
                assert not tokens[0]["used"], f"charge from a used token: {where}"
                continue
            assert named & set(TEST_TOKENS), f"charge {object_id} from nowhere: {where}"

    def _track(self, after: dict[str, Any], where: str) -> None:
        objects = after["objects"]
        for object_id, status in self.terminal.items():
            obj = objects.get(object_id)
            assert obj is not None, f"terminal source {object_id} vanished: {where}"
            now = self.sb.state_of(object_id) if obj["object"] in INTENT_TERMINAL else obj["status"]
            assert now == status, f"{object_id} left {status} for {now}: {where}"
        used = set(self.used)
        for object_id, obj in objects.items():
            if obj["object"] == "source" and obj["status"] in TERMINAL:
                self.terminal.setdefault(object_id, obj["status"])
            elif obj["object"] == "token" and obj["used"]:
                used.add(object_id)
            elif obj["object"] in INTENT_TERMINAL:
                state = self.sb.state_of(object_id)
                if state in INTENT_TERMINAL[obj["object"]]:
                    self.terminal.setdefault(object_id, str(state))
        for token_id in self.used:
            obj = objects.get(token_id)
            assert obj is not None and obj["used"], f"token {token_id} became unused: {where}"
        self.used = frozenset(used)
        self._check_consistency(objects, where)

    @staticmethod
    def _check_consistency(objects: dict[str, Any], where: str) -> None:
        """Cross-object facts that must hold in any state (§7, §8)."""
        for object_id, obj in objects.items():
            kind = obj["object"]
            if kind == "customer" and not obj.get("deleted"):
                listed = [s["id"] for s in obj["sources"]["data"]]
                assert obj["default_source"] in (None, *listed), (object_id, where)
                for source_id in listed:
                    assert objects[source_id].get("customer") == object_id, (source_id, where)
            elif kind in ("source", "card") and obj.get("customer"):
                owner = objects.get(obj["customer"])
                assert owner is not None and not owner.get("deleted"), (object_id, where)
                assert object_id in [s["id"] for s in owner["sources"]["data"]], (object_id, where)
            elif kind == "charge":
                assert 0 <= obj["amount_refunded"] <= obj["amount"], (object_id, where)
                assert obj["status"] in ("succeeded", "pending", "failed"), (object_id, where)
                assert obj["paid"] == (obj["status"] == "succeeded"), (object_id, where)
                if obj["status"] == "failed":
                    assert obj["failure_code"] and not obj["captured"], (object_id, where)
            elif kind == "payment_intent":
                assert 0 <= obj["amount_received"] <= obj["amount"], (object_id, where)
                assert obj["amount_capturable"] == 0 or obj["status"] == "requires_capture", where
                assert (obj["next_action"] is not None) == (obj["status"] == "requires_action"), (
                    object_id,
                    where,
                )
            if kind == "source" and obj.get("receiver"):
                receiver = obj["receiver"]
                assert (
                    receiver["amount_charged"] + receiver["amount_returned"]
                    <= receiver["amount_received"]
                ), (object_id, receiver, where)

    def _check_replay(self) -> None:
        rebuilt = Sandbox.replay(SEED, self.sb.log)
        assert rebuilt.state_snapshot() == self.snapshot, "replaying the log differs"
        # What the JSON does not show (timers due, test-card keys, settle outcomes) must
        # match too, or a replayed session would diverge later.
        assert hidden_state(rebuilt) == hidden_state(self.sb), "replay differs in hidden state"

    # --- rules: creating things -----------------------------------------------------------

    @initialize()
    def start(self) -> None:
        self.send("POST", "/v1/customers", {"email": "first@example.com"})

    @rule(data=st.data(), kind=st.sampled_from(source_catalog.SOURCE_TYPE_NAMES))
    def create_source(self, data: st.DataObject, kind: str) -> None:
        cards = [i for i in self.ids("source") if self.snapshot["objects"][i]["type"] == "card"]
        card = data.draw(st.sampled_from(cards)) if cards else None
        self.send("POST", "/v1/sources", source_params(kind, data, card))

    @rule(data=st.data(), number=st.sampled_from(CARD_NUMBERS), cvc=st.booleans())
    def create_card_source(self, data: st.DataObject, number: str, cvc: bool) -> None:
        params = {
            "type": "card",
            "card[number]": number,
            "card[exp_month]": "12",
            "card[exp_year]": data.draw(st.sampled_from(("2034", "2034", "2001"))),
        }
        if cvc:
            params["card[cvc]"] = "123"
        if data.draw(st.integers(0, 4)) == 0:
            params = {"type": "card", "token": self.pick(data, "token")}
        self.send("POST", "/v1/sources", params)

    @rule(
        data=st.data(),
        kind=st.sampled_from(
            ("card", "card", "bank_account", "pii", "cvc_update", "account", "person", "none")
        ),
    )
    def create_token(self, data: st.DataObject, kind: str) -> None:
        params: dict[str, str] = {
            "card": {
                "card[number]": data.draw(st.sampled_from(CARD_NUMBERS)),
                "card[exp_month]": "12",
                "card[exp_year]": "2034",
                # Without a CVC too: 4000000000000127 then skips its CVC check (§10).
                **({"card[cvc]": "123"} if data.draw(st.booleans(), label="cvc") else {}),
            },
            "bank_account": {
                "bank_account[country]": "US",
                "bank_account[currency]": "usd",
                "bank_account[account_number]": "000123456789",
                "bank_account[routing_number]": "110000000",
            },
            "pii": {"pii[id_number]": "000000000"},
            "cvc_update": {"cvc_update[cvc]": "123"},
            "account": {"account[business_type]": "individual"},
            "person": {"person[first_name]": "Jenny"},
            "none": {},
        }[kind]
        self.send("POST", "/v1/tokens", params)

    @rule(data=st.data(), with_source=st.booleans())
    def create_customer(self, data: st.DataObject, with_source: bool) -> None:
        params = {"email": "jenny@example.com"}
        if with_source:
            params["source"] = self.pick(data, "token", "source")
        self.send("POST", "/v1/customers", params)

    # --- rules: acting on things ----------------------------------------------------------

    @rule(data=st.data())
    def attach(self, data: st.DataObject) -> None:
        customer = self.pick(data, "customer", label="customer")
        self.send(
            "POST",
            f"/v1/customers/{customer}/sources",
            {"source": self.pick(data, "token", "source")},
        )

    @rule(data=st.data())
    def detach(self, data: st.DataObject) -> None:
        customer = self.pick(data, "customer", label="customer")
        attached = [
            i
            for i, o in self.snapshot["objects"].items()
            if o.get("customer") == customer and o["object"] in ("card", "source")
        ]
        target = data.draw(st.sampled_from([*attached, *attached, *JUNK_IDS[:3]]))
        self.send("DELETE", f"/v1/customers/{customer}/sources/{target}")

    @rule(data=st.data())
    def update_customer(self, data: st.DataObject) -> None:
        customer = self.pick(data, "customer", label="customer")
        which = data.draw(st.sampled_from(("source", "default_source", "email", "usage")))
        value = (
            self.pick(data, "token", "source", "card") if which != "email" else "new@example.com"
        )
        self.send("POST", f"/v1/customers/{customer}", {which: value})

    @rule(data=st.data())
    def delete_customer(self, data: st.DataObject) -> None:
        self.send("DELETE", f"/v1/customers/{self.pick(data, 'customer')}")

    @rule(data=st.data())
    def update_source(self, data: st.DataObject) -> None:
        source = self.pick(data, "source")
        params = data.draw(
            st.sampled_from(
                (
                    {"metadata[order]": "42"},
                    {"usage": "reusable"},
                    {"usage": "single_use"},
                    {"amount": "1700"},
                    {"amount": "-1"},
                    {"owner[name]": "New Name"},
                    {"card[exp_month]": "13"},
                    {"card[exp_year]": "2035"},
                    {"type": "card"},
                )
            )
        )
        self.send("POST", f"/v1/sources/{source}", params)

    @rule(
        data=st.data(),
        spoil=st.sampled_from(
            ("", "", "", "", "amount", "currency", "customer", "no source", "capture")
        ),
    )
    def charge(self, data: st.DataObject, spoil: str) -> None:
        """A charge that fits its source (§8.1), or one with one thing wrong."""
        source = self.pick(data, "source", "token", "card", label="source")
        obj = self.snapshot["objects"].get(source, {})
        params: dict[str, str] = {"source": source}
        if obj.get("customer"):
            params["customer"] = obj["customer"]
        amount = obj.get("amount") or 1500
        if obj.get("receiver"):
            amount = obj["receiver"]["amount_received"] - obj["receiver"]["amount_charged"]
        params["amount"] = str(max(amount, 50))
        params["currency"] = obj.get("currency") or "usd"
        if spoil == "amount":
            params["amount"] = data.draw(st.sampled_from(AMOUNTS), label="amount")
        elif spoil == "currency":
            params["currency"] = data.draw(st.sampled_from(CURRENCIES), label="currency")
        elif spoil == "customer":
            params["customer"] = self.pick(data, "customer", label="customer")
            if data.draw(st.booleans(), label="drop customer"):
                del params["customer"]
        elif spoil == "no source":
            del params["source"]
        elif spoil == "capture" or data.draw(st.integers(0, 5), label="uncaptured") == 0:
            params["capture"] = data.draw(st.sampled_from(("false", "false", "true", "maybe")))
        self.send("POST", "/v1/charges", params)

    @rule(data=st.data())
    def capture(self, data: st.DataObject) -> None:
        params = {}
        if data.draw(st.booleans()):
            params["amount"] = data.draw(st.sampled_from(AMOUNTS))
        self.send("POST", f"/v1/charges/{self.pick(data, 'charge')}/capture", params)

    @rule(data=st.data())
    def refund(self, data: st.DataObject) -> None:
        params = {"charge": self.pick(data, "charge")}
        if data.draw(st.booleans()):
            params["amount"] = data.draw(st.sampled_from(AMOUNTS))
        self.send("POST", "/v1/refunds", params)

    @rule(
        data=st.data(), helper=st.sampled_from(("authorize", "authorize", "fail", "receive_funds"))
    )
    def source_helper(self, data: st.DataObject, helper: str) -> None:
        source = self.pick(data, "source")
        params: dict[str, str] = {}
        if helper == "fail" and data.draw(st.booleans()):
            params["failure_reason"] = data.draw(
                st.sampled_from(("user_abort", "declined", "processing_error", "bogus"))
            )
        if helper in ("receive_funds", "authorize") and data.draw(st.booleans()):
            params["amount"] = data.draw(st.sampled_from(("1500", "500", *AMOUNTS)))
        self.send("POST", f"/v1/test_helpers/sources/{source}/{helper}", params)

    @rule(data=st.data())
    def verify(self, data: st.DataObject) -> None:
        values = data.draw(st.sampled_from((["32", "45"], ["45", "32"], ["1", "2"], ["32"], [])))
        self.send(
            "POST",
            f"/v1/sources/{self.pick(data, 'source')}/verify",
            [("values[]", v) for v in values],
        )

    # --- rules: PaymentMethods, PaymentIntents, SetupIntents (intents §3-§5) ------------

    def pick_pm(self, data: st.DataObject) -> str:
        """A PaymentMethod id, a test alias, a legacy card/source, or junk."""
        if data.draw(st.integers(0, 2), label="alias") == 0:
            return data.draw(st.sampled_from(PM_ALIASES), label="pm alias")
        return self.pick(data, "payment_method", "card", "source", label="pm")

    @rule(data=st.data())
    def create_payment_method(self, data: st.DataObject) -> None:
        params = data.draw(
            st.sampled_from(
                (
                    {"type": "card", "card[token]": "tok_visa"},
                    {
                        "type": "card",
                        "card[number]": "4000002760003184",
                        "card[exp_month]": "12",
                        "card[exp_year]": "2034",
                    },
                    {"type": "sepa_debit", "sepa_debit[iban]": "AT611904300234573201"},
                    {"type": "sepa_debit", "sepa_debit[iban]": "AT861904300235473202"},
                    {"type": "ideal", "ideal[bank]": "ing"},
                    {"type": "bancontact"},
                    {"type": "klarna"},
                )
            )
        )
        self.send("POST", "/v1/payment_methods", params)

    @rule(data=st.data(), detach=st.booleans())
    def attach_payment_method(self, data: st.DataObject, detach: bool) -> None:
        pm = self.pick_pm(data)
        if detach:
            self.send("POST", f"/v1/payment_methods/{pm}/detach")
        else:
            customer = self.pick(data, "customer", label="customer")
            self.send("POST", f"/v1/payment_methods/{pm}/attach", {"customer": customer})

    @rule(
        data=st.data(),
        confirm=st.booleans(),
        capture=st.sampled_from(("automatic", "manual", "")),
        currency=st.sampled_from(("usd", "usd", "eur")),
    )
    def create_payment_intent(
        self, data: st.DataObject, confirm: bool, capture: str, currency: str
    ) -> None:
        params: dict[str, str] = {"amount": data.draw(st.sampled_from(("2000", "49", "1500")))}
        params["currency"] = currency
        if data.draw(st.integers(0, 3)):
            params["payment_method_types[]"] = data.draw(
                st.sampled_from(("card", "card", "sepa_debit", "us_bank_account", "ideal"))
            )
        if capture:
            params["capture_method"] = capture
        if data.draw(st.booleans(), label="with pm"):
            params["payment_method"] = self.pick_pm(data)
        if data.draw(st.booleans(), label="with customer"):
            params["customer"] = self.pick(data, "customer", label="customer")
        if data.draw(st.booleans(), label="save"):
            params["setup_future_usage"] = "off_session"
        if data.draw(st.booleans(), label="incremental"):  # intents §3.2 T19
            params["payment_method_options[card][request_incremental_authorization]"] = (
                "if_available"
            )
        if confirm:
            params["confirm"] = "true"
            if data.draw(st.booleans(), label="off session"):
                params["off_session"] = "true"
            else:
                params["return_url"] = RETURN_URL
        self.send("POST", "/v1/payment_intents", params)

    @rule(
        data=st.data(),
        action=st.sampled_from(
            (
                "confirm",
                "confirm",
                "capture",
                "cancel",
                "update",
                "authenticate",
                "refund",
                "increment_authorization",
            )
        ),
    )
    def act_on_payment_intent(self, data: st.DataObject, action: str) -> None:
        pi = self.pick(data, "payment_intent", label="pi")
        params: dict[str, str] = {}
        path = f"/v1/payment_intents/{pi}/{action}"
        if action == "confirm":
            if data.draw(st.booleans(), label="new pm"):
                params["payment_method"] = self.pick_pm(data)
            params["return_url"] = RETURN_URL
            if data.draw(st.booleans(), label="error on action"):  # intents §3.2 T11
                params["error_on_requires_action"] = "true"
        elif action == "increment_authorization":  # intents §3.2 T19
            params["amount"] = data.draw(st.sampled_from(("2500", "100", "99999")))
        elif action == "capture" and data.draw(st.booleans()):
            params["amount_to_capture"] = data.draw(st.sampled_from(("500", "2000", "5000")))
        elif action == "cancel" and data.draw(st.booleans()):
            params["cancellation_reason"] = data.draw(st.sampled_from(("abandoned", "automatic")))
        elif action == "update":
            path = f"/v1/payment_intents/{pi}"
            params = data.draw(
                st.sampled_from(
                    ({"amount": "3000"}, {"metadata[k]": "v"}, {"payment_method": "pm_card_visa"})
                )
            )
        elif action == "authenticate":
            path = f"/v1/test_helpers/payment_intents/{pi}/authenticate"
            params["result"] = data.draw(st.sampled_from(("success", "failure", "maybe")))
        elif action == "refund":
            path, params = "/v1/refunds", {"payment_intent": pi}
        self.send("POST", path, params)

    @rule(
        data=st.data(),
        action=st.sampled_from(("create", "create", "confirm", "authenticate", "cancel")),
    )
    def act_on_setup_intent(self, data: st.DataObject, action: str) -> None:
        if action == "create":
            params = {"payment_method_types[]": "card", "confirm": "true"}
            params["payment_method"] = self.pick_pm(data)
            if data.draw(st.booleans(), label="with customer"):
                params["customer"] = self.pick(data, "customer", label="customer")
            self.send("POST", "/v1/setup_intents", params)
            return
        si = self.pick(data, "setup_intent", label="si")
        if action == "authenticate":
            result = data.draw(st.sampled_from(("success", "failure")))
            self.send(
                "POST", f"/v1/test_helpers/setup_intents/{si}/authenticate", {"result": result}
            )
        else:
            self.send("POST", f"/v1/setup_intents/{si}/{action}")

    @rule(data=st.data())
    def act_as_offered(self, data: st.DataObject) -> None:
        """Send one action ``allowed_actions`` offers, as the window's buttons do."""
        self._act_as_offered(data)

    @rule(data=st.data())
    def act_on_intents_as_offered(self, data: st.DataObject) -> None:
        """The same for a PaymentMethod, PaymentIntent or SetupIntent, in whatever state
        the run has brought it to: their blocked reasons come from the intents'
        requirements and the tables' guards (core.lifecycle.intent_requires), so an
        enabled one must be accepted and a blocked one refused."""
        self._act_as_offered(data, "payment_method", "payment_intent", "setup_intent")

    def _act_as_offered(self, data: st.DataObject, *kinds: str) -> None:
        offered = [i for i in self.ids(*kinds) if self.sb.allowed_actions(i)]
        if not offered:
            return
        object_id = data.draw(st.sampled_from(offered), label="object")
        action = data.draw(st.sampled_from(self.sb.allowed_actions(object_id)), label="action")
        chosen = {}
        if "customer" in action.needs:  # the window offers live customers only
            live = [
                i for i in self.ids("customer") if not self.snapshot["objects"][i].get("deleted")
            ]
            if not live:
                return
            chosen["customer"] = data.draw(st.sampled_from(live), label="customer")
        method, path, params = action.request_args(chosen)
        if not path:  # detach / set_default of an object that is not attached
            assert not action.enabled, action
            return
        before = self.snapshot
        response = self.send(method, path, params)
        where = f"{object_id} {action} -> {response.status} {response.body}"
        if action.enabled:
            assert response.accepted, f"an enabled action was refused: {where}"
        elif action.name in NOTHING_TO_DO:  # Stripe accepts it; the sandbox offers no button
            assert self.snapshot == before, f"a blocked action changed state: {where}"
        else:
            assert not response.accepted, f"a blocked action was accepted: {where}"

    @rule(seconds=st.sampled_from(SECONDS))
    def advance_clock(self, seconds: str) -> None:
        self.send("POST", "/v1/test_helpers/advance_clock", {"seconds": seconds})

    # --- rules: reading, and bad requests -------------------------------------------------

    @rule(data=st.data())
    def read(self, data: st.DataObject) -> None:
        object_id = self.pick(data, label="id")
        path = data.draw(
            st.sampled_from(
                (
                    "/v1/sources/{}",
                    "/v1/tokens/{}",
                    "/v1/customers/{}",
                    "/v1/charges/{}",
                    "/v1/refunds/{}",
                    "/v1/customers/{}/sources",
                    "/v1/events",
                    "/v1/sources",
                    "/v1/charges",
                    "/v1/customers",
                    "/v1/refunds",
                )
            )
        ).format(object_id)
        params = data.draw(
            st.sampled_from(
                (
                    None,
                    {"limit": "3"},
                    {"limit": "0"},
                    {"limit": "101"},
                    {"starting_after": object_id},
                    {"expand[]": "sources"},
                    {"type": "charge.*"},
                )
            )
        )
        self.send("GET", path, params)

    @rule(
        method=st.sampled_from(("GET", "POST", "DELETE", "PUT", "PATCH", "get", "")),
        path=st.sampled_from(PATHS),
        params=junk_params,
        data=st.data(),
    )
    def junk(self, method: str, path: str, params: Any, data: st.DataObject) -> None:
        self.send(method, path.replace("{id}", self.pick(data)), params)

    @rule(
        data=st.data(),
        depth=st.one_of(st.integers(1, 40), st.integers(900, 1100), st.just(100_000)),
        shape=st.sampled_from(("[0]", "[]", "[k]", "mixed")),
        root=st.sampled_from(("metadata", "a", "card", "owner", "amount")),
        as_mapping=st.booleans(),
    )
    def deep_key(
        self, data: st.DataObject, depth: int, shape: str, root: str, as_mapping: bool
    ) -> None:
        """Keys nested ``depth`` brackets deep: a 400 naming the limit, never a 500."""
        parts = ("[0]", "[]", "[k]") if shape == "mixed" else (shape,)
        key = root + "".join(parts[i % len(parts)] for i in range(depth))
        params: Any = [(key, "x")]
        if as_mapping:  # the same depth as nested dicts, as a Python caller might pass
            params = "x"
            for _ in range(min(depth, 500)):  # repr() of deeper dicts recurses too far
                params = {"k": params}
            params = [(root, params)]
        path = data.draw(
            st.sampled_from(("/v1/customers", "/v1/charges", "/v1/sources", "/v1/tokens"))
        )
        response = self.send("POST", path, params)
        if depth > 40:
            assert response.status == 400, response.body
            assert "nested too deeply" in response.body["error"]["message"], response.body

    @rule(
        data=st.data(),
        headers=st.sampled_from(
            (
                None,
                {},
                {"Authorization": ""},
                {"Authorization": "Bearer sk_live_123456789"},
                {"Authorization": "Bearer pk_test_123456789"},
                {"Authorization": "Basic !!!"},
                {"Authorization": "Bearer sk_test_"},
                [("Authorization", 5)],
                "junk headers",
            )
        ),
    )
    def bad_key(self, data: st.DataObject, headers: Any) -> None:
        self.send(
            "POST",
            "/v1/charges",
            {"amount": "1000", "currency": "usd", "source": self.pick(data, "token")},
            headers,
        )

    @rule(data=st.data(), same=st.booleans())
    def idempotent_retry(self, data: st.DataObject, same: bool) -> None:
        key = {**KEY, "Idempotency-Key": f"key-{self.steps}"}
        path, params = data.draw(
            st.sampled_from(
                (
                    ("/v1/customers", {"email": "idem@example.com"}),
                    ("/v1/charges", {"amount": "1000", "currency": "usd", "source": "tok_visa"}),
                    (
                        "/v1/charges",
                        {"amount": "1000", "currency": "usd", "source": "tok_chargeDeclined"},
                    ),
                    (
                        "/v1/charges",
                        {"amount": "1000", "currency": "usd", "source": self.pick(data, "token")},
                    ),
                )
            ),
            label="request",
        )
        first = self.send("POST", path, params, key)
        second = self.send("POST", path, params if same else {**params, "email": "x@y.z"}, key)
        if same:
            assert (second.status, second.body) == (first.status, first.body)
            assert not second.accepted
        elif first.accepted:
            assert second.status == 400 and second.body["error"]["type"] == "idempotency_error", (
                second.body
            )

    # --- rules: history ---------------------------------------------------------------

    @rule(action=st.sampled_from(("undo_then_redo", "undo_then_redo", "undo", "redo")))
    def time_travel(self, action: str) -> None:
        """Undo/redo (one rule, no preconditions: cheaper for Hypothesis to schedule)."""
        if action == "redo" and not self.sb.can_redo:
            action = "undo"
        if not self.sb.can_undo and action != "redo":
            assert not self.undo_stack
            return
        if action == "undo_then_redo":
            live = self.snapshot
            previous = self.undo_stack[-1][0]
            redo_before = len(self.sb.redo_stack)
            assert self.sb.undo()
            self._check_edge_events()
            assert self.sb.state_snapshot() == previous, "undo is not the state before"
            assert self.sb.redo()
            self._check_edge_events()
            assert self.sb.state_snapshot() == live, "undo then redo changed the state"
            assert len(self.sb.redo_stack) == redo_before
        elif action == "undo":
            previous, terminal, used = self.undo_stack.pop()
            self.redo_stack.append((self.snapshot, dict(self.terminal), self.used))
            assert self.sb.undo()
            self._check_edge_events()
            self.snapshot = self.sb.state_snapshot()
            assert self.snapshot == previous, "undo is not the state before the last request"
            self.terminal, self.used = terminal, used
        else:
            later, terminal, used = self.redo_stack.pop()
            self.undo_stack.append((self.snapshot, dict(self.terminal), self.used))
            assert self.sb.redo()
            self._check_edge_events()
            self.snapshot = self.sb.state_snapshot()
            assert self.snapshot == later, "redo is not the state that was undone"
            self.terminal, self.used = terminal, used

    @invariant()
    def history_matches(self) -> None:
        assert self.sb.can_redo == bool(self.redo_stack)
        assert len(self.sb.log) == len(self.undo_stack)

    def teardown(self) -> None:
        self._check_replay()
        if self.sb.can_undo:
            live = copy.deepcopy(self.snapshot)
            assert self.sb.undo() and self.sb.redo()
            assert self.sb.state_snapshot() == live, "undo then redo changed the state"


SandboxMachine.TestCase.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestSandboxMachine = SandboxMachine.TestCase
