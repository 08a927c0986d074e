"""Turkish folding for search and the Turkish alphabetical order."""

import pytest

from shared.text import fold, turkish_lower, turkish_sort_key


@pytest.mark.parametrize("text", ["İzmir", "izmir", "İZMİR", "IZMIR", "ızmır", "IZMİR"])
def test_every_spelling_of_izmir_folds_alike(text):
    assert fold(text) == "izmir"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Şişli Çarşı", "sisli carsi"),
        ("ĞÜÖÇŞİI", "guocsii"),
        ("Gülümseyen Öğrenci", "gulumseyen ogrenci"),
        ("hâlâ Kâtip", "hala katip"),
        ("Îmar Ûmit", "imar umit"),
        ("café naïve", "cafe naive"),
    ],
)
def test_turkish_and_accented_letters_fold_to_latin(text, folded):
    assert fold(text) == folded


def test_fold_handles_decomposed_input():
    decomposed = "I\u0307zmir"  # "İ" typed as I + combining dot above
    assert fold(decomposed) == "izmir"


@pytest.mark.parametrize("empty", ["", None])
def test_fold_of_nothing_is_empty(empty):
    assert fold(empty) == ""


def test_turkish_lower_keeps_dotted_and_dotless_i_apart():
    assert turkish_lower("IŞIK İZMİR") == "ışık izmir"


def test_sort_follows_the_turkish_alphabet():
    words = ["Zeytin", "çiçek", "Ördek", "ıhlamur", "incir", "Cami", "Üzüm", "şeker", "Ilgaz"]
    assert sorted(words, key=turkish_sort_key) == [
        "Cami",
        "çiçek",
        "ıhlamur",
        "Ilgaz",
        "incir",
        "Ördek",
        "şeker",
        "Üzüm",
        "Zeytin",
    ]


def test_sort_puts_c_before_c_cedilla_and_g_before_soft_g():
    assert sorted(["ğ", "ç", "g", "c"], key=turkish_sort_key) == ["c", "ç", "g", "ğ"]


def test_sort_is_case_insensitive_in_turkish():
    assert turkish_sort_key("İSTANBUL") == turkish_sort_key("istanbul")
    assert turkish_sort_key("IRMAK") == turkish_sort_key("ırmak")


def test_shorter_prefix_sorts_first_and_unknown_characters_last():
    assert sorted(["Ankara", "Ank", "Ank-1"], key=turkish_sort_key) == ["Ank", "Ankara", "Ank-1"]
    assert sorted(["zz", "z2"], key=turkish_sort_key)[0] == "zz"
