"""What a selected customer is about (objectName ``customerPage``): its sources and charges.

A customer has no status to move through, so the graph has nothing to show for
it. In the graph's place the window shows this page: the customer's default
source, every source attached to it (cards from tokens, Sources, bank
accounts), and the charges made for it. Each id is a link that selects the
object (its graph then comes back).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from gui.sandbox_host import SandboxHost
from gui.selection import Selection
from gui.widgets.status_style import display_status

SOURCE_KINDS = ("card", "source", "bank_account")


def _money(amount: Any, currency: Any) -> str:
    if not isinstance(amount, int):
        return ""
    code = str(currency or "").upper()
    return f"{amount / 100:.2f} {code}" if code not in ("JPY", "KRW") else f"{amount} {code}"


class CustomerPage(QWidget):
    """The selected customer's sources, default source and charges.

    Attributes:
        view: the :class:`QTextBrowser` (``customerPageText``) that shows them.
        customer_id: the customer shown, or ``None``.
    """

    def __init__(self, host: SandboxHost, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("customerPage")
        self._host = host
        self._selection = selection
        self.customer_id: str | None = None
        self.view = QTextBrowser(self)
        self.view.setObjectName("customerPageText")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.view)
        host.changed.connect(self._on_change)

    # ------------------------------------------------------------------ API
    def show_customer(self, customer_id: str | None) -> None:
        self.customer_id = customer_id
        self.refresh()

    def sources(self) -> list[dict[str, Any]]:
        """The customer's attached sources (cards, Sources, bank accounts), oldest first."""
        sandbox = self._host.sandbox
        out = []
        for kind in SOURCE_KINDS:
            for object_id in sandbox.object_ids(kind):
                obj = sandbox.get(object_id) or {}
                if obj.get("customer") == self.customer_id:
                    out.append(obj)
        return sorted(out, key=lambda o: int(o.get("created") or 0))

    def charges(self) -> list[dict[str, Any]]:
        sandbox = self._host.sandbox
        found = [sandbox.get(c) or {} for c in sandbox.object_ids("charge")]
        return [c for c in found if c.get("customer") == self.customer_id]

    # --------------------------------------------------------------- render
    def refresh(self) -> None:
        customer = self._host.sandbox.get(self.customer_id) if self.customer_id else None
        if customer is None:
            self.view.clear()
            return
        e = html.escape
        default = customer.get("default_source")
        who = " · ".join(str(customer[k]) for k in ("email", "name") if customer.get(k))
        parts = [f"<h2>{e(str(customer['id']))}</h2>"]
        if who:
            parts.append(f"<p>{e(who)}</p>")
        heading = self.tr("Default source")
        parts.append(f"<h3>{e(heading)}</h3>")
        no_default = self.tr("None: a charge with only this customer is refused (§8.1).")
        parts.append(f"<p>{self._link(str(default)) if default else e(no_default)}</p>")
        sources = self.sources()
        heading = self.tr("Sources (%n)", "", len(sources))
        parts.append(f"<h3>{e(heading)}</h3>")
        if sources:
            parts.append("<table cellspacing='0' cellpadding='3'>")
            for obj in sources:
                mark = "★ " if obj.get("id") == default else ""
                what = str(obj.get("object", ""))
                if what == "card" and obj.get("brand"):
                    what = f"card {obj.get('brand')} •••• {obj.get('last4', '')}"
                elif what == "source":
                    what = f"source {obj.get('type', '')} · {obj.get('usage', '')}"
                parts.append(
                    f"<tr><td>{mark}{self._link(str(obj['id']))}</td><td>{e(what)}</td>"
                    f"<td>{e(display_status(obj))}</td></tr>"
                )
            parts.append("</table>")
        else:
            none = self.tr("None attached yet (Object ▸ Attach on a source or token).")
            parts.append(f"<p>{e(none)}</p>")
        charges = self.charges()
        heading = self.tr("Charges (%n)", "", len(charges))
        parts.append(f"<h3>{e(heading)}</h3>")
        if charges:
            parts.append("<table cellspacing='0' cellpadding='3'>")
            for charge in charges:
                source = charge.get("source")
                paid_with = source.get("id") if isinstance(source, dict) else source
                parts.append(
                    f"<tr><td>{self._link(str(charge['id']))}</td>"
                    f"<td>{e(_money(charge.get('amount'), charge.get('currency')))}</td>"
                    f"<td>{e(str(charge.get('status', '')))}</td>"
                    f"<td>{self._link(str(paid_with)) if paid_with else ''}</td></tr>"
                )
            parts.append("</table>")
        else:
            none = self.tr("No charges yet.")
            parts.append(f"<p>{e(none)}</p>")
        from gui.words.citations import link_rich_text

        self.view.setHtml(link_rich_text("".join(parts)))

    @staticmethod
    def _link(object_id: str) -> str:
        safe = html.escape(object_id)
        return f'<a href="select:{safe}">{safe}</a>'

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("select:"):
            self._selection.select(text.removeprefix("select:"))
        else:
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)

    def _on_change(self, change: Any) -> None:
        if self.customer_id and not self.isHidden():
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and self.customer_id:
            self.refresh()
        super().changeEvent(event)
