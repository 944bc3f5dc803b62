"""``object_ids`` skips deleted objects, also after a rejected request is rolled back."""

from __future__ import annotations

from core_helpers import customer, ok, token

from core.api import Sandbox


def test_object_ids_leave_out_a_deleted_card_and_survive_rollback(sb: Sandbox) -> None:
    cus = customer(sb)
    card = ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": token(sb, cvc="123")}))[
        "id"
    ]
    assert card in sb.object_ids() and sb.object_ids("card") == [card]
    ok(sb.request("DELETE", f"/v1/customers/{cus}/sources/{card}"))
    assert card not in sb.object_ids() and sb.object_ids("card") == []
    st = sb._st
    removed = st.removed
    st.begin()  # a request that deletes, then is rejected
    st.delete(cus)
    st.rollback()
    assert st.removed == removed
    assert cus in sb.object_ids() and card not in sb.object_ids()
    assert sb.object_ids() == [i for i in st.created if i in st.objects]
