"""API versions: which ``Stripe-Version`` values exist, and what each changes here (§14).

A request may pin a version with the ``Stripe-Version`` header; otherwise the
account's default applies (``Sandbox.api_version``, a setting; Stripe's default for
a new account is the newest version, the sandbox's is the one its JSON Schemas were
cut from, 2023-08-16). Every answer carries the version used in ``Stripe-Version``.

The shape changes modelled, for the objects the sandbox holds (§14, §7, §8.3, §8.4):

- before 2020-08-27 a customer carries its ``sources`` list;
- before 2022-11-15 a charge carries its ``refunds`` list;
- before 2015-02-18 a succeeded charge has ``status: "paid"`` and a ``card`` field
  beside ``source`` (§8.2, §8.3), and a customer shows ``default_card``/``cards``
  instead of ``default_source``/``sources`` (§7 History);
- before 2014-12-22 a token's card still has ``customer`` (§14; it is always null).

Which versions exist: every dated version up to 2024-06-20 is listed below (Stripe's
upgrade history). From 2024-09-30 Stripe names versions ``YYYY-MM-DD.<release>``,
twice a year a new release name (acacia, basil, clover, dahlia, endive); the sandbox
accepts a real date within its release's half-year with that release's name. That
rule is the sandbox's (Stripe publishes the list, not a rule): an unlisted dated
version Stripe released would be refused here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.facts import errors
from core.rules import expand
from core.store.state import State

Json = dict[str, Any]

#: The sandbox's default for the account (the version of the spec subset, §14).
DEFAULT = "2023-08-16"

#: Dated versions before release names (Stripe's API upgrades history).
DATED = frozenset(
    """
    2011-06-21 2011-06-28 2011-07-14 2011-08-01 2011-09-15 2011-11-17 2012-02-23
    2012-03-25 2012-06-18 2012-06-28 2012-07-09 2012-09-24 2012-10-26 2012-11-07
    2013-02-11 2013-02-13 2013-07-05 2013-08-12 2013-08-13 2013-10-29 2013-12-03
    2014-01-31 2014-03-13 2014-03-28 2014-05-19 2014-06-13 2014-06-17 2014-07-22
    2014-07-26 2014-08-04 2014-08-20 2014-09-08 2014-10-07 2014-11-05 2014-11-20
    2014-12-08 2014-12-17 2014-12-22 2015-01-11 2015-01-26 2015-02-10 2015-02-16
    2015-02-18 2015-03-24 2015-04-07 2015-06-15 2015-07-07 2015-07-13 2015-07-28
    2015-08-07 2015-08-19 2015-09-03 2015-09-08 2015-09-23 2015-10-01 2015-10-12
    2015-10-16 2016-02-03 2016-02-19 2016-02-22 2016-02-23 2016-02-29 2016-03-07
    2016-06-15 2016-07-06 2016-10-19 2017-01-27 2017-02-14 2017-04-06 2017-05-25
    2017-06-05 2017-08-15 2017-12-14 2018-01-23 2018-02-05 2018-02-06 2018-02-28
    2018-05-21 2018-07-27 2018-08-23 2018-09-06 2018-09-24 2018-10-31 2018-11-08
    2019-02-11 2019-02-19 2019-03-14 2019-05-16 2019-08-14 2019-09-09 2019-10-08
    2019-10-17 2019-11-05 2019-12-03 2020-03-02 2020-08-27 2022-08-01 2022-11-15
    2023-08-16 2023-10-16 2024-04-10 2024-06-20
    """.split()
)

#: Release names and the first day of their half-year (the next one ends it).
RELEASES: tuple[tuple[str, str], ...] = (
    ("acacia", "2024-09-30"),
    ("basil", "2025-03-31"),
    ("clover", "2025-09-30"),
    ("dahlia", "2026-03-01"),  # its first version's day is not in the reference
    ("endive", "2026-09-30"),
)
RELEASES_END = "2027-03-01"  # no release after endive is known

SOURCES_LISTED_UNTIL = "2020-08-27"
REFUNDS_LISTED_UNTIL = "2022-11-15"
PAID_STATUS_UNTIL = "2015-02-18"
TOKEN_CARD_CUSTOMER_UNTIL = "2014-12-22"


def _real_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def is_known(version: str) -> bool:
    if version in DATED:
        return True
    day, dot, name = version.partition(".")
    if not dot or not _real_date(day):
        return False
    for index, (release, first) in enumerate(RELEASES):
        end = RELEASES[index + 1][1] if index + 1 < len(RELEASES) else RELEASES_END
        if first <= day < end:
            return name == release
    return False


def check(version: str) -> str:
    """``version`` if Stripe has it, else Stripe's 400."""
    if not is_known(version):
        raise errors.invalid(f"Invalid Stripe API version: {version[:100]}")
    return version


def pick(headers: dict[str, str], default: str) -> str:
    """The version a request runs at: its ``Stripe-Version`` header or the default."""
    asked = headers.get("stripe-version")
    if asked is None:
        return default
    return check(asked.strip())


def _date(version: str) -> str:
    return version[:10]


def shape(st: State, body: Json, version: str) -> Json:
    """``body`` (fresh) as ``version`` shows it: objects, list and search items."""
    if body.get("object") in expand.LIST_OBJECTS:
        for item in body.get("data") or ():
            if isinstance(item, dict):
                shape_object(st, item, version)
        return body
    return shape_object(st, body, version)


def shape_object(st: State, obj: Json, version: str) -> Json:
    day = _date(version)
    if day >= SOURCES_LISTED_UNTIL and day >= REFUNDS_LISTED_UNTIL:
        return obj  # the common case: nothing to change
    kind = obj.get("object")
    if obj.get("deleted") is True or "id" not in obj:
        return obj
    if kind == "customer":
        if day < SOURCES_LISTED_UNTIL and "sources" not in obj:
            expand.include(st, obj, "sources")
        if day < PAID_STATUS_UNTIL:
            _rename(obj, "default_source", "default_card")
            sources = obj.pop("sources", None)
            if isinstance(sources, dict):
                cards = [s for s in sources.get("data", ()) if s.get("object") == "card"]
                obj["cards"] = {**sources, "data": cards, "url": f"/v1/customers/{obj['id']}/cards"}
    elif kind == "charge":
        if day < REFUNDS_LISTED_UNTIL and "refunds" not in obj:
            expand.include(st, obj, "refunds")
        if day < PAID_STATUS_UNTIL:
            if obj.get("status") == "succeeded":
                obj["status"] = "paid"
            source = obj.get("source")
            if isinstance(source, dict) and source.get("object") == "card":
                obj["card"] = source
    elif kind == "token" and day < TOKEN_CARD_CUSTOMER_UNTIL:
        card = obj.get("card")
        if isinstance(card, dict):
            card.setdefault("customer", None)
    return obj


def _rename(obj: Json, old: str, new: str) -> None:
    if old not in obj:
        return
    items = [(new if k == old else k, v) for k, v in obj.items()]
    obj.clear()
    obj.update(items)
