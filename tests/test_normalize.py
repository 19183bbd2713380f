import unicodedata

from directives.nlp.normalize import fold, normalize_text, symbol_key


def test_nfd_input_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "Quyết định")
    assert normalize_text(nfd) == "Quyết định"


def test_old_tone_placement_moves_to_modern_place():
    assert normalize_text("CỘNG HOÀ, Uỷ ban, hoà bình, thuỷ sản, khoẻ") == "CỘNG HÒA, Ủy ban, hòa bình, thủy sản, khỏe"


def test_tone_inside_words_and_after_qu_stays():
    assert normalize_text("hoàn thành, quý, quỹ, hoặc, thuyết, quà, tuổi") == "hoàn thành, quý, quỹ, hoặc, thuyết, quà, tuổi"


def test_dashes_spaces_and_lookalike_letters():
    # an en dash, a non-breaking space and a Cyrillic "В" inside a symbol
    assert normalize_text("Số:\u00a012/QĐ\u2013UВND") == "Số: 12/QĐ-UBND"
    assert normalize_text("QÐ") == "QĐ"  # Icelandic eth


def test_fold_drops_every_diacritic_including_d_bar():
    assert fold("Đà Nẵng") == "da nang"
    assert fold("Quyết định") == "quyet dinh"


def test_symbol_key_matches_any_spelling():
    assert symbol_key("1477/qd-ubnd") == symbol_key("1477/QĐ-UBND") == symbol_key("Số: 1477 / QĐ–UBND")
    assert symbol_key("1477/QĐ-UBND") != symbol_key("1478/QĐ-UBND")
