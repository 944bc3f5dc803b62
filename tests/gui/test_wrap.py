"""Dialog hints wrap by width: Latin at spaces, Japanese between characters (kinsoku)."""

from __future__ import annotations

from gui.dialogs._base import text_width, wrap

JA = (
    "決済確定までの遅延はサンドボックスが選んだもっともらしい値です。ドキュメントには幅があり "
    "(§8.2)、サンドボックスはこの固定の遅延で確定します"
)


def test_latin_breaks_at_spaces_within_the_width() -> None:
    text = "Flow: redirect · usage: single_use (default single_use) · starts pending " * 3
    lines = wrap(text, 40).split("\n")
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(lines) == " ".join(text.split())


def test_japanese_breaks_by_columns_and_never_starts_a_line_with_a_closing_mark() -> None:
    lines = wrap(JA, 30).split("\n")
    assert len(lines) > 3
    assert all(text_width(line) <= 30 for line in lines)
    assert "".join(lines).replace(" ", "") == JA.replace(" ", "")
    assert not any(line[0] in "、。)）」" for line in lines)


def test_explicit_line_breaks_are_kept() -> None:
    assert wrap("a\n\nb") == "a\n\nb"
