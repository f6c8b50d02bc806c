"""Text widths: a box is never narrower than its text, in any script."""

from __future__ import annotations

import pytest

from systeemkaart.text.measure import text_width


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("text", ["王", "佐藤花子", "김민준", "はなこ"])
def test_a_cjk_character_counts_a_full_em(text: str, bold: bool) -> None:
    # Noto Sans CJK (and every CJK face) sets these characters one em wide.
    assert text_width(text, 11, bold=bold) >= 11 * len(text)


def test_latin_text_keeps_its_own_widths() -> None:
    assert text_width("il", 10) < text_width("MW", 10) < 2 * 10
