"""Whole numbers typed into query strings and forms, read without surprises.

``str.isdigit`` and ``int`` accept digits of every script ("٣", "३", "３") and any
size, so a page that trusts them passes 3 for an Arabic-Indic digit, or a number no
database column can hold (2**63), and answers with a 500. Everything the site reads
as a number or an id from a visitor goes through these instead.
"""

# The largest value of a 64-bit signed integer column (BigAutoField, SQLite INTEGER).
MAX_DATABASE_ID = 2**63 - 1


def parse_int(text, *, minimum: int, maximum: int) -> int | None:
    """The number written in ASCII digits in ``text``, or None when it is anything else
    or outside ``minimum``..``maximum``."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    # Bounding the length first keeps int() cheap on a very long string of digits.
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(maximum)):
        return None
    value = int(text)
    return value if minimum <= value <= maximum else None


def parse_id(text) -> int | None:
    """A database id (primary key) written in ``text``, or None."""
    return parse_int(text, minimum=1, maximum=MAX_DATABASE_ID)
