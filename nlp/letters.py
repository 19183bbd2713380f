"""The Vietnamese alphabet as regex classes, written once for the patterns that need its letters.

Hand-typed classes of the 72 marked vowels drift apart (one forgets "ỵ", another "ẳ"); these are
composed from the twelve vowels and the five tone marks.
"""

from __future__ import annotations

import unicodedata

_BASE_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng

#: every lower-case vowel, with or without a tone mark (72 letters)
VOWELS = "".join(unicodedata.normalize("NFC", vowel + tone) for vowel in _BASE_VOWELS for tone in _TONES)

#: every lower-case letter of the alphabet, for use inside a character class: "[" + LOWER + "]"
LOWER = "a-zđ" + "".join(letter for letter in VOWELS if not letter.isascii())
