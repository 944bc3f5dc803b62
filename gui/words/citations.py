"""Citations of the reference ("§6.3", "(stripe-domain §3.1)") as links that open it.

The app's words cite sections of ``docs/reference.md`` (numbered like the
reference they were written from). A citation becomes a link to
``chargeable-ref:6.3``; the window registers that scheme with
:class:`QDesktopServices` (``gui.panes.reference``), so any rich-text label
with ``setOpenExternalLinks(True)`` or a :class:`~gui.widgets.flow_text.FlowText`
opens the reference at that section, wherever the citation is shown.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

SCHEME = "chargeable-ref"

#: "§6.3", "§3.3 T7" (section 3.3), "stripe-domain §3.1"; the number is group 1. An
#: "intents §3.2" cites the PaymentIntents reference, which docs/ does not have yet:
#: it is left as text rather than linked to the wrong section.
CITATION = re.compile(
    r"(?<!intents )(?<!intents-domain.md )(?:stripe-domain\s+)?§\s?(\d+(?:\.\d+)*)"
)


def section_url(section: str) -> str:
    """The link that opens the reference at ``section`` ("6.3")."""
    return f"{SCHEME}:{section.lstrip('§').strip()}"


def section_of(url: str) -> str:
    """The section a ``chargeable-ref:`` link names (``""`` for another link)."""
    prefix = f"{SCHEME}:"
    return url[len(prefix) :].strip("/") if url.startswith(prefix) else ""


def link_html(text: str) -> str:
    """Plain ``text`` as HTML, each citation a link (the rest escaped)."""
    out: list[str] = []
    last = 0
    for match in CITATION.finditer(text):
        out.append(html.escape(text[last : match.start()], quote=False))
        out.append(
            f'<a href="{section_url(match.group(1))}">'
            f"{html.escape(match.group(0), quote=False)}</a>"
        )
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


def link_rich_text(rich: str) -> str:
    """Rich text (already HTML) with each citation outside a tag made a link."""
    parts = re.split(r"(<[^>]*>)", rich)
    inside_link = False
    for index, part in enumerate(parts):
        if part.startswith("<"):
            lowered = part.lower()
            if lowered.startswith("<a "):
                inside_link = True
            elif lowered.startswith("</a"):
                inside_link = False
            continue
        if not inside_link:
            parts[index] = CITATION.sub(
                lambda m: f'<a href="{section_url(m.group(1))}">{m.group(0)}</a>', part
            )
    return "".join(parts)


def link_markdown(text: str) -> str:
    """Markdown with each citation outside a code span made a link."""
    pieces = re.split(r"(`[^`]*`)", text)
    return "".join(
        piece
        if piece.startswith("`")
        else CITATION.sub(lambda m: f"[{m.group(0)}]({section_url(m.group(1))})", piece)
        for piece in pieces
    )


ROOT = Path(__file__).resolve().parents[2]
#: where the reference is read from: an installed wheel's copy first, then the repository's
CANDIDATES = (ROOT / "resources" / "reference.md", ROOT / "docs" / "reference.md")

HEADING = re.compile(r"^(#{2,3})\s+(\d+(?:\.\d+)?)\.?\s+(.*)$", re.MULTILINE)


def reference_path() -> Path | None:
    return next((p for p in CANDIDATES if p.is_file()), None)


def reference_text() -> str:
    path = reference_path()
    return path.read_text(encoding="utf-8") if path is not None else ""


def sections(text: str) -> dict[str, str]:
    """Each section number ("6", "6.3") and its heading's title (Markdown code marks dropped)."""
    return {m.group(2): m.group(3).replace("`", "").strip() for m in HEADING.finditer(text)}


def resolve(section: str, titles: dict[str, str]) -> str:
    """The section of ``titles`` a citation opens: "5.1 rule 2" → "5.1", "12.5" → "12"."""
    section = section.strip().lstrip("§").split(" ", 1)[0]
    while section and section not in titles:
        section = section.rpartition(".")[0]
    return section


def github_anchor(section: str, titles: dict[str, str]) -> str:
    """The anchor GitHub (and most Markdown viewers) give the section's heading."""
    number = resolve(section, titles)
    if not number:
        return ""
    heading = f"{number}. {titles[number]}" if "." not in number else f"{number} {titles[number]}"
    slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
    return slug
