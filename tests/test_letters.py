"""The alphabet classes that OCR junk filters and the task tables' notes are written with."""

import re

from directives.nlp.letters import LOWER, VOWELS


def test_every_vowel_with_every_tone_and_nothing_else():
    assert len(VOWELS) == len(set(VOWELS)) == 72
    assert {"ỵ", "ẳ", "ữ", "ậ", "y", "ơ"} <= set(VOWELS)
    assert not set(VOWELS) & set("bcdđ")


def test_lower_class_takes_a_sentence_of_vietnamese_and_no_capitals():
    sentence = "ủy ban nhân dân tỉnh chỉ đạo các sở, ngành khẩn trương triển khai thực hiện kế hoạch"
    letters = re.compile(f"[{LOWER}]")
    assert all(letters.fullmatch(c) for c in sentence if c.isalpha())
    assert not letters.search("ỦY BAN NHÂN DÂN Đ")
