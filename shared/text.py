"""Turkish-aware text folding for search and sorting."""

import unicodedata

# Dotted and dotless i are distinct letters in Turkish; Python's lower() maps "İ" to
# "i" plus a combining dot and "I" to "i". Searchers type either, with or without
# Turkish letters, so we fold every i-like letter and the other Turkish letters to
# their plain Latin base before indexing and before querying.
_TURKISH_FOLD = str.maketrans(
    {
        "İ": "i",
        "I": "i",
        "ı": "i",
        "Ş": "s",
        "ş": "s",
        "Ğ": "g",
        "ğ": "g",
        "Ç": "c",
        "ç": "c",
        "Ö": "o",
        "ö": "o",
        "Ü": "u",
        "ü": "u",
        "Â": "a",
        "â": "a",
        "Î": "i",
        "î": "i",
        "Û": "u",
        "û": "u",
    }
)


def fold(text: str) -> str:
    """Return text folded for case- and accent-insensitive Turkish matching."""
    text = unicodedata.normalize("NFC", text or "").translate(_TURKISH_FOLD).lower()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_TURKISH_ALPHABET = "aâbcçdefgğhıiîjklmnoöprsştuûüvyz"
_SORT_RANK = {ch: index for index, ch in enumerate(_TURKISH_ALPHABET)}


def turkish_lower(text: str) -> str:
    """Lower-case with the Turkish rules for I and İ."""
    return (text or "").replace("I", "ı").replace("İ", "i").lower()


def turkish_sort_key(text: str) -> tuple:
    """Sort key following the Turkish alphabet (ç after c, ı before i, ...)."""
    return tuple(
        (_SORT_RANK.get(ch, len(_TURKISH_ALPHABET) + ord(ch)), ch) for ch in turkish_lower(text)
    )


# The stored sort key (``turkish_collation_key``) spells every character as lower-case
# ASCII letters, so that the database sorts it right under any collation: binary
# (SQLite), C, or a locale's (PostgreSQL compares lower-case a-z in their order).
# Spaces and punctuation come first, then digits, then the letters in the Turkish
# alphabet (q, w and x of foreign words where most Turkish dictionaries put them).
_COLLATION_ORDER = (
    " "
    + "".join(ch for ch in map(chr, range(33, 127)) if not ch.isalnum())
    + "0123456789"
    + "aâbcçdefgğhıiîjklmnoöpqrsştuûüvwxyz"
)
_KEY_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _letters(number: int, width: int) -> str:
    digits = []
    for _position in range(width):
        number, remainder = divmod(number, 26)
        digits.append(_KEY_LETTERS[remainder])
    return "".join(reversed(digits))


# Known characters take two letters below "z"; any other takes "z" and five letters of
# its code point, so keys of mixed characters still compare character by character.
_COLLATION_CODES = {ch: _letters(rank, 2) for rank, ch in enumerate(_COLLATION_ORDER)}
COLLATION_KEY_WIDTH = 6  # the most letters one character takes


def _collation_code(ch: str) -> str:
    code = _COLLATION_CODES.get(ch)
    if code is None:
        # A letter with an accent Turkish does not use (é, ä) sorts with its base letter.
        base = unicodedata.normalize("NFD", ch)[0]
        code = _COLLATION_CODES.get(base) or "z" + _letters(ord(ch), 5)
    return code


def turkish_collation_key(text: str) -> str:
    """A text key that sorts in the Turkish alphabet by plain string comparison.

    Case is ignored the Turkish way (I is ı, İ is i) and runs of white space count as
    one space; store it in a column and let the database order by it.
    """
    words = " ".join(turkish_lower(unicodedata.normalize("NFC", text or "")).split())
    return "".join(_collation_code(ch) for ch in words)
