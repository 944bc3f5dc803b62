"""Citations of the references ("§6.3", "intents §3.2 T7") as links that open them.

The app cites two user-facing references, each numbered like the research reference
it was written from: ``docs/reference.md`` (Sources, Tokens, Charges:
``stripe-domain.md``) and ``docs/reference-intents.md`` (PaymentIntents,
PaymentMethods, SetupIntents: ``stripe-intents-domain.md``). A citation becomes a link
to ``chargeable-ref:6.3`` (the legacy reference) or ``chargeable-ref:intents/3.2``; the
window registers that scheme with :class:`QDesktopServices` (``gui.panes.reference``),
so any rich-text label with ``setOpenExternalLinks(True)`` or a
:class:`~gui.widgets.flow_text.FlowText` opens the right reference at that section,
wherever the citation is shown.

Which reference a citation means: "intents §3.2" (or "stripe-intents-domain.md §3.2")
the intents one, "stripe-domain §3.1" the legacy one; a bare "§4.4" the ``default``
of the text it is in (the legacy one unless the caller knows better, as a lesson whose
``reference`` is ``intents`` does), except right after another citation
("intents §3.2 T11, §9 E11"), whose reference it shares.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

SCHEME = "chargeable-ref"

#: the two references, by the name lessons use for them (``Lesson.reference``)
LEGACY = "stripe-domain"
INTENTS = "intents"
#: each reference's file name (in docs/, and in an installed wheel's resources/)
DOCUMENTS = {LEGACY: "reference.md", INTENTS: "reference-intents.md"}
#: the kinds the intents reference is about: a bare "§3.2" said of them means it
INTENTS_KINDS = frozenset({"payment_intent", "payment_method", "setup_intent"})


def reference_of_kind(kind: str) -> str:
    """The reference a bare "§" means in words about an object of ``kind``."""
    return INTENTS if kind in INTENTS_KINDS else LEGACY


#: "§6.3", "§3.3 T7" (section 3.3), "stripe-domain §3.1", "intents §3.2",
#: "stripe-intents-domain.md §6.1"; the number is group 1.
CITATION = re.compile(
    r"(?:(?:stripe-)?intents(?:-domain(?:\.md)?)?\s+|stripe-domain(?:\.md)?\s+)?"
    r"§\s?(\d+(?:\.\d+)*)"
)
#: what may stand between two citations of one list: "§3.2 T11, §9 E11", "§3.2 T5, T10; §8.4"
_SAME_LIST = re.compile(r"(?:\s*,?\s*[A-Z]\d+[a-z]?)*\s*(?:[,;/&]|and)?\s*")


def document_of(citation: str, default: str = LEGACY) -> str:
    """The reference a citation's words ("intents §3.2", "§6.3") name, else ``default``."""
    if citation.startswith(("intents", "stripe-intents")):
        return INTENTS
    if citation.startswith("stripe-domain"):
        return LEGACY
    return default


def citations(text: str, default: str = LEGACY) -> Iterator[tuple[re.Match[str], str]]:
    """Each citation in ``text`` and the reference it means."""
    previous: tuple[int, str] | None = None
    for match in CITATION.finditer(text):
        document = document_of(match.group(0), "")
        if not document:
            between = text[previous[0] : match.start()] if previous else None
            if previous and between is not None and _SAME_LIST.fullmatch(between):
                document = previous[1]
            else:
                document = default
        previous = (match.end(), document)
        yield match, document


def section_url(section: str, document: str = LEGACY) -> str:
    """The link that opens ``document`` at ``section`` ("6.3"; "intents", "3.2")."""
    number = section.lstrip("§").strip()
    return f"{SCHEME}:{number}" if document == LEGACY else f"{SCHEME}:{document}/{number}"


def section_of(url: str) -> tuple[str, str]:
    """The reference and section a ``chargeable-ref:`` link names (``("", "")`` if another)."""
    prefix = f"{SCHEME}:"
    if not url.startswith(prefix):
        return "", ""
    rest = url[len(prefix) :].strip("/")
    document, _, number = rest.rpartition("/")
    if not document:
        return LEGACY, number
    return (document, number) if document in DOCUMENTS else ("", "")


def cited_sections(text: str, default: str = LEGACY) -> list[tuple[str, str]]:
    """The (reference, section) pairs ``text`` cites, in order, each once."""
    seen: list[tuple[str, str]] = []
    for match, document in citations(text, default):
        if (document, match.group(1)) not in seen:
            seen.append((document, match.group(1)))
    return seen


def _anchor(match: re.Match[str], document: str) -> str:
    return f'<a href="{section_url(match.group(1), document)}">'


def link_html(text: str, default: str = LEGACY) -> str:
    """Plain ``text`` as HTML, each citation a link (the rest escaped)."""
    out: list[str] = []
    last = 0
    for match, document in citations(text, default):
        out.append(html.escape(text[last : match.start()], quote=False))
        out.append(f"{_anchor(match, document)}{html.escape(match.group(0), quote=False)}</a>")
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


def _sub(text: str, default: str, link: object) -> str:
    out: list[str] = []
    last = 0
    for match, document in citations(text, default):
        out.append(text[last : match.start()])
        out.append(link(match, document))  # type: ignore[operator]
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def link_rich_text(rich: str, default: str = LEGACY) -> str:
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
            parts[index] = _sub(part, default, lambda m, d: f"{_anchor(m, d)}{m.group(0)}</a>")
    return "".join(parts)


def link_markdown(text: str, default: str = LEGACY) -> str:
    """Markdown with each citation outside a code span made a link."""
    pieces = re.split(r"(`[^`]*`)", text)
    return "".join(
        piece
        if piece.startswith("`")
        else _sub(piece, default, lambda m, d: f"[{m.group(0)}]({section_url(m.group(1), d)})")
        for piece in pieces
    )


ROOT = Path(__file__).resolve().parents[2]


def candidates(document: str = LEGACY) -> tuple[Path, Path]:
    """Where a reference is read from: an installed wheel's copy first, then the repository's."""
    name = DOCUMENTS[document]
    return ROOT / "resources" / name, ROOT / "docs" / name


#: the legacy reference's places (kept for callers that read only it)
CANDIDATES = candidates(LEGACY)

HEADING = re.compile(r"^(#{2,3})\s+(\d+(?:\.\d+)?)\.?\s+(.*)$", re.MULTILINE)


def reference_path(document: str = LEGACY) -> Path | None:
    return next((p for p in candidates(document) if p.is_file()), None)


def reference_text(document: str = LEGACY) -> str:
    path = reference_path(document)
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
