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
