"""``GET /v1/charges/search`` and ``/v1/customers/search``: Stripe's query language.

A query is up to 10 clauses joined by ``AND`` or ``OR`` (not both; a space means
``AND``), each ``[-]field OP value``:

- ``field:value`` equality (strings in single or double quotes, numbers bare);
- ``field~"abc"`` substring (at least 3 characters; on text fields);
- ``field>value``, ``<``, ``>=``, ``<=`` on numbers and ``created``;
- ``metadata['key']:'value'``; ``field:null`` matches a missing or null value;
- a leading ``-`` negates the clause.

Results are ``search_result`` objects, newest first, ``limit`` ≤ 100 and a
``next_page`` token to pass back as ``page``. Stripe's search index lags writes by
up to a minute; the sandbox's is immediate (a sandbox choice, said in the docs).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.facts import errors
from core.rules import pages
from core.rules.validate import Params
from core.store.records import CardRec, ChargeRec, CustomerRec, SourceRec
from core.store.state import State
from core.wire.serialize import object_json

MAX_CLAUSES = 10
Getter = Callable[[Any], Any]


def _card(rec: ChargeRec, key: str) -> Any:
    snap = rec.source_snapshot
    if isinstance(snap, CardRec):
        value = getattr(snap, key, None)
    elif isinstance(snap, SourceRec) and snap.type in ("card", "three_d_secure"):
        value = snap.type_data.get(key)
    else:
        return None
    if key == "brand" and isinstance(value, str):
        return value.lower().replace(" ", "").replace("americanexpress", "amex")
    return value


#: Searchable fields per resource (Stripe's "Supported query fields"), read from records.
CHARGE_FIELDS: dict[str, Getter] = {
    "amount": lambda r: r.amount,
    "billing_details.address.postal_code": lambda r: None,
    "created": lambda r: r.created,
    "currency": lambda r: r.currency,
    "customer": lambda r: r.customer,
    "disputed": lambda r: r.disputed,
    "payment_intent": lambda r: r.payment_intent,
    "payment_method_details.card.brand": lambda r: _card(r, "brand"),
    "payment_method_details.card.exp_month": lambda r: _card(r, "exp_month"),
    "payment_method_details.card.exp_year": lambda r: _card(r, "exp_year"),
    "payment_method_details.card.last4": lambda r: _card(r, "last4"),
    "refunded": lambda r: r.refunded,
    "status": lambda r: r.status,
}
CUSTOMER_FIELDS: dict[str, Getter] = {
    "created": lambda r: r.created,
    "email": lambda r: r.email,
    "name": lambda r: r.name,
    "phone": lambda r: r.phone,
}
NUMERIC = frozenset(
    {
        "amount",
        "created",
        "payment_method_details.card.exp_month",
        "payment_method_details.card.exp_year",
    }
)
SUBSTRING = frozenset({"email", "name", "phone"})


@dataclass(frozen=True, slots=True)
class Resource:
    kind: str
    plural: str
    fields: dict[str, Getter]
    record: type


RESOURCES = {
    "charge": Resource("charge", "charges", CHARGE_FIELDS, ChargeRec),
    "customer": Resource("customer", "customers", CUSTOMER_FIELDS, CustomerRec),
}


@dataclass(frozen=True, slots=True)
class Clause:
    field: str  # a field name, or "metadata" with ``key``
    op: str  # ":", "~", ">", "<", ">=", "<="
    value: str | int | None  # None: the null literal
    negate: bool = False
    key: str | None = None


_TOKEN = re.compile(
    r"""\s*(?:
      (?P<neg>-)?
      (?:metadata\[(?P<mq>['"])(?P<mkey>(?:\\.|(?!(?P=mq)).)*)(?P=mq)\]|(?P<field>[a-z_][a-z0-9_.]*))
      (?P<op>>=|<=|:|~|>|<)
      (?:(?P<q>['"])(?P<str>(?:\\.|(?!(?P=q)).)*)(?P=q)|(?P<bare>[^\s'"]+))
    |(?P<conj>AND|OR)(?=\s)
    )""",
    re.VERBOSE | re.IGNORECASE,
)


def _bad(message: str) -> errors.StripeError:
    return errors.invalid(f"{message} {errors.SANDBOX_WORDING}", param="query")


def parse(query: str, res: Resource) -> tuple[list[Clause], str]:
    """The clauses and how they combine (``"AND"`` or ``"OR"``)."""
    clauses: list[Clause] = []
    joins: set[str] = set()
    pos, expect_clause = 0, True
    text = query.strip()
    if not text:
        raise errors.missing_param("query")
    while pos < len(text):
        found = _TOKEN.match(text, pos)
        if found is None or found.end() == pos:
            raise _bad(f"Invalid query: cannot parse the query at character {pos + 1}.")
        pos = found.end()
        if found.group("conj"):
            if expect_clause:
                raise _bad(f"Invalid query: {found.group('conj')} must join two clauses.")
            joins.add(found.group("conj").upper())
            expect_clause = True
            continue
        if not expect_clause:
            joins.add("AND")  # clauses separated by a space
        clauses.append(_clause(found, res))
        expect_clause = False
    if expect_clause:
        raise _bad("Invalid query: it ends with AND or OR.")
    if len(joins) > 1:
        raise _bad("Invalid query: AND and OR cannot be combined in one query.")
    if len(clauses) > MAX_CLAUSES:
        raise _bad(f"Invalid query: at most {MAX_CLAUSES} clauses.")
    return clauses, joins.pop() if joins else "AND"


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _clause(found: re.Match[str], res: Resource) -> Clause:
    negate = bool(found.group("neg"))
    op = found.group("op")
    quoted = found.group("q") is not None
    raw = _unescape(found.group("str")) if quoted else found.group("bare")
    mkey = found.group("mkey")
    name = "metadata" if mkey is not None else found.group("field")
    if mkey is None and name not in res.fields:
        raise _bad(
            f"Field `{name}` is an unsupported search field for resource `{res.plural}`. "
            f"See http://stripe.com/docs/search#query-fields-for-{res.plural} for a list of "
            "supported fields."
        )
    value: str | int | None = raw
    if not quoted and raw == "null":
        if op != ":":
            raise _bad(f"Invalid query: null can only be matched with ':' ({name}).")
        value = None
    elif op in (">", "<", ">=", "<="):
        if name not in NUMERIC:
            raise _bad(f"Invalid query: {name} cannot be compared with {op}.")
        value = _number(name, raw)
    elif name in NUMERIC:
        value = _number(name, raw)
    if op == "~":
        if mkey is None and name not in SUBSTRING:
            raise _bad(f"Invalid query: {name} does not support substring matching (~).")
        if not isinstance(value, str) or len(value) < 3:
            raise _bad("Invalid query: a substring (~) must be at least 3 characters.")
    return Clause(name, op, value, negate, _unescape(mkey) if mkey is not None else None)


def _number(name: str, raw: str) -> int:
    body = raw[1:] if raw[:1] in "+-" else raw
    if not body.isdigit():
        raise _bad(f"Invalid query: {name} takes a number, not {raw[:40]!r}.")
    return int(raw)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _compile(clause: Clause, res: Resource) -> Callable[[Any], bool]:
    """One clause as a predicate on a record (built once per request, called per record)."""
    key = clause.key
    get: Getter
    if key is not None:
        get = lambda rec: rec.metadata.get(key)  # noqa: E731
    else:
        get = res.fields[clause.field]
    op, value, negate = clause.op, clause.value, clause.negate
    test: Callable[[Any], bool]
    if value is None:

        def test(actual: Any) -> bool:
            return actual is None

    elif isinstance(value, int):
        number = value
        compare = {
            ":": number.__eq__,
            ">": number.__lt__,
            "<": number.__gt__,
            ">=": number.__le__,
            "<=": number.__ge__,
        }[op]

        def test(actual: Any) -> bool:
            return type(actual) is int and compare(actual) is True

    else:
        wanted = value.lower()
        if op == ":":

            def test(actual: Any) -> bool:
                shown = _text(actual)
                return shown is not None and shown.lower() == wanted

        else:

            def test(actual: Any) -> bool:
                shown = _text(actual)
                return shown is not None and wanted in shown.lower()

    if negate:
        return lambda rec: not test(get(rec))
    return lambda rec: test(get(rec))


def _page_token(pos: int) -> str:
    return "page_" + base64.urlsafe_b64encode(f"chargeable:{pos}".encode()).decode().rstrip("=")


def _page_pos(token: str) -> int:
    try:
        body = token.removeprefix("page_")
        text = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()
        label, _, number = text.partition(":")
        if label != "chargeable" or not number.isdigit():
            raise ValueError(token)
        return int(number)
    except (ValueError, UnicodeDecodeError):
        raise errors.invalid("Invalid page: it is not a next_page value.", param="page") from None


def search(st: State, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    res = RESOURCES[kind]
    p = Params(data, {"query", "limit", "page"})
    query = p.req("query", max_len=10_000)
    limit = pages.limit_of(p)
    clauses, join = parse(query, res)
    token = p.str("page")
    ids = st.order.get(kind, [])
    start = len(ids) if token is None else min(_page_pos(token), len(ids))
    candidates: list[int] | range = range(start)
    if kind == "charge" and join == "AND":  # a customer clause reads the index
        for clause in clauses:
            if clause.field == "customer" and clause.op == ":" and not clause.negate:
                value = clause.value
                found = pages.index_of(st, "charge", "customer").positions(st, value)
                candidates = [q for q in found if q < start]
                break
    objects = st.objects
    tests = [_compile(c, res) for c in clauses]
    record, every = res.record, join == "AND"

    def keep(rec: Any) -> bool:
        if type(rec) is not record or getattr(rec, "deleted", False):
            return False
        if every:
            for test in tests:
                if not test(rec):
                    return False
            return True
        for test in tests:
            if test(rec):
                return True
        return False

    hits: list[int] = []
    more = False
    for pos in reversed(candidates):
        if keep(objects.get(ids[pos])):
            if len(hits) == limit:
                more = True
                break
            hits.append(pos)
    expand = data.get("expand")
    body: dict[str, Any] = {
        "object": "search_result",
        "data": [object_json(objects[ids[q]]) for q in hits],
        "has_more": more,
        "next_page": _page_token(hits[-1]) if more else None,
        "url": f"/v1/{res.plural}/search",
    }
    if isinstance(expand, list) and "total_count" in expand:
        body["total_count"] = sum(1 for q in range(len(ids)) if keep(objects.get(ids[q])))
    return body


def search_charges(st: State, args: tuple[str, ...], data: dict[str, Any]) -> dict[str, Any]:
    return search(st, "charge", data)


def search_customers(st: State, args: tuple[str, ...], data: dict[str, Any]) -> dict[str, Any]:
    return search(st, "customer", data)
